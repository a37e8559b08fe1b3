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
	Categories, Halls []string
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
	Form       form.Exhibitor
	Errors     form.Errors
	Saved      bool
	LogoURL    string // the current logo's thumbnail
	LogoAgain  bool   // a logo was chosen but the form came back: ask for it again
	Categories []string
	Halls      []string
	PublicHref string
}

// Err is the translated error of a field, or "".
func (e *ExhibitorEditor) Err(field string) string {
	return e.FieldError(e.Errors, field)
}

// ExhibitorDelete asks before an exhibitor is deleted.
type ExhibitorDelete struct {
	*Admin
	ID   int64
	Name string
}
