package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/expoportal/portal/internal/auth"
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

// browser starts Debian's Chromium, reading Chinese first like a browser in
// mainland China, with a window of w × h; it is closed when the test ends.
func browser(t *testing.T, w, h int, timeout time.Duration) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("accept-lang", "zh-CN,zh"), chromedp.WindowSize(w, h))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancelBrowser(); cancelAlloc() })
	return ctx
}

func TestBrowserSwitchesLanguage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := browser(t, 390, 844, 60*time.Second)

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

// TestBrowserPublishesAnArticle: a staff member signs in, writes a
// bilingual article with a cover image, publishes it, and a visitor reads
// it in both languages.
func TestBrowserPublishesAnArticle(t *testing.T) {
	site := newLocalSite(t) // the browser posts from the server's own address
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	cover := filepath.Join(t.TempDir(), "cover.png")
	if err := os.WriteFile(cover, testPNG(t, 1200, 675), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t, 1366, 900, 90*time.Second)

	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	err := chromedp.Do(ctx,
		chromedp.Navigate(site.URL+"/admin/login"),
		chromedp.SendKeys(css("#email"), "editor@expo.example"),
		chromedp.SendKeys(css("#password"), "Shenyang-Expo-2027"),
		chromedp.Click(css(`button[type=submit].button`)),
		chromedp.WaitVisible(css(`[data-testid=drafts]`)),
		chromedp.Navigate(site.URL+"/admin/news/new"),
		chromedp.WaitVisible(css("#title_zh")),
		chromedp.SendKeys(css("#title_zh"), "浏览器发布的展会新闻"),
		chromedp.SendKeys(css("#body_zh"), "## 要点\n\n这是正文。"),
		chromedp.SendKeys(css("#title_en"), "Expo news published from a browser"),
		chromedp.SendKeys(css("#body_en"), "## Points\n\nThis is the body."),
		chromedp.SetUploadFiles(css("#cover"), []string{cover}),
		chromedp.Click(css(`button[value=publish]`)),
		chromedp.WaitVisible(css(`[data-testid=saved]`)),
	)
	if err != nil {
		t.Fatalf("staff: %v", err)
	}
	for lang, title := range map[string]string{"zh": "浏览器发布的展会新闻", "en": "Expo news published from a browser"} {
		err := chromedp.Do(ctx,
			chromedp.Navigate(site.URL+"/"+lang+"/news/expo/"),
			chromedp.Click(css(`[data-testid=news-list] .news-title a`)),
			chromedp.WaitVisible(css(`article.article h1`)),
		)
		if err != nil {
			t.Fatalf("visitor in %s: %v", lang, err)
		}
		h1, err := chromedp.Run(ctx, chromedp.Text(css("article.article h1")))
		if err != nil || h1 != title {
			t.Errorf("%s: the visitor reads %q (%v), want %q", lang, h1, err, title)
		}
		src, err := chromedp.Run(ctx, chromedp.AttributeValue(css(".article-cover"), "src"))
		if err != nil || !strings.HasPrefix(src.Value, "/media/") {
			t.Errorf("%s: cover %q (%v)", lang, src.Value, err)
		}
	}
}
