package web

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds Debian's Chromium; `make test` installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no Chromium found: install it (apt-get install chromium) or set CHROMIUM; `make test` does this")
	return ""
}

func TestBrowserSwitchesLanguage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("accept-lang", "zh-CN,zh"), // a browser in mainland China
		chromedp.WindowSize(390, 844),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	// read returns the page's URL, <html lang> and <h1>.
	read := func() (url, lang, h1 string) {
		t.Helper()
		var err error
		if url, err = chromedp.Run(ctx, chromedp.Location()); err != nil {
			t.Fatalf("location: %v", err)
		}
		attr, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
		if err != nil {
			t.Fatalf("lang: %v", err)
		}
		if h1, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1"))); err != nil {
			t.Fatalf("h1: %v", err)
		}
		return url, attr.Value, h1
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(site.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	); err != nil {
		t.Fatalf("open /: %v", err)
	}
	zhURL, zhLang, zhH1 := read()
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="lang-switch"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] h1`)),
	); err != nil {
		t.Fatalf("switch language: %v", err)
	}
	enURL, enLang, enH1 := read()
	if zhURL != site.URL+"/zh/" || zhLang != "zh" || zhH1 != "2027辽宁教育装备展示会" {
		t.Errorf("landed on %s (lang %q, h1 %q), want the Chinese home page", zhURL, zhLang, zhH1)
	}
	if enURL != site.URL+"/en/" || enLang != "en" || enH1 != "Liaoning Educational Equipment Exhibition 2027" {
		t.Errorf("after the switch: %s (lang %q, h1 %q), want the English home page", enURL, enLang, enH1)
	}
}
