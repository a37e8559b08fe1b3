package pagecheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Categories are the Lighthouse scores the portal must keep high.
var Categories = []string{"performance", "accessibility", "best-practices", "seo"}

// Scores maps a category to its score, 0..1.
type Scores map[string]float64

// Lighthouse audits url with the mobile preset runs times and returns the
// median score per category (one run is noisy on a shared machine).
func (t Tools) Lighthouse(ctx context.Context, url string, runs int) (Scores, error) {
	all := map[string][]float64{}
	for i := 0; i < runs; i++ {
		s, err := t.lighthouseOnce(ctx, url)
		if err != nil {
			return nil, err
		}
		for k, v := range s {
			all[k] = append(all[k], v)
		}
	}
	med := Scores{}
	for k, vs := range all {
		sort.Float64s(vs)
		med[k] = vs[len(vs)/2]
	}
	return med, nil
}

func (t Tools) lighthouseOnce(ctx context.Context, url string) (Scores, error) {
	profile, err := os.MkdirTemp("", "lighthouse")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	out := filepath.Join(profile, "report.json")
	cmd := exec.CommandContext(ctx, t.Node, filepath.Join(t.Modules, "lighthouse/cli/index.js"), url,
		"--quiet", "--output=json", "--output-path="+out,
		"--only-categories="+strings.Join(Categories, ","),
		"--chrome-flags="+strings.Join(append(ChromiumFlags, "--user-data-dir="+filepath.Join(profile, "chrome")), " "))
	cmd.Env = append(os.Environ(), "CHROME_PATH="+t.Chromium)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("lighthouse %s: %w: %s", url, err, stderr.String())
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	var rep struct {
		Categories map[string]struct {
			Score *float64
		}
		RuntimeError *struct{ Code, Message string }
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		return nil, fmt.Errorf("lighthouse report: %w", err)
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Code != "" {
		return nil, fmt.Errorf("lighthouse %s: %s: %s", url, rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	s := Scores{}
	for _, c := range Categories {
		cat, ok := rep.Categories[c]
		if !ok || cat.Score == nil {
			return nil, fmt.Errorf("lighthouse %s: no %s score", url, c)
		}
		s[c] = *cat.Score
	}
	return s, nil
}
