package view

import (
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// IntlPage is the page for international exhibitors: the text staff keep
// at its address (freight, travel), the exhibitor manual, the contacts
// that work from abroad, and the visa invitation letter request.
type IntlPage struct {
	*Page
	// Summary and IntroHTML: the content page, when staff have written one.
	Summary, IntroHTML string
	Form               *form.State
	Stamp              string // the form's signed start time
}

// Fields are the invitation letter request's inputs in page order.
func (v *IntlPage) Fields() []form.Field {
	today := v.Now.Format("2006-01-02")
	return []form.Field{
		{Name: "company", Label: v.T("visa.company"), Kind: form.Text, Required: true, Autocomplete: "organization", MaxLen: 200},
		{Name: "name", Label: v.T("visa.name"), Kind: form.Text, Required: true, Autocomplete: "name", MaxLen: 100,
			Attrs: map[string]string{"autocapitalize": "characters", "spellcheck": "false"}},
		{Name: "nationality", Label: v.T("visa.nationality"), Kind: form.Select, Required: true, Autocomplete: "country", Options: RegionOptions(v.Page)},
		{Name: "passport_no", Label: v.T("visa.passport_no"), Kind: form.Text, Required: true, Autocomplete: "off", MaxLen: 30,
			Attrs: map[string]string{"autocapitalize": "characters", "spellcheck": "false"}},
		{Name: "arrives_on", Label: v.T("visa.arrives_on"), Kind: form.Date, Required: true, Min: today},
		{Name: "departs_on", Label: v.T("visa.departs_on"), Kind: form.Date, Required: true, Min: today},
		{Name: "email", Label: v.T("visa.email"), Kind: form.Email, Required: true, Autocomplete: "email", MaxLen: 254, Hint: v.T("visa.email_hint")},
	}
}

// Field is one of Fields by name.
func (v *IntlPage) Field(name string) form.Field { return fieldNamed(v.Fields(), name) }

// VisaDone confirms a visa invitation letter request.
type VisaDone struct {
	*Page
	Req store.VisaRequest
}

// VisaAdmin is the organisers' list of invitation letter requests.
type VisaAdmin struct {
	*Admin
	Items []store.VisaRequest
	Total int // how many there are; Items holds the newest
}
