package demo

import (
	"strings"
	"testing"
	"time"
)

// TestNewsIsConsistent checks the sample news as a reader would: every
// article in both languages, dated in the past, and enough of the expo and
// industry news to page through (20 a page).
func TestNewsIsConsistent(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	count := map[string]int{}
	for _, a := range append(sampleArticles, bulletins()...) {
		count[a.Category]++
		at, err := time.ParseInLocation("2006-01-02 15:04", a.Released, today.Location())
		if err != nil || !at.Before(today) {
			t.Errorf("%q released %q: not a past date", a.Text["en"].Title, a.Released)
		}
		for _, lang := range []string{"zh", "en"} {
			txt := a.Text[lang]
			if txt.Title == "" || txt.Body == "" || txt.Summary == "" || txt.Source == "" {
				t.Errorf("%q lacks words in %s", a.Text["en"].Title, lang)
			}
			if strings.Contains(txt.Body, "lorem") {
				t.Errorf("%q is placeholder text", txt.Title)
			}
		}
		if a.Category == "photo" && len(a.Photos) < 3 {
			t.Errorf("photo story %q has %d photos", a.Text["en"].Title, len(a.Photos))
		}
	}
	for _, c := range []string{"expo", "industry"} {
		if count[c] <= 20 {
			t.Errorf("%s: %d articles, too few to show a second page", c, count[c])
		}
	}
	for _, c := range []string{"media", "video", "photo"} {
		if count[c] == 0 {
			t.Errorf("no %s articles", c)
		}
	}
}
