package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/riverqueue/river/rivertype"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/notify"
	"github.com/expoportal/portal/internal/notify/notifytest"
	"github.com/expoportal/portal/internal/outbox"
	"github.com/expoportal/portal/internal/store"
)

// addTestBooth puts an available booth on the map, in a hall made for it
// when there is none. Numbers in hall 8 and 9 stay clear of any demo booths.
func addTestBooth(t testing.TB, site *testSite, hall, number string) int64 {
	t.Helper()
	var id int64
	if _, err := site.pool.Exec(context.Background(), `INSERT INTO halls (code, position) VALUES ($1, 10) ON CONFLICT DO NOTHING`, hall); err != nil {
		t.Fatal(err)
	}
	if err := site.pool.QueryRow(context.Background(), `INSERT INTO booths (hall, number, x, y, width, depth, type)
		VALUES ($1, $2, 0, 0, 3, 3, 'standard') RETURNING id`, hall, number).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func testBoothStatus(t testing.TB, site *testSite, number string) string {
	t.Helper()
	var s string
	if err := site.pool.QueryRow(context.Background(), `SELECT status FROM booths WHERE number = $1`, number).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func countApplications(t testing.TB, site *testSite) int {
	t.Helper()
	var n int
	if err := site.pool.QueryRow(context.Background(), `SELECT count(*) FROM booth_applications`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// goodApplication is a complete application; booth "" asks for a type and area.
func goodApplication(t testing.TB, site *testSite, booth string) url.Values {
	v := url.Values{
		"company_zh": {"沈阳博文教学设备有限公司"}, "company_en": {"Shenyang Bowen Teaching Equipment Co., Ltd."},
		"contact": {"王丽"}, "mobile": {"138 1234 5678"}, "email": {"wang.li@bowen.example.cn"}, "country": {"CN"},
		"categories": {"laboratory", "stem"}, "message": {"希望靠近主通道。"},
		stampField: {oldStamp(t, site)}, honeypotField: {""},
	}
	if booth != "" {
		v.Set("booth", booth)
	} else {
		v.Set("booth_type", "standard")
		v.Set("area", "18")
	}
	return v
}

// postApply sends the form from address (via a trusted proxy's
// X-Forwarded-For when not empty) and returns the answer and its page.
func postApply(t testing.TB, site *testSite, lang string, form url.Values, address string) (*http.Response, *goquery.Document) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, site.URL+"/"+lang+"/exhibit/apply", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if address != "" {
		req.Header.Set("X-Forwarded-For", address)
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	d, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return res, d
}

// trustLoopback makes the test server believe X-Forwarded-For, so tests
// can post from many addresses.
func trustLoopback(site *testSite) {
	site.srv.trustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
}

func TestApplyFormValidationInBothLanguages(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	addTestBooth(t, site, "9", "9A01")
	long := strings.Repeat("展", 2001)
	for _, c := range []struct {
		name, field, key string
		change           func(url.Values)
	}{
		{"no company", "company_zh", "apply.err.company", func(v url.Values) { v.Set("company_zh", " "); v.Del("company_en") }},
		{"no contact", "contact", "apply.err.contact", func(v url.Values) { v.Set("contact", "") }},
		{"landline", "mobile", "form.err.phone", func(v url.Values) { v.Set("mobile", "024-8888 8888") }},
		{"no mobile", "mobile", "form.err.phone_needed", func(v url.Values) { v.Set("mobile", "") }},
		{"bad e-mail", "email", "form.err.email", func(v url.Values) { v.Set("email", "wang@bowen") }},
		{"no e-mail", "email", "form.err.email_needed", func(v url.Values) { v.Del("email") }},
		{"no booth type", "booth_type", "apply.err.booth_type", func(v url.Values) { v.Del("booth_type") }},
		{"bad area", "area", "apply.err.area", func(v url.Values) { v.Set("area", "十八") }},
		{"area too big", "area", "apply.err.area", func(v url.Values) { v.Set("area", "10001") }},
		{"no category", "categories", "apply.err.categories", func(v url.Values) { v.Del("categories") }},
		{"unknown category", "categories", "apply.err.categories", func(v url.Values) { v.Add("categories", "weapons") }},
		{"long message", "message", "form.too_long", func(v url.Values) { v.Set("message", long) }},
		{"no such booth", "booth", "apply.err.no_booth", func(v url.Values) { v.Del("booth_type"); v.Del("area"); v.Set("booth", "9Z99") }},
	} {
		for _, lang := range []string{"zh", "en"} {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				form := goodApplication(t, site, "")
				c.change(form)
				res, d := postApply(t, site, lang, form, "")
				if res.StatusCode != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", res.StatusCode)
				}
				l, _ := site.srv.cat.Lookup(lang)
				want := site.srv.cat.Printer(l).T(c.key)
				if got := strings.TrimSpace(d.Find("#" + c.field + "-err").Text()); got != want {
					t.Errorf("error at the field %q, want %q", got, want)
				}
				if !strings.Contains(d.Find(`[data-testid=form-errors]`).Text(), want) {
					t.Error("the error summary does not name it")
				}
				sel := map[string]string{"booth_type": "#booth_type-0", "categories": "input[name=categories][value=laboratory]", "booth": "#booth-choice"}[c.field]
				if sel == "" {
					sel = "#" + c.field
				}
				if c.field == "booth" {
					if desc, _ := d.Find(sel).Attr("aria-describedby"); desc != "booth-err" {
						t.Errorf("the booth fieldset is described by %q", desc)
					}
				} else if inv, _ := d.Find(sel).Attr("aria-invalid"); inv != "true" {
					t.Errorf("%s has aria-invalid=%q", sel, inv)
				}
				// Everything typed is still there.
				if got, _ := d.Find("#company_en").Attr("value"); c.field != "company_zh" && got != "Shenyang Bowen Teaching Equipment Co., Ltd." {
					t.Errorf("company_en lost: %q", got)
				}
				if got, _ := d.Find("#mobile").Attr("value"); got != form.Get("mobile") {
					t.Errorf("mobile %q, want what was typed (%q)", got, form.Get("mobile"))
				}
				if c.field != "categories" && d.Find("input[name=categories][value=stem][checked]").Length() != 1 {
					t.Error("a ticked category lost its tick")
				}
				if c.field != "message" && strings.TrimSpace(d.Find("#message").Text()) != "希望靠近主通道。" {
					t.Errorf("message lost: %q", d.Find("#message").Text())
				}
				if lang == "zh" && d.Find("html").AttrOr("lang", "") != "zh" {
					t.Error("not the Chinese page")
				}
			})
		}
	}
	if n := countApplications(t, site); n != 0 {
		t.Errorf("%d applications written by bad forms", n)
	}
	if s := testBoothStatus(t, site, "9A01"); s != "available" {
		t.Errorf("booth %s", s)
	}
}

func TestApplyForABoothAndConfirm(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	addTestBooth(t, site, "9", "9A05")

	d := site.doc(t, "/zh/exhibit/apply?booth=9a05", http.StatusOK)
	if got := strings.TrimSpace(d.Find(`[data-testid=chosen-booth] .apply-booth-line`).Text()); got != "展位 9A05，3 米 × 3 米，标准展位" {
		t.Errorf("chosen booth %q", got)
	}
	if v, _ := d.Find(`input[type=hidden][name=booth]`).Attr("value"); v != "9A05" {
		t.Errorf("hidden booth %q", v)
	}
	if d.Find(`#area`).Length() != 0 {
		t.Error("with a booth chosen, the area is not asked for")
	}
	if href, _ := d.Find(`a[data-testid=drop-booth]`).Attr("href"); href != "/zh/exhibit/apply" {
		t.Errorf("drop the booth: %q", href)
	}

	res, _ := postApply(t, site, "zh", goodApplication(t, site, "9A05"), "")
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/zh/exhibit/apply/") {
		t.Fatalf("status %d to %q, want 303 to the confirmation", res.StatusCode, loc)
	}
	if s := testBoothStatus(t, site, "9A05"); s != "held" {
		t.Errorf("booth %s after applying, want held", s)
	}
	page := site.get(t, loc)
	defer page.Body.Close()
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Header.Get("X-Robots-Tag"), "noindex") || page.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("confirmation: %d, X-Robots-Tag %q, Cache-Control %q", page.StatusCode, page.Header.Get("X-Robots-Tag"), page.Header.Get("Cache-Control"))
	}
	c, _ := goquery.NewDocumentFromReader(page.Body)
	var app store.Application
	if err := site.pool.QueryRow(context.Background(), `SELECT id, reference, mobile, area FROM booth_applications`).Scan(&app.ID, &app.Reference, &app.Mobile, &app.Area); err != nil {
		t.Fatal(err)
	}
	if got := c.Find(`[data-testid=reference]`).Text(); got != fmt.Sprintf("LNEE-2027-%04d", app.ID) || got != app.Reference {
		t.Errorf("reference shown %q, stored %q", got, app.Reference)
	}
	if app.Mobile != "13812345678" || app.Area != nil {
		t.Errorf("stored mobile %q, area %v", app.Mobile, app.Area)
	}
	if !strings.Contains(c.Find(`[data-testid=held]`).Text(), "9A05") {
		t.Error("the confirmation does not say the booth is held")
	}
	if txt := c.Find(`[data-testid=organisers]`).Text(); !strings.Contains(txt, "400-885-6191") || !strings.Contains(txt, "expo@lnjyzb.example.cn") {
		t.Errorf("organisers' contacts: %q", txt)
	}
	if txt := c.Find(`[data-testid=summary]`).Text(); !strings.Contains(txt, "沈阳博文教学设备有限公司") || !strings.Contains(txt, "实验室与科学教学装备") {
		t.Errorf("summary: %q", txt)
	}
	if c.Find(`link[rel=canonical]`).Length() != 0 {
		t.Error("a private page names a canonical URL")
	}
	site.doc(t, "/en/exhibit/apply/NoSuchTokenAtAllHereXYZ", http.StatusNotFound)

	// The booth is no longer offered: the form says so.
	d = site.doc(t, "/en/exhibit/apply?booth=9A05", http.StatusOK)
	if !strings.Contains(d.Find(`[data-testid=form-notice]`).Text(), "Booth 9A05 has just been taken") || d.Find(`[data-testid=chosen-booth]`).Length() != 0 {
		t.Error("a held booth is offered on the form")
	}
	// Posted anyway (an old tab): 409, the rest kept, nothing written.
	res, d = postApply(t, site, "en", goodApplication(t, site, "9A05"), "")
	if res.StatusCode != http.StatusConflict || !strings.Contains(d.Find(`[data-testid=form-notice]`).Text(), "Booth 9A05 has just been taken") {
		t.Errorf("second application for the booth: %d %q", res.StatusCode, d.Find(`[data-testid=form-notice]`).Text())
	}
	if v, _ := d.Find("#email").Attr("value"); v != "wang.li@bowen.example.cn" {
		t.Errorf("e-mail lost: %q", v)
	}
	if n := countApplications(t, site); n != 1 {
		t.Errorf("%d applications, want 1", n)
	}
}

