package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/form"
)

// withRows is the leader's form with members typed as rows: each row is
// name, role, phone, e-mail ("" leaves the input empty).
func withRows(t *testing.T, site *testSite, shown int, rows ...[4]string) url.Values {
	v := goodLeader(t, site)
	v.Set(form.GroupRowsField, strconv.Itoa(shown))
	for i, r := range rows {
		for j, col := range []string{"name", "role", "phone", "email"} {
			if r[j] != "" {
				v.Set(form.MemberField(i+1, col), r[j])
			}
		}
	}
	return v
}

// rowValue is what row input name holds on the page shown.
func rowValue(d *goquery.Document, name string) string {
	sel := d.Find(`[name="` + name + `"]`)
	if goquery.NodeName(sel) == "select" {
		if o := sel.Find("option[selected]"); o.Length() > 0 {
			return o.AttrOr("value", "")
		}
		return sel.Find("option").First().AttrOr("value", "") // what a browser shows

	}
	return sel.AttrOr("value", "")
}

// A teacher on a phone types the group in rows: empty rows are left out,
// a role left as it is means a student, and every member gets a ticket
// with the group's school, city and day.
func TestGroupRowsRegisterTheGroup(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	v := withRows(t, site, 6,
		[4]string{"张明", "student", "", ""},
		[4]string{"李华", "teacher", "139 1234 5678", "LiHua@Example.com"},
		[4]string{"", "teacher", "", ""}, // only the role changed: an empty row
		[4]string{"赵磊", "", "", ""},
		[4]string{"", "", "", ""},
		[4]string{"周校长", "school_leader", "+86 137 0000 1111", ""},
	)
	res, d := site.postGroup(t, "zh", v, "", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303: %s", res.StatusCode, d.Find(`[data-testid=form-errors]`).Text())
	}
	m := regexp.MustCompile(`^/zh/register/group/([a-z2-7]{26})$`).FindStringSubmatch(res.Header.Get("Location"))
	if m == nil {
		t.Fatalf("redirected to %q", res.Header.Get("Location"))
	}
	rows, err := site.pool.Query(context.Background(), `SELECT r.name || '/' || r.role || '/' || coalesce(r.phone, '') || '/' || coalesce(r.email, ''),
			r.organisation, r.city, r.days::text
		FROM registrations r JOIN visitor_groups g ON g.id = r.group_id WHERE g.token = $1 ORDER BY r.id`, m[1])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var who, org, city, days string
		if err := rows.Scan(&who, &org, &city, &days); err != nil {
			t.Fatal(err)
		}
		if org != "沈阳市实验学校" || city != "沈阳" || days != "{2027-04-17}" {
			t.Errorf("%s: %s %s %s, want the group's school, city and day", who, org, city, days)
		}
		got = append(got, who)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{"刘老师/teacher/13998765432/liu@example.cn", "张明/student//", "李华/teacher/13912345678/lihua@example.com",
		"赵磊/student//", "周校长/school_leader/13700001111/"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("tickets\n%v\nwant\n%v", got, want)
	}
}

// "Add rows" posts the form and gets it back with every typed row and more
// empty ones, without script: nothing checked, nothing written, up to 30.
func TestGroupAddRowsKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)

	blank := site.doc(t, "/en/register/group", http.StatusOK)
	if n := blank.Find(`[data-testid=member-row]`).Length(); n != form.GroupRowsStart {
		t.Errorf("a new form has %d rows, want %d", n, form.GroupRowsStart)
	}
	if typ := blank.Find(`[name="member.1.phone"]`).AttrOr("type", ""); typ != "tel" {
		t.Errorf("a row's mobile is type %q, want tel", typ)
	}
	if typ := blank.Find(`[name="member.1.email"]`).AttrOr("type", ""); typ != "email" {
		t.Errorf("a row's e-mail is type %q, want email", typ)
	}
	if ac := blank.Find(`[name="member.1.name"]`).AttrOr("autocomplete", ""); ac != "off" {
		t.Errorf("a member's name autocompletes (%q) with the leader's own", ac)
	}

	v := withRows(t, site, 5, [4]string{"张明", "", "", ""}, [4]string{"李华", "teacher", "12345", "bad@"})
	v.Set(form.AddRowsField, "1")
	v.Set(stampField, "") // even a form that could not be sent yet gets its rows
	res, d := site.postGroup(t, "en", v, "", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", res.StatusCode)
	}
	if n := d.Find(`[data-testid=member-row]`).Length(); n != 10 {
		t.Errorf("%d rows after adding, want 10", n)
	}
	for name, want := range map[string]string{
		"member.1.name": "张明", "member.1.role": "student", "member.2.name": "李华", "member.2.role": "teacher",
		"member.2.phone": "12345", "member.2.email": "bad@", "member.6.name": "", "organisation": "沈阳市实验学校",
	} {
		if got := rowValue(d, name); got != want {
			t.Errorf("%s shows %q, want %q", name, got, want)
		}
	}
	if d.Find(`[data-testid=form-errors]`).Length() != 0 || d.Find(`[aria-invalid=true]`).Length() != 0 {
		t.Error("adding rows showed errors: nothing was sent yet")
	}
	if action := d.Find(`[data-testid=add-rows]`).AttrOr("formaction", ""); action != "/en/register/group#member-11" {
		t.Errorf("the next press jumps to %q, want the first new row", action)
	}
	if g, r := site.count(t, "visitor_groups"), site.count(t, "registrations"); g != 0 || r != 0 {
		t.Fatalf("adding rows wrote %d groups, %d tickets", g, r)
	}

	// Near the limit only the rows left are added, then the button goes.
	v = withRows(t, site, 28, [4]string{"张明", "", "", ""})
	v.Set(form.AddRowsField, "1")
	_, d = site.postGroup(t, "zh", v, "", nil)
	if n := d.Find(`[data-testid=member-row]`).Length(); n != form.MaxGroupRows {
		t.Errorf("%d rows, want %d", n, form.MaxGroupRows)
	}
	if d.Find(`[data-testid=add-rows]`).Length() != 0 {
		t.Error("the form offers more than 30 rows")
	}
}

