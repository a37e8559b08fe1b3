package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/notify/notifytest"
)

// settingsForm is the settings form as the editor shows it now.
func settingsForm(t *testing.T, b *staff) url.Values {
	t.Helper()
	d := b.page(t, "/admin/settings", http.StatusOK)
	f := url.Values{}
	d.Find("form.editor input").Each(func(_ int, s *goquery.Selection) {
		f.Set(s.AttrOr("name", ""), s.AttrOr("value", ""))
	})
	return f
}

// footerContacts are the footer's contact labels (dt) in order.
func footerContacts(d *goquery.Document) []string {
	var out []string
	d.Find("footer .footer-contact dt").Each(func(_ int, s *goquery.Selection) { out = append(out, s.Text()) })
	return out
}

// English pages lead with the number that can be dialled from abroad (a
// tel: link in the + form) and say the 400 hotline works within China;
// Chinese pages keep the hotline first. WhatsApp is a number with a tel:
// link, never a link to another host.
func TestInternationalContactsFollowTheLanguage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	f := settingsForm(t, b)
	f.Set("intl_phone", "0086 (24) 8123-4567")
	f.Set("wechat_id", "expo-shenyang")
	f.Set("whatsapp", "+44 7700 900123")
	manual := "/media/" + strings.Repeat("ab", 32) + ".pdf"
	f.Set("manual_url", manual)
	if res := b.post(t, "/admin/settings", f); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	if href := site.doc(t, "/en/exhibit/international", http.StatusOK).Find("a[data-testid=manual]").AttrOr("href", ""); href != manual {
		t.Errorf("the manual's link is %q, want %q", href, manual)
	}

	en := site.doc(t, "/en/exhibit/why", http.StatusOK)
	if got := footerContacts(en); len(got) < 2 || got[0] != "Phone (from abroad)" || got[1] != "Hotline (within China)" {
		t.Errorf("English footer contacts: %q", got)
	}
	intl := en.Find(`footer [data-testid="footer.intl_phone"]`)
	if href, _ := intl.Attr("href"); href != "tel:+862481234567" || intl.Text() != "+86 (24) 8123-4567" {
		t.Errorf("international number: %q %q", href, intl.Text())
	}
	if href, _ := en.Find(`footer [data-testid="footer.whatsapp"]`).Attr("href"); href != "tel:+447700900123" {
		t.Errorf("WhatsApp: %q", href)
	}
	if en.Find(`footer [data-testid="footer.wechat"]`).Text() != "expo-shenyang" {
		t.Error("the WeChat ID is not in the English footer")
	}
	if top := en.Find(`[data-testid=top-phone]`); !strings.Contains(top.Text(), "+86 (24) 8123-4567") {
		t.Errorf("English top bar: %q", top.Text())
	}
	// The price list's "Enquiries" line names both, the dialable one first.
	if got := site.doc(t, "/en/exhibit/charges", http.StatusOK).Find(".charges-contact").Text(); !strings.Contains(got, "+86 (24) 8123-4567, or the hotline 400-885-6191 from within China") {
		t.Errorf("English enquiries line: %q", got)
	}

	zh := site.doc(t, "/zh/exhibit/why", http.StatusOK)
	if got := footerContacts(zh); len(got) < 2 || got[0] != "咨询热线" || got[1] != "境外来电" {
		t.Errorf("Chinese footer contacts: %q", got)
	}
	if top := zh.Find(`[data-testid=top-phone]`); !strings.Contains(top.Text(), "400-885-6191") {
		t.Errorf("Chinese top bar: %q", top.Text())
	}
	for _, d := range []*goquery.Document{en, zh} {
		html, _ := d.Html()
		if strings.Contains(html, "wa.me") || strings.Contains(html, "whatsapp.com") {
			t.Error("a page links to WhatsApp's host")
		}
	}
}

