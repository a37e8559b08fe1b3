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

// TestSampleRegistrations checks the sample visitors as an organiser would:
// about 150, spread over Liaoning's cities, every role and day, tickets
// unique and well formed, and the same people on every load.
func TestSampleRegistrations(t *testing.T) {
	days := []time.Time{time.Date(2027, 4, 16, 0, 0, 0, 0, time.UTC), time.Date(2027, 4, 17, 0, 0, 0, 0, time.UTC), time.Date(2027, 4, 18, 0, 0, 0, 0, time.UTC)}
	single, groups := sampleRegistrations(days)
	all := single
	for _, g := range groups {
		all = append(all, g.Members...)
	}
	if len(all) < 140 || len(all) > 160 || len(groups) < 2 {
		t.Fatalf("%d visitors in %d groups", len(all), len(groups))
	}
	cities, roles, onDay, seen := map[string]int{}, map[string]int{}, map[time.Time]int{}, map[string]bool{}
	for _, g := range all {
		cities[g.City]++
		roles[g.Role]++
		for _, d := range g.Days {
			onDay[d]++
		}
		if len(g.Token) != 26 || len(g.Code) != 8 || seen[g.Token] || seen[g.Code] {
			t.Errorf("ticket %q %q: malformed or repeated", g.Token, g.Code)
		}
		seen[g.Token], seen[g.Code] = true, true
		if g.Name == "" || len(g.Days) == 0 || g.CreatedAt.IsZero() || g.CheckedInAt != nil {
			t.Errorf("incomplete visitor %+v", g)
		}
	}
	if len(cities) < 12 || cities["沈阳"] <= cities["大连"] {
		t.Errorf("cities %v", cities)
	}
	if len(roles) != 8 || len(onDay) != 3 {
		t.Errorf("roles %v, days %v", roles, onDay)
	}
	again, _ := sampleRegistrations(days)
	if again[7].Name != single[7].Name || again[7].City != single[7].City || again[7].Token == single[7].Token {
		t.Error("the people change between loads, or their tokens do not")
	}
}

// The sample news reads as real news: no two titles or summaries alike,
// and each article has been read a plausible, different number of times.
func TestNewsVaries(t *testing.T) {
	titles, summaries, visits := map[string]bool{}, map[string]int{}, map[int64]bool{}
	all := append(sampleArticles, bulletins()...)
	for _, a := range all {
		for _, lang := range []string{"zh", "en"} {
			if titles[lang+a.Text[lang].Title] {
				t.Errorf("two articles are titled %q", a.Text[lang].Title)
			}
			titles[lang+a.Text[lang].Title] = true
			summaries[lang+a.Text[lang].Summary]++
		}
		released, _ := time.ParseInLocation("2006-01-02 15:04", a.Released, time.FixedZone("CST", 8*3600))
		n := sampleVisits(a, released)
		if n < 100 || n > 20000 {
			t.Errorf("%q: %d visits", a.Text["en"].Title, n)
		}
		visits[n] = true
	}
	for s, n := range summaries {
		if n > 2 {
			t.Errorf("%d articles share the summary %q", n, s)
		}
	}
	if len(visits) < len(all)*9/10 {
		t.Errorf("only %d different visit counts among %d articles", len(visits), len(all))
	}
}
