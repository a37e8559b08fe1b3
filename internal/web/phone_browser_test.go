package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Phone is the screen issue 18 was measured on: a page's heading must start
// within its first 300 pixels, and an e-ticket's QR code must be whole on it.
const (
	phoneW, phoneH = 390, 844
	headingBy      = 300
)

// shoot saves a screenshot of the page as it is when PHONE_SHOTS names a
// folder (for looking at the pages by eye); otherwise it does nothing.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("PHONE_SHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Error(err)
	}
}

// TestBrowserPhoneShowsThePageFirst: on a 390 × 844 phone, in both
// languages, the h1 of every kind of inner page starts within the first 300
// pixels and the e-ticket's QR code is wholly on the first screen.
func TestBrowserPhoneShowsThePageFirst(t *testing.T) {
	site := newSite(t)
	res, _ := site.post(t, "/zh/register", goodVisitor(t, site))
	ticket := strings.TrimPrefix(res.Header.Get("Location"), site.URL)
	if !strings.Contains(ticket, "/tickets/") {
		t.Fatalf("registration did not lead to a ticket: %q", ticket)
	}
	ticket = ticket[strings.Index(ticket, "/tickets/"):] // without its language
	ctx := browser(t, phoneW, phoneH, 3*time.Minute)
	// The window's size holds the browser's own bars: the page gets the
	// phone's whole screen.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}

	for _, lang := range []string{"zh", "en"} {
		// An article: the newest on the news list.
		if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/"+lang+"/news/"), chromedp.WaitReady(chromedp.CSS(`[data-testid=news-list] .news-title a`))); err != nil {
			t.Fatalf("%s news list: %v", lang, err)
		}
		article, err := chromedp.Run(ctx, chromedp.Evaluate[string](`new URL(document.querySelector('[data-testid=news-list] .news-title a').href).pathname`))
		if err != nil || !strings.HasPrefix(article, "/"+lang+"/news/") {
			t.Fatalf("%s: no article link (%q, %v)", lang, article, err)
		}
		for _, path := range []string{
			article, "/" + lang + "/services/hotels", "/" + lang + "/news/", "/" + lang + "/exhibit/charges",
			"/" + lang + "/exhibitors/", "/" + lang + "/register", "/" + lang + "/search?q=" + map[string]string{"zh": "酒店", "en": "hotel"}[lang],
		} {
			if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+path), chromedp.WaitReady(chromedp.CSS(`main h1`))); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			top, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`scrollTo(0, 0), document.querySelector('main h1').getBoundingClientRect().top`))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if top > headingBy {
				t.Errorf("%s: the h1 starts %.0f px down a %d × %d screen, want at most %d", path, top, phoneW, phoneH, headingBy)
			}
			t.Logf("%s: h1 at %.0f px", path, top)
		}

		path := "/" + lang + ticket
		if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+path), chromedp.WaitReady(chromedp.CSS(`[data-testid=qr]`))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		box, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`scrollTo(0, 0), (r => [r.top, r.bottom, r.width, innerHeight])(document.querySelector('[data-testid=qr]').getBoundingClientRect())`))
		if err != nil || len(box) != 4 {
			t.Fatalf("%s: QR box %v, %v", path, box, err)
		}
		if box[0] < 0 || box[1] > box[3] || box[2] < 200 {
			t.Errorf("%s: the QR code is at %.0f–%.0f px and %.0f px wide on a screen %.0f px high, want it whole and at least 200 px", path, box[0], box[1], box[2], box[3])
		}
		t.Logf("%s: QR %.0f–%.0f px", path, box[0], box[1])
		shoot(t, ctx, "ticket-"+lang+"-390")
	}
}

// TestBrowserPhoneFoldsOpen: on a phone the menu, the search box and the
// section's pages are each behind a toggle that opens them without script;
// on a desktop screen they are all open and the toggles are not there.
func TestBrowserPhoneFoldsOpen(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	visible := func(ctx context.Context, sel string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')(document.querySelector(%q))`, sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return v
	}
	folded := []string{"#main-menu", "#site-search", "#side-list"}
	toggles := []string{".menu-fold summary", ".search-fold summary", ".side-fold summary"}

	for _, lang := range []string{"zh", "en"} {
		ctx := browser(t, phoneW, phoneH, 90*time.Second)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/"+lang+"/services/hotels"), chromedp.WaitReady(chromedp.CSS(`main h1`))); err != nil {
			t.Fatal(err)
		}
		for i, sel := range folded {
			if visible(ctx, sel) {
				t.Errorf("%s phone: %s shows before its toggle is pressed", lang, sel)
			}
			if !visible(ctx, toggles[i]) {
				t.Fatalf("%s phone: no toggle %s", lang, toggles[i])
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(toggles[i]))); err != nil {
				t.Fatal(err)
			}
			if !visible(ctx, sel) {
				t.Errorf("%s phone: %s stays hidden after %s is pressed", lang, sel, toggles[i])
			}
		}
		// The menu holds each section's pages and the contact page, which
		// the top bar has no room for on a phone.
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('#main-menu a')].filter(a => a.getClientRects().length > 0).length`))
		if err != nil || n < 15 {
			t.Errorf("%s phone: the open menu shows %d links (%v), want every section's pages", lang, n, err)
		}
		if !visible(ctx, `#main-menu a[href="/`+lang+`/contact"]`) {
			t.Errorf("%s phone: the open menu has no contact link", lang)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`scrollTo(0, 0), true`)); err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, "folds-open-"+lang+"-390")

		wide := browser(t, 1366, 900, 90*time.Second)
		if err := chromedp.Do(wide, chromedp.Navigate(site.URL+"/"+lang+"/services/hotels"), chromedp.WaitReady(chromedp.CSS(`main h1`))); err != nil {
			t.Fatal(err)
		}
		for i, sel := range folded {
			if !visible(wide, sel) {
				t.Errorf("%s desktop: %s is hidden", lang, sel)
			}
			if visible(wide, toggles[i]) {
				t.Errorf("%s desktop: the phone's toggle %s shows", lang, toggles[i])
			}
		}
		if visible(wide, `#main-menu .phone-only`) || !visible(wide, `.toplinks a[href="/`+lang+`/contact"]`) {
			t.Errorf("%s desktop: the contact link is not in the top bar alone", lang)
		}
	}
}
