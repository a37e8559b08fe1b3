package form

import (
	"errors"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/text/width"

	"github.com/expoportal/portal/internal/csvimport"
	"github.com/expoportal/portal/internal/store"
)

// ImportFields are the exhibitor columns an import understands, besides
// name_{lang} and description_{lang}, in the export's order.
var ImportFields = []string{"booth", "hall", "categories", "website"}

// ErrNoNameColumn means the file has no column of company names, so no row
// could be read: usually the wrong file, or a header row missing.
var ErrNoNameColumn = errors.New("form: no name column")

// ImportVocabulary tells what the spreadsheet's words mean: header names,
// category and hall labels in any language, each keyed by Fold.
type ImportVocabulary struct {
	Columns    map[string]string // header -> field (name_zh, booth, ...)
	Categories map[string]string // label or slug -> slug
	Halls      map[string]string // label -> hall; every hall's code is one of the values
}

// Fold makes the forms staff type the same: case, spaces, full-width
// letters and digits, and the punctuation that separates words.
func Fold(s string) string {
	s = strings.ToLower(width.Fold.String(s))
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(" \t\r\n,;|/、，；()（）_-.:：", r) {
			return -1
		}
		return r
	}, s)
}

// ImportRow is one spreadsheet row read as an exhibitor.
type ImportRow struct {
	Line   int
	Form   Exhibitor
	Raw    map[string]string // the cells by field, as typed, for the preview
	Errors Errors
	Target int64 // the exhibitor the row updates; 0 makes a new one
}

// ReadImport reads every row of t against the exhibitors already listed;
// ignored lists the columns it did not understand.
func ReadImport(t *csvimport.Table, langs []string, voc ImportVocabulary, existing []store.Exhibitor) (rows []ImportRow, ignored []string, err error) {
	var halls []string
	for _, h := range voc.Halls {
		if !slices.Contains(halls, h) {
			halls = append(halls, h)
		}
	}
	field := make([]string, len(t.Header))
	hasName := false
	for i, h := range t.Header {
		f := voc.Columns[Fold(h)]
		if f == "" || slices.Contains(field, f) {
			ignored = append(ignored, h)
			continue
		}
		field[i] = f
		hasName = hasName || strings.HasPrefix(f, "name_")
	}
	if !hasName {
		return nil, ignored, ErrNoNameColumn
	}
	// Who already has each name, per language, matched as the store does.
	owner := map[string]map[string]int64{}
	for _, l := range langs {
		owner[l] = map[string]int64{}
	}
	for _, e := range existing {
		for l, n := range e.Names {
			if owner[l] != nil {
				owner[l][nameKey(n)] = e.ID
			}
		}
	}
	byID := map[int64]store.Exhibitor{}
	for _, e := range existing {
		byID[e.ID] = e
	}
	seen := map[string]map[string]int{} // names earlier rows of the file gave
	for _, l := range langs {
		seen[l] = map[string]int{}
	}
	for _, r := range t.Rows {
		v, raw := url.Values{}, map[string]string{}
		for i, cell := range r.Fields {
			if i >= len(field) || field[i] == "" {
				continue
			}
			raw[field[i]] = cell
			switch f := field[i]; f {
			case "categories":
				for _, c := range splitCategories(cell, voc.Categories) {
					v.Add("category", c)
				}
			case "hall":
				if h, ok := voc.Halls[Fold(cell)]; ok {
					cell = h
				}
				v.Set("hall", cell)
			case "booth":
				v.Set("booth", width.Fold.String(cell))
			default:
				v.Set(f, cell)
			}
		}
		row := ImportRow{Line: r.Line, Form: readExhibitor(v, langs), Raw: raw}
		// The exhibitor the row updates: the first language whose name is
		// listed, as the store matches it.
		conflict := ""
		for _, l := range langs {
			switch id := owner[l][nameKey(row.Form.Names[l])]; {
			case id == 0:
			case row.Target == 0:
				row.Target = id
			case row.Target != id && conflict == "":
				conflict = "name_" + l
			}
		}
		if e, ok := byID[row.Target]; ok {
			keepStored(&row.Form, e)
		}
		row.Errors = row.Form.Validate(halls)
		if conflict != "" && row.Errors[conflict] == "" {
			// The names belong to two different exhibitors: the store
			// would refuse the whole import.
			row.Errors[conflict] = "exhibitors.import.err.two_exhibitors"
		}
		for _, l := range langs {
			n := nameKey(row.Form.Names[l])
			if n == "" || raw["name_"+l] == "" {
				continue
			}
			if _, dup := seen[l][n]; dup && row.Errors["name_"+l] == "" {
				row.Errors["name_"+l] = "exhibitors.import.err.repeated"
			}
			seen[l][n] = r.Line
		}
		rows = append(rows, row)
	}
	return rows, ignored, nil
}

// keepStored fills what the row leaves empty (or has no column for) from
// the exhibitor it updates: a sheet of names and booths must not wipe the
// descriptions, categories and websites staff wrote.
func keepStored(f *Exhibitor, e store.Exhibitor) {
	for l, n := range e.Names {
		if f.Names[l] == "" {
			f.Names[l] = n
		}
	}
	for l, d := range e.Descriptions {
		if f.Descriptions[l] == "" {
			f.Descriptions[l] = d
		}
	}
	if f.Booth == "" {
		f.Booth = e.Booth
	}
	if f.Hall == "" {
		f.Hall = e.Hall
	}
	if f.Website == "" {
		f.Website = e.Website
	}
	if len(f.Categories) == 0 {
		f.Categories = e.Categories
	}
}

func nameKey(n string) string { return strings.ToLower(strings.TrimSpace(n)) }

// splitCategories reads a cell listing categories. Labels themselves hold
// commas and 、 ("STEM、机器人与创客教育"), so the pieces between
// separators are joined back greedily until they spell a label; a piece
// that never does is kept as typed, for Validate to refuse.
func splitCategories(cell string, voc map[string]string) []string {
	pieces := strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune(",;|/\n、，；", r) })
	var out []string
	for i := 0; i < len(pieces); {
		if Fold(pieces[i]) == "" {
			i++
			continue
		}
		j, slug := i, ""
		for k := len(pieces); k > i; k-- {
			key := ""
			for _, p := range pieces[i:k] {
				key += Fold(p)
			}
			if s, ok := voc[key]; ok {
				j, slug = k, s
				break
			}
		}
		if slug == "" {
			out = append(out, strings.TrimSpace(pieces[i]))
			i++
			continue
		}
		if !slices.Contains(out, slug) {
			out = append(out, slug)
		}
		i = j
	}
	return out
}
