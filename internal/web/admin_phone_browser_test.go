package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/expoportal/portal/internal/auth"
)

// minCellWidth is the narrowest a table cell's text may be on a phone:
// below it, words break a character a line (issue 18).
const minCellWidth = 60

// TestBrowserAdminTablesAreCardsOnAPhone: at 390 px every back-office
// table's cells keep room for their text (each row a card, each cell led
// by its column's name) and nothing runs off the side of the page.
func TestBrowserAdminTablesAreCardsOnAPhone(t *testing.T) {
	site := newLocalSite(t) // the browser posts from the server's own address
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	if res, _ := postApply(t, site, "zh", goodApplication(t, site, ""), ""); res.StatusCode != 303 {
		t.Fatalf("application: %d", res.StatusCode)
	}
	ctx := browser(t, phoneW, phoneH, 4*time.Minute)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	if err := chromedp.Do(ctx,
		chromedp.Navigate(site.URL+"/admin/login"),
		chromedp.SendKeys(css("#email"), "admin@expo.example"),
		chromedp.SendKeys(css("#password"), "Shenyang-Expo-2027"),
		chromedp.Click(css(`button[type=submit].button`)),
		chromedp.WaitVisible(css(`[data-testid=drafts]`)),
	); err != nil {
		t.Fatalf("sign-in: %v", err)
	}
	// The cells' text widths (the cell less its padding, where the label
	// sits) and how far the page reaches sideways.
	const measure = `(() => {
		const cells = [...document.querySelectorAll('main table.table td, main table.table tbody th')]
			.filter(c => c.offsetParent !== null && c.textContent.trim() !== '');
		const widths = cells.map(c => {
			const s = getComputedStyle(c);
			return c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
		});
		const narrow = cells.filter((c, i) => widths[i] < ` + "60" + `).map(c => c.textContent.trim().slice(0, 30));
		return {cells: cells.length, min: Math.min(...widths), narrow: narrow.slice(0, 5),
			labelled: cells.filter(c => c.dataset.label).length,
			overflow: document.documentElement.scrollWidth - innerWidth};
	})()`
	type result struct {
		Cells, Labelled int
		Min, Overflow   float64
		Narrow          []string
	}
	for _, path := range []string{
		"/admin/news", "/admin/applications", "/admin/pages", "/admin/schedule", "/admin/charges",
		"/admin/exhibitors", "/admin/booths", "/admin/registrations", "/admin/users", "/admin/legacy", "/admin/",
		"/admin/halls", "/admin/applications/visas",
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+path), chromedp.WaitReady(css(`main h1`))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[result](measure))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		t.Logf("%s: %d cells (%d labelled), narrowest %.0f px, overflow %.0f px", path, r.Cells, r.Labelled, r.Min, r.Overflow)
		if (path == "/admin/news" || path == "/admin/applications") && r.Cells < 5 {
			t.Errorf("%s: %d table cells, want a list to measure", path, r.Cells)
		}
		if r.Cells > 0 && r.Min < minCellWidth {
			t.Errorf("%s: cells as narrow as %.0f px at %d px (%q), want at least %d", path, r.Min, phoneW, r.Narrow, minCellWidth)
		}
		if r.Labelled*2 < r.Cells {
			t.Errorf("%s: %d of %d cells say their column", path, r.Labelled, r.Cells)
		}
		if r.Overflow > 1 {
			t.Errorf("%s: the page is %.0f px wider than the phone", path, r.Overflow)
		}
		shoot(t, ctx, "admin-phone-"+strings.Trim(strings.ReplaceAll(path, "/", "-"), "-"))
	}
}

// TestBrowserHallMapHintFitsTheDevice: where nothing can hover (a phone;
// headless Chromium says so too, and will not emulate a mouse's "hover")
// the hall map's hint says to tap a booth, and only that. That a mouse
// gets the other hint is TestHallMapHintHasBothForms's, from the markup.
func TestBrowserHallMapHintFitsTheDevice(t *testing.T) {
	site := newSite(t)
	ctx := browser(t, phoneW, phoneH, time.Minute)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"zh": "轻触展位，这里会显示展位详情。", "en": "Tap a booth to see its details here."} {
		if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/"+lang+boothsPath), chromedp.WaitVisible(chromedp.CSS(`[data-testid=hallmap-info]`))); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
			NoHover bool
			Shown   string
		}](`({noHover: matchMedia('(hover: none)').matches, shown: document.querySelector('[data-testid=hallmap-info]').innerText.trim()})`))
		if err != nil {
			t.Fatal(err)
		}
		if !r.NoHover {
			t.Fatalf("%s: the browser says it can hover; the test needs one that cannot", lang)
		}
		if r.Shown != want {
			t.Errorf("%s: the hint reads %q on a phone, want %q", lang, r.Shown, want)
		}
	}
}
