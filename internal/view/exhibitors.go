package view

import (
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// ExhibitorItem is an exhibitor as a page in one language shows it.
type ExhibitorItem struct {
	store.Exhibitor
	Name, NameLang   string // the name shown and its language (a fallback when the page's has none)
	About, AboutLang string // the description shown and its language
	Href             string
}

// ExhibitorList is the public directory with its filters.
type ExhibitorList struct {
	*Page
	Items             []ExhibitorItem
	Total             int
	Pager             Pager
	Category, Hall, Q string // the filters in force
	Categories        []string
	Filtered          bool
}

// ExhibitorPage is one exhibitor.
type ExhibitorPage struct {
	*Page
	ExhibitorItem
	LogoLarge *store.Image
	ListHref  string
}

// ExhibitorsAdmin is the back office's list of exhibitors.
type ExhibitorsAdmin struct {
	*Admin
	Items   []ExhibitorItem
	Q       string
	Deleted bool
	// Imported is what an import just did: created, updated, skipped.
	Imported []int64
}

// ExhibitorEditor edits one exhibitor, every language side by side.
type ExhibitorEditor struct {
	*Admin
	ID         int64 // 0 for a new exhibitor
	Form       *form.State
	Saved      bool
	LogoURL    string // the current logo's thumbnail
	PublicHref string
}

// Fields are the editor's inputs in the order shown: the exhibitor's
// facts, its logo, its categories, then its words in each language.
func (e *ExhibitorEditor) Fields() []form.Field {
	halls := append([]form.Option{{Value: "", Label: e.T("exhibitors.admin.no_hall")}}, hallOptions(e.Halls, e.Lang.Code)...)
	var cats []form.Option
	for _, c := range store.ExhibitorCategories {
		cats = append(cats, form.Option{Value: c, Label: e.T("category." + c)})
	}
	fs := []form.Field{
		{Name: "booth", Label: e.T("exhibitors.admin.booth"), Kind: form.Text, Hint: e.T("exhibitors.admin.booth_hint"), MaxLen: form.MaxBooth, Autocomplete: "off"},
		{Name: "hall", Label: e.T("exhibitors.admin.hall"), Kind: form.Select, Options: halls},
		{Name: "website", Label: e.T("exhibitors.admin.website"), Kind: form.URL, Hint: e.T("exhibitors.admin.website_hint"), MaxLen: form.MaxWebsite},
		{Name: "logo", Label: e.T("exhibitors.admin.logo"), Kind: form.File, Accept: "image/jpeg,image/png,image/gif"},
		{Name: "remove_logo", Label: e.T("exhibitors.admin.logo_remove"), Kind: form.Checkbox},
		{Name: "category", Label: e.T("exhibitors.admin.categories"), Kind: form.Checkboxes, Options: cats},
	}
	for _, l := range e.Langs {
		fs = append(fs,
			form.Field{Name: "name_" + l.Code, Label: e.T("exhibitors.admin.name"), Kind: form.Text, Lang: l.Code, MaxLen: form.MaxExhibitorName},
			form.Field{Name: "description_" + l.Code, Label: e.T("exhibitors.admin.description"), Kind: form.TextArea, Rows: 6, Lang: l.Code, MaxLen: form.MaxExhibitorText})
	}
	return fs
}

// Field is one of Fields by name.
func (e *ExhibitorEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }

// ExhibitorDelete asks before an exhibitor is deleted.
type ExhibitorDelete struct {
	*Admin
	ID   int64
	Name string
}