// TestApplyBoothRace: eight companies send the form for one booth at the
// same moment; exactly one gets it, the others are told it was just
// taken. Twenty rounds, each with a fresh booth.
func TestApplyBoothRace(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	trustLoopback(site)
	for round := range 20 {
		number := fmt.Sprintf("8R%02d", round)
		addTestBooth(t, site, "8", number)
		var wg sync.WaitGroup
		codes := make([]int, 8)
		problems := make([]string, 8)
		for i := range codes {
			form := goodApplication(t, site, number)
			wg.Go(func() {
				res, d := postApply(t, site, "zh", form, fmt.Sprintf("198.51.%d.%d", round, i+1))
				codes[i], problems[i] = res.StatusCode, d.Find(`[data-testid=form-notice]`).Text()
			})
		}
		wg.Wait()
		won := 0
		for i, code := range codes {
			switch code {
			case http.StatusSeeOther:
				won++
			case http.StatusConflict:
				if !strings.Contains(problems[i], "展位 "+number+" 刚刚被其他企业预订") {
					t.Errorf("round %d: the loser read %q", round, problems[i])
				}
			default:
				t.Errorf("round %d: status %d", round, code)
			}
		}
		var apps int
		_ = site.pool.QueryRow(context.Background(), `SELECT count(*) FROM booth_applications a JOIN booths b ON b.id = a.booth_id WHERE b.number = $1`, number).Scan(&apps)
		if won != 1 || apps != 1 {
			t.Errorf("round %d: %d winners, %d applications for the booth; want 1 and 1", round, won, apps)
		}
		if s := testBoothStatus(t, site, number); s != "held" {
			t.Errorf("round %d: booth %s, want held", round, s)
		}
	}
}

