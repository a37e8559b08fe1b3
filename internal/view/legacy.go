package view

import "github.com/expoportal/portal/internal/store"

// LegacyAdmin is the list of the old site's addresses and where each leads.
type LegacyAdmin struct {
	*Admin
	Rows    []store.LegacyURL
	Q       string
	More    bool // the list was cut at its limit
	Deleted bool
}

// LegacyEditor edits where one old address leads, or asks before it goes.
type LegacyEditor struct {
	*Admin
	Row     store.LegacyURL
	Target  string // as stored, or as typed
	Errors  map[string]string
	Saved   bool
	Confirm bool
}

// Err is the translated error of a field, or "".
func (e *LegacyEditor) Err(field string) string { return e.FieldError(e.Errors, field) }
