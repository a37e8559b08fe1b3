package web

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/draw"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/notify/notifytest"
)

// goodVisitor is a registration form that checks out.
func goodVisitor(t *testing.T, site *testSite) url.Values {
	return url.Values{
		stampField: {oldStamp(t, site)}, honeypotField: {""},
		"name": {"王晓梅"}, "organisation": {"沈阳市第一二〇中学"}, "role": {"teacher"}, "city": {"沈阳"},
		"phone": {"138 1234 5678"}, "email": {"WXM@Example.com"}, "days": {"2027-04-16", "2027-04-18"},
	}
}

func (s *testSite) post(t *testing.T, path string, v url.Values) (*http.Response, *goquery.Document) {
	t.Helper()
	res, err := noRedirect.PostForm(s.URL+path, v)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, parse(t, string(body))
}

func (s *testSite) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := s.pool.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRegisterFormValidatesEveryField(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	for _, tc := range []struct {
		lang, field, value, want string
	}{
		{"zh", "name", "  ", "请填写姓名。"},
		{"en", "name", "", "Enter a name."},
		{"zh", "name", strings.Repeat("长", 61), "内容过长。"},
		{"zh", "organisation", "", "请填写单位或学校名称。"},
		{"en", "organisation", " ", "Enter your organisation or school."},
		{"zh", "role", "", "请选择观众身份。"},
		{"en", "role", "astronaut", "Choose your role."},
		{"zh", "phone", "", "请填写手机号码。"},
		{"en", "phone", "", "Enter a mobile number."},
		{"zh", "phone", "12345", "请填写11位中国大陆手机号"},
		{"en", "phone", "0044 20 79", "Enter an 11-digit mainland China mobile number"},
		{"zh", "email", "wang@", "电子邮箱格式不正确"},
		{"en", "email", "not an address", "Enter an e-mail address such as name@example.com."},
		{"zh", "city", "沈阳\x01", "内容包含无法保存的字符。"},
		{"zh", "days", "", "请至少选择一天参观日期。"},
		{"en", "days", "2027-04-19", "Tick at least one day."}, // after the closing day
	} {
		t.Run(tc.lang+"/"+tc.field+"="+tc.value, func(t *testing.T) {
			v := goodVisitor(t, site)
			if tc.value == "" && tc.field == "days" {
				v.Del("days")
			} else {
				v.Set(tc.field, tc.value)
			}
			res, d := site.post(t, "/"+tc.lang+"/register", v)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if n := site.count(t, "registrations"); n != 0 {
				t.Fatalf("%d registrations written from a bad form", n)
			}
			if got := d.Find("#" + tc.field + "-err").Text(); !strings.Contains(got, tc.want) {
				t.Errorf("message %q, want %q", got, tc.want)
			}
			summary := d.Find(`[data-testid=form-errors] li`)
			if summary.Length() != 1 || !strings.Contains(summary.Text(), tc.want) {
				t.Errorf("summary %q, want one line with %q", summary.Text(), tc.want)
			}
			input := "#" + tc.field
			if tc.field == "days" {
				input = "#days-0"
			}
			if href, _ := summary.Find("a").Attr("href"); href != input {
				t.Errorf("summary links to %q, want %q", href, input)
			}
			if inv, _ := d.Find(input).Attr("aria-invalid"); inv != "true" {
				t.Errorf("%s not aria-invalid", input)
			}
			described := d.Find(input)
			if tc.field == "days" {
				described = described.Closest("fieldset") // a group of boxes is described by its fieldset
			}
			if desc, _ := described.Attr("aria-describedby"); !strings.Contains(desc, tc.field+"-err") {
				t.Errorf("%s described by %q, not its error", input, desc)
			}
			if n := d.Find("[aria-invalid=true]").Length(); tc.field != "days" && n != 1 {
				t.Errorf("%d fields marked invalid, want 1", n)
			}
			// What was typed is kept, the bad value included.
			if got, _ := d.Find("#organisation").Attr("value"); tc.field != "organisation" && got != "沈阳市第一二〇中学" {
				t.Errorf("organisation kept as %q", got)
			}
			if got, _ := d.Find("#phone").Attr("value"); tc.field == "phone" && got != tc.value {
				t.Errorf("phone kept as %q, want %q", got, tc.value)
			}
			if got := d.Find("#role option[selected]").AttrOr("value", ""); tc.field != "role" && got != "teacher" {
				t.Errorf("role kept as %q", got)
			}
			if tc.field != "days" && d.Find(`input[name=days][checked]`).Length() != 2 {
				t.Error("the ticked days were not kept")
			}
			if got, _ := d.Find(`input[name=form_started]`).Attr("value"); got == "" {
				t.Error("no fresh stamp in the form sent back")
			}
		})
	}
}