func TestApplySpamDefence(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	trustLoopback(site)
	problem := func(d *goquery.Document) string {
		return strings.TrimSpace(d.Find(`[data-testid=form-notice]`).Text())
	}

	// The honeypot filled: refused, nothing written.
	form := goodApplication(t, site, "")
	form.Set(honeypotField, "http://spam.example")
	res, d := postApply(t, site, "en", form, "203.0.113.7")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.HasPrefix(problem(d), "This form could not be accepted") {
		t.Errorf("honeypot: %d %q", res.StatusCode, problem(d))
	}
	// Sent quicker than a person types: the form comes back, input kept.
	form = goodApplication(t, site, "")
	key, _ := site.srv.store.Secret(context.Background(), "form-stamp")
	form.Set(stampField, newStamp(key, site.srv.now()))
	res, d = postApply(t, site, "zh", form, "203.0.113.7")
	if res.StatusCode != http.StatusUnprocessableEntity || problem(d) != "提交过快，请核对所填内容后再提交一次。" {
		t.Errorf("too fast: %d %q", res.StatusCode, problem(d))
	}
	if v, _ := d.Find("#contact").Attr("value"); v != "王丽" {
		t.Errorf("too fast: contact %q not kept", v)
	}
	// A forged stamp.
	form.Set(stampField, strconv.FormatInt(site.srv.now().Add(-time.Minute).Unix(), 10)+".AAAAAAAAAAAAAAAAAAAAAA.forged")
	if res, _ = postApply(t, site, "zh", form, "203.0.113.7"); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("forged stamp: %d", res.StatusCode)
	}
	if n := countApplications(t, site); n != 0 {
		t.Fatalf("%d applications written by robots", n)
	}

	// Ten an hour from one address, then 429 with the input kept.
	for i := range 10 {
		if res, _ := postApply(t, site, "zh", goodApplication(t, site, ""), "203.0.113.7"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("application %d: %d", i+1, res.StatusCode)
		}
	}
	res, d = postApply(t, site, "en", goodApplication(t, site, ""), "203.0.113.7")
	if res.StatusCode != http.StatusTooManyRequests || !strings.HasPrefix(problem(d), "Too many forms were sent from your network") {
		t.Errorf("11th: %d %q", res.StatusCode, problem(d))
	}
	if v, _ := d.Find("#company_zh").Attr("value"); v != "沈阳博文教学设备有限公司" {
		t.Errorf("11th: input not kept (%q)", v)
	}
	// Another address is fine.
	if res, _ := postApply(t, site, "en", goodApplication(t, site, ""), "203.0.113.8"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("another address: %d", res.StatusCode)
	}
	if n := countApplications(t, site); n != 11 {
		t.Errorf("%d applications, want 11", n)
	}
}

