package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
)

// knownVisitors replaces the demo's visitors with a set whose counts the
// tests know: 6 registrations, 2 of them checked in.
func knownVisitors(t *testing.T, site *testSite) {
	t.Helper()
	_, err := site.pool.Exec(context.Background(), `DELETE FROM registrations; DELETE FROM visitor_groups;
		INSERT INTO registrations (token, code, lang, name, organisation, role, city, phone, email, days, checked_in_at) VALUES
		('aaaaaaaaaaaaaaaaaaaaaaaaa1', '7KQ2M4X9', 'zh', '王晓梅', '沈阳市第二中学', 'teacher', '沈阳', '13800240001', '', '{2027-04-16,2027-04-17}', '2027-04-16 01:30:00+00'),
		('aaaaaaaaaaaaaaaaaaaaaaaaa2', 'AB12CD34', 'zh', '李建国', '沈阳市教育局', 'official', '沈阳市', '13800240002', '', '{2027-04-16}', '2027-04-16 23:50:00+00'),
		('aaaaaaaaaaaaaaaaaaaaaaaaa3', 'EF56GH78', 'zh', '张丽娟', '大连市实验小学', 'teacher', '大连', '13800240003', 'zhang@mail.example', '{2027-04-17}', NULL),
		('aaaaaaaaaaaaaaaaaaaaaaaaa4', 'JK90MN12', 'en', 'Emma Whitfield', 'Dalian International School', 'teacher', '大连', '+447700900001', '', '{2027-04-18}', NULL),
		('aaaaaaaaaaaaaaaaaaaaaaaaa5', 'PQ34RS56', 'zh', '赵磊', '辽宁启明教育科技有限公司', 'buyer', '鞍山', '13800240005', '', '{2027-04-16,2027-04-17,2027-04-18}', NULL),
		('aaaaaaaaaaaaaaaaaaaaaaaaa6', 'TV78WX90', 'zh', '=HYPERLINK("x")', '', 'other', '', '', '', '{2027-04-18}', NULL);
		INSERT INTO checkins (registration_id, day, at)
		SELECT id, (checked_in_at AT TIME ZONE 'Asia/Shanghai')::date, checked_in_at FROM registrations WHERE checked_in_at IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
}

func signIn(t *testing.T, site *testSite, role auth.Role, lang string) *staff {
	t.Helper()
	email := string(role) + "@expo.example"
	var exists bool
	site.pool.QueryRow(context.Background(), "SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)", email).Scan(&exists)
	if !exists {
		addUser(t, site, email, role, "Shenyang-Expo-2027")
	}
	b := newStaff(t, site)
	if res := b.login(t, email, "Shenyang-Expo-2027"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login as %s: %d", role, res.StatusCode)
	}
	if res := b.post(t, "/admin/lang", url.Values{"lang": {lang}}); res.StatusCode != http.StatusSeeOther { // kept with the account
		t.Fatalf("language %s: %d", lang, res.StatusCode)
	}
	return b
}

func (b *staff) page(t *testing.T, path string, want int) *goquery.Document {
	t.Helper()
	res, body := b.get(t, path)
	if res.StatusCode != want {
		t.Fatalf("GET %s: %d, want %d", path, res.StatusCode, want)
	}
	return parse(t, body)
}

func rowsOf(d *goquery.Document, testid string) []string {
	var out []string
	d.Find(`[data-testid=` + testid + `] tbody tr`).Each(func(_ int, tr *goquery.Selection) {
		var cells []string
		tr.Find("th, td").Each(func(_ int, c *goquery.Selection) { cells = append(cells, strings.Join(strings.Fields(c.Text()), " ")) })
		out = append(out, strings.Join(cells, " | "))
	})
	return out
}

func TestRegistrationsOverview(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	b := signIn(t, site, auth.RoleOrganiser, "en")

	// The demo's visitors are there before anything else.
	d := b.page(t, "/admin/registrations", http.StatusOK)
	if n := d.Find("[data-testid=reg-total]").Text(); n < "140" || len(n) != 3 {
		t.Errorf("demo visitors: %q", n)
	}
	if d.Find(`.admin-nav a[href="/admin/registrations"][aria-current=page]`).Length() != 1 ||
		d.Find(`.admin-nav a[href="/admin/checkin"]`).Length() != 1 {
		t.Error("the menu lacks the registrations or check-in link")
	}

	knownVisitors(t, site)
	d = b.page(t, "/admin/registrations", http.StatusOK)
	if got := d.Find("[data-testid=reg-total]").Text() + "/" + d.Find("[data-testid=reg-checked-in]").Text(); got != "6/2" {
		t.Errorf("headline %s, want 6/2", got)
	}
	// 李建国 arrived at 07:50 on the 17th in Shenyang (23:50 UTC on the 16th).
	want := []string{"16 April 2027 | 3 | 1", "17 April 2027 | 3 | 1", "18 April 2027 | 3 | 0"}
	if got := rowsOf(d, "reg-days"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("by day:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	want = []string{"Teacher | 3", "Education official | 1", "Buyer | 1", "Other | 1"}
	if got := rowsOf(d, "reg-roles"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("by role: %q", got)
	}
	want = []string{"大连 | 2", "沈阳 | 2", "鞍山 | 1", "City not given | 1"}
	if got := rowsOf(d, "reg-cities"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("by city: %q", got)
	}
	// The largest count draws the full bar.
	if w, _ := d.Find("[data-testid=reg-roles] tbody tr").First().Find("rect").Attr("width"); w != "100" {
		t.Errorf("the largest role's bar is %s wide", w)
	}
	if d.Find("[data-testid=reg-list] tbody tr").Length() != 6 || !strings.Contains(d.Find("[data-testid=reg-list]").Text(), "7KQ2-M4X9") {
		t.Error("the list lacks visitors or shows codes unlike the ticket")
	}

	for _, tc := range []struct {
		query string
		want  int
	}{
		{"?role=teacher", 3},
		{"?day=2027-04-18", 3},
		{"?day=2027-04-18&role=teacher", 1},
		{"?arrived=yes", 2},
		{"?arrived=no&role=teacher", 2},
		{"?q=" + url.QueryEscape("沈阳市"), 2},
		{"?q=ab12-cd34", 1},
		{"?q=" + url.QueryEscape("ＡＢ１２ＣＤ３４"), 1},
		{"?role=pirate&day=someday", 6}, // unknown values do not filter
	} {
		d := b.page(t, "/admin/registrations"+tc.query, http.StatusOK)
		if n := d.Find("[data-testid=reg-list] tbody tr").Length(); n != tc.want {
			t.Errorf("%s: %d rows, want %d", tc.query, n, tc.want)
		}
		if tc.want > 0 && tc.query != "?role=pirate&day=someday" {
			if href, _ := d.Find("[data-testid=reg-export]").Attr("href"); !strings.HasPrefix(href, "/admin/registrations/export?") {
				t.Errorf("%s: export link %q does not carry the filters", tc.query, href)
			}
		}
	}
	if res, _ := b.get(t, "/admin/registrations?page=2"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a page past the last: %d", res.StatusCode)
	}
}

func TestRegistrationsExport(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	knownVisitors(t, site)
	for _, tc := range []struct {
		lang, header, teacher, query string
		rows                         int
	}{
		{"zh", "票号,姓名,单位/学校,身份,城市,手机号,电子邮箱,参观日期,登记时间,入场时间,核验人员", "教师", "", 6},
		{"en", "Ticket code,Name,Organisation or school,Role,City,Phone,E-mail,Days of visit,Registered at,Checked in at,Checked in by", "Teacher", "", 6},
		{"zh", "票号,姓名,单位/学校,身份,城市,手机号,电子邮箱,参观日期,登记时间,入场时间,核验人员", "教师", "?role=teacher&day=2027-04-17", 2},
	} {
		b := signIn(t, site, auth.RoleOrganiser, tc.lang)
		res, body := b.get(t, "/admin/registrations/export"+tc.query)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("%s%s: %d %q", tc.lang, tc.query, res.StatusCode, res.Header)
		}
		if !strings.HasPrefix(body, "\uFEFF") {
			t.Errorf("%s: no byte-order mark", tc.lang)
		}
		records, err := csv.NewReader(bytes.NewReader([]byte(strings.TrimPrefix(body, "\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(records[0], ","); got != tc.header {
			t.Errorf("%s header %q", tc.lang, got)
		}
		if len(records)-1 != tc.rows {
			t.Errorf("%s%s: %d rows, want %d", tc.lang, tc.query, len(records)-1, tc.rows)
		}
		byName := map[string][]string{}
		for _, r := range records[1:] {
			byName[r[1]] = r
		}
		w := byName["王晓梅"]
		if w == nil || w[0] != "7KQ2-M4X9" || w[3] != tc.teacher || w[7] != "2027-04-16; 2027-04-17" || w[9] != "2027-04-16 09:30" {
			t.Errorf("%s: 王晓梅's row %q", tc.lang, w)
		}
		if tc.query == "" {
			if l := byName["李建国"]; l == nil || l[9] != "2027-04-17 07:50" { // in Shenyang's time
				t.Errorf("李建国's row %q", l)
			}
			if _, ok := byName[`'=HYPERLINK("x")`]; !ok {
				t.Error("a formula in a name was not defused")
			}
		}
	}
}

