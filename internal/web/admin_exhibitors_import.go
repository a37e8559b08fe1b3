package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/csvimport"
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// importColumns are the columns the import reads and the export writes, in
// order: each language's name, then the shared facts, then descriptions.
func (s *Server) importColumns() []string {
	var cols []string
	for _, l := range s.langCodes() {
		cols = append(cols, "name_"+l)
	}
	cols = append(cols, form.ImportFields...)
	for _, l := range s.langCodes() {
		cols = append(cols, "description_"+l)
	}
	return cols
}

// importVocabulary collects every word the import accepts: the machine
// names, the export's headers in every language, and the labels of
// categories and halls as the site shows them.
func (s *Server) importVocabulary(halls store.Halls) form.ImportVocabulary {
	voc := form.ImportVocabulary{Columns: map[string]string{}, Categories: map[string]string{}, Halls: map[string]string{}}
	for _, c := range s.importColumns() {
		voc.Columns[form.Fold(c)] = c
	}
	for synonym, c := range importSynonyms {
		voc.Columns[form.Fold(synonym)] = c
	}
	for _, l := range s.cat.Langs() {
		p := s.cat.Printer(l)
		for _, c := range s.importColumns() {
			voc.Columns[form.Fold(p.T("exhibitors.import.col."+c))] = c
		}
		for _, c := range store.ExhibitorCategories {
			voc.Categories[form.Fold(p.T("category."+c))] = c
		}
	}
	for _, c := range store.ExhibitorCategories {
		voc.Categories[form.Fold(c)] = c
	}
	for _, h := range halls {
		for _, n := range h.Names {
			voc.Halls[form.Fold(n)] = h.Code
		}
		for _, w := range []string{h.Code, h.Code + "号馆", "hall" + h.Code, "h" + h.Code} {
			voc.Halls[form.Fold(w)] = h.Code
		}
	}
	return voc
}

// importSynonyms are headers people write by hand for our columns.
var importSynonyms = map[string]string{
	"名称": "name_zh", "公司名称": "name_zh", "企业名称": "name_zh", "展商名称": "name_zh", "单位名称": "name_zh",
	"英文名": "name_en", "company": "name_en", "company name": "name_en",
	"展位": "booth", "展位号码": "booth", "booth no": "booth", "booth number": "booth", "stand": "booth",
	"馆号": "hall", "展厅": "hall",
	"类别": "categories", "产品类别": "categories", "展品类别": "categories", "category": "categories",
	"网址": "website", "网站": "website", "url": "website", "web": "website",
	"简介": "description_zh", "企业简介": "description_zh", "公司简介": "description_zh", "description": "description_en",
}

func (s *Server) showExhibitorImport(w http.ResponseWriter, r *http.Request) error {
	return s.showForm(w, r, form.NewState(nil), s.importPage(nil))
}

// importPreview is what importing a file would do, row by row.
type importPreview struct {
	fileName, encoding string
	data               string // the decoded file, carried to the confirmation
	rows               []form.ImportRow
	ignored            []string
}

// importPage shows the upload form, or with p the preview of a file.
func (s *Server) importPage(p *importPreview) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		v := &view.ExhibitorImport{Admin: s.adminFrame(r, currentUser(r), "exhibitors.import.title"), Form: st, Columns: s.importColumns()}
		if p != nil {
			v.FileName, v.Encoding, v.Data, v.Rows, v.Ignored = p.fileName, p.encoding, p.data, p.rows, p.ignored
		}
		return adminpages.ExhibitorImport(v), nil
	}
}

// previewExhibitorImport reads an uploaded file and shows what importing
// it would do, row by row; nothing is written.
func (s *Server) previewExhibitorImport(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, csvimport.MaxFileSize+(1<<20))
	st := form.NewState(nil)
	if err := r.ParseMultipartForm(csvimport.MaxFileSize + (1 << 20)); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			st.Fail("file", "exhibitors.import.err.too_large")
			return &refusedForm{http.StatusRequestEntityTooLarge, st, s.importPage(nil)}
		}
		return clientError(err)
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		st.Fail("file", "exhibitors.import.err.no_file")
		return invalidForm(st, s.importPage(nil))
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return clientError(err)
	}
	return s.previewImport(w, r, st, hdr.Filename, data)
}

