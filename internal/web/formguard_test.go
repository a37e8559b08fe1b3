package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// oldStamp is a form stamp signed a minute before the test clock: a person
// who took their time (a stamp from a GET would be "too fast" on a clock
// that stands still). Each call is another served form.
func oldStamp(t testing.TB, site *testSite) string {
	t.Helper()
	key, err := site.srv.secret(context.Background(), "form-stamp")
	if err != nil {
		t.Fatal(err)
	}
	return newStamp(key, site.srv.now().Add(-time.Minute))
}

// Forms served in the same second (the test clock stands still) each get a
// stamp of their own: a stamp is one served form, never one second.
func TestFormStampsAreEachFormsOwn(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, path := range []string{"/zh/exhibit/apply", "/en/register", "/zh/register/group"} {
		seen := map[string]bool{}
		for range 3 {
			stamp, _ := site.doc(t, path, http.StatusOK).Find(`input[name=form_started]`).Attr("value")
			if stamp == "" || seen[stamp] {
				t.Errorf("%s served the stamp %q twice (or none)", path, stamp)
			}
			seen[stamp] = true
		}
	}
}

// person puts stamp and who sent it into v, under the form's own field
// names for the name and the mobile.
func person(v url.Values, stamp, nameField, phoneField, name, phone, email string) url.Values {
	v.Set(stampField, stamp)
	v.Set(nameField, name)
	v.Set(phoneField, phone)
	v.Set("email", email)
	return v
}

// A stranger who sends another submission with a stamp already used (two
// people who opened a form in the same second, or someone replaying
// collected stamps) is never shown the first post's page: they get their
// own form back, as typed, with a new stamp. The first poster's resend
// still reaches their own page.
func TestUsedStampShowsNoStrangersData(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noApplications(t, site)
	noVisitors(t, site)
	trustLoopback(site)
	const firstMobile, firstEmail = "13900001234", "first.poster@school.example"
	firstData := []string{firstMobile, "139 0000 1234", "139-0000-1234", firstEmail, "王第一"}
	follow := &http.Client{} // a stranger's browser follows wherever it is sent
	send := func(t *testing.T, path, contentType string, body []byte) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, site.URL+path, bytes.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		res, err := follow.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	urlencoded := func(v url.Values) (string, []byte) {
		return "application/x-www-form-urlencoded", []byte(v.Encode())
	}
	for _, tc := range []struct {
		name, path, table, kept string
		first, second           func(stamp string) (string, []byte)
	}{
		{"booth application", "/zh/exhibit/apply", "booth_applications", "王第二",
			func(stamp string) (string, []byte) {
				return urlencoded(person(goodApplication(t, site, ""), stamp, "contact", "mobile", "王第一", firstMobile, firstEmail))
			},
			func(stamp string) (string, []byte) {
				return urlencoded(person(goodApplication(t, site, ""), stamp, "contact", "mobile", "王第二", "13755556666", "second@school.example"))
			}},
		{"registration", "/zh/register", "registrations", "王第二",
			func(stamp string) (string, []byte) {
				return urlencoded(person(goodVisitor(t, site), stamp, "name", "phone", "王第一", firstMobile, firstEmail))
			},
			func(stamp string) (string, []byte) {
				return urlencoded(person(goodVisitor(t, site), stamp, "name", "phone", "王第二", "13755556666", "second@school.example"))
			}},
		{"group registration", "/zh/register/group", "visitor_groups", "王第二",
			func(stamp string) (string, []byte) {
				v := person(goodLeader(t, site), stamp, "name", "phone", "王第一", firstMobile, firstEmail)
				ct, b := groupForm(t, site, v, "members.csv", []byte("姓名,身份\n张明,学生\n"))
				return ct, b.Bytes()
			},
			func(stamp string) (string, []byte) {
				v := person(goodLeader(t, site), stamp, "name", "phone", "王第二", "13755556666", "second@school.example")
				ct, b := groupForm(t, site, v, "members.csv", []byte("姓名,身份\n李华,学生\n"))
				return ct, b.Bytes()
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stamp := oldStamp(t, site) // both opened the form in the same second
			ct, body := tc.first(stamp)
			status, page := send(t, tc.path, ct, body)
			if status != http.StatusOK || !strings.Contains(page, firstEmail) && !strings.Contains(page, "王第一") {
				t.Fatalf("the first post did not reach its own page (%d)", status)
			}
			ct, body = tc.second(stamp)
			status, page = send(t, tc.path, ct, body)
			for _, s := range firstData {
				if strings.Contains(page, s) {
					t.Errorf("the stranger was shown the first post's %q", s)
				}
			}
			d := parse(t, page)
			if status != http.StatusConflict || !strings.Contains(page, "此表单已提交过一次") {
				t.Errorf("the stranger got %d without the already-sent notice", status)
			}
			if v, _ := d.Find(`input[name=name], input[name=contact]`).Attr("value"); v != tc.kept {
				t.Errorf("the stranger's input was not kept: %q", v)
			}
			if fresh, _ := d.Find(`input[name=form_started]`).Attr("value"); fresh == "" || fresh == stamp {
				t.Errorf("the stranger's form kept the used stamp %q", fresh)
			}
			if n := site.count(t, tc.table); n != 1 {
				t.Errorf("%d rows in %s, want the first post's alone", n, tc.table)
			}
			// The first poster sending again still sees their own page.
			ct, body = tc.first(stamp)
			if status, page = send(t, tc.path, ct, body); status != http.StatusOK || !strings.Contains(page, "王第一") {
				t.Errorf("the first post's resend: %d, own page not shown", status)
			}
		})
	}
}
