// Package form parses and checks the back office's forms. Errors are
// catalog keys, translated by the page that shows them next to the field.
package form

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// Errors maps a field's name to a message key.
type Errors map[string]string

// Article is the news editor's form, as typed. The version it edits is
// the form state's (Posted), as for every editor.
type Article struct {
	Category    string
	Action      string // draft, publish, schedule, unpublish
	ReleasedAt  string // "2006-01-02T15:04", the expo's time zone
	CoverID     string
	Texts       map[string]store.ArticleText // by language, as typed
	ParsedAt    time.Time
	ParsedCover *int64
}

// Field limits.
const (
	maxTitle   = 200
	maxSummary = 500
	maxSource  = 200
	maxBody    = 100_000
)

// ParseArticle reads the form for langs; the times are in loc.
func ParseArticle(v url.Values, langs []string, loc *time.Location) Article {
	a := Article{
		Category:   strings.TrimSpace(v.Get("category")),
		Action:     v.Get("action"),
		ReleasedAt: strings.TrimSpace(v.Get("released_at")),
		CoverID:    strings.TrimSpace(v.Get("cover_id")),
		Texts:      map[string]store.ArticleText{},
	}
	for _, l := range langs {
		a.Texts[l] = store.ArticleText{
			Lang:    l,
			Title:   strings.TrimSpace(v.Get("title_" + l)),
			Summary: strings.TrimSpace(v.Get("summary_" + l)),
			Body:    strings.ReplaceAll(v.Get("body_"+l), "\r\n", "\n"),
			Source:  strings.TrimSpace(v.Get("source_" + l)),
		}
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", a.ReleasedAt, loc); err == nil {
		a.ParsedAt = t
	}
	if id, err := strconv.ParseInt(a.CoverID, 10, 64); err == nil && id > 0 {
		a.ParsedCover = &id
	}
	return a
}

// Validate checks the form for saving with its action at now.
func (a Article) Validate(now time.Time) Errors {
	errs := Errors{}
	if !slices.Contains(store.Categories, a.Category) {
		errs["category"] = "form.category"
	}
	switch a.Action {
	case "draft", "publish", "schedule", "unpublish":
	default:
		errs["action"] = "form.action"
	}
	if a.ParsedAt.IsZero() {
		errs["released_at"] = "form.released_at"
	} else if a.Action == "schedule" && !a.ParsedAt.After(now) {
		errs["released_at"] = "form.schedule_past"
	}
	if a.CoverID != "" && a.ParsedCover == nil {
		errs["cover_id"] = "form.cover"
	}
	written := 0
	for l, t := range a.Texts {
		if t.Title == "" && (t.Summary != "" || strings.TrimSpace(t.Body) != "" || t.Source != "") {
			errs["title_"+l] = "form.title_needed"
		}
		if t.Title != "" {
			written++
			if !visible(t.Title) {
				errs["title_"+l] = "form.title_invisible"
			}
		}
		for field, limit := range map[string]struct {
			text string
			max  int
		}{"title_" + l: {t.Title, maxTitle}, "summary_" + l: {t.Summary, maxSummary}, "source_" + l: {t.Source, maxSource}, "body_" + l: {t.Body, maxBody}} {
			if utf8.RuneCountInString(limit.text) > limit.max {
				errs[field] = "form.too_long"
			}
			if !utf8.ValidString(limit.text) || strings.ContainsRune(limit.text, 0) {
				errs[field] = "form.bad_text"
			}
		}
	}
	if written == 0 {
		for l := range a.Texts {
			if _, taken := errs["title_"+l]; !taken {
				errs["title_"+l] = "form.one_language"
			}
		}
	}
	return errs
}

// Apply turns a valid form into the article to save; publish releases now
// unless the time given is earlier.
func (a Article) Apply(e store.EditArticle, now time.Time) store.EditArticle {
	e.Category, e.CoverID, e.ReleasedAt = a.Category, a.ParsedCover, a.ParsedAt
	switch a.Action {
	case "draft", "unpublish":
		e.Status = store.Draft
	case "publish":
		e.Status = store.Published
		if e.ReleasedAt.After(now) {
			e.ReleasedAt = now
		}
	case "schedule":
		e.Status = store.Scheduled
	}
	e.Texts = map[string]store.ArticleText{}
	for l, t := range a.Texts {
		if t.Title != "" {
			e.Texts[l] = t
		}
	}
	return e
}

// ArticleValues fills the news editor from a saved article; times are
// shown in loc.
func ArticleValues(a store.EditArticle, loc *time.Location) url.Values {
	v := url.Values{"category": {a.Category}, "released_at": {a.ReleasedAt.In(loc).Format("2006-01-02T15:04")}}
	if a.CoverID != nil {
		v.Set("cover_id", strconv.FormatInt(*a.CoverID, 10))
	}
	for l, t := range a.Texts {
		v.Set("title_"+l, t.Title)
		v.Set("summary_"+l, t.Summary)
		v.Set("source_"+l, t.Source)
		v.Set("body_"+l, t.Body)
	}
	return v
}

// visible reports whether s has a character that shows: a title of only
// zero-width or direction marks would be a link with no words.
func visible(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsGraphic(r) && !unicode.IsSpace(r) })
}
