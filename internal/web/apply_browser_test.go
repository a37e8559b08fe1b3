package web

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserAppliesForABooth: on a phone, a company opens hall 1 of the
// demo's hall map, taps a free booth, fills in the form it lands on, sends
// it, and reaches the confirmation with its reference number; the booth is
// held, and the map no longer offers it. The server's clock runs twenty
// times fast, so the minimum fill time passes without the test sleeping
// through it.
func TestBrowserAppliesForABooth(t *testing.T) {
	site := newLocalSite(t) // the browser posts from the server's own address
	var booth string
	if err := site.pool.QueryRow(context.Background(), `SELECT number FROM booths
		WHERE hall = '1' AND status = 'available' AND type = 'standard' ORDER BY number DESC LIMIT 1`).Scan(&booth); err != nil {
		t.Fatalf("no free booth in the demo's hall 1: %v", err)
	}
	onMap := `a[data-booth="` + booth + `"]`
	start, base := time.Now(), site.srv.now()
	site.srv.now = func() time.Time { return base.Add(20 * time.Since(start)) }

	ctx := browser(t, 390, 844, 60*time.Second)

	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	err := chromedp.Do(ctx,
		chromedp.Navigate(site.URL+"/zh/exhibit/booths?hall=1"),
		chromedp.WaitVisible(css(`svg`)),
		chromedp.Click(css(onMap)),
		chromedp.WaitVisible(css(`[data-testid=chosen-booth]`)),
		chromedp.SendKeys(css("#company_zh"), "辽宁智学科技有限公司"),
		chromedp.SetValue(css("#country"), "CN"),
		chromedp.SendKeys(css("#contact"), "李明"),
		chromedp.SendKeys(css("#mobile"), "139 4000 1234"),
		chromedp.SendKeys(css("#email"), "li.ming@zhixue.example.cn"),
		chromedp.Click(css("input[name=categories][value=smart-classroom]")),
		chromedp.SendKeys(css("#message"), "需要220V电源。"),
		chromedp.Sleep(300*time.Millisecond), // six seconds on the server's clock
		chromedp.Click(css(`.apply-form button[type=submit]`)),
		chromedp.WaitVisible(css(`[data-testid=reference]`)),
	)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !regexp.MustCompile(`/zh/exhibit/apply/[a-z2-7]{26}$`).MatchString(url) {
		t.Errorf("landed on %q (%v)", url, err)
	}
	ref, err := chromedp.Run(ctx, chromedp.Text(css(`[data-testid=reference]`)))
	if err != nil || !regexp.MustCompile(`^LNEE-2027-\d{4,}$`).MatchString(strings.TrimSpace(ref)) {
		t.Errorf("reference %q (%v)", ref, err)
	}
	if s := testBoothStatus(t, site, booth); s != "held" {
		t.Errorf("booth %s after applying, want held", s)
	}
	// Back on the map, the booth is no longer a link to the form.
	err = chromedp.Do(ctx, chromedp.Navigate(site.URL+"/zh/exhibit/booths?hall=1"), chromedp.WaitVisible(css(`svg`)))
	links, err2 := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('`+onMap+`').length`))
	if err = errors.Join(err, err2); err != nil || links != 0 {
		t.Errorf("booth %s still offered on the map after applying: %d links (%v)", booth, links, err)
	}
}