func TestRegisterOffersTheExpoDays(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	for lang, want := range map[string]string{
		"zh": "2027年4月16日（星期五）|2027年4月17日（星期六）|2027年4月18日（星期日）",
		"en": "Friday 16 April 2027|Saturday 17 April 2027|Sunday 18 April 2027",
	} {
		d := site.doc(t, "/"+lang+"/register", http.StatusOK)
		var days []string
		d.Find(`input[name=days]`).Each(func(_ int, in *goquery.Selection) {
			id, _ := in.Attr("id")
			days = append(days, strings.TrimSpace(d.Find(`label[for=`+id+`]`).Text()))
		})
		if got := strings.Join(days, "|"); got != want {
			t.Errorf("%s: days %q, want %q", lang, got, want)
		}
		if d.Find(`form input[name=homepage]`).Length() != 1 || d.Find(`form input[name=form_started]`).Length() != 1 {
			t.Errorf("%s: the form has no honeypot or stamp", lang)
		}
		if href, _ := d.Find(`a[href="/` + lang + `/register/group"]`).Attr("href"); href == "" {
			t.Errorf("%s: no link to the group form", lang)
		}
		if d.Find(`[data-testid=coming-soon]`).Length() != 0 {
			t.Errorf("%s: still coming soon", lang)
		}
	}
}

