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

// TestLighthouse: accessibility, best practices and SEO at least 0.95 each
// on a mobile run, performance at least 0.90; a page that falls short on
// its first run is judged by the median of three (one run is noisy on a
// shared machine). Performance is a timed score: on a busy CI machine the
// article page's median moved between 0.93 and 0.97 from run to run with
// no change to the page, so its gate catches a real regression (a blocking
// script, a heavy page) without failing on the machine's load; the bytes
// are held to their budget by the crawl's weight check, and speed by make bench.
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
		if err == nil && !passes(scores) {
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
			if min := minScore(c); scores[c] < min {
				t.Errorf("%s: Lighthouse %s %.2f, below %.2f", path, c, scores[c], min)
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

// minScore is the least score category c must reach.
func minScore(c string) float64 {
	if c == "performance" {
		return 0.90
	}
	return 0.95
}

// passes reports whether every category reaches its minimum.
func passes(scores Scores) bool {
	for _, c := range Categories {
		if scores[c] < minScore(c) {
			return false
		}
	}
	return true
}
