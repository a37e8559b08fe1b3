package view

import (
	"net/url"
	"slices"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// HallsAdmin is the back office's list of halls, in order.
type HallsAdmin struct {
	*Admin
	Items   []HallRow
	Deleted bool
	Moved   bool
}

// HallRow is one hall in the list.
type HallRow struct {
	store.Hall
	Name  string // in the staff member's language
	Use   store.HallUse
	Href  string // the editor
	First bool   // cannot move up
	Last  bool   // cannot move down
}

// NewHallsAdmin lists halls with what is in each.
func NewHallsAdmin(a *Admin, halls store.Halls, uses map[string]store.HallUse) *HallsAdmin {
	v := &HallsAdmin{Admin: a}
	for i, h := range halls {
		v.Items = append(v.Items, HallRow{Hall: h, Name: h.Name(a.Lang.Code), Use: uses[h.Code], Href: HallHref(h.Code),
			First: i == 0, Last: i == len(halls)-1})
	}
	return v
}

// HallHref is a hall's editor.
func HallHref(code string) string { return "/admin/halls/" + url.PathEscape(code) }

// Outline is "60 m × 45 m", or that none is drawn.
func (v *HallsAdmin) Outline(h store.Hall) string {
	if !h.Drawn() {
		return v.T("halls.admin.no_outline")
	}
	return v.T("hallmap.size", h.Width, h.Depth)
}

// HallEditor creates or edits a hall (code, names, order, outline and
// doors), or confirms its removal.
type HallEditor struct {
	*Admin
	Code   string // "" for a new hall
	Form   *form.State
	Saved  bool
	Map    *HallMap // the hall as saved, with its booths
	Name   string   // the hall's name, for the confirmation
	InUse  *store.HallInUse
	Other  string // what a refusal by the store names: the booth outside, the taken code
	Public string // the public hall map of this hall
}

// hallRefusals are the store's refusals, whose messages name Other.
var hallRefusals = []string{"halls.err.taken", "halls.err.outside"}

// T is the staff member's words; a refusal by the store names what it ran
// into, so the form kit shows it like any field error.
func (e *HallEditor) T(key string, args ...any) string {
	if len(args) == 0 && e.Other != "" && slices.Contains(hallRefusals, key) {
		return e.Admin.T(key, e.Other)
	}
	return e.Admin.T(key, args...)
}

// DoorRows is how many door rows the editor shows: those typed or saved,
// and two empty ones to add doors with.
func (e *HallEditor) DoorRows() []int {
	n := min(form.DoorRows(e.Form.Values)+2, form.MaxDoors)
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// DoorFields are one door row's fields: wall, distance along it, width.
func (e *HallEditor) DoorFields(i int) []form.Field {
	side, at, wide := form.DoorKeys(i)
	sides := []form.Option{{Value: "", Label: e.T("halls.side.none")}}
	for _, s := range store.DoorSides {
		sides = append(sides, form.Option{Value: s, Label: e.T("halls.side." + s)})
	}
	return []form.Field{
		{Name: side, Label: e.T("halls.admin.door_side"), Kind: form.Select, Options: sides},
		{Name: at, Label: e.T("halls.admin.door_at"), Kind: form.Decimal, MaxLen: 5, Autocomplete: "off"},
		{Name: wide, Label: e.T("halls.admin.door_width"), Kind: form.Decimal, MaxLen: 3, Autocomplete: "off"},
	}
}

// Fields are the editor's inputs in order: the code (a new hall's only),
// the names in every language, the order, the outline, then the doors.
// Metres are text with a numeric keyboard, as in the booth editor.
func (e *HallEditor) Fields() []form.Field {
	var fs []form.Field
	if e.Code == "" {
		fs = append(fs, form.Field{Name: "code", Label: e.T("halls.admin.code"), Kind: form.Text, Required: true,
			Hint: e.T("halls.admin.code_hint"), MaxLen: form.MaxHallCode, Autocomplete: "off"})
	}
	for i, l := range e.Langs {
		fs = append(fs, form.Field{Name: "name_" + l.Code, Label: e.T("halls.admin.name") + " · " + l.Native, Kind: form.Text,
			Required: i == 0, Lang: l.Code, MaxLen: form.MaxHallName})
	}
	fs = append(fs,
		form.Field{Name: "position", Label: e.T("halls.admin.position"), Kind: form.Decimal, Required: true, Hint: e.T("halls.admin.position_hint"), MaxLen: 3},
		form.Field{Name: "width", Label: e.T("halls.admin.width"), Kind: form.Decimal, MaxLen: 4, Describes: "outline-hint"},
		form.Field{Name: "depth", Label: e.T("halls.admin.depth"), Kind: form.Decimal, MaxLen: 4, Describes: "outline-hint"},
	)
	for _, i := range e.DoorRows() {
		fs = append(fs, e.DoorFields(i)...)
	}
	return fs
}

// Field is one of Fields by name.
func (e *HallEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }

// DoorLegend is "Door 2".
func (e *HallEditor) DoorLegend(i int) string { return e.T("halls.admin.door", i+1) }

// Action is where the form posts.
func (e *HallEditor) Action() string {
	if e.Code == "" {
		return "/admin/halls/new"
	}
	return HallHref(e.Code)
}

// UsedLines say what keeps the hall from going.
func (e *HallEditor) UsedLines() []string {
	var out []string
	if e.InUse == nil {
		return out
	}
	if e.InUse.Booths > 0 {
		out = append(out, e.T("halls.admin.used_booths", e.InUse.Booths, e.InUse.Booth))
	}
	if e.InUse.Exhibitors > 0 {
		out = append(out, e.T("halls.admin.used_exhibitors", e.InUse.Exhibitors, e.InUse.Exhibitor))
	}
	return out
}
