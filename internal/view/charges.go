package view

import (
	"maps"
	"slices"
	"time"

	"golang.org/x/text/currency"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// ChargeGroup is one kind of item on the price list, in order.
type ChargeGroup struct {
	Kind  string
	Items []store.Charge
}

// GroupCharges splits items (already in price-list order) by kind.
func GroupCharges(items []store.Charge) []ChargeGroup {
	var out []ChargeGroup
	for _, c := range items {
		if len(out) == 0 || out[len(out)-1].Kind != c.Kind {
			out = append(out, ChargeGroup{Kind: c.Kind})
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, c)
	}
	return out
}

// chargeText is an item's words in lang, else in the first language that
// has them (by code, so the choice is stable).
func chargeText(c store.Charge, lang, fallback string) store.ChargeText {
	if t, ok := c.Texts[lang]; ok {
		return t
	}
	if t, ok := c.Texts[fallback]; ok {
		return t
	}
	for _, l := range slices.Sorted(maps.Keys(c.Texts)) {
		return c.Texts[l]
	}
	return store.ChargeText{}
}

// Charges is the public price list: the items in force today.
type Charges struct {
	*Page
	Groups []ChargeGroup
	AnyUSD bool // show the USD column
}

// NewCharges builds the price list page from the items in force.
func NewCharges(p *Page, items []store.Charge) *Charges {
	v := &Charges{Page: p, Groups: GroupCharges(items)}
	for _, c := range items {
		v.AnyUSD = v.AnyUSD || c.PriceUSD != nil
	}
	return v
}

// Text is an item's name and note in the page's language.
func (v *Charges) Text(c store.Charge) store.ChargeText {
	return chargeText(c, v.Lang.Code, v.Alternates[0].Lang.Code)
}

// CNY formats fen as the language writes yuan.
func (v *Charges) CNY(m int64) string { return v.Money(m, currency.CNY) }

// USD formats cents, or "" when the item has no dollar price.
func (v *Charges) USD(m *int64) string {
	if m == nil {
		return ""
	}
	return v.Money(*m, currency.USD)
}

// Columns is how many columns the table has.
func (v *Charges) Columns() int {
	if v.AnyUSD {
		return 5
	}
	return 4
}

// ChargesAdmin is the back office's price list: every item.
type ChargesAdmin struct {
	*Admin
	Groups  []ChargeGroup
	Today   time.Time // in the expo's time zone
	Deleted bool
}

// Name is an item's name in the staff member's language, else another.
func (a *ChargesAdmin) Name(c store.Charge) string {
	return chargeText(c, a.Lang.Code, a.Langs[0].Code).Name
}

// CNY formats fen.
func (a *ChargesAdmin) CNY(m int64) string { return a.Money(m, currency.CNY) }

// USD formats cents, or "–" when there is none.
func (a *ChargesAdmin) USD(m *int64) string {
	if m == nil {
		return "–"
	}
	return a.Money(*m, currency.USD)
}

// Window describes an item's days ("No limit", "From 1 March 2027").
func (a *ChargesAdmin) Window(c store.Charge) string {
	switch {
	case c.ValidFrom == nil && c.ValidUntil == nil:
		return a.T("charges.admin.always")
	case c.ValidFrom == nil:
		return a.T("charges.admin.window_until", a.Date(*c.ValidUntil))
	case c.ValidUntil == nil:
		return a.T("charges.admin.window_from", a.Date(*c.ValidFrom))
	}
	return a.T("charges.admin.window", a.Date(*c.ValidFrom), a.Date(*c.ValidUntil))
}

// State is the key of an item's state today: in force, ended, not yet.
func (a *ChargesAdmin) State(c store.Charge) string {
	today := time.Date(a.Today.Year(), a.Today.Month(), a.Today.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case c.ValidUntil != nil && c.ValidUntil.Before(today):
		return "charges.admin.state.ended"
	case c.ValidFrom != nil && c.ValidFrom.After(today):
		return "charges.admin.state.future"
	}
	return "charges.admin.state.now"
}

// ChargeEditor edits one item, or confirms its deletion.
type ChargeEditor struct {
	*Admin
	ID      int64 // 0 for a new item
	Form    *form.State
	Saved   bool
	Confirm bool   // asking whether to delete
	Name    string // the item's name, for the confirmation
}

// Fields are the editor's inputs in the order shown: the item, then its
// words in each language (the first language's name is required).
func (e *ChargeEditor) Fields() []form.Field {
	options := func(values []string, prefix string) []form.Option {
		var out []form.Option
		for _, v := range values {
			out = append(out, form.Option{Value: v, Label: e.T(prefix + v)})
		}
		return out
	}
	price := e.T("charges.admin.price_hint")
	fs := []form.Field{
		{Name: "kind", Label: e.T("charges.admin.kind"), Kind: form.Select, Required: true, Options: options(store.ChargeKinds, "charges.kind.")},
		{Name: "unit", Label: e.T("charges.admin.unit"), Kind: form.Select, Required: true, Options: options(store.ChargeUnits, "charges.unit.")},
		{Name: "price_cny", Label: e.T("charges.admin.cny"), Kind: form.Decimal, Required: true, Hint: price},
		{Name: "price_usd", Label: e.T("charges.admin.usd"), Kind: form.Decimal, Hint: price},
		{Name: "valid_from", Label: e.T("charges.admin.from"), Kind: form.Date, Describes: "window-hint"},
		{Name: "valid_until", Label: e.T("charges.admin.until"), Kind: form.Date, Describes: "window-hint"},
		{Name: "sort", Label: e.T("charges.admin.sort"), Kind: form.Number},
	}
	for i, l := range e.Langs {
		fs = append(fs,
			form.Field{Name: "name_" + l.Code, Label: e.T("charges.admin.name"), Kind: form.Text, Required: i == 0, Lang: l.Code, MaxLen: form.MaxChargeName},
			form.Field{Name: "note_" + l.Code, Label: e.T("charges.admin.note"), Kind: form.Text, Lang: l.Code, MaxLen: form.MaxChargeNote})
	}
	return fs
}

// Field is one of Fields by name.
func (e *ChargeEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }
