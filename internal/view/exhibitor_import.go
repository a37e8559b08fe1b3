package view

import (
	"slices"
	"strings"

	"github.com/expoportal/portal/internal/form"
)

// ExhibitorImport is the import page: the upload form, or the preview of
// an uploaded file.
type ExhibitorImport struct {
	*Admin
	Columns  []string // the fields the import reads, in the export's order
	FileName string
	Encoding string
	Data     string // the decoded file, carried to the confirmation
	Error    string // a message key for the file as a whole
	Rows     []form.ImportRow
	Ignored  []string
}

// Counts says how many rows would create, update, or be skipped.
func (v *ExhibitorImport) Counts() (created, updated, bad int) {
	for _, r := range v.Rows {
		switch {
		case len(r.Errors) > 0:
			bad++
		case r.Target != 0:
			updated++
		default:
			created++
		}
	}
	return
}

// Problems are the row's errors, each after its column's name, in the
// columns' order.
func (v *ExhibitorImport) Problems(r form.ImportRow) []string {
	var out []string
	fields := append(slices.Clone(v.Columns), "category")
	for _, f := range fields {
		key, ok := r.Errors[f]
		if !ok {
			continue
		}
		col := f
		if f == "category" {
			col = "categories"
		}
		out = append(out, v.T("exhibitors.import.problem", v.T("exhibitors.import.col."+col), v.T(key)))
	}
	return out
}

// IgnoredList names the columns the import did not understand.
func (v *ExhibitorImport) IgnoredList() string {
	return strings.Join(v.Ignored, v.T("exhibitors.import.list_sep"))
}