func TestRegisterIssuesATicketWithAQRCode(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	res, _ := site.post(t, "/en/register", goodVisitor(t, site))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303", res.StatusCode)
	}
	loc := res.Header.Get("Location")
	m := regexp.MustCompile(`^/en/tickets/([a-z2-7]{26})$`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("redirected to %q", loc)
	}
	token := m[1]
	var n int
	var phone, email, days, lang, address string
	if err := site.pool.QueryRow(context.Background(), `SELECT count(*) OVER (), phone, email, days::text, lang, address FROM registrations`).
		Scan(&n, &phone, &email, &days, &lang, &address); err != nil {
		t.Fatal(err)
	}
	if n != 1 || phone != "13812345678" || email != "wxm@example.com" || days != "{2027-04-16,2027-04-18}" || lang != "en" || address != "127.0.0.1" {
		t.Errorf("stored %d rows: %s %s %s %s, from %q", n, phone, email, days, lang, address)
	}

	tres := site.get(t, loc)
	body, _ := io.ReadAll(tres.Body)
	tres.Body.Close()
	if tres.StatusCode != http.StatusOK {
		t.Fatalf("ticket: %d", tres.StatusCode)
	}
	for h, want := range map[string]string{"X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer", "Cache-Control": "private, no-cache"} {
		if got := tres.Header.Get(h); got != want {
			t.Errorf("%s: %q, want %q", h, got, want)
		}
	}
	d := parse(t, string(body))
	if got := d.Find(`[data-testid=ticket-name]`).Text(); got != "王晓梅" {
		t.Errorf("ticket for %q", got)
	}
	code := d.Find(`[data-testid=code]`).Text()
	if !regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`).MatchString(code) {
		t.Errorf("ticket number %q", code)
	}
	text := d.Find(".ticket").Text()
	for _, want := range []string{"沈阳市第一二〇中学", "Teacher", "Friday 16 April 2027", "Sunday 18 April 2027", "What to bring", "Daily 09:00"} {
		if !strings.Contains(text, want) {
			t.Errorf("the ticket does not say %q", want)
		}
	}
	if got := decodeQR(t, d); got != "https://expo.example.org/en/tickets/"+token {
		t.Errorf("QR code holds %q", got)
	}
	if alt := d.Find(`svg[data-testid=qr] title`).Text(); !strings.Contains(alt, code) {
		t.Errorf("QR code's text alternative %q does not name the ticket", alt)
	}
	// The same ticket in Chinese holds the Chinese address.
	zh := site.doc(t, "/zh/tickets/"+token, http.StatusOK)
	if got := decodeQR(t, zh); got != "https://expo.example.org/zh/tickets/"+token {
		t.Errorf("zh QR code holds %q", got)
	}
	if !strings.Contains(zh.Find(".ticket").Text(), "2027年4月16日（星期五）") {
		t.Error("the Chinese ticket does not give the day in Chinese")
	}

	// One character changed, or the ticket number instead: the normal 404.
	altered := []byte(token)
	altered[5] = map[bool]byte{true: 'b', false: 'a'}[altered[5] == 'a']
	for _, p := range []string{"/en/tickets/" + string(altered), "/en/tickets/" + strings.ReplaceAll(code, "-", ""), "/en/tickets/" + token[:25]} {
		if res := site.get(t, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, res.StatusCode)
		}
	}
}

// decodeQR rasterises the ticket's one-path QR code back to pixels and reads
// it as a phone would.
func decodeQR(t *testing.T, d *goquery.Document) string {
	t.Helper()
	svg := d.Find(`svg[data-testid=qr]`).First()
	if n := svg.Find("path").Length(); n != 1 {
		t.Fatalf("%d paths in the QR code, want 1", n)
	}
	size, err := strconv.Atoi(svg.AttrOr("data-size", ""))
	if err != nil || svg.AttrOr("viewBox", "") != "0 0 "+strconv.Itoa(size)+" "+strconv.Itoa(size) {
		t.Fatalf("viewBox %q, size %q", svg.AttrOr("viewBox", ""), svg.AttrOr("data-size", ""))
	}
	path := svg.Find("path").AttrOr("d", "")
	run := regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
	if rest := run.ReplaceAllString(path, ""); rest != "" {
		t.Fatalf("the path has more than whole-module rectangles: %.60q", rest)
	}
	const scale = 4
	img := image.NewGray(image.Rect(0, 0, size*scale, size*scale))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	for _, m := range run.FindAllStringSubmatch(path, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[3])
		if x < 4 || y < 4 || x+w > size-4 || y >= size-4 {
			t.Fatalf("a dark module in the quiet zone: %s", m[0])
		}
		draw.Draw(img, image.Rect(x*scale, y*scale, (x+w)*scale, (y+1)*scale), image.NewUniform(color.Black), image.Point{}, draw.Src)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return res.GetText()
}

func TestRegisterRefusesRobots(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	for _, tc := range []struct {
		name   string
		change func(url.Values)
		want   string
	}{
		{"honeypot", func(v url.Values) { v.Set(honeypotField, "http://spam.example") }, "This form could not be accepted."},
		{"too fast", func(v url.Values) {
			key, _ := site.srv.store.Secret(context.Background(), "form-stamp")
			v.Set(stampField, newStamp(key, site.srv.now().Add(-time.Second)))
		}, "That was very quick."},
		{"forged stamp", func(v url.Values) { v.Set(stampField, "1.abc") }, "This form has expired."},
	} {
		v := goodVisitor(t, site)
		tc.change(v)
		res, d := site.post(t, "/en/register", v)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d, want 422", tc.name, res.StatusCode)
		}
		if got := d.Find(`[data-testid=form-notice]`).Text(); !strings.Contains(got, tc.want) {
			t.Errorf("%s: notice %q, want %q", tc.name, got, tc.want)
		}
		if got, _ := d.Find("#name").Attr("value"); got != "王晓梅" {
			t.Errorf("%s: name kept as %q", tc.name, got)
		}
	}
	if n := site.count(t, "registrations"); n != 0 {
		t.Fatalf("%d registrations from robots", n)
	}
	if n := site.count(t, "form_posts"); n != 0 {
		t.Errorf("refused posts counted against the address: %d", n)
	}
}

func TestRegisterHourlyLimit(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	if _, err := site.pool.Exec(context.Background(),
		`INSERT INTO form_posts (scope, address, at) SELECT 'register', '127.0.0.1', now() FROM generate_series(1, $1)`, registerLimit); err != nil {
		t.Fatal(err)
	}
	res, d := site.post(t, "/zh/register", goodVisitor(t, site))
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("status %d, want 429", res.StatusCode)
	}
	if got := d.Find(`[data-testid=form-notice]`).Text(); !strings.Contains(got, "提交次数过多") {
		t.Errorf("notice %q", got)
	}
	if n := site.count(t, "registrations"); n != 0 {
		t.Fatalf("%d registrations past the limit", n)
	}
}

// The hourly limit counts tickets, not posts: a delegation's list counts
// each person, and one that would pass the limit is refused whole.
func TestGroupRegistrationCountsEachTicket(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	if _, err := site.pool.Exec(context.Background(),
		`INSERT INTO form_posts (scope, address, at) SELECT 'register', '127.0.0.1', now() FROM generate_series(1, $1)`, registerLimit-3); err != nil {
		t.Fatal(err)
	}
	// The leader and three members are four tickets, one more than is left.
	res, d := site.postGroup(t, "en", goodLeader(t, site), "members.csv", []byte("Name\nTom\nAnn\nBo\n"))
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("status %d, want 429", res.StatusCode)
	}
	if got := d.Find(`[data-testid=form-notice]`).Text(); !strings.Contains(got, "too many people") {
		t.Errorf("notice %q", got)
	}
	if got, _ := d.Find("#organisation").Attr("value"); got != "沈阳市实验学校" {
		t.Errorf("school kept as %q", got)
	}
	if g, r := site.count(t, "visitor_groups"), site.count(t, "registrations"); g != 0 || r != 0 {
		t.Fatalf("past the limit: %d groups, %d tickets", g, r)
	}
	if n := site.count(t, "form_posts"); n != registerLimit-3 {
		t.Errorf("the refused list was counted: %d posts, want %d", n, registerLimit-3)
	}
	// Three tickets fit exactly; then a single registration does not.
	if res, _ := site.postGroup(t, "en", goodLeader(t, site), "members.csv", []byte("Name\nTom\nAnn\n")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("a list that fits: status %d, want 303", res.StatusCode)
	}
	if res, _ := site.post(t, "/zh/register", goodVisitor(t, site)); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("a registration after the limit was reached: status %d, want 429", res.StatusCode)
	}
}

// The largest list a delegation may send fits in an address's hour.
func TestLargestGroupFitsTheHourlyLimit(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	var list strings.Builder
	list.WriteString("name,role\n")
	for i := range form.MaxGroupMembers {
		list.WriteString("Student " + strconv.Itoa(i) + ",student\n")
	}
	leader := goodLeader(t, site)
	first, d := site.postGroup(t, "en", leader, "members.csv", []byte(list.String()))
	if first.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303: %s", first.StatusCode, d.Find(`[data-testid=form-notice]`).Text())
	}
	// A double tap on the largest list is its page again, not "too many":
	// the resend is not counted a second time.
	again, d := site.postGroup(t, "en", leader, "members.csv", []byte(list.String()))
	if again.StatusCode != http.StatusSeeOther || again.Header.Get("Location") != first.Header.Get("Location") {
		t.Errorf("sent again: %d %q, want the first post's %q: %s", again.StatusCode, again.Header.Get("Location"),
			first.Header.Get("Location"), d.Find(`[data-testid=form-notice]`).Text())
	}
	if n := site.count(t, "form_posts"); n != form.MaxGroupMembers+1 {
		t.Errorf("%d tickets counted, want %d", n, form.MaxGroupMembers+1)
	}
}

// groupForm is a delegation form with a member file.
func groupForm(t *testing.T, site *testSite, fields url.Values, fileName string, file []byte) (string, *bytes.Buffer) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			_ = w.WriteField(k, v)
		}
	}
	if file != nil {
		fw, err := w.CreateFormFile("members", fileName)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	_ = w.Close()
	return w.FormDataContentType(), &b
}

func goodLeader(t *testing.T, site *testSite) url.Values {
	return url.Values{
		stampField: {oldStamp(t, site)}, honeypotField: {""},
		"organisation": {"沈阳市实验学校"}, "name": {"刘老师"}, "phone": {"13998765432"}, "email": {"liu@example.cn"},
		"city": {"沈阳"}, "days": {"2027-04-17"},
	}
}

func (s *testSite) postGroup(t *testing.T, lang string, fields url.Values, fileName string, file []byte) (*http.Response, *goquery.Document) {
	t.Helper()
	ct, body := groupForm(t, s, fields, fileName, file)
	res, err := noRedirect.Post(s.URL+"/"+lang+"/register/group", ct, body)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, parse(t, string(b))
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGroupRegistrationIssuesATicketPerMember(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	for _, tc := range []struct {
		name, lang string
		file       []byte
		want       []string // name/role of each ticket, the leader first
	}{
		{"UTF-8 with BOM, Chinese headers", "zh",
			[]byte("\ufeff姓名,身份,手机,邮箱\r\n张明,学生,,\r\n李华,教师,139 1234 5678,lihua@example.com\r\n赵磊,,,\r\n"),
			[]string{"刘老师/teacher", "张明/student", "李华/teacher", "赵磊/student"}},
		{"GBK, English headers in another order, labels and slugs", "en",
			gbk(t, "E-mail,Name,Mobile,Role\r\n,王小二,,Student\r\nzhou@example.com,周校长,+86 137 0000 1111,School leader\r\n,陈老师,13600001111,teacher\r\n"),
			[]string{"刘老师/teacher", "王小二/student", "周校长/school_leader", "陈老师/teacher"}},
		{"the leader is in the list", "zh",
			[]byte("姓名,身份,手机\n刘老师,教师,13998765432\n孙悦,学生,\n"),
			[]string{"刘老师/teacher", "孙悦/student"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, d := site.postGroup(t, tc.lang, goodLeader(t, site), "members.csv", tc.file)
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("status %d, want 303: %s", res.StatusCode, d.Find(`[data-testid=form-errors]`).Text()+d.Find(`[data-testid=row-errors]`).Text())
			}
			m := regexp.MustCompile(`^/` + tc.lang + `/register/group/([a-z2-7]{26})$`).FindStringSubmatch(res.Header.Get("Location"))
			if m == nil {
				t.Fatalf("redirected to %q", res.Header.Get("Location"))
			}
			rows, err := site.pool.Query(context.Background(), `SELECT r.name || '/' || r.role, r.organisation, r.city, r.days::text
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
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("tickets %v, want %v", got, tc.want)
			}

			page := site.get(t, res.Header.Get("Location"))
			if page.Header.Get("Referrer-Policy") != "no-referrer" || page.Header.Get("X-Robots-Tag") == "" {
				t.Error("the group page is not private")
			}
			gd, _ := goquery.NewDocumentFromReader(page.Body)
			page.Body.Close()
			links := gd.Find(`[data-testid=member] a[href^="/` + tc.lang + `/tickets/"]`)
			if links.Length() != len(tc.want) {
				t.Errorf("%d ticket links, want %d", links.Length(), len(tc.want))
			}
			first, _ := links.First().Attr("href")
			if td := site.doc(t, first, http.StatusOK); td.Find(`[data-testid=ticket-name]`).Text() != "刘老师" {
				t.Errorf("the first link opens %q's ticket", td.Find(`[data-testid=ticket-name]`).Text())
			}
			print, _ := gd.Find(`[data-testid=print-all]`).Attr("href")
			pd := site.doc(t, print, http.StatusOK)
			if n := pd.Find(`.tickets-all [data-testid=ticket]`).Length(); n != len(tc.want) {
				t.Errorf("the print view has %d tickets, want %d", n, len(tc.want))
			}
			if n := pd.Find(`svg[data-testid=qr] path`).Length(); n != len(tc.want) {
				t.Errorf("the print view has %d QR codes", n)
			}
		})
	}
}

