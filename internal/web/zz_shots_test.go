package web

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

func TestZZShots(t *testing.T) {
	dir := "/tmp/backoffice_shots"
	site := newLocalSite(t)
	// The demo's news plus 120 more, so the list has pages.
	ctx0 := context.Background()
	if _, err := site.pool.Exec(ctx0, `
		WITH a AS (
			INSERT INTO articles (category, status, released_at)
			SELECT (ARRAY['expo','industry','media','video','photo'])[i % 5 + 1],
			       (ARRAY['draft','scheduled','published'])[i % 3 + 1],
			       '2025-01-01T00:00:00Z'::timestamptz + i * interval '1 day'
			FROM generate_series(1, 120) i
			RETURNING id, released_at
		)
		INSERT INTO article_translations (article_id, lang, title)
		SELECT id, l, CASE l WHEN 'zh' THEN '展会筹备工作简报 第' || extract(doy FROM released_at)::int || '期' ELSE 'Expo preparations bulletin no. ' || extract(doy FROM released_at)::int END
		FROM a, unnest(ARRAY['zh','en']) l`); err != nil {
		t.Fatal(err)
	}
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	st := store.New(site.pool)
	if res, _ := postApply(t, site, "zh", goodApplication(t, site, ""), ""); res.StatusCode != 303 {
		t.Fatal(res.StatusCode)
	}
	_ = st.Audit(ctx0, 0, "application.status", "EXPO-2027-0003 沈阳博文教学设备有限公司", "new -> contacted")
	_ = st.Audit(ctx0, 0, "application.status", "EXPO-2027-0002 Dalian Kexin", "contacted -> withdrawn; released booth 1A05")
	_ = st.Audit(ctx0, 0, "article.update.publish", "article 12", "status draft -> published")
	for _, c := range []struct {
		w, h int
		lang string
	}{{1366, 900, "zh"}, {1366, 900, "en"}, {390, 844, "zh"}, {390, 844, "en"}} {
		ctx := browser(t, c.w, c.h, 3*time.Minute)
		if c.w == 390 {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(c.w), int64(c.h), chromedp.EmulateMobile)); err != nil {
				t.Fatal(err)
			}
		}
		css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
		if err := chromedp.Do(ctx,
			chromedp.Navigate(site.URL+"/admin/login"),
			chromedp.SendKeys(css("#email"), "admin@expo.example"),
			chromedp.SendKeys(css("#password"), "Shenyang-Expo-2027"),
			chromedp.Click(css(`button[type=submit].button`)),
			chromedp.WaitVisible(css(`[data-testid=drafts]`)),
		); err != nil {
			t.Fatal(err)
		}
		u, _ := st.UserByEmail(ctx0, "admin@expo.example")
		_ = st.SetLang(ctx0, u.ID, c.lang)
		name := func(s string) string { return filepath.Join(dir, s+"-"+c.lang+"-"+itoa(c.w)+".png") }
		shot := func(path, file string, full bool, scrollTo string) {
			if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+path), chromedp.WaitReady(css("main h1"))); err != nil {
				t.Fatal(err)
			}
			if scrollTo != "" {
				_, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.querySelector('`+scrollTo+`')||{scrollIntoView(){}}).scrollIntoView({block: 'center'}), true`))
			}
			var png []byte
			var err error
			if full {
				png, err = chromedp.Run(ctx, chromedp.FullScreenshot(80))
			} else {
				png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name(file), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		shot("/admin/", "dashboard", false, "#recent-title")
		shot("/admin/news?status=published&category=expo&q="+map[string]string{"zh": "简报", "en": "bulletin"}[c.lang]+"&page=2", "news-filtered", false, "")
		shot("/admin/news?status=published&q="+map[string]string{"zh": "简报", "en": "bulletin"}[c.lang]+"&page=2", "news-filtered-pager", false, "[data-testid=admin-pager]")
		shot("/admin/news?q=%25", "news-percent", false, "")
		if c.w == 390 {
			shot("/admin/applications", "applications", false, "[data-testid=applications]")
			shot("/admin/news", "news", false, "[data-testid=admin-news]")
			shot("/zh"+boothsPath, "hallmap", false, "[data-testid=hallmap-info]")
		}
	}
}

func itoa(n int) string {
	return map[int]string{390: "390", 1366: "1366"}[n]
}