// checkIn posts a scan as b and returns the page.
func (b *staff) checkIn(t *testing.T, ticket string, want int) *goquery.Document {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.site.URL+"/admin/checkin", strings.NewReader(url.Values{"ticket": {ticket}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	d, err := goqueryParse(res)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != want {
		t.Fatalf("check-in of %q: %d, want %d", ticket, res.StatusCode, want)
	}
	if !strings.Contains(res.Header.Get("Permissions-Policy"), "camera=(self)") {
		t.Error("the check-in page may not ask for the camera")
	}
	return d
}

func TestCheckInAtTheDoor(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	knownVisitors(t, site)
	// A visitor registered for today (the test clock's 24 November).
	if _, err := site.pool.Exec(context.Background(), `INSERT INTO registrations (token, code, lang, name, role, days)
		VALUES ('bbbbbbbbbbbbbbbbbbbbbbbbbb', 'YZ23AB45', 'zh', '周海燕', 'teacher', '{2026-11-24}')`); err != nil {
		t.Fatal(err)
	}
	type words struct{ admitted, used, unknown, by, notToday, empty string }
	for _, tc := range []struct {
		lang, ticket, today string
		w                   words
	}{
		{"zh", "pq34 rs56", "", words{"核验通过，请入场", "此票已使用", "无效票号", "由 editor@expo.example 核验入场", "不含今天", "请扫描二维码或输入票号。"}},
		{"en", "https://expo.example.org/zh/tickets/aaaaaaaaaaaaaaaaaaaaaaaaa3/", "", words{"Admitted", "Ticket already used", "Unknown ticket", "by editor@expo.example", "not today", "Scan a QR code or type a ticket code."}},
		{"en", "YZ23-AB45", "today", words{"Admitted", "Ticket already used", "Unknown ticket", "by editor@expo.example", "", ""}},
	} {
		b := signIn(t, site, auth.RoleEditor, tc.lang)
		d := b.page(t, "/admin/checkin", http.StatusOK)
		before := d.Find("[data-testid=arrived-today]").Text()
		in := d.Find("input#ticket")
		if _, ok := in.Attr("autofocus"); !ok || in.AttrOr("autocomplete", "") != "off" || in.AttrOr("enterkeyhint", "") != "go" {
			t.Error("the field is not ready for a scanner")
		}

		// First scan: admitted, with who it is.
		d = b.checkIn(t, tc.ticket, http.StatusOK)
		res := d.Find("[data-testid=checkin-result]")
		if res.AttrOr("data-outcome", "") != "admitted" || res.AttrOr("role", "") != "status" || !strings.Contains(res.Find("h2").Text(), tc.w.admitted) {
			t.Fatalf("%s: first scan says %q", tc.lang, res.Text())
		}
		if v, _ := d.Find("input#ticket").Attr("value"); v != "" || !strings.Contains(d.Find("input#ticket").AttrOr("aria-describedby", ""), "checkin-result") {
			t.Error("the field is not empty for the next scan, or does not point at the result")
		}
		note := d.Find("[data-testid=checkin-not-today]")
		if tc.w.notToday != "" && !strings.Contains(note.Text(), tc.w.notToday) {
			t.Errorf("%s: no note that today is not a registered day: %q", tc.lang, res.Text())
		}
		if tc.today != "" && note.Length() != 0 {
			t.Error("a note about the day for a visitor registered for today")
		}
		after := d.Find("[data-testid=arrived-today]").Text()
		if after == before {
			t.Errorf("today's count stayed %s after an admission", after)
		}

		// Second scan of the same ticket: used, when and by whom.
		d = b.checkIn(t, tc.ticket, http.StatusOK)
		res = d.Find("[data-testid=checkin-result]")
		if res.AttrOr("data-outcome", "") != "used" || !strings.Contains(res.Find("h2").Text(), tc.w.used) ||
			!strings.Contains(res.Find("[data-testid=checkin-used-when]").Text(), tc.w.by) ||
			!strings.Contains(res.Find("[data-testid=checkin-used-when]").Text(), "2026") {
			t.Errorf("%s: second scan says %q", tc.lang, res.Text())
		}
		if d.Find("[data-testid=arrived-today]").Text() != after {
			t.Error("a used ticket counted again")
		}

		// A code nobody holds.
		d = b.checkIn(t, "ZZZZ-ZZZZ", http.StatusOK)
		res = d.Find("[data-testid=checkin-result]")
		if res.AttrOr("data-outcome", "") != "unknown" || !strings.Contains(res.Find("h2").Text(), tc.w.unknown) || !strings.Contains(res.Text(), "ZZZZ-ZZZZ") {
			t.Errorf("%s: unknown code says %q", tc.lang, res.Text())
		}
		if tc.w.empty != "" {
			d = b.checkIn(t, "  ", http.StatusUnprocessableEntity)
			if d.Find("#ticket-err").Text() != tc.w.empty || d.Find("input#ticket").AttrOr("aria-invalid", "") != "true" ||
				d.Find("[data-testid=form-errors]").Length() != 1 || d.Find("[data-testid=checkin-result]").Length() != 0 {
				t.Errorf("%s: an empty scan: %q", tc.lang, d.Find(".checkin").Text())
			}
		}
	}
	// Each admission is stamped with the server's clock and the staff member.
	var n int
	site.pool.QueryRow(context.Background(), `SELECT count(*) FROM registrations r JOIN users u ON u.id = r.checked_in_by
		WHERE u.email = 'editor@expo.example' AND r.checked_in_at = '2026-11-24 12:00:00+00'`).Scan(&n)
	if n != 3 {
		t.Errorf("%d admissions stamped by the editor at the server's time, want 3", n)
	}
}
