package form

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/expoportal/portal/internal/store"
)

// Field limits of the booth application.
const (
	maxCompany = 200
	maxContact = 100
	maxMessage = 2000
	maxArea    = 10000 // m², the schema's limit too
)

// Application is the public booth application as typed: the fields for
// the store, and the booth number asked for (the handler looks it up).
type Application struct {
	store.Application
	BoothNumber string
}

// ParseApplication checks the booth application form. With a booth
// number the booth gives the type and size; without one a booth type and
// an area are needed. At least one of the company's names is needed.
func ParseApplication(v url.Values) (Application, Errors) {
	errs := Errors{}
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	var a Application
	a.CompanyZH, a.CompanyEN, a.Contact, a.Message = get("company_zh"), get("company_en"), get("contact"), get("message")
	for _, f := range []struct {
		name, value string
		max         int
	}{
		{"company_zh", a.CompanyZH, maxCompany}, {"company_en", a.CompanyEN, maxCompany},
		{"contact", a.Contact, maxContact}, {"message", a.Message, maxMessage},
	} {
		switch {
		case BadText(f.value, f.name == "message"):
			errs[f.name] = "form.bad_text"
		case utf8.RuneCountInString(f.value) > f.max:
			errs[f.name] = "form.too_long"
		}
	}
	if a.CompanyZH == "" && a.CompanyEN == "" {
		errs["company_zh"] = "apply.err.company"
	}
	if a.Contact == "" {
		errs["contact"] = "apply.err.contact"
	}
	var key string
	if a.Mobile, key = ParsePhone(v.Get("mobile")); key != "" {
		errs["mobile"] = key
	}
	if a.Email, key = ParseEmail(v.Get("email")); key != "" {
		errs["email"] = key
	}
	if a.Country, key = ParseCountry(v); key != "" {
		errs["country"] = key
	}
	a.BoothNumber = strings.ToUpper(width.Fold.String(get("booth")))
	if a.BoothNumber != "" {
		if !boothNumber.MatchString(a.BoothNumber) {
			errs["booth"] = "apply.err.no_booth"
		}
	} else {
		a.BoothType = get("booth_type")
		if !slices.Contains(store.BoothTypes, a.BoothType) {
			errs["booth_type"] = "apply.err.booth_type"
		}
		if n, ok := parseArea(v.Get("area")); ok {
			a.Area = &n
		} else {
			errs["area"] = "apply.err.area"
		}
	}
	for _, c := range v["categories"] {
		if !slices.Contains(store.ExhibitorCategories, c) {
			errs["categories"] = "apply.err.categories"
		} else if !slices.Contains(a.Categories, c) {
			a.Categories = append(a.Categories, c)
		}
	}
	if len(a.Categories) == 0 {
		errs["categories"] = "apply.err.categories"
	}
	return a, errs
}

// parseArea reads square metres as people type them: "36", "３６", "36 m²",
// "36平方米". Whole metres from 1 to maxArea.
func parseArea(s string) (int, bool) {
	s = strings.TrimSpace(width.Fold.String(s))
	for _, unit := range []string{"平方米", "平米", "m²", "m2", "sqm", "㎡"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxArea {
		return 0, false
	}
	return n, true
}
