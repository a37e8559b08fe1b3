package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserGroupRowsOnAPhone: on a 390 px phone the member rows fit the
// screen's width; "add rows" works without script, keeps what was typed
// and lands on the first new row; Enter in a row sends the form instead.
func TestBrowserGroupRowsOnAPhone(t *testing.T) {
	site := newLocalSite(t)
	ctx := browser(t, phoneW, phoneH, 2*time.Minute)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile),
		chromedp.Navigate(site.URL+"/zh/register/group"), chromedp.WaitReady(chromedp.CSS(`[data-testid=group-form]`)),
		chromedp.SendKeys(chromedp.CSS(`[name="member.1.name"]`), "张明"),
		chromedp.SetValue(chromedp.CSS(`[name="member.2.phone"]`), "139 1234 5678"),
		chromedp.Click(chromedp.CSS(`[data-testid=add-rows]`)),
		chromedp.WaitReady(chromedp.CSS(`#member-10`))); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](`[document.querySelectorAll('[data-testid=member-row]').length,
		document.querySelector('[name="member.1.name"]').value, document.querySelector('[name="member.2.phone"]').value,
		location.hash, Math.round(document.querySelector('#member-6').getBoundingClientRect().top), innerHeight,
		document.documentElement.scrollWidth]`))
	if err != nil || len(got) != 7 {
		t.Fatalf("%v, %v", got, err)
	}
	if got[0] != 10.0 || got[1] != "张明" || got[2] != "139 1234 5678" {
		t.Errorf("after adding rows: %v rows, row 1 %q, row 2's mobile %q", got[0], got[1], got[2])
	}
	if top := got[4].(float64); got[3] != "#member-6" || top < 0 || top > got[5].(float64) {
		t.Errorf("after adding rows the page is at %q with row 6 at %v px", got[3], top)
	}
	if w := got[6].(float64); w > phoneW {
		t.Errorf("the form is %v px wide on a %d px phone", w, phoneW)
	}
	shoot(t, ctx, "group-rows-zh-390")

	// Enter in a row's input sends the form (here too soon after it was
	// opened, which the form says), not "add rows".
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`[name="member.1.name"]`), kb.Enter),
		chromedp.WaitReady(chromedp.CSS(`[data-testid=form-errors]`))); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelectorAll('[data-testid=member-row]').length`))
	if err != nil || n != 10 {
		t.Errorf("after Enter: %v rows, %v; want the form sent with its 10 rows", n, err)
	}
	if notice, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-testid=form-errors]').innerText`)); !strings.Contains(notice, "请") {
		t.Errorf("after Enter: %q", notice)
	}
}