// A row with a problem comes back marked at its input and listed in the
// summary, with every row as typed, and nobody is registered: not the good
// rows, not the leader.
func TestGroupRowsRefuseBadRowsWritingNothing(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	v := withRows(t, site, 8,
		[4]string{"张明", "student", "", ""},
		[4]string{"李华", "teacher", "", ""},          // a teacher needs a mobile
		[4]string{"", "student", "13600001111", ""}, // no name
		[4]string{"钱七", "student", "", "qian@"},
		[4]string{"孙悦", "student", "13812345678", ""},
		[4]string{"", "", "", ""},
		[4]string{"周八", "teacher", "138 1234 5678", ""}, // 孙悦's number again
		[4]string{"吴九", "astronaut", "", ""},
	)
	res, d := site.postGroup(t, "en", v, "", nil)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	wantErrs := map[string]string{
		"member.2.phone": "Members other than students need a mobile number.",
		"member.3.name":  "Enter a name.",
		"member.4.email": "Enter an e-mail address such as",
		"member.7.phone": "This mobile number is already in the list",
		"member.8.role":  "Choose",
	}
	for name, msg := range wantErrs {
		field := d.Find(`[data-field="` + name + `"]`)
		if got := field.Find(".field-error").Text(); !strings.Contains(got, msg) {
			t.Errorf("%s: error %q, want %q", name, got, msg)
		}
		if field.Find(`[name="`+name+`"]`).AttrOr("aria-invalid", "") != "true" {
			t.Errorf("%s is not marked invalid", name)
		}
		link := d.Find(`[data-testid=form-errors] a[href="#` + name + `"]`)
		if link.Length() != 1 || !strings.Contains(link.Text(), "Member "+strings.Split(name, ".")[1]+", ") {
			t.Errorf("%s: summary link %q", name, link.Text())
		}
	}
	if n := d.Find(`.reg-member [aria-invalid=true]`).Length(); n != len(wantErrs) {
		t.Errorf("%d row inputs marked invalid, want %d", n, len(wantErrs))
	}
	for name, want := range map[string]string{
		"member.1.name": "张明", "member.3.phone": "13600001111", "member.4.email": "qian@", "member.7.phone": "138 1234 5678",
		"member.8.name": "吴九", "member.2.role": "teacher", "name": "刘老师",
	} {
		if got := rowValue(d, name); got != want {
			t.Errorf("%s came back as %q, want %q", name, got, want)
		}
	}
	if n := d.Find(`[data-testid=member-row]`).Length(); n != 8 {
		t.Errorf("%d rows came back, want 8", n)
	}

	// 31 typed rows (more than the form ever offers), rows and a file at
	// once: each refused.
	var many [][4]string
	for i := range form.MaxGroupRows + 1 {
		many = append(many, [4]string{"Student " + strconv.Itoa(i+1), "", "", ""})
	}
	res, d = site.postGroup(t, "zh", withRows(t, site, 30, many...), "", nil)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("31 rows: status %d, want 422", res.StatusCode)
	}
	if got := d.Find("#member-rows-err").Text(); !strings.Contains(got, "逐行最多填写30人") {
		t.Errorf("31 rows: error %q", got)
	}
	if d.Find(`[data-testid=form-errors] a[href="#member-rows"]`).Length() != 1 {
		t.Error("31 rows: the summary does not link to the rows")
	}
	if got := rowValue(d, "member.30.name"); got != "Student 30" {
		t.Errorf("31 rows: row 30 came back as %q", got)
	}
	res, d = site.postGroup(t, "en", withRows(t, site, 5, [4]string{"Tom", "", "", ""}), "list.csv", []byte("Name\nAnn\n"))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(d.Find("#members-err").Text(), "use one or the other") {
		t.Errorf("rows and a file: status %d, error %q", res.StatusCode, d.Find("#members-err").Text())
	}
	if g, r := site.count(t, "visitor_groups"), site.count(t, "registrations"); g != 0 || r != 0 {
		t.Fatalf("after refused rows: %d groups, %d tickets", g, r)
	}
}

// A member file's repeated mobile number is refused at its second row, as
// a row's is.
func TestGroupFileRefusesARepeatedMobile(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	res, d := site.postGroup(t, "en", goodLeader(t, site), "list.csv",
		[]byte("Name,Role,Mobile\nTom,Teacher,13812345678\nAnn,Student,\nBo,Teacher,138 1234 5678\n"))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	e := d.Find(`[data-testid=row-error]`)
	if e.Length() != 1 || e.AttrOr("data-line", "") != "4" || e.AttrOr("data-column", "") != "phone" {
		t.Errorf("row errors %q", e.Text())
	}
	if n := site.count(t, "registrations"); n != 0 {
		t.Errorf("%d tickets written", n)
	}
}
