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
	// Form is the upload form's state: what is wrong with the file, or a
	// notice about a confirmation that could not go ahead.
	Form     *form.State
	Columns  []string // the fields the import reads, in the export's order
	FileName string
	Encoding string
	Data     string // the decoded file, carried to the confirmation
	Rows     []form.ImportRow
	Ignored  []string
}

// Fields are the upload form's one input, the file.
func (v *ExhibitorImport) Fields() []form.Field {
	return []form.Field{{Name: "file", ID: "import-file", Label: v.T("exhibitors.import.file"), Kind: form.File, Required: true,
		Hint: v.T("exhibitors.import.file_hint"), Accept: ".csv,.txt,.tsv,text/csv,text/plain"}}
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
