//go:build pagecheck

package pagecheck

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/textwidth"
)

// lighthousePages are the page kinds Lighthouse audits; the newest
// article is added from the news list.
var lighthousePages = []string{"/zh/", "/en/about/overview", "/zh/news/"}

var firstArticle = regexp.MustCompile(`href="(/zh/news/[0-9]+[^"]*)"`)

// TestLighthouse: performance, accessibility, best practices and SEO at
// least 0.95 each on a mobile run; a page that falls short on its first run
// is judged by the median of three (one run is noisy on a shared machine).
// Three runs of every page took 230 s of `make test`; a page that passes its
// first run is not run again.
//
// Not parallel, unlike the crawls: a performance score measures the page
// while nothing else runs beside it, and go test runs the parallel tests
// only once this one has finished.
func TestLighthouse(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	report := map[string]Scores{}
	var lines []string
	res, err := http.Get(portal + "/zh/news/")
	if err != nil {
		t.Fatal(err)
	}
	list, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := firstArticle.FindSubmatch(list)
	if m == nil {
		t.Fatal("no article linked from /zh/news/")
	}
	for _, path := range append(lighthousePages, string(m[1])) {
		runs := 1
		scores, err := tools.Lighthouse(ctx, portal+path, runs)
		if err == nil && !atLeast(scores, 0.95) {
			runs = 3
			scores, err = tools.Lighthouse(ctx, portal+path, runs)
		}
		if err != nil {
			t.Fatal(err)
		}
		report[path] = scores
		var parts []string
		for _, c := range Categories {
			parts = append(parts, fmt.Sprintf("%s %.2f", c, scores[c]))
			if scores[c] < 0.95 {
				t.Errorf("%s: Lighthouse %s %.2f, below 0.95", path, c, scores[c])
			}
		}
		lines = append(lines, fmt.Sprintf("%-28s %s  (median of %d)", textwidth.Truncate(path, 28), strings.Join(parts, "  "), runs))
	}
	t.Logf("Lighthouse, mobile:\n%s", strings.Join(lines, "\n"))
	if dir := os.Getenv("PAGECHECK_REPORTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		raw, _ := json.MarshalIndent(report, "", "  ")
		if err := os.WriteFile(filepath.Join(dir, "lighthouse.json"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// atLeast: every category scores floor or more.
func atLeast(s Scores, floor float64) bool {
	for _, c := range Categories {
		if s[c] < floor {
			return false
		}
	}
	return true
}
