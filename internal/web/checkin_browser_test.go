package web

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/expoportal/portal/internal/auth"
)

// TestBrowserChecksInWithoutLeavingThePage: at the door, on a phone, each
// scan is answered in place (the page is not reloaded, so a running camera
// keeps running), read out, and the field is ready for the next one.
func TestBrowserChecksInWithoutLeavingThePage(t *testing.T) {
	site := newLocalSite(t) // the browser posts from the server's own address
	knownVisitors(t, site)
	addUser(t, site, "door@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	ctx := browser(t, 390, 844, 60*time.Second)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	err := chromedp.Do(ctx,
		chromedp.Navigate(site.URL+"/admin/login"),
		chromedp.SendKeys(css("#email"), "door@expo.example"),
		chromedp.SendKeys(css("#password"), "Shenyang-Expo-2027"),
		chromedp.Click(css(`button[type=submit].button`)),
		chromedp.WaitVisible(css(`[data-testid=drafts]`)),
		chromedp.Navigate(site.URL+"/admin/checkin"),
		chromedp.WaitVisible(css(`#ticket`)),
	)
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	// A mark on this page's window: gone if the browser loads a new page.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.samePage = true`)); err != nil {
		t.Fatal(err)
	}
	scan := func(code, outcome string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.SendKeys(css("#ticket"), code+"\r"),
			chromedp.WaitVisible(css(`[data-outcome=`+outcome+`]`)),
		)
		if err != nil {
			t.Fatalf("scan %s: want %s: %v", code, outcome, err)
		}
		same, err1 := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.samePage === true`))
		left, err2 := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('ticket').value + '|' + (document.activeElement && document.activeElement.id)`))
		said, err3 := chromedp.Run(ctx, chromedp.Text(css(`[data-checkin-announce]`), chromedp.NodeReady))
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatal(err)
		}
		if !same {
			t.Errorf("scan %s: the page was reloaded", code)
		}
		if left != "|ticket" {
			t.Errorf("scan %s: field after the answer %q, want empty and focused", code, left)
		}
		if said == "" {
			t.Errorf("scan %s: nothing read out", code)
		}
	}
	scan("ef56-gh78", "admitted")
	scan("EF56GH78", "used")
	scan("NOPE-NOPE", "unknown")
	n, err := chromedp.Run(ctx, chromedp.Text(css(`[data-testid=arrived-today]`)))
	if err != nil || strings.TrimSpace(n) != "1" {
		t.Errorf("arrived today: %q (%v), want 1", n, err)
	}
}