// withMail gives site an outbox that e-mails through the SMTP server at
// addr and works its jobs (retrying a failure after a tenth of a second)
// until the test ends.
func withMail(t *testing.T, site *testSite, addr string) *outbox.Outbox {
	t.Helper()
	box, err := outbox.New(outbox.Options{Pool: site.pool, RetryPolicy: retrySoon{}, PollInterval: 200 * time.Millisecond,
		Sender: &notify.Mailer{Addr: addr, From: "portal@expo.example.org", To: []string{"booths@expo.example.org"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := box.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = box.Stop(ctx)
	})
	site.srv.outbox = box
	return box
}

type retrySoon struct{}

func (retrySoon) NextRetry(*rivertype.JobRow) time.Time {
	return time.Now().Add(100 * time.Millisecond)
}

func TestApplyNotifiesOrganisers(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	smtp := notifytest.Start(t)
	smtp.FailNext(1) // a busy mail server: the e-mail is tried again
	withMail(t, site, smtp.Addr)
	addTestBooth(t, site, "9", "9N01")
	res, _ := postApply(t, site, "en", goodApplication(t, site, "9N01"), "")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d", res.StatusCode)
	}
	var ref string
	var id int64
	_ = site.pool.QueryRow(context.Background(), `SELECT id, reference FROM booth_applications`).Scan(&id, &ref)
	select {
	case m := <-smtp.Messages:
		if len(m.To) != 1 || m.To[0] != "booths@expo.example.org" {
			t.Errorf("sent to %v", m.To)
		}
		if m.Subject != "新展位申请 "+ref+"：沈阳博文教学设备有限公司 / Shenyang Bowen Teaching Equipment Co., Ltd." {
			t.Errorf("subject %q", m.Subject)
		}
		if !strings.Contains(m.Body, "编号："+ref) || !strings.Contains(m.Body, "展位 9N01") ||
			!strings.Contains(m.Body, "https://expo.example.org/admin/applications/"+strconv.FormatInt(id, 10)) {
			t.Errorf("body:\n%s", m.Body)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no e-mail reached the organisers")
	}
	if n := smtp.Refused(); n != 1 {
		t.Errorf("the server refused %d attempts, want 1", n)
	}

	// A refused form writes no e-mail: the job is in the application's
	// transaction. (The same stamp again is the first post's confirmation.)
	form := goodApplication(t, site, "")
	form.Set("mobile", "12345")
	if res, _ := postApply(t, site, "en", form, ""); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad form: %d", res.StatusCode)
	}
	var jobs int
	_ = site.pool.QueryRow(context.Background(), `SELECT count(*) FROM river_job WHERE kind = 'email'`).Scan(&jobs)
	if jobs != 1 {
		t.Errorf("%d e-mail jobs for one application", jobs)
	}
}

// A mail server that is down loses nothing: the application is stored and
// its e-mail waits as a job that keeps its error, to be tried again.
func TestApplyWithTheMailServerDown(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	withMail(t, site, "127.0.0.1:1")
	if res, _ := postApply(t, site, "en", goodApplication(t, site, ""), ""); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("with the mail server down: %d", res.StatusCode)
	}
	waitForFailedMail(t, site)
	if n := countApplications(t, site); n != 1 {
		t.Errorf("%d applications, want 1", n)
	}
}