// Numbers that cannot be dialled from abroad and malformed IDs are
// refused with a translated error at the field, the form keeps what was
// typed, and nothing is saved.
func TestSettingsRefuseBadInternationalContacts(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	for _, lang := range []string{"zh", "en"} {
		// The back office speaks the account's own language.
		if res := b.post(t, "/admin/lang", url.Values{"lang": {lang}}); res.StatusCode != http.StatusSeeOther {
			t.Fatal(res.StatusCode)
		}
		p := site.srv.cat.Printer(mustLang(t, site, lang))
		for _, c := range []struct{ field, value, key string }{
			{"intl_phone", "024 8123 4567", "settings.err.intl_phone"}, // no country code
			{"intl_phone", "+86 24 8123 45x7", "settings.err.intl_phone"},
			{"intl_phone", "+0 24 8123 4567", "settings.err.intl_phone"},
			{"whatsapp", "+44 12", "settings.err.intl_phone"}, // too short
			{"wechat_id", "1expo", "settings.err.wechat"},
			{"manual_url", "https://files.example.com/manual.pdf", "settings.err.manual"},
		} {
			f := settingsForm(t, b)
			f.Set(c.field, c.value)
			res, d := b.postDoc(t, "/admin/settings", f)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s %q: status %d, want 422", c.field, c.value, res.StatusCode)
				continue
			}
			if got, want := strings.TrimSpace(d.Find("#"+c.field+"-err").Text()), p.T(c.key); got != want {
				t.Errorf("%s %s: error %q, want %q", lang, c.field, got, want)
			}
			if got := d.Find("#"+c.field).AttrOr("value", ""); got != c.value {
				t.Errorf("%s: the form kept %q, not %q", c.field, got, c.value)
			}
		}
	}
	var phone, wechat string
	if err := site.pool.QueryRow(context.Background(), "SELECT intl_phone, wechat_id FROM site_settings").Scan(&phone, &wechat); err != nil {
		t.Fatal(err)
	}
	if phone != "+86 24 2281 6191" || wechat != "lnjyzb-expo" {
		t.Errorf("a refused form saved: %q %q", phone, wechat)
	}
}

func mustLang(t *testing.T, site *testSite, code string) i18n.Lang {
	t.Helper()
	l, ok := site.srv.cat.Lookup(code)
	if !ok {
		t.Fatal(code)
	}
	return l
}

// goodVisaRequest is a complete invitation letter request.
func goodVisaRequest(t testing.TB, site *testSite) url.Values {
	return url.Values{
		"company": {"Nordic Lab Supplies AB"}, "name": {"Anna Lindqvist"}, "nationality": {"SE"},
		"passport_no": {"ab 123 4567"}, "arrives_on": {"2027-04-13"}, "departs_on": {"2027-04-19"},
		"email": {"Anna@NordicLab.example"}, stampField: {oldStamp(t, site)}, honeypotField: {""},
	}
}

// The page for international exhibitors is in the Exhibition centre's
// menu in both languages; its invitation letter request is stored once,
// confirmed on a private page, and listed for the organisers.
func TestVisaInvitationRequestIsStoredAndListed(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for lang, title := range map[string]string{"zh": "境外展商", "en": "International exhibitors"} {
		d := site.doc(t, "/"+lang+"/exhibit/why", http.StatusOK)
		if d.Find(`#side-list a[href="/`+lang+`/exhibit/international"]`).Text() != title {
			t.Errorf("%s: the section menu does not lead to the page", lang)
		}
		page := site.doc(t, "/"+lang+"/exhibit/international", http.StatusOK)
		if strings.TrimSpace(page.Find("h1").Text()) != title || page.Find(`form[data-testid=visa-form] select#nationality option`).Length() < 200 {
			t.Errorf("%s: the page or its form is missing", lang)
		}
		if !strings.Contains(page.Find(".prose").Text(), map[string]string{"zh": "ATA", "en": "freight forwarder"}[lang]) {
			t.Errorf("%s: the freight information is missing", lang)
		}
	}
	smtp := notifytest.Start(t)
	withMail(t, site, smtp.Addr)
	res, _ := site.post(t, "/en/exhibit/international", goodVisaRequest(t, site))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("good request: %d", res.StatusCode)
	}
	done := res.Header.Get("Location")
	if !regexp.MustCompile(`^/en/exhibit/international/[a-z2-7]{26}$`).MatchString(done) {
		t.Fatalf("sent to %q", done)
	}
	var passport, email, nat string
	if err := site.pool.QueryRow(context.Background(), "SELECT passport_no, email, nationality FROM visa_requests").Scan(&passport, &email, &nat); err != nil {
		t.Fatal(err)
	}
	if passport != "AB1234567" || email != "anna@nordiclab.example" || nat != "SE" {
		t.Errorf("stored %q %q %q", passport, email, nat)
	}
	// The organisers are told, in the site's default language.
	select {
	case m := <-smtp.Messages:
		if !strings.Contains(m.Subject, "签证邀请函") || !strings.Contains(m.Body, "AB1234567") || !strings.Contains(m.Body, "瑞典") {
			t.Errorf("e-mail %q:\n%s", m.Subject, m.Body)
		}
	case <-time.After(20 * time.Second):
		t.Error("no e-mail reached the organisers")
	}
	conf := site.get(t, done)
	conf.Body.Close()
	if conf.StatusCode != http.StatusOK || conf.Header.Get("Cache-Control") != "no-store" || !strings.Contains(conf.Header.Get("X-Robots-Tag"), "noindex") {
		t.Errorf("confirmation: %d %q %q", conf.StatusCode, conf.Header.Get("Cache-Control"), conf.Header.Get("X-Robots-Tag"))
	}
	if got := site.doc(t, done, http.StatusOK).Find("[data-testid=summary]").Text(); !strings.Contains(got, "Sweden") || !strings.Contains(got, "AB1234567") {
		t.Errorf("confirmation shows %q", got)
	}

	org := signIn(t, site, auth.RoleOrganiser, "zh")
	list := org.page(t, "/admin/applications/visas", http.StatusOK).Find("[data-testid=visa-requests] tbody tr")
	if list.Length() != 1 || !strings.Contains(list.Text(), "Anna Lindqvist") || !strings.Contains(list.Text(), "瑞典") {
		t.Errorf("the organisers' list: %q", list.Text())
	}
	if org.page(t, "/admin/applications", http.StatusOK).Find(`a[href="/admin/applications/visas"]`).Length() != 1 {
		t.Error("the applications inbox does not lead to the requests")
	}
	if res := site.get(t, "/admin/applications/visas"); res.StatusCode == http.StatusOK {
		res.Body.Close()
		t.Error("signed out, the list is shown")
	}
}

