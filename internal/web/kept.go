package web

import (
	"cmp"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/expoportal/portal/internal/view"
)

// keptPostLimit bounds a body read again only to give it back: a larger
// post (an upload) gets the plain 503 page.
const keptPostLimit = 8 << 20

// keptPost is what a post sent, for the 503 page when the database was
// away before any handler could keep the form itself (a staff member's
// session could not be read, an editor's save failed). Passwords are never
// given back. nil when r is not a form post or cannot be read.
func keptPost(w http.ResponseWriter, r *http.Request) *view.KeptForm {
	if r.Method != http.MethodPost {
		return nil
	}
	action := r.URL.RequestURI()
	if !strings.HasPrefix(action, "/") || strings.HasPrefix(action, "//") {
		return nil
	}
	kept := &view.KeptForm{Action: action}
	var values url.Values
	if r.PostForm == nil && r.MultipartForm == nil {
		r.Body = http.MaxBytesReader(w, r.Body, keptPostLimit)
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			if err := r.ParseMultipartForm(1 << 20); err != nil {
				return nil
			}
		} else if err := r.ParseForm(); err != nil {
			return nil
		}
	}
	if r.MultipartForm != nil {
		values = r.MultipartForm.Value
		for _, files := range r.MultipartForm.File {
			for _, f := range files {
				kept.Files = kept.Files || f.Size > 0
			}
		}
	} else {
		values = r.PostForm
	}
	if !cleanValues(values) {
		return nil
	}
	names := make([]string, 0, len(values))
	for name := range values {
		if !strings.Contains(strings.ToLower(name), "password") {
			names = append(names, name)
		}
	}
	// What people typed most (a title, a name) first, the rest by name.
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(keptRank(a), keptRank(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	for _, name := range names {
		for _, v := range values[name] {
			kept.Fields = append(kept.Fields, view.KeptField{Name: name, Value: v, Shown: v != "" && !machineField[name]})
		}
	}
	return kept
}

// machineField names the fields a form carries for the server, not typed
// by anyone: sent again, never shown.
var machineField = map[string]bool{stampField: true, honeypotField: true, "version": true, "action": true}

// keptRank orders the kept fields: titles and names, then summaries, then
// bodies, then everything else.
func keptRank(name string) int {
	for i, word := range []string{"title", "name", "summary", "body"} {
		if strings.Contains(name, word) {
			return i
		}
	}
	return 4
}