// waitForFailedMail waits until an e-mail job has failed at least once.
func waitForFailedMail(t *testing.T, site *testSite) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		var failed bool
		_ = site.pool.QueryRow(context.Background(), `SELECT EXISTS (SELECT 1 FROM river_job WHERE kind = 'email'
			AND cardinality(errors) > 0 AND state <> 'completed')`).Scan(&failed)
		if failed {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("no e-mail job failed")
}

func TestApplicationsInbox(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	trustLoopback(site)
	addTestBooth(t, site, "8", "8A01")
	addTestBooth(t, site, "9", "9A01")
	addTestBooth(t, site, "9", "9A02")
	for i, booth := range []string{"8A01", "9A01", ""} {
		if res, _ := postApply(t, site, "zh", goodApplication(t, site, booth), fmt.Sprintf("192.0.2.%d", i+1)); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("application %d: %d", i, res.StatusCode)
		}
	}
	addUser(t, site, "org@example.org", auth.RoleOrganiser, "Shenyang-Expo-2027")
	org := newStaff(t, site)
	org.login(t, "org@example.org", "Shenyang-Expo-2027")

	// The badge, in the staff member's language.
	_, body := org.get(t, "/admin/")
	d := parse(t, body)
	if got := strings.TrimSpace(d.Find(`[data-testid=new-applications] .visually-hidden`).Text()); got != "3 条新申请" {
		t.Errorf("badge %q, want 3 条新申请", got)
	}
	if got := strings.TrimSpace(d.Find(`[data-testid=new-applications] [aria-hidden]`).Text()); got != "3" {
		t.Errorf("badge number %q", got)
	}
	// An editor sees no badge.
	addUser(t, site, "ed@example.org", auth.RoleEditor, "Shenyang-Expo-2027")
	ed := newStaff(t, site)
	ed.login(t, "ed@example.org", "Shenyang-Expo-2027")
	if _, body := ed.get(t, "/admin/"); strings.Contains(body, "new-applications") {
		t.Error("an editor sees the applications badge")
	}

	// The list and its hall filter.
	_, body = org.get(t, "/admin/applications?hall=9")
	d = parse(t, body)
	if n := d.Find(`[data-testid=application]`).Length(); n != 1 || !strings.Contains(d.Find(`[data-testid=application]`).Text(), "9A01") {
		t.Errorf("hall 9: %d rows: %s", n, d.Find(`[data-testid=applications]`).Text())
	}
	_, body = org.get(t, "/admin/applications")
	d = parse(t, body)
	if n := d.Find(`[data-testid=application]`).Length(); n != 3 {
		t.Errorf("%d applications listed, want 3", n)
	}
	if got := strings.TrimSpace(d.Find(`[data-testid=count-new] .app-count`).Text()); got != "3" {
		t.Errorf("new count %q", got)
	}
	var id8, idNone int64
	_ = site.pool.QueryRow(context.Background(), `SELECT a.id FROM booth_applications a JOIN booths b ON b.id = a.booth_id WHERE b.number = '8A01'`).Scan(&id8)
	_ = site.pool.QueryRow(context.Background(), `SELECT id FROM booth_applications WHERE booth_id IS NULL`).Scan(&idNone)
	path := func(id int64, rest string) string { return "/admin/applications/" + strconv.FormatInt(id, 10) + rest }

	// Approving the one with no booth needs a booth: the error is shown.
	res := org.post(t, path(idNone, "/status"), url.Values{"status": {"approved"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("approve without a booth: %d", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodPost, site.URL+path(idNone, "/status"), strings.NewReader(url.Values{"status": {"approved"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r2, err := org.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := goquery.NewDocumentFromReader(r2.Body)
	r2.Body.Close()
	if got := strings.TrimSpace(page.Find("#booth-err").Text()); got != "批准前请为申请分配展位。" {
		t.Errorf("booth error %q", got)
	}
	if inv, _ := page.Find("#booth").Attr("aria-invalid"); inv != "true" {
		t.Error("the booth select is not marked invalid")
	}
	// A booth someone else holds cannot be assigned.
	if res := org.post(t, path(idNone, "/status"), url.Values{"status": {"approved"}, "booth": {"8A01"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("assign a held booth: %d", res.StatusCode)
	}
	// An available one can; it is sold.
	if res := org.post(t, path(idNone, "/status"), url.Values{"status": {"approved"}, "booth": {"9A02"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("approve with a booth: %d", res.StatusCode)
	}
	if s := testBoothStatus(t, site, "9A02"); s != "sold" {
		t.Errorf("assigned booth %s, want sold", s)
	}
	// Rejecting releases the booth; an illegal step is refused.
	if res := org.post(t, path(id8, "/status"), url.Values{"status": {"rejected"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("reject: %d", res.StatusCode)
	}
	if s := testBoothStatus(t, site, "8A01"); s != "available" {
		t.Errorf("rejected application's booth %s, want available", s)
	}
	if res := org.post(t, path(id8, "/status"), url.Values{"status": {"approved"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("rejected -> approved: %d, want 422", res.StatusCode)
	}
	// Notes.
	if res := org.post(t, path(id8, "/notes"), url.Values{"note": {"  "}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("empty note: %d", res.StatusCode)
	}
	if res := org.post(t, path(id8, "/notes"), url.Values{"note": {"电话无人接听，周五再联系"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("note: %d", res.StatusCode)
	}
	_, body = org.get(t, path(id8, ""))
	d = parse(t, body)
	if txt := d.Find(`[data-testid=notes]`).Text(); !strings.Contains(txt, "电话无人接听，周五再联系") || !strings.Contains(txt, "org@example.org") {
		t.Errorf("notes: %q", txt)
	}
	if got := strings.TrimSpace(d.Find(`[data-testid=status]`).Text()); got != "已拒绝" {
		t.Errorf("status shown %q", got)
	}
	// The badge follows: one new left.
	if got := strings.TrimSpace(d.Find(`[data-testid=new-applications] .visually-hidden`).Text()); got != "1 条新申请" {
		t.Errorf("badge %q after the changes", got)
	}

	// The export: BOM, headers in the staff member's language, the filters honoured.
	res, err = org.Get(site.URL + "/admin/applications/export?status=rejected")
	if err != nil {
		t.Fatal(err)
	}
	csv, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !bytes.HasPrefix(csv, []byte("\xef\xbb\xbf申请编号,")) || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Errorf("export starts %q (%s)", csv[:min(len(csv), 40)], res.Header.Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSpace(string(csv)), "\r\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "8A01") || !strings.Contains(lines[1], "已拒绝") || !strings.Contains(lines[1], "实验室与科学教学装备") {
		t.Errorf("export rows:\n%s", csv)
	}
	org.post(t, "/admin/lang", url.Values{"lang": {"en"}}) // kept with the account
	res, _ = org.Get(site.URL + "/admin/applications/export")
	csv, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if !bytes.HasPrefix(csv, []byte("\xef\xbb\xbfReference,Received,Status,")) || len(strings.Split(strings.TrimSpace(string(csv)), "\r\n")) != 4 {
		t.Errorf("English export:\n%s", csv)
	}
}

// noApplications empties the demo's inbox and frees the booths its
// applications held, so a test counts only its own.
func noApplications(t testing.TB, site *testSite) {
	t.Helper()
	_, err := site.pool.Exec(context.Background(), `UPDATE booths SET status = 'available'
		WHERE id IN (SELECT booth_id FROM booth_applications WHERE status IN ('new', 'contacted', 'approved'));
		DELETE FROM booth_applications`)
	if err != nil {
		t.Fatal(err)
	}
}

// A double tap on a phone sends one form twice at once: both answers lead
// to the one application it made, with the booth held for it, not to "the
// booth was just taken by another company".
func TestApplyDoubleTapIsOneApplication(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	trustLoopback(site)
	for round := range 5 {
		number := fmt.Sprintf("8D%02d", round)
		addTestBooth(t, site, "8", number)
		form := goodApplication(t, site, number)
		var wg sync.WaitGroup
		where := make([]string, 2)
		for i := range where {
			wg.Go(func() {
				res, _ := postApply(t, site, "zh", form, fmt.Sprintf("198.51.100.%d", round+1))
				if res.StatusCode != http.StatusSeeOther {
					t.Errorf("round %d, tap %d: status %d", round, i, res.StatusCode)
				}
				where[i] = res.Header.Get("Location")
			})
		}
		wg.Wait()
		if where[0] == "" || where[0] != where[1] {
			t.Errorf("round %d: the taps went to %q and %q", round, where[0], where[1])
		}
		var apps int
		_ = site.pool.QueryRow(context.Background(), `SELECT count(*) FROM booth_applications a JOIN booths b ON b.id = a.booth_id WHERE b.number = $1`, number).Scan(&apps)
		if apps != 1 || testBoothStatus(t, site, number) != "held" {
			t.Errorf("round %d: %d applications, booth %s", round, apps, testBoothStatus(t, site, number))
		}
		// Sent again later (the back button and "send" once more): the same.
		if res, _ := postApply(t, site, "zh", form, "198.51.100.99"); res.Header.Get("Location") != where[0] {
			t.Errorf("round %d: a resend went to %q", round, res.Header.Get("Location"))
		}
	}
	// An application for an area, with no booth to collide on, is one too.
	form := goodApplication(t, site, "")
	first, _ := postApply(t, site, "en", form, "198.51.100.50")
	again, _ := postApply(t, site, "en", form, "198.51.100.50")
	if first.StatusCode != http.StatusSeeOther || again.Header.Get("Location") != first.Header.Get("Location") {
		t.Errorf("area application twice: %d %q, then %q", first.StatusCode, first.Header.Get("Location"), again.Header.Get("Location"))
	}
	if n := countApplications(t, site); n != 6 {
		t.Errorf("%d applications, want 6", n)
	}
}

// A form shown again with errors keeps the stamp it was sent with, so the
// fill time runs from when it was first opened: fixing one field in a
// second is not "too fast".
func TestApplyErrorsKeepTheFormsStamp(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	trustLoopback(site)
	form := goodApplication(t, site, "")
	form.Set("mobile", "12345")
	res, d := postApply(t, site, "zh", form, "198.51.100.60")
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	kept, _ := d.Find(`input[name=form_started]`).Attr("value")
	if kept != form.Get(stampField) {
		t.Fatalf("stamp %q shown again as %q", form.Get(stampField), kept)
	}
	form.Set("mobile", "13812345678")
	if res, _ := postApply(t, site, "zh", form, "198.51.100.60"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the corrected form: %d", res.StatusCode)
	}
}

// A booth taken while the visitor was typing is said at once, beside the
// form's other errors, not only after they are all fixed.
func TestApplyTakenBoothSaidWithOtherErrors(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	trustLoopback(site)
	addTestBooth(t, site, "8", "8T01")
	if _, err := site.pool.Exec(context.Background(), "UPDATE booths SET status = 'sold' WHERE number = '8T01'"); err != nil {
		t.Fatal(err)
	}
	form := goodApplication(t, site, "8T01")
	form.Set("mobile", "12345")
	res, d := postApply(t, site, "zh", form, "198.51.100.70")
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	if p := d.Find(`[data-testid=form-notice]`).Text(); !strings.Contains(p, "展位 8T01 刚刚被其他企业预订") {
		t.Errorf("problem %q", p)
	}
	if d.Find(`#mobile[aria-invalid=true]`).Length() != 1 || d.Find(`[data-testid=chosen-booth]`).Length() != 0 {
		t.Errorf("want the mobile error and no chosen booth")
	}
}

// An e-mail that keeps failing shows on the dashboard of the staff who can
// act on it, with its last error and when it is tried next; editors, who
// cannot, do not see it.
func TestDashboardShowsFailingEmail(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	box := withMail(t, site, "127.0.0.1:1")
	if res, _ := postApply(t, site, "en", goodApplication(t, site, ""), ""); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("application: %d", res.StatusCode)
	}
	waitForFailedMail(t, site)
	var ref string
	_ = site.pool.QueryRow(context.Background(), `SELECT reference FROM booth_applications`).Scan(&ref)
	for _, c := range []struct {
		role       auth.Role
		lang, kind string
	}{
		{auth.RoleOrganiser, "zh", "邮件 | 展位申请 " + ref + " 的通知"}, {auth.RoleAdmin, "en", "E-mail | Notice of booth application " + ref},
	} {
		d := signIn(t, site, c.role, c.lang).page(t, "/admin/", http.StatusOK)
		rows := rowsOf(d, "failing-jobs")
		if len(rows) != 1 || !strings.HasPrefix(rows[0], c.kind+" | ") ||
			!strings.Contains(rows[0], "connection refused") {
			t.Errorf("%s: failing jobs %q", c.role, rows)
		}
		if d.Find(`[data-testid=failing-jobs] time[datetime]`).Length() != 1 {
			t.Errorf("%s: no next try shown", c.role)
		}
	}
	d := signIn(t, site, auth.RoleEditor, "en").page(t, "/admin/", http.StatusOK)
	if d.Find(`[data-testid=failing-jobs]`).Length() != 0 {
		t.Error("an editor sees the failing e-mails")
	}
	// Given up on: shown as such, without a next try. (The worker stops
	// first, so it does not write over the change.)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := box.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := site.pool.Exec(context.Background(), `UPDATE river_job SET state = 'discarded', finalized_at = now() WHERE kind = 'email'`); err != nil {
		t.Fatal(err)
	}
	d = signIn(t, site, auth.RoleAdmin, "en").page(t, "/admin/", http.StatusOK)
	if rows := rowsOf(d, "failing-jobs"); len(rows) != 1 || !strings.HasSuffix(rows[0], "Given up") {
		t.Errorf("discarded: %q", rows)
	}
}