func TestGroupRegistrationRefusesBadRowsWritingNothing(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	file := []byte("姓名,身份,手机,邮箱\n张明,学生,,\n李华,教师,12345,\n,学生,,\n王五,宇航员,,\n赵六,教师,,\n钱七,学生,,qian@\n")
	res, d := site.postGroup(t, "zh", goodLeader(t, site), "二年级名单.csv", file)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	var got []string
	d.Find(`[data-testid=row-error]`).Each(func(_ int, tr *goquery.Selection) {
		got = append(got, tr.AttrOr("data-line", "")+"/"+tr.AttrOr("data-column", "")+"/"+strings.TrimSpace(tr.Find("td").Eq(2).Text()))
	})
	want := []string{
		"3/phone/请填写11位中国大陆手机号，例如 138 1234 5678；境外号码请以“+”和国家代码开头，例如 +44 20 7946 0958。",
		"4/name/请填写姓名。",
		"5/role/无法识别的身份。请填写“学生”“教师”“学校管理者”等，或留空（视为学生）。",
		"6/phone/学生以外的成员须填写手机号码。",
		"7/email/电子邮箱格式不正确，例如 name@example.com。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("row errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if col := d.Find(`[data-testid=row-error]`).First().Find("td").Eq(1).Text(); col != "手机" {
		t.Errorf("column shown as %q, want 手机", col)
	}
	if got, _ := d.Find("#organisation").Attr("value"); got != "沈阳市实验学校" {
		t.Errorf("school kept as %q", got)
	}
	if d.Find(`input[name=days][checked]`).Length() != 1 {
		t.Error("the day was not kept")
	}
	if note := d.Find(`[data-testid=choose-again]`).Text(); !strings.Contains(note, "二年级名单.csv") {
		t.Errorf("no note to choose the file again: %q", note)
	}
	if inv, _ := d.Find("#members").Attr("aria-invalid"); inv != "true" {
		t.Error("the file input is not marked invalid")
	}

	// Too many people, no file, no name column, and a bad leader field
	// with a good file: each sent back, nothing written.
	var big strings.Builder
	big.WriteString("name,role\n")
	for i := range 201 {
		big.WriteString("Student " + strconv.Itoa(i) + ",student\n")
	}
	badLeader := goodLeader(t, site)
	badLeader.Set("phone", "555")
	for _, tc := range []struct {
		name, lang string
		fields     url.Values
		file       []byte
		field, msg string
	}{
		{"201 rows", "en", goodLeader(t, site), []byte(big.String()), "members", "more than 200 people"},
		{"no members", "en", goodLeader(t, site), nil, "member-rows", "Type the members in the rows, or upload a member list file."},
		{"no name column", "zh", goodLeader(t, site), []byte("手机,邮箱\n13812345678,\n"), "members", "缺少“姓名”列"},
		{"bad leader phone", "en", badLeader, []byte("Name\nTom\n"), "phone", "Enter an 11-digit mainland China mobile number"},
	} {
		res, d := site.postGroup(t, tc.lang, tc.fields, "list.csv", tc.file)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d, want 422", tc.name, res.StatusCode)
		}
		if got := d.Find("#" + tc.field + "-err").Text(); !strings.Contains(got, tc.msg) {
			t.Errorf("%s: %s error %q, want %q", tc.name, tc.field, got, tc.msg)
		}
		if !strings.Contains(d.Find(`[data-testid=form-errors]`).Text(), tc.msg) {
			t.Errorf("%s: the summary does not say %q", tc.name, tc.msg)
		}
	}
	if g, r := site.count(t, "visitor_groups"), site.count(t, "registrations"); g != 0 || r != 0 {
		t.Fatalf("after refused uploads: %d groups, %d tickets", g, r)
	}

	// The honeypot: refused, nothing written, even with a good file.
	robot := goodLeader(t, site)
	robot.Set(honeypotField, "x")
	res, d = site.postGroup(t, "en", robot, "list.csv", []byte("Name\nTom\n"))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(d.Find(`[data-testid=form-notice]`).Text(), "could not be accepted") {
		t.Errorf("honeypot: status %d, notice %q", res.StatusCode, d.Find(`[data-testid=form-notice]`).Text())
	}
	if g := site.count(t, "visitor_groups"); g != 0 {
		t.Fatalf("a robot registered %d groups", g)
	}
}

