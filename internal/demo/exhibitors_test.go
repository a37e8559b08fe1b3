package demo

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/expoportal/portal/internal/store"
)

// TestExhibitorsAreConsistent checks the sample directory: enough
// companies across both halls and every category, unique booths and names,
// both languages, websites only on example domains.
func TestExhibitorsAreConsistent(t *testing.T) {
	if len(sampleExhibitors) < 64 {
		t.Errorf("%d sample exhibitors, want at least 64", len(sampleExhibitors))
	}
	booth := regexp.MustCompile(`^[12][A-Z][0-9]{2}$`)
	seen := map[string]bool{}
	halls, cats := map[string]int{}, map[string]int{}
	for _, e := range sampleExhibitors {
		for _, k := range []string{e.Booth, "zh:" + e.ZH, "en:" + strings.ToLower(e.EN)} {
			if seen[k] {
				t.Errorf("%s appears twice", k)
			}
			seen[k] = true
		}
		if !booth.MatchString(e.Booth) {
			t.Errorf("%s: booth %q", e.EN, e.Booth)
		}
		halls[e.Booth[:1]]++
		for _, c := range strings.Fields(e.Categories) {
			if !slices.Contains(store.ExhibitorCategories, c) {
				t.Errorf("%s: unknown category %q", e.EN, c)
			}
			cats[c]++
		}
		if e.ZH == "" || e.EN == "" || e.ZHText == "" || e.ENText == "" {
			t.Errorf("%s lacks words in a language", e.Booth)
		}
		if e.Website != "" && !regexp.MustCompile(`^https://[a-z0-9.-]+\.example\.cn$`).MatchString(e.Website) {
			t.Errorf("%s: website %q is not on an example domain", e.EN, e.Website)
		}
	}
	for _, h := range sampleHalls {
		if h := h.plan.Hall; halls[h] < 20 {
			t.Errorf("hall %s has %d exhibitors", h, halls[h])
		}
	}
	for _, c := range store.ExhibitorCategories {
		if cats[c] < 3 {
			t.Errorf("category %s has %d exhibitors", c, cats[c])
		}
	}
}