// Bad input comes back with a translated error at the field and what was
// typed, and writes nothing.
func TestVisaRequestRefusesBadInput(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	withMail(t, site, "127.0.0.1:1") // e-mails are queued (and never sent)
	for _, c := range []struct {
		name, field, key string
		change           func(url.Values)
	}{
		{"no company", "company", "visa.err.company", func(v url.Values) { v.Set("company", " ") }},
		{"no name", "name", "visa.err.name", func(v url.Values) { v.Del("name") }},
		{"unknown nationality", "nationality", "visa.err.nationality", func(v url.Values) { v.Set("nationality", "XX") }},
		{"bad passport", "passport_no", "visa.err.passport_no", func(v url.Values) { v.Set("passport_no", "12-3") }},
		{"bad date", "arrives_on", "visa.err.date", func(v url.Values) { v.Set("arrives_on", "13/04/2027") }},
		{"arrival past", "arrives_on", "visa.err.past", func(v url.Values) { v.Set("arrives_on", "2026-01-05") }},
		{"departs first", "departs_on", "visa.err.departs_before", func(v url.Values) { v.Set("departs_on", "2027-04-12") }},
		{"stay too long", "departs_on", "visa.err.too_long", func(v url.Values) { v.Set("departs_on", "2027-08-01") }},
		{"bad e-mail", "email", "form.err.email", func(v url.Values) { v.Set("email", "anna@") }},
	} {
		for _, lang := range []string{"zh", "en"} {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				f := goodVisaRequest(t, site)
				c.change(f)
				res, d := site.post(t, "/"+lang+"/exhibit/international", f)
				if res.StatusCode != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", res.StatusCode)
				}
				want := site.srv.cat.Printer(mustLang(t, site, lang)).T(c.key)
				if got := strings.TrimSpace(d.Find("#" + c.field + "-err").Text()); got != want {
					t.Errorf("error at the field %q, want %q", got, want)
				}
				if !strings.Contains(d.Find("[data-testid=form-errors]").Text(), want) {
					t.Error("the error summary does not name it")
				}
				if d.Find("#company").AttrOr("value", "") != f.Get("company") || d.Find("#passport_no").AttrOr("value", "") != f.Get("passport_no") {
					t.Error("the form lost what was typed")
				}
			})
		}
	}
	if n := site.count(t, "visa_requests"); n != 0 {
		t.Errorf("refused requests stored %d rows", n)
	}
	if n := visaMails(t, site); len(n) != 0 {
		t.Errorf("refused requests queued e-mails: %q", n)
	}
}