// The template downloads with a BOM and the page's headers, and uploaded
// as it is it registers its two example people.
func TestGroupTemplateRoundTrips(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	for lang, header := range map[string]string{"zh": "姓名,身份,手机,邮箱", "en": "Name,Role,Mobile,E-mail"} {
		res := site.get(t, "/"+lang+"/register/group/template.csv")
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("%s: %d %q %q", lang, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
		}
		if !bytes.HasPrefix(body, []byte("\ufeff"+header+"\r\n")) {
			t.Errorf("%s template begins %.40q", lang, body)
		}
		if n := strings.Count(string(body), "\r\n"); n != 3 {
			t.Errorf("%s template has %d lines, want a header and two examples", lang, n)
		}
		up, d := site.postGroup(t, lang, goodLeader(t, site), "template.csv", body)
		if up.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: the template itself was refused (%d): %s", lang, up.StatusCode, d.Find(`[data-testid=row-errors]`).Text())
		}
	}
	if n := site.count(t, "registrations"); n != 6 { // two uploads of leader + two examples
		t.Errorf("%d tickets, want 6", n)
	}
}

// noVisitors clears the demo's visitors, so a test counts only its own.
func noVisitors(t *testing.T, site *testSite) {
	t.Helper()
	if _, err := site.pool.Exec(context.Background(), "DELETE FROM registrations; DELETE FROM visitor_groups"); err != nil {
		t.Fatal(err)
	}
}

