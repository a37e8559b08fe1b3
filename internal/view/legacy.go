package view

import (
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

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
	Form    *form.State // the target, as stored or as typed
	Saved   bool
	Confirm bool
}

// Fields is the editor's one input: where the old address leads.
func (e *LegacyEditor) Fields() []form.Field {
	return []form.Field{{Name: "target", Label: e.T("legacy.admin.target"), Hint: e.T("legacy.admin.target_hint"),
		Kind: form.Text, Required: true, MaxLen: 1000}}
}
