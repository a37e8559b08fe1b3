package pagecheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Tools locates the checkers `make check-pages` installs.
type Tools struct {
	Modules  string // node_modules holding vnu-jar, axe-core, puppeteer-core, lighthouse
	Chromium string // Debian's Chromium
	Java     string
	Node     string
}

// FindTools looks for the checkers under modulesDir and the browser, Java
// and Node on PATH; the error says what is missing.
func FindTools(modulesDir string) (Tools, error) {
	t := Tools{Modules: modulesDir}
	var missing []string
	for _, need := range []string{"vnu-jar/build/dist/vnu.jar", "axe-core/axe.min.js", "puppeteer-core", "lighthouse/cli/index.js"} {
		if _, err := os.Stat(filepath.Join(modulesDir, need)); err != nil {
			missing = append(missing, need)
		}
	}
	look := func(dst *string, names ...string) {
		for _, n := range names {
			if p, err := exec.LookPath(n); err == nil {
				*dst = p
				return
			}
		}
		missing = append(missing, names[0])
	}
	look(&t.Chromium, "chromium", "chromium-browser")
	look(&t.Java, "java")
	look(&t.Node, "node")
	if len(missing) > 0 {
		return t, fmt.Errorf("pagecheck: missing %s: run `make check-pages`, which installs them", strings.Join(missing, ", "))
	}
	return t, nil
}

// ChromiumFlags are what Chromium needs here: no sandbox as root, and no
// background connections to hosts this network does not reach.
var ChromiumFlags = []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync"}

// ValidateHTML runs the Nu HTML checker on every page at once (one JVM).
func (t Tools) ValidateHTML(ctx context.Context, pages []*Page) ([]Problem, error) {
	dir, err := os.MkdirTemp("", "vnu")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	byFile := map[string]string{}
	args := []string{"-jar", filepath.Join(t.Modules, "vnu-jar/build/dist/vnu.jar"), "--errors-only", "--format", "json", "--stdout", "--exit-zero-always"}
	for i, p := range pages {
		name := filepath.Join(dir, fmt.Sprintf("page%04d.html", i))
		if err := os.WriteFile(name, p.HTML, 0o644); err != nil {
			return nil, err
		}
		byFile[filepath.Base(name)] = p.Path
		args = append(args, name)
	}
	if len(pages) == 0 {
		return nil, nil
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, t.Java, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("vnu: %w: %s", err, stderr.String())
	}
	var out struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine                    int
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("vnu output: %w: %s", err, stdout.String())
	}
	var problems []Problem
	for _, m := range out.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		page := byFile[filepath.Base(m.URL)]
		if page == "" {
			page = m.URL
		}
		problems = append(problems, Problem{page, "valid-html", fmt.Sprintf("line %d: %s (%s)", m.LastLine, m.Message, strings.TrimSpace(m.Extract))})
	}
	return problems, nil
}

// Browser is what the checking browser sends: request headers (a
// language) and cookies (a session).
type Browser struct {
	Headers map[string]string
	Cookies []*http.Cookie
	Env     []string // added to the browser's environment (a font configuration, say)
}

// axeTabs is how many pages axe checks at once in its browser.
const axeTabs = 2

// Accessibility runs axe-core (WCAG 2.0-2.2 A and AA) on every page in
// Chromium; the same visit catches loads from other hosts and script errors.
func (t Tools) Accessibility(ctx context.Context, base string, pages []*Page, b Browser) ([]Problem, error) {
	urls := make([]string, len(pages))
	byURL := map[string]string{}
	for i, p := range pages {
		urls[i] = base + p.Path
		byURL[urls[i]] = p.Path
	}
	job := struct {
		URLs    []string            `json:"urls"`
		Headers map[string]string   `json:"headers,omitempty"`
		Cookies []map[string]string `json:"cookies,omitempty"`
		Tabs    int                 `json:"concurrency"`
	}{URLs: urls, Headers: b.Headers, Tabs: axeTabs}
	for _, c := range b.Cookies {
		job.Cookies = append(job.Cookies, map[string]string{"name": c.Name, "value": c.Value, "url": base + "/admin/"})
	}
	in, _ := json.Marshal(job)
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, t.Node, scriptPath("axe-check.cjs"), t.Modules, t.Chromium)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &stdout, &stderr
	if len(b.Env) > 0 {
		cmd.Env = append(os.Environ(), b.Env...) // puppeteer hands its environment to Chromium
	}
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("axe: %w: %s", err, stderr.String())
	}
	var res map[string]struct {
		Violations []struct {
			ID, Impact, Help string
			Nodes            []struct{ Target, Summary string }
		}
		Foreign       []string
		ConsoleErrors []string
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return nil, fmt.Errorf("axe output: %w", err)
	}
	var problems []Problem
	for u, r := range res {
		page := byURL[u]
		for _, v := range r.Violations {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, n.Target+": "+strings.ReplaceAll(n.Summary, "\n", " "))
			}
			problems = append(problems, Problem{page, "axe:" + v.ID, fmt.Sprintf("%s (%s) at %s", v.Help, v.Impact, strings.Join(where, "; "))})
		}
		for _, f := range r.Foreign {
			problems = append(problems, Problem{page, "third-party", "the browser loaded " + f})
		}
		for _, e := range r.ConsoleErrors {
			problems = append(problems, Problem{page, "console-error", e})
		}
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].String() < problems[j].String() })
	return problems, nil
}

// scriptPath finds a script shipped beside this file.
func scriptPath(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "js", name)
}