// The same registration sent twice (a double tap, a resend) is one ticket.
func TestRegisterTwiceIsOneTicket(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	form := goodVisitor(t, site)
	first, _ := site.post(t, "/zh/register", form)
	again, _ := site.post(t, "/zh/register", form)
	if first.StatusCode != http.StatusSeeOther || again.Header.Get("Location") != first.Header.Get("Location") {
		t.Errorf("twice: %d %q, then %d %q", first.StatusCode, first.Header.Get("Location"), again.StatusCode, again.Header.Get("Location"))
	}
	if n := site.count(t, "registrations"); n != 1 {
		t.Errorf("%d registrations, want 1", n)
	}
}

// A delegation's list sent twice is one delegation, one ticket each.
func TestGroupSentTwiceIsOneGroup(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	leader := goodLeader(t, site)
	file := []byte("姓名,身份\n张明,学生\n李华,学生\n")
	first, _ := site.postGroup(t, "zh", leader, "members.csv", file)
	again, _ := site.postGroup(t, "zh", leader, "members.csv", file)
	if first.StatusCode != http.StatusSeeOther || again.Header.Get("Location") != first.Header.Get("Location") {
		t.Errorf("twice: %d %q, then %d %q", first.StatusCode, first.Header.Get("Location"), again.StatusCode, again.Header.Get("Location"))
	}
	if g, r := site.count(t, "visitor_groups"), site.count(t, "registrations"); g != 1 || r != 3 {
		t.Errorf("%d groups and %d tickets, want 1 and 3", g, r)
	}
}

