package form

import (
	"net/url"
	"testing"
)

func TestParseArea(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"18", 18, true}, {" ３６ ", 36, true}, {"36 m²", 36, true}, {"36平方米", 36, true}, {"9㎡", 9, true},
		{"0", 0, false}, {"10001", 0, false}, {"18.5", 0, false}, {"十八", 0, false}, {"", 0, false}, {"-9", 0, false},
	} {
		got, ok := parseArea(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseArea(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseApplicationWithABooth(t *testing.T) {
	a, errs := ParseApplication(url.Values{"company_en": {"Acme"}, "contact": {"Ann"}, "mobile": {"+44 20 7946 0958"},
		"email": {"Ann@Example.org"}, "booth": {"１a05"}, "categories": {"stem", "stem"}, "country": {"GB"}})
	if len(errs) != 0 {
		t.Fatalf("errors %v", errs)
	}
	// A booth needs no type or area; full-width and lower case are read as the number.
	if a.BoothNumber != "1A05" || a.Area != nil || a.Mobile != "+442079460958" || a.Email != "ann@example.org" || len(a.Categories) != 1 || a.Country != "GB" {
		t.Errorf("parsed %+v", a)
	}
	if _, errs := ParseApplication(url.Values{"booth": {"1A05; DROP"}}); errs["booth"] != "apply.err.no_booth" {
		t.Errorf("a malformed booth number: %v", errs)
	}
	// The country is one of the list's codes, never a name or a withdrawn code.
	for _, c := range []string{"", "China", "cn", "SU", "EU", "ZZ"} {
		if _, errs := ParseApplication(url.Values{"country": {c}}); errs["country"] != "apply.err.country" {
			t.Errorf("country %q: %v", c, errs)
		}
	}
}