// visaMails are the subjects of the e-mails about visa requests, queued
// or sent.
func visaMails(t *testing.T, site *testSite) []string {
	t.Helper()
	rows, err := site.pool.Query(context.Background(), `SELECT args->>'subject' FROM river_job
		WHERE kind = 'email' AND args->>'about' LIKE 'visa invitation request %'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// The booth application asks for the country, stores it, and shows it to
// the organisers in their language; without one it is refused.
func TestApplicationAsksForTheCountry(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	en := site.doc(t, "/en/exhibit/apply", http.StatusOK)
	opts := en.Find("select#country option")
	if opts.Length() < 200 || opts.Eq(0).AttrOr("value", "x") != "" || opts.Eq(1).AttrOr("value", "") != "CN" || opts.Eq(1).Text() != "China" {
		t.Errorf("the English country list starts %q %q", opts.Eq(0).Text(), opts.Eq(1).Text())
	}
	if zh := site.doc(t, "/zh/exhibit/apply", http.StatusOK).Find("select#country option").Eq(1).Text(); zh != "中国" {
		t.Errorf("the Chinese list starts with %q", zh)
	}

	f := goodApplication(t, site, "")
	f.Del("country")
	res, d := postApply(t, site, "en", f, "")
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("no country: %d", res.StatusCode)
	}
	if got := strings.TrimSpace(d.Find("#country-err").Text()); got != "Choose the country or region of the company." {
		t.Errorf("no country: error %q", got)
	}
	if d.Find("#contact").AttrOr("value", "") != "王丽" {
		t.Error("the form lost what was typed")
	}
	if n := countApplications(t, site); n != 0 {
		t.Fatalf("a refused application was stored (%d)", n)
	}

	f = goodApplication(t, site, "")
	f.Set("country", "DE")
	if res, _ := postApply(t, site, "en", f, ""); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("with a country: %d", res.StatusCode)
	}
	var id int64
	var country string
	if err := site.pool.QueryRow(context.Background(), "SELECT id, country FROM booth_applications").Scan(&id, &country); err != nil {
		t.Fatal(err)
	}
	if country != "DE" {
		t.Errorf("stored country %q", country)
	}
	org := signIn(t, site, auth.RoleOrganiser, "zh")
	if got := org.page(t, "/admin/applications/"+strconv.FormatInt(id, 10), http.StatusOK).Find("[data-testid=country]").Text(); got != "德国" {
		t.Errorf("the organisers see the country as %q", got)
	}
	res, body := org.get(t, "/admin/applications/export")
	lines := strings.Split(strings.TrimSpace(body), "\r\n")
	if res.StatusCode != http.StatusOK || len(lines) != 2 || !strings.HasSuffix(lines[0], ",国家/地区") || !strings.HasSuffix(lines[1], ",德国") {
		t.Errorf("the export's country column: %q", lines)
	}
}

// The same form sent twice (a double tap) makes one request and shows its
// confirmation both times; one address may send visaLimit requests an
// hour, and the next is refused (429) with what was typed.
func TestVisaRequestOncePerFormAndRateLimited(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	trustLoopback(site)
	f := goodVisaRequest(t, site)
	first, _ := postVisaFrom(t, site, f, "203.0.113.7")
	again, _ := postVisaFrom(t, site, f, "203.0.113.7")
	if first.StatusCode != http.StatusSeeOther || again.Header.Get("Location") != first.Header.Get("Location") {
		t.Fatalf("a double tap: %d %q, then %d %q", first.StatusCode, first.Header.Get("Location"), again.StatusCode, again.Header.Get("Location"))
	}
	for i := 1; i < visaLimit; i++ {
		if res, _ := postVisaFrom(t, site, goodVisaRequest(t, site), "203.0.113.7"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("request %d: %d", i+1, res.StatusCode)
		}
	}
	over := goodVisaRequest(t, site)
	res, d := postVisaFrom(t, site, over, "203.0.113.7")
	if res.StatusCode != http.StatusTooManyRequests || d.Find("#company").AttrOr("value", "") != over.Get("company") {
		t.Errorf("over the limit: %d", res.StatusCode)
	}
	if res, _ := postVisaFrom(t, site, goodVisaRequest(t, site), "198.51.100.9"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("another address: %d", res.StatusCode)
	}
	if n := site.count(t, "visa_requests"); n != visaLimit+1 {
		t.Errorf("%d requests stored, want %d", n, visaLimit+1)
	}
}

func postVisaFrom(t *testing.T, site *testSite, f url.Values, address string) (*http.Response, *goquery.Document) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, site.URL+"/en/exhibit/international", strings.NewReader(f.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", address)
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	d, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, d
}

// Before launch, the international number must be set and not the demo's
// made-up one: foreign exhibitors have no other number to call.
func TestLaunchChecklistAsksForARealInternationalNumber(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	b := signIn(t, site, auth.RoleAdmin, "en")
	done := func() string {
		return b.page(t, "/admin/launch", http.StatusOK).Find(`[data-testid=launch-checks] li[data-check=intl_phone]`).AttrOr("data-done", "missing")
	}
	for _, c := range []struct{ number, want string }{
		{"+86 24 2281 6191", "false"}, // the demo's
		{"", "false"},
		{"+86 24 8123 4567", "true"},
	} {
		if _, err := site.pool.Exec(context.Background(), "UPDATE site_settings SET intl_phone = $1", c.number); err != nil {
			t.Fatal(err)
		}
		if got := done(); got != c.want {
			t.Errorf("with %q: done %s, want %s", c.number, got, c.want)
		}
	}
}
