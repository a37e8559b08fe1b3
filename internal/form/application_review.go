package form

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// MaxNote is the longest internal note on an application, in characters.
const MaxNote = 2000

// Move is the organisers' form moving an application: the status to move
// to and the booth number chosen ("" keeps the booth it has, or none).
type Move struct {
	Status store.ApplicationStatus
	Booth  string
}

// ParseMove checks the status form. Whether the booth exists, is free and
// the move is allowed from the status now is the store's to say.
func ParseMove(v url.Values) (Move, Errors) {
	errs := Errors{}
	m := Move{Status: store.ApplicationStatus(v.Get("status")), Booth: strings.ToUpper(strings.TrimSpace(v.Get("booth")))}
	if !slices.Contains(store.ApplicationStatuses, m.Status) {
		errs["status"] = "apply.admin.err.status"
	}
	// A booth number is short and plain; anything else names no booth.
	if utf8.RuneCountInString(m.Booth) > 20 || BadText(m.Booth, false) {
		errs["booth"] = "apply.admin.err.booth"
	}
	return m, errs
}

// ParseNote checks the internal note form: some text, not too long.
func ParseNote(v url.Values) (string, Errors) {
	body := strings.TrimSpace(v.Get("note"))
	if body == "" || utf8.RuneCountInString(body) > MaxNote || BadText(body, true) {
		return body, Errors{"note": "apply.admin.err.note"}
	}
	return body, Errors{}
}