// A ticket's address is its key: it stays out of the access log.
func TestTicketTokensStayOutOfTheLog(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	res, _ := site.post(t, "/en/register", goodVisitor(t, site))
	ticket := res.Header.Get("Location")
	if got := site.get(t, ticket); got.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d", ticket, got.StatusCode)
	}
	token := ticket[strings.LastIndexByte(ticket, '/')+1:]
	if len(token) != 26 || strings.Contains(site.logs.String(), token) {
		t.Errorf("token %q in the log:\n%s", token, site.logs.String())
	}
	// The line is written as the handler returns, which may be just after
	// the client has read the whole answer.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(site.logs.String(), "/en/tickets/<token>") && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(site.logs.String(), "/en/tickets/<token>") {
		t.Errorf("the ticket's request is not logged at all:\n%s", site.logs.String())
	}
	for path, want := range map[string]string{
		"/zh/exhibit/apply/abcdefghijklmnopqrstuvwxyz":        "/zh/exhibit/apply/<token>",
		"/zh/register/group/abcdefghijklmnopqrstuvwxyz/print": "/zh/register/group/<token>/print",
		"/zh/exhibit/apply": "/zh/exhibit/apply",
	} {
		if got := loggedPath(path); got != want {
			t.Errorf("loggedPath(%s) = %s, want %s", path, got, want)
		}
	}
}

// Days gone by are not offered; after the expo the forms say registration
// has closed instead of offering nothing to tick.
func TestRegistrationClosesWithTheExpo(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	at := func(s string) { // a time in Shenyang
		now, _ := time.Parse(time.RFC3339, s)
		site.srv.now = func() time.Time { return now }
	}
	at("2027-04-17T08:00:00+08:00")
	d := site.doc(t, "/zh/register", http.StatusOK)
	var days []string
	d.Find(`input[name=days]`).Each(func(_ int, s *goquery.Selection) { days = append(days, s.AttrOr("value", "")) })
	if strings.Join(days, " ") != "2027-04-17 2027-04-18" {
		t.Errorf("on the second day, days offered: %v", days)
	}
	at("2027-04-19T08:00:00+08:00")
	for _, path := range []string{"/zh/register", "/en/register/group"} {
		d := site.doc(t, path, http.StatusOK)
		if d.Find(`form.reg-form`).Length() != 0 || d.Find(`[data-testid=register-closed]`).Length() != 1 {
			t.Errorf("%s after the expo: a form, or no word that registration closed", path)
		}
	}
}

