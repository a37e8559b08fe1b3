package form

import (
	"golang.org/x/text/width"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// maxMinor is the largest price staff may enter, in minor units: 100
// million yuan or dollars; anything above is a typing slip (the schema
// allows it, the form does not).
const maxMinor = 100_000_000_00

// Field limits for the price list.
const (
	MaxChargeName = 200
	MaxChargeNote = 500
)

// ChargeValues fills the editor's form from a stored item.
func ChargeValues(c store.Charge) url.Values {
	v := url.Values{}
	v.Set("kind", c.Kind)
	v.Set("unit", c.Unit)
	v.Set("price_cny", MinorText(c.PriceCNY))
	if c.PriceUSD != nil {
		v.Set("price_usd", MinorText(*c.PriceUSD))
	}
	if c.ValidFrom != nil {
		v.Set("valid_from", c.ValidFrom.Format(time.DateOnly))
	}
	if c.ValidUntil != nil {
		v.Set("valid_until", c.ValidUntil.Format(time.DateOnly))
	}
	v.Set("sort", strconv.Itoa(c.Sort))
	for l, t := range c.Texts {
		v.Set("name_"+l, t.Name)
		v.Set("note_"+l, t.Note)
	}
	return v
}

// MinorText writes minor units as staff type them: 1280000 -> "12800",
// 1280050 -> "12800.50".
func MinorText(m int64) string {
	s := strconv.FormatInt(m/100, 10)
	if m%100 != 0 {
		s += "." + strconv.FormatInt(m%100/10, 10) + strconv.FormatInt(m%10, 10)
	}
	return s
}

// ParseCharge checks the editor's form. Names are required in the first
// (default) language of langs; another language without a name is left out.
func ParseCharge(v url.Values, langs []string) (store.Charge, Errors) {
	errs := Errors{}
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	c := store.Charge{Kind: get("kind"), Unit: get("unit"), Texts: map[string]store.ChargeText{}}
	if !slices.Contains(store.ChargeKinds, c.Kind) {
		errs["kind"] = "charges.err.kind"
	}
	if !slices.Contains(store.ChargeUnits, c.Unit) {
		errs["unit"] = "charges.err.unit"
	}
	if m, key := ParseMoney(get("price_cny"), "CNY"); key != "" {
		errs["price_cny"] = key
	} else {
		c.PriceCNY = m
	}
	if s := get("price_usd"); s != "" {
		if m, key := ParseMoney(s, "USD"); key != "" {
			errs["price_usd"] = key
		} else {
			c.PriceUSD = &m
		}
	}
	day := func(k string) *time.Time {
		s := get(k)
		if s == "" {
			return nil
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil || d.Year() < 2000 || d.Year() > 2200 {
			errs[k] = "charges.err.date"
			return nil
		}
		return &d
	}
	c.ValidFrom, c.ValidUntil = day("valid_from"), day("valid_until")
	if c.ValidFrom != nil && c.ValidUntil != nil && c.ValidUntil.Before(*c.ValidFrom) {
		errs["valid_until"] = "charges.err.until"
	}
	if s := get("sort"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 9999 {
			errs["sort"] = "charges.err.sort"
		}
		c.Sort = n
	}
	for i, l := range langs {
		t := store.ChargeText{Lang: l, Name: get("name_" + l), Note: get("note_" + l)}
		switch {
		case t.Name == "" && (i == 0 || t.Note != ""):
			errs["name_"+l] = "charges.err.name"
		case utf8.RuneCountInString(t.Name) > MaxChargeName:
			errs["name_"+l] = "form.too_long"
		}
		if utf8.RuneCountInString(t.Note) > MaxChargeNote {
			errs["note_"+l] = "form.too_long"
		}
		for _, f := range []string{"name_" + l, "note_" + l} {
			if s := v.Get(f); !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				errs[f] = "form.bad_text"
			}
		}
		if t.Name != "" {
			c.Texts[l] = t
		}
	}
	return c, errs
}

// ParseMoney reads an amount as staff type it ("12800", "12,800",
// "12800.50", "¥12,800") into minor units; it returns an error key instead
// when the amount is not a number, negative, has more than two decimals or
// is absurdly large. No floats: digits go straight into an int64.
func ParseMoney(s, currency string) (int64, string) {
	// Full-width digits and signs come from Chinese input methods.
	s = strings.TrimSpace(width.Fold.String(s))
	// The currency's own marks first, so that "¥$5" is always refused for
	// the other currency's mark (a map's order changed the message).
	marks := []struct {
		cur string
		ps  []string
	}{{"CNY", []string{"CN¥", "RMB", "CNY", "¥"}}, {"USD", []string{"US$", "USD", "$"}}}
	if currency == "USD" {
		marks[0], marks[1] = marks[1], marks[0]
	}
	for _, m := range marks {
		cur, ps := m.cur, m.ps
		for _, p := range ps {
			if rest, ok := strings.CutPrefix(s, p); ok {
				if cur != currency {
					return 0, "charges.err.currency"
				}
				s = strings.TrimSpace(rest)
			}
		}
	}
	if strings.HasSuffix(s, "元") && currency != "CNY" {
		return 0, "charges.err.currency"
	}
	s = strings.NewReplacer(",", "", " ", "", "\u00a0", "", "元", "").Replace(s)
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		return 0, "charges.err.negative"
	}
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || (dot && frac == "") || !digits(whole) || !digits(frac) {
		return 0, "charges.err.money"
	}
	if len(frac) > 2 {
		return 0, "charges.err.decimals"
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 9 {
		return 0, "charges.err.too_large"
	}
	w, _ := strconv.ParseInt("0"+whole, 10, 64)
	f, _ := strconv.ParseInt((frac + "00")[:2], 10, 64)
	m := w*100 + f
	if m > maxMinor {
		return 0, "charges.err.too_large"
	}
	return m, ""
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
