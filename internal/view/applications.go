package view

import (
	"net/url"
	"strconv"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// ApplyForm is the public booth application.
type ApplyForm struct {
	*Page
	// IntroHTML: the content page staff keep at this address, shown above
	// the form when there is one.
	IntroHTML string
	Form      *form.State
	Booth     *store.Booth // the booth chosen on the map, if any
	// Taken is the booth the notice apply.err.booth_taken names: chosen,
	// but someone else has it now.
	Taken string
	Stamp string // the form's signed start time
}

// T is the page's T, with the taken booth's number filled into the one
// notice that names it (a notice is a key, and carries no arguments).
func (v *ApplyForm) T(key string, args ...any) string {
	if key == "apply.err.booth_taken" && len(args) == 0 {
		args = []any{v.Taken}
	}
	return v.Page.T(key, args...)
}

// Fields are the form's inputs in page order. "booth" is the booth chosen
// on the map: no input of its own, but its error leads to its fieldset.
func (v *ApplyForm) Fields() []form.Field {
	var types []form.Option
	for _, t := range store.BoothTypes {
		types = append(types, form.Option{Value: t, Label: v.T("booths.type." + t), Hint: v.T("apply.type_hint." + t)})
	}
	var cats []form.Option
	for _, c := range store.ExhibitorCategories {
		cats = append(cats, form.Option{Value: c, Label: v.T("category." + c)})
	}
	return []form.Field{
		{Name: "company_zh", Label: v.T("apply.company_zh"), Kind: form.Text, Autocomplete: "organization", MaxLen: 200, Lang: "zh", Describes: "company-hint"},
		{Name: "company_en", Label: v.T("apply.company_en"), Kind: form.Text, Autocomplete: "organization", MaxLen: 200, Lang: "en", Describes: "company-hint"},
		{Name: "country", Label: v.T("apply.country"), Kind: form.Select, Required: true, Autocomplete: "country", Options: RegionOptions(v.Page)},
		{Name: "contact", Label: v.T("apply.contact"), Kind: form.Text, Required: true, Autocomplete: "name", MaxLen: 100},
		{Name: "mobile", Label: v.T("apply.mobile"), Kind: form.Tel, Required: true, Autocomplete: "tel", MaxLen: 40, Hint: v.T("apply.mobile_hint")},
		{Name: "email", Label: v.T("apply.email"), Kind: form.Email, Required: true, Autocomplete: "email", MaxLen: 254},
		{Name: "booth", Label: v.T("apply.booth"), ID: "booth-choice"},
		{Name: "booth_type", Label: v.T("apply.booth_type"), Kind: form.Radios, Required: true, Options: types},
		{Name: "area", Label: v.T("apply.area"), Kind: form.Decimal, Required: true, Autocomplete: "off", MaxLen: 12, Hint: v.T("apply.area_hint")},
		{Name: "categories", Label: v.T("apply.categories"), Kind: form.Checkboxes, Required: true, Hint: v.T("apply.categories_hint"), Options: cats},
		{Name: "message", Label: v.T("apply.message"), Kind: form.TextArea, Rows: 5, MaxLen: 2000, Hint: v.T("apply.message_hint")},
	}
}

// Field is one of Fields by name.
func (v *ApplyForm) Field(name string) form.Field { return fieldNamed(v.Fields(), name) }

// BoothLine describes a booth as "Booth 1A05, 3 m × 3 m, Standard booth".
func (p *Page) BoothLine(b store.Booth) string {
	return p.T("apply.booth_chosen", b.Number, b.Width, b.Depth, p.T("booths.type."+b.Type))
}

// HallName is a hall's name in the reader's language ("Hall 1"), from the
// halls the page or the back office frame holds; a hall no longer there
// shows its code.
func HallName(t interface{ HallName(string) string }, hall string) string {
	return t.HallName(hall)
}

// ApplyDone is the confirmation page of a booth application.
type ApplyDone struct {
	*Page
	App store.Application
}

// Space says what was asked for: the booth, or a type and area.
func (v *ApplyDone) Space() string { return ApplicationSpace(v.Page, v.App) }

// ApplicationSpace is the booth line of an application, or its type and
// area when it names no booth.
func ApplicationSpace(t interface{ T(string, ...any) string }, a store.Application) string {
	if a.Booth != nil {
		return t.T("apply.booth_chosen", a.Booth.Number, a.Booth.Width, a.Booth.Depth, t.T("booths.type."+a.Booth.Type))
	}
	area := 0
	if a.Area != nil {
		area = *a.Area
	}
	return t.T("apply.area_value", t.T("booths.type."+a.BoothType), area)
}

// ApplicationsAdmin is the organisers' inbox.
type ApplicationsAdmin struct {
	*Admin
	Items        []store.Application
	Counts       map[string]int
	Status, Hall string
	Halls        []string
}

// Total is how many applications the counts cover.
func (v *ApplicationsAdmin) Total() int {
	n := 0
	for _, c := range v.Counts {
		n += c
	}
	return n
}

// FilterHref is the inbox with status (and the current hall) chosen.
func (v *ApplicationsAdmin) FilterHref(status string) string {
	q := url.Values{}
	if status != "" {
		q.Set("status", status)
	}
	if v.Hall != "" {
		q.Set("hall", v.Hall)
	}
	if len(q) == 0 {
		return "/admin/applications"
	}
	return "/admin/applications?" + q.Encode()
}

// ExportHref downloads what the filters show.
func (v *ApplicationsAdmin) ExportHref() string {
	q := url.Values{}
	if v.Status != "" {
		q.Set("status", v.Status)
	}
	if v.Hall != "" {
		q.Set("hall", v.Hall)
	}
	if len(q) == 0 {
		return "/admin/applications/export"
	}
	return "/admin/applications/export?" + q.Encode()
}

// Space is an application's booth or type and area.
func (v *ApplicationsAdmin) Space(a store.Application) string { return ApplicationSpace(v.Admin, a) }

// HallName is a hall's label in the staff member's language.
func (v *ApplicationsAdmin) HallName(h string) string { return HallName(v.Admin, h) }

// ApplicationDetail is one application in the back office.
type ApplicationDetail struct {
	*Admin
	App    store.Application
	Notes  []store.ApplicationNote
	Moves  []store.ApplicationStatus // the statuses it may move to
	Booths []store.Booth             // what may be assigned: available booths
	// Move and Note are the page's two forms, as saved or as posted.
	Move, Note *form.State
	Moved      bool
	Noted      bool
	// TakenNumber is the booth that apply.admin.err.taken is about.
	TakenNumber string
}

// T is the page's words; the one error with an argument, a booth taken
// meanwhile, names the booth.
func (v *ApplicationDetail) T(key string, args ...any) string {
	if key == "apply.admin.err.taken" && len(args) == 0 {
		args = []any{v.TakenNumber}
	}
	return v.Admin.T(key, args...)
}

// MoveFields are the status form's inputs: the statuses it may move to,
// and the free booths hall by hall after keeping the booth it has.
func (v *ApplicationDetail) MoveFields() []form.Field {
	var moves []form.Option
	for _, st := range v.Moves {
		moves = append(moves, form.Option{Value: string(st), Label: v.T("apply.status." + string(st))})
	}
	keep := form.Option{Value: "", Label: v.T("apply.admin.no_booth")}
	if v.App.Booth != nil {
		keep.Label = v.T("apply.admin.keep_booth") + " (" + v.App.Booth.Number + ")"
	}
	booths := []form.Option{keep}
	for _, b := range v.Booths {
		booths = append(booths, form.Option{Value: b.Number, Label: v.BoothOption(b), Group: v.HallName(b.Hall)})
	}
	return []form.Field{
		{Name: "status", Label: v.T("apply.admin.new_status"), Kind: form.Select, Required: true, Options: moves},
		{Name: "booth", Label: v.T("apply.admin.assign"), Hint: v.T("apply.admin.assign_hint"), Kind: form.Select, Options: booths},
	}
}

// NoteFields are the note form's one input.
func (v *ApplicationDetail) NoteFields() []form.Field {
	return []form.Field{{Name: "note", Label: v.T("apply.admin.note"), Hint: v.T("apply.admin.note_hint"), Kind: form.TextArea, Rows: 3, Required: true, MaxLen: form.MaxNote}}
}

// Refused is the form that came back, for the error summary, or nil.
func (v *ApplicationDetail) Refused() (*form.State, []form.Field) {
	if v.Note.Invalid() {
		return v.Note, v.NoteFields()
	}
	if v.Move.Invalid() {
		return v.Move, v.MoveFields()
	}
	return nil, nil
}

// Space is the application's booth or type and area.
func (v *ApplicationDetail) Space() string { return ApplicationSpace(v.Admin, v.App) }

// HallName is a hall's label in the staff member's language.
func (v *ApplicationDetail) HallName(h string) string { return HallName(v.Admin, h) }

// LangName is a language's name in itself ("中文", "English"), or its code.
func (v *ApplicationDetail) LangName(code string) string {
	for _, l := range v.Langs {
		if l.Code == code {
			return l.Native
		}
	}
	return code
}

// BoothOption is the label of a booth in the assignment list.
func (v *ApplicationDetail) BoothOption(b store.Booth) string {
	return b.Number + " · " + HallName(v.Admin, b.Hall) + " · " + strconv.Itoa(b.Width) + "×" + strconv.Itoa(b.Depth) + " m · " + v.T("booths.type."+b.Type)
}

// Category is a product category's label.
func (v *ApplicationDetail) Category(slug string) string { return v.T("category." + slug) }
