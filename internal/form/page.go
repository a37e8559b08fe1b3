package form

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// Page is the content-page editor's form, as typed.
type Page struct {
	Published bool
	Texts     map[string]store.PageText
}

// ParsePage reads the form for langs. The published box sends "1" (the
// form kit's checkbox) or "on" (a browser's default); unticked it sends
// nothing.
func ParsePage(v url.Values, langs []string) Page {
	p := Page{Published: v.Get("published") != "", Texts: map[string]store.PageText{}}
	for _, l := range langs {
		p.Texts[l] = store.PageText{Lang: l, Title: strings.TrimSpace(v.Get("title_" + l)),
			Summary: strings.TrimSpace(v.Get("summary_" + l)), Body: strings.ReplaceAll(v.Get("body_"+l), "\r\n", "\n")}
	}
	return p
}

// Validate: a title for every language with text, at least one language,
// and nothing too long.
func (p Page) Validate() Errors {
	errs := Errors{}
	written := 0
	for l, t := range p.Texts {
		if t.Title == "" && (t.Summary != "" || strings.TrimSpace(t.Body) != "") {
			errs["title_"+l] = "form.title_needed"
		}
		if t.Title != "" {
			written++
		}
		if utf8.RuneCountInString(t.Title) > maxTitle {
			errs["title_"+l] = "form.too_long"
		}
		if utf8.RuneCountInString(t.Summary) > maxSummary {
			errs["summary_"+l] = "form.too_long"
		}
		if utf8.RuneCountInString(t.Body) > maxBody {
			errs["body_"+l] = "form.too_long"
		}
		// The message goes next to the field that holds the bad text.
		for field, f := range map[string]string{"title_" + l: t.Title, "summary_" + l: t.Summary, "body_" + l: t.Body} {
			if !utf8.ValidString(f) || strings.ContainsRune(f, 0) {
				errs[field] = "form.bad_text"
			}
		}
	}
	if written == 0 {
		for l := range p.Texts {
			if _, taken := errs["title_"+l]; !taken {
				errs["title_"+l] = "form.one_language"
			}
		}
	}
	return errs
}

// Written are the languages with a title, to save.
func (p Page) Written() []store.PageText {
	var out []store.PageText
	for _, t := range p.Texts {
		if t.Title != "" {
			out = append(out, t)
		}
	}
	return out
}

// PageValues fills the page editor from a saved page.
func PageValues(published bool, texts map[string]store.PageText) url.Values {
	v := url.Values{}
	if published {
		v.Set("published", "1")
	}
	for l, t := range texts {
		v.Set("title_"+l, t.Title)
		v.Set("summary_"+l, t.Summary)
		v.Set("body_"+l, t.Body)
	}
	return v
}
