package form

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// Exhibitor is an exhibitor as typed, in the editor or a row of an import.
type Exhibitor struct {
	Names, Descriptions map[string]string // by language
	Booth, Hall         string
	Website             string
	Categories          []string
}

// Exhibitor field limits.
const (
	maxExhibitorName = 200
	maxExhibitorText = 2000
	maxWebsite       = 300
	MaxExhibitorName = maxExhibitorName
	MaxExhibitorText = maxExhibitorText
	MaxWebsite       = maxWebsite
	MaxBooth         = 10
)

var boothPattern = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{0,9}$`)

// ExhibitorValues fills the editor's form from a stored exhibitor.
func ExhibitorValues(e store.Exhibitor) url.Values {
	v := url.Values{"booth": {e.Booth}, "hall": {e.Hall}, "website": {e.Website}}
	if len(e.Categories) > 0 {
		v["category"] = slices.Clone(e.Categories)
	}
	for l, n := range e.Names {
		v.Set("name_"+l, n)
	}
	for l, d := range e.Descriptions {
		v.Set("description_"+l, d)
	}
	return v
}

// ParseExhibitor checks the editor's form for langs and returns what the
// store takes, with the errors keyed by field; halls are the codes of the
// halls there are. Booth numbers are kept in capitals, as printed on the
// floor plan.
func ParseExhibitor(v url.Values, langs, halls []string) (store.ExhibitorInput, Errors) {
	f := readExhibitor(v, langs)
	return f.Input(), f.Validate(halls)
}

// readExhibitor reads the form (or an import row made into one) as typed.
func readExhibitor(v url.Values, langs []string) Exhibitor {
	f := Exhibitor{
		Names: map[string]string{}, Descriptions: map[string]string{},
		Booth:   strings.ToUpper(strings.TrimSpace(v.Get("booth"))),
		Hall:    strings.TrimSpace(v.Get("hall")),
		Website: strings.TrimSpace(v.Get("website")),
	}
	for _, l := range langs {
		f.Names[l] = strings.TrimSpace(v.Get("name_" + l))
		f.Descriptions[l] = strings.TrimSpace(strings.ReplaceAll(v.Get("description_"+l), "\r\n", "\n"))
	}
	for _, c := range v["category"] {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(f.Categories, c) {
			f.Categories = append(f.Categories, c)
		}
	}
	return f
}

// Validate checks the form, with halls the codes of the halls there are;
// the keys are the fields' names.
func (f Exhibitor) Validate(halls []string) Errors {
	errs := Errors{}
	named := 0
	for l, n := range f.Names {
		d := f.Descriptions[l]
		switch {
		case !utf8.ValidString(n) || strings.ContainsRune(n, 0) || strings.ContainsAny(n, "\n\r\t"):
			errs["name_"+l] = "form.bad_text"
		case utf8.RuneCountInString(n) > maxExhibitorName:
			errs["name_"+l] = "form.too_long"
		case n == "" && d != "":
			errs["name_"+l] = "exhibitors.err.name_for_text"
		}
		if n != "" {
			named++
		}
		if !utf8.ValidString(d) || strings.ContainsRune(d, 0) {
			errs["description_"+l] = "form.bad_text"
		} else if utf8.RuneCountInString(d) > maxExhibitorText {
			errs["description_"+l] = "form.too_long"
		}
	}
	if named == 0 {
		for l := range f.Names {
			if _, taken := errs["name_"+l]; !taken {
				errs["name_"+l] = "exhibitors.err.name_needed"
			}
		}
	}
	if f.Booth != "" && !boothPattern.MatchString(f.Booth) {
		errs["booth"] = "exhibitors.err.booth"
	}
	if f.Hall != "" && !slices.Contains(halls, f.Hall) {
		errs["hall"] = "exhibitors.err.hall"
	}
	for _, c := range f.Categories {
		if !slices.Contains(store.ExhibitorCategories, c) {
			errs["category"] = "exhibitors.err.category"
		}
	}
	if f.Website != "" && !validWebsite(f.Website) {
		errs["website"] = "exhibitors.err.website"
	}
	return errs
}

// validWebsite accepts an absolute http(s) URL with a host and nothing a
// link should not carry (spaces, credentials). url.Parse lets bytes that are
// not UTF-8 through, which the database would refuse.
func validWebsite(s string) bool {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxWebsite || strings.ContainsAny(s, " \t\r\n\"<>\\") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil {
		return false
	}
	host := u.Hostname()
	return host != "" && !strings.HasPrefix(host, ".") && !strings.HasSuffix(host, ".")
}

// Input is the valid form as the store takes it; categories keep the
// scope's order.
func (f Exhibitor) Input() store.ExhibitorInput {
	in := store.ExhibitorInput{Names: map[string]string{}, Descriptions: map[string]string{},
		Booth: f.Booth, Hall: f.Hall, Website: f.Website}
	for l, n := range f.Names {
		if n != "" {
			in.Names[l], in.Descriptions[l] = n, f.Descriptions[l]
		}
	}
	for _, c := range store.ExhibitorCategories {
		if slices.Contains(f.Categories, c) {
			in.Categories = append(in.Categories, c)
		}
	}
	return in
}
