// Package i18n negotiates the visitor's language and translates UI strings
// through an x/text message catalog.
package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
	"golang.org/x/text/number"
)

// Lang is a language the site is published in.
type Lang struct {
	Code   string // URL prefix and <html lang>: "zh", "en"
	Tag    language.Tag
	Native string // the language's name in itself, for the switch
}

// Catalog holds the translations and the languages the site serves. The
// first language is the default.
type Catalog struct {
	langs   []Lang
	matcher language.Matcher
	cat     catalog.Catalog
	// plain holds, by language code, each message that has no verbs: T
	// with no arguments returns it without the catalog's formatting
	// machinery, which was a tenth of a cold page's time.
	plain map[string]map[string]string
}

// New builds the catalog from messages; it fails when a key lacks a
// translation in one of the languages.
func New() (*Catalog, error) {
	langs := []Lang{{"zh", language.Chinese, "中文"}, {"en", language.English, "English"}}
	b := catalog.NewBuilder(catalog.Fallback(langs[0].Tag))
	var missing []string
	plain := map[string]map[string]string{}
	for _, l := range langs {
		plain[l.Code] = map[string]string{}
	}
	for key, tr := range messages {
		for _, l := range langs {
			text, ok := tr[l.Code]
			if !ok || text == "" {
				missing = append(missing, l.Code+":"+key)
				continue
			}
			if !strings.Contains(text, "%") {
				plain[l.Code][key] = text
			}
			if err := b.SetString(l.Tag, key, text); err != nil {
				return nil, fmt.Errorf("i18n: %s %s: %w", l.Code, key, err)
			}
		}
	}
	// Singular forms: English says "1 article", Chinese has one form.
	for key, o := range singulars {
		l, ok := langByCode(langs, o.lang)
		if _, msg := messages[key]; !msg || !ok || o.arg < 1 {
			missing = append(missing, o.lang+":"+key+" (a singular without its message)")
			continue
		}
		if err := b.SetString(l.Tag, key+oneSuffix, o.text); err != nil {
			return nil, fmt.Errorf("i18n: %s %s: %w", o.lang, key, err)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("i18n: missing translations: %s", strings.Join(missing, ", "))
	}
	tags := make([]language.Tag, len(langs))
	for i, l := range langs {
		tags[i] = l.Tag
	}
	return &Catalog{langs: langs, matcher: language.NewMatcher(tags), cat: b, plain: plain}, nil
}

// Langs lists the site's languages, default first.
func (c *Catalog) Langs() []Lang { return c.langs }

// Default is the language used when nothing else decides.
func (c *Catalog) Default() Lang { return c.langs[0] }

// Lookup returns the language with this URL code.
func (c *Catalog) Lookup(code string) (Lang, bool) {
	for _, l := range c.langs {
		if l.Code == code {
			return l, true
		}
	}
	return Lang{}, false
}

// Negotiate picks the language for a visitor: a cookie naming a site
// language wins, then the Accept-Language header, then the default.
func (c *Catalog) Negotiate(cookie, acceptLanguage string) Lang {
	if l, ok := c.Lookup(cookie); ok {
		return l
	}
	prefs, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(prefs) == 0 {
		return c.Default()
	}
	// Match's index, not its tag: the tag may carry extensions such as -u-rg.
	_, i, conf := c.matcher.Match(prefs...)
	if conf == language.No {
		return c.Default()
	}
	return c.langs[i]
}

// Printer translates and formats for one language. A message.Printer is
// not safe for concurrent use: make one per request.
type Printer struct {
	Lang  Lang
	p     *message.Printer
	plain map[string]string
	money *message.Printer // made on the first Money, for the language's formats
}

// Printer returns a Printer for lang.
func (c *Catalog) Printer(lang Lang) *Printer {
	return &Printer{Lang: lang, p: message.NewPrinter(lang.Tag, message.Catalog(c.cat)), plain: c.plain[lang.Code]}
}

// T translates key, formatting args into it (fmt verbs, localised numbers).
// A message with a singular form (singulars) uses it when its count is 1.
func (p *Printer) T(key string, args ...any) string {
	if o, ok := singulars[key]; ok && o.lang == p.Lang.Code && o.arg <= len(args) && isOne(args[o.arg-1]) {
		key += oneSuffix
	}
	if len(args) == 0 {
		if text, ok := p.plain[key]; ok {
			return text
		}
	}
	return p.p.Sprintf(key, args...)
}

// oneSuffix names a message's singular form in the catalog.
const oneSuffix = "#one"

// isOne reports whether a count is exactly one. Counts are handed over as
// text, as Number writes them (a bare int would print as %!s here).
func isOne(v any) bool {
	s, ok := v.(string)
	return ok && s == "1"
}

func langByCode(langs []Lang, code string) (Lang, bool) {
	for _, l := range langs {
		if l.Code == code {
			return l, true
		}
	}
	return Lang{}, false
}

// Number formats n with the language's digit grouping.
func (p *Printer) Number(n int64) string { return p.p.Sprint(number.Decimal(n)) }

// Date formats t as a calendar date in the language's style.
func (p *Printer) Date(t time.Time) string {
	y, m, d := dateParts(t)
	return p.T("format.date", y, m, d, t.Month().String())
}

// DateTime formats t as a date and a 24-hour time.
func (p *Printer) DateTime(t time.Time) string {
	return p.Date(t) + " " + t.Format("15:04")
}

// DateRange formats the days from a to b, shortening what they share.
func (p *Printer) DateRange(a, b time.Time) string {
	if a.Year() == b.Year() && a.YearDay() == b.YearDay() {
		return p.Date(a)
	}
	if a.Year() == b.Year() && a.Month() == b.Month() {
		y, m, d := dateParts(a)
		_, _, d2 := dateParts(b)
		return p.T("format.date_range_month", y, m, d, d2, a.Month().String())
	}
	return p.T("format.date_range", p.Date(a), p.Date(b))
}

// dateParts are strings: the printer would group a year's digits ("2,027").
func dateParts(t time.Time) (y, m, d string) {
	return strconv.Itoa(t.Year()), strconv.Itoa(int(t.Month())), strconv.Itoa(t.Day())
}
