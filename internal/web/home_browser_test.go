package web

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserHomeLooksLikeATradeFair: on a 390 × 844 phone and a 1366 ×
// 900 desktop, in both languages, the home page's banner photograph is
// loaded from a rendition near the screen's width (a phone never fetches
// the desktop's file), is on the first screen, is cropped around the focal
// point the admin set, and the headline figures, the logo strip and the
// footer's WeChat QR code are there, with nothing wider than the screen.
func TestBrowserHomeLooksLikeATradeFair(t *testing.T) {
	site := newSite(t)
	if _, err := site.pool.Exec(context.Background(), "UPDATE home_look SET focal_x = 20, focal_y = 70"); err != nil {
		t.Fatal(err)
	}
	type look struct {
		Complete          bool
		Natural           int
		Top, Bottom, W, H float64
		Position          string
		Figures, Logos    int
		QR                bool
		Overflow          float64
	}
	const measure = `(() => {
		const i = document.querySelector('img[data-testid=banner]');
		if (!i) return null;
		const r = i.getBoundingClientRect();
		return {Complete: i.complete, Natural: i.naturalWidth, Top: r.top, Bottom: r.bottom, W: r.width, H: r.height,
			Position: getComputedStyle(i).objectPosition,
			Figures: document.querySelectorAll('[data-testid=figures] .figure-value').length,
			Logos: document.querySelectorAll('.logo-strip img').length,
			QR: !!document.querySelector('[data-testid=wechat] img'),
			Overflow: document.documentElement.scrollWidth - innerWidth};
	})()`
	natural := map[int]int{}
	for _, screen := range []struct{ w, h int }{{phoneW, phoneH}, {1366, 900}} {
		ctx := browser(t, screen.w, screen.h, 2*time.Minute)
		var opts []chromedp.EmulateViewportOption
		if screen.w == phoneW {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(screen.w), int64(screen.h), opts...)); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"zh", "en"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/"+lang+"/"), chromedp.WaitReady(chromedp.CSS(`img[data-testid=banner]`))); err != nil {
				t.Fatalf("%d px, %s: %v", screen.w, lang, err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('img[data-testid=banner]').complete`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
				t.Fatalf("%d px, %s: the banner never loaded: %v", screen.w, lang, err)
			}
			shoot(t, ctx, "home-"+lang+"-"+map[bool]string{true: "phone", false: "desktop"}[screen.w == phoneW])
			l, err := chromedp.Run(ctx, chromedp.Evaluate[look](measure))
			if err != nil {
				t.Fatalf("%d px, %s: %v", screen.w, lang, err)
			}
			where := lang + " at " + map[bool]string{true: "390", false: "1366"}[screen.w == phoneW] + " px"
			if !l.Complete || l.Natural == 0 {
				t.Errorf("%s: the banner did not load (%+v)", where, l)
			}
			if l.Top >= float64(screen.h) || l.Bottom <= 0 || l.H < 150 || l.W < float64(screen.w)/2 {
				t.Errorf("%s: the banner is not on the first screen as a photograph (%+v)", where, l)
			}
			if l.Position != "20% 70%" {
				t.Errorf("%s: the banner is cropped at %q, want the focal point 20%% 70%%", where, l.Position)
			}
			if l.Figures < 3 || l.Logos < 3 || !l.QR {
				t.Errorf("%s: figures %d, logos %d, QR code %v: want the headline figures, the logo strip and the QR code", where, l.Figures, l.Logos, l.QR)
			}
			if l.Overflow > 0 {
				t.Errorf("%s: the page is %.0f px wider than the screen", where, l.Overflow)
			}
			natural[screen.w] = l.Natural
		}
	}
	if natural[phoneW] > 1200 || natural[phoneW] >= natural[1366] {
		t.Errorf("the phone fetched a %d px wide banner, the desktop a %d px one: want the phone's smaller and at most 1200", natural[phoneW], natural[1366])
	}
}