// previewImport shows what importing the file's bytes would do, or the
// upload form with the file's problem. A notice on st (a confirmation that
// could not go ahead) shows the preview again with it (422).
func (s *Server) previewImport(w http.ResponseWriter, r *http.Request, st *form.State, fileName string, data []byte) error {
	p := &importPreview{fileName: fileName}
	tab, err := csvimport.Read(data)
	if err == nil {
		var existing []store.Exhibitor
		if existing, err = s.store.AllExhibitors(r.Context()); err != nil {
			return err
		}
		var halls store.Halls
		if halls, err = s.halls(r); err != nil {
			return err
		}
		p.rows, p.ignored, err = form.ReadImport(tab, s.langCodes(), s.importVocabulary(halls), existing)
	}
	if key := importErrorKey(err); key != "" {
		st.Notice = ""
		st.Fail("file", key)
		return invalidForm(st, s.importPage(nil))
	} else if err != nil {
		return err
	}
	p.encoding = tab.Encoding
	// The confirmation carries the decoded file back, so the import reads
	// exactly what was previewed without keeping anything on the server.
	var b strings.Builder
	rows := make([][]string, len(tab.Rows))
	for i, r := range tab.Rows {
		rows[i] = r.Fields
	}
	if err := csvimport.Write(&b, tab.Header, rows); err != nil {
		return err
	}
	p.data = b.String()
	if st.Invalid() {
		return invalidForm(st, s.importPage(p))
	}
	return s.showForm(w, r, st, s.importPage(p))
}

func importErrorKey(err error) string {
	for _, e := range []struct {
		err error
		key string
	}{
		{csvimport.ErrEmpty, "exhibitors.import.err.empty"}, {csvimport.ErrTooLarge, "exhibitors.import.err.too_large"},
		{csvimport.ErrTooMany, "exhibitors.import.err.too_many"}, {csvimport.ErrEncoding, "exhibitors.import.err.encoding"},
		{csvimport.ErrMalformed, "exhibitors.import.err.malformed"}, {form.ErrNoNameColumn, "exhibitors.import.err.no_name"},
	} {
		if errors.Is(err, e.err) {
			return e.key
		}
	}
	return ""
}

// confirmExhibitorImport imports the valid rows of the previewed file in
// one transaction; rows with errors are left out, and said so.
func (s *Server) confirmExhibitorImport(w http.ResponseWriter, r *http.Request) error {
	// Multipart, because URL-encoding would triple the size of Chinese text.
	r.Body = http.MaxBytesReader(w, r.Body, 2*csvimport.MaxFileSize+(1<<20))
	if err := r.ParseMultipartForm(2*csvimport.MaxFileSize + (1 << 20)); errors.Is(err, http.ErrNotMultipart) {
		err = r.ParseForm()
		if err != nil {
			return clientError(err)
		}
	} else if err != nil {
		return clientError(err)
	}
	st, name := form.NewState(nil), r.PostForm.Get("filename")
	data := []byte(r.PostForm.Get("data"))
	tab, err := csvimport.Read(data)
	if err != nil {
		return s.previewImport(w, r, st, name, data)
	}
	existing, err := s.store.AllExhibitors(r.Context())
	if err != nil {
		return err
	}
	halls, err := s.halls(r)
	if err != nil {
		return err
	}
	rows, _, err := form.ReadImport(tab, s.langCodes(), s.importVocabulary(halls), existing)
	if err != nil {
		return s.previewImport(w, r, st, name, data)
	}
	var valid []store.ExhibitorInput
	for _, row := range rows {
		if len(row.Errors) == 0 {
			valid = append(valid, row.Form.Input())
		}
	}
	if len(valid) == 0 {
		st.Notice = "exhibitors.import.err.nothing_valid"
		return s.previewImport(w, r, st, name, data)
	}
	created, updated, err := s.store.UpsertExhibitors(r.Context(), currentUser(r).ID, valid)
	if errors.Is(err, store.ErrDuplicate) {
		// Someone changed the directory since the preview: show it again.
		st.Notice = "exhibitors.import.err.changed"
		return s.previewImport(w, r, st, name, data)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/admin/exhibitors?created=%d&updated=%d&skipped=%d", created, updated, len(rows)-len(valid)), http.StatusSeeOther)
	return nil
}

// exportExhibitors downloads the directory as a spreadsheet that the
// import reads back unchanged, with headers in the staff member's language.
func (s *Server) exportExhibitors(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.AllExhibitors(r.Context())
	if err != nil {
		return err
	}
	a := s.adminFrame(r, currentUser(r), "exhibitors.import.title")
	store.SortExhibitors(list, s.requestLang(r).Code, s.langCodes())
	cols := s.importColumns()
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = a.T("exhibitors.import.col." + c)
	}
	rows := make([][]string, 0, len(list))
	for _, e := range list {
		row := make([]string, len(cols))
		for i, c := range cols {
			switch {
			case strings.HasPrefix(c, "name_"):
				row[i] = e.Names[strings.TrimPrefix(c, "name_")]
			case strings.HasPrefix(c, "description_"):
				row[i] = e.Descriptions[strings.TrimPrefix(c, "description_")]
			case c == "booth":
				row[i] = e.Booth
			case c == "hall":
				row[i] = e.Hall
			case c == "website":
				row[i] = e.Website
			case c == "categories":
				labels := make([]string, len(e.Categories))
				for j, cat := range e.Categories {
					labels[j] = a.T("category." + cat)
				}
				row[i] = strings.Join(labels, "; ")
			}
		}
		rows = append(rows, row)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="exhibitors-%s.csv"`, s.now().In(a.Loc).Format("20060102")))
	return csvimport.Write(w, header, rows)
}