// A visitor who gives an e-mail address gets their ticket's link there,
// in the language they registered in; one who gives none gets no job.
func TestRegisterEmailsTheTicket(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	hint := func() string { return site.doc(t, "/en/register", http.StatusOK).Find("#email-hint").Text() }
	if h := hint(); strings.Contains(h, "e-ticket") {
		t.Errorf("without e-mail sending, the hint promises the ticket: %q", h)
	}
	smtp := notifytest.Start(t)
	withMail(t, site, smtp.Addr)
	if h := hint(); !strings.Contains(h, "e-ticket link is also sent here") {
		t.Errorf("the e-mail field's hint does not say the ticket is sent: %q", h)
	}
	res, _ := site.post(t, "/en/register", goodVisitor(t, site))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303", res.StatusCode)
	}
	token := strings.TrimPrefix(res.Header.Get("Location"), "/en/tickets/")
	var code string
	_ = site.pool.QueryRow(context.Background(), "SELECT code FROM registrations WHERE token = $1", token).Scan(&code)
	select {
	case m := <-smtp.Messages:
		if len(m.To) != 1 || m.To[0] != "wxm@example.com" {
			t.Errorf("sent to %v", m.To)
		}
		if !strings.HasPrefix(m.Subject, "Your e-ticket for ") || !strings.Contains(m.Subject, code[:4]+"-"+code[4:]) {
			t.Errorf("subject %q", m.Subject)
		}
		if !strings.Contains(m.Body, "Dear 王晓梅") || !strings.Contains(m.Body, "https://expo.example.org/en/tickets/"+token) {
			t.Errorf("body:\n%s", m.Body)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no e-mail reached the visitor")
	}
	v := goodVisitor(t, site)
	v.Set("email", "")
	v.Set("phone", "138 1234 5679")
	if res, _ := site.post(t, "/zh/register", v); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("without e-mail: status %d", res.StatusCode)
	}
	if n := site.count(t, "river_job WHERE kind = 'email'"); n != 1 {
		t.Errorf("%d e-mail jobs, want the first visitor's only", n)
	}
}

// A delegation's leader who gives an address gets the link to the group's
// page; a member whose own address is in the list gets their ticket; the
// leader's ticket is not sent twice. All are queued with the tickets.
func TestGroupRegistrationEmailsTheLeader(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	hint := func() string { return site.doc(t, "/en/register/group", http.StatusOK).Find("#email-hint").Text() }
	if h := hint(); strings.Contains(h, "sent here") {
		t.Errorf("without e-mail sending, the hint promises the link: %q", h)
	}
	smtp := notifytest.Start(t)
	withMail(t, site, smtp.Addr)
	if h := hint(); !strings.Contains(h, "all the group's tickets is sent here") {
		t.Errorf("the leader's e-mail hint does not say the link is sent: %q", h)
	}
	file := []byte("Name,Role,Mobile,E-mail\r\n刘老师,teacher,13998765432,LIU@example.cn\r\n张明,student,,\r\n李华,teacher,139 1234 5678,lihua@example.com\r\n")
	res, d := site.postGroup(t, "en", goodLeader(t, site), "members.csv", file)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303: %s", res.StatusCode, d.Find(`[data-testid=form-errors]`).Text())
	}
	groupURL := "https://expo.example.org" + res.Header.Get("Location")
	var liHua string
	_ = site.pool.QueryRow(context.Background(), "SELECT token FROM registrations WHERE name = '李华'").Scan(&liHua)
	got := map[string]notifytest.Message{}
	for len(got) < 2 {
		select {
		case m := <-smtp.Messages:
			got[strings.Join(m.To, ",")] = m
		case <-time.After(20 * time.Second):
			t.Fatalf("only %d of 2 e-mails arrived", len(got))
		}
	}
	if m, ok := got["liu@example.cn"]; !ok {
		t.Errorf("the leader got no e-mail; sent to %v", got)
	} else if !strings.HasPrefix(m.Subject, "Group e-tickets for ") || !strings.HasSuffix(m.Subject, ": 沈阳市实验学校") ||
		!strings.Contains(m.Body, "Dear 刘老师") || !strings.Contains(m.Body, "3 people") || !strings.Contains(m.Body, groupURL) {
		t.Errorf("the leader's e-mail:\n%s\n%s", m.Subject, m.Body)
	}
	if m, ok := got["lihua@example.com"]; !ok {
		t.Error("the member with an address got no ticket")
	} else if !strings.Contains(m.Body, "https://expo.example.org/en/tickets/"+liHua) {
		t.Errorf("the member's e-mail:\n%s", m.Body)
	}
	if n := site.count(t, "river_job WHERE kind = 'email'"); n != 2 {
		t.Errorf("%d e-mail jobs, want the leader's and one member's", n)
	}
}
