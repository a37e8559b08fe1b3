package i18n

import (
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Region is a country or region a company or a passport comes from: its
// ISO 3166-1 code and its name in one language.
type Region struct {
	Code, Name string
}

// notRegions are two-letter codes x/text parses as countries that are not
// current ISO 3166-1 codes: reservations (AC, EA, IC...), withdrawn ones
// (SU, YU, AN...) and aliases (UK for GB). An applicant picks from today's
// list; a stored code stays one of these.
var notRegions = []string{"AC", "AN", "BU", "CP", "CQ", "CS", "CT", "DD", "DG", "DY", "EA", "EZ", "FQ", "FX",
	"HV", "IC", "JT", "MI", "NH", "NQ", "NT", "PC", "PU", "PZ", "RH", "SU", "TA", "TP", "UK", "UN", "VD",
	"WK", "YD", "YU", "ZR"}

// regionCodes is every code of the list, computed once from x/text's own
// data rather than kept by hand.
var regionCodes = sync.OnceValue(func() []language.Region {
	var out []language.Region
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.IsPrivateUse() || r.String() != code || slices.Contains(notRegions, code) {
				continue
			}
			out = append(out, r)
		}
	}
	return out
})

// IsRegion reports whether code is one of the list's codes ("CN", "DE").
func IsRegion(code string) bool {
	if len(code) != 2 {
		return false
	}
	return slices.ContainsFunc(regionCodes(), func(r language.Region) bool { return r.String() == code })
}

var regionLists sync.Map // language code -> []Region

// Regions is the list of countries and regions for a select, named in
// the printer's language: China first (most applicants are there), then the rest in the
// order readers of lang expect (pinyin order in Chinese).
func (p *Printer) Regions() []Region {
	lang := p.Lang
	if l, ok := regionLists.Load(lang.Code); ok {
		return l.([]Region)
	}
	namer := display.Regions(lang.Tag)
	var out []Region
	for _, r := range regionCodes() {
		if r.String() == "CN" {
			continue
		}
		out = append(out, Region{Code: r.String(), Name: regionName(namer, r)})
	}
	col := collate.New(lang.Tag)
	slices.SortFunc(out, func(a, b Region) int { return col.CompareString(a.Name, b.Name) })
	cn := language.MustParseRegion("CN")
	out = append([]Region{{Code: "CN", Name: regionName(namer, cn)}}, out...)
	regionLists.Store(lang.Code, out)
	return out
}

// RegionName is code's name in the printer's language, or the code itself when it is none
// of the list's (an old application's, or nothing).
func (p *Printer) RegionName(code string) string {
	r, err := language.ParseRegion(code)
	if err != nil || !IsRegion(code) {
		return code
	}
	return regionName(display.Regions(p.Lang.Tag), r)
}

func regionName(n display.Namer, r language.Region) string {
	if name := n.Name(r); name != "" {
		return name
	}
	return r.String()
}
