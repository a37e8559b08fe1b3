//go:build pagecheck

package pagecheck

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// lighthousePages are the page kinds Lighthouse audits (add the news list
// and an article when they exist).
var lighthousePages = []string{"/zh/", "/en/about/overview"}

// TestLighthouse: performance, accessibility, best practices and SEO at
// least 0.95 each, the median of three mobile runs.
func TestLighthouse(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	report := map[string]Scores{}
	var lines []string
	for _, path := range lighthousePages {
		scores, err := tools.Lighthouse(ctx, portal+path, 3)
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
		lines = append(lines, fmt.Sprintf("%-22s %s", path, strings.Join(parts, "  ")))
	}
	t.Logf("Lighthouse, mobile, median of 3:\n%s", strings.Join(lines, "\n"))
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
