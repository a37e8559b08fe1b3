package web

import (
	"bytes"
	"context"
	"fmt"
	"github.com/expoportal/portal/internal/paths"
	"html"
	"io"
	"maps"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/auth"
)

// requestAs sends a request with an optional client (nil: anonymous) and
// returns the status and body.
func requestAs(t *testing.T, site *testSite, c *http.Client, method, path, contentType string, body io.Reader) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, site.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept-Language", "en")
	if c == nil {
		c = noRedirect
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// noRequestFailed fails the test when the log holds a server error.
func noRequestFailed(t *testing.T, site *testSite) {
	t.Helper()
	for _, line := range strings.Split(site.logs.String(), "\n") {
		if strings.Contains(line, "level=ERROR") {
			t.Errorf("logged: %.400s", line)
		}
	}
}

// The inputs that answered 500 once: each now gets a translated 4xx (or a
// field error with the input kept) and nothing in the log as a failure.
func TestHostileInputsNamedInTheIssue(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	organiser := signIn(t, site, auth.RoleOrganiser, "en")
	editor := signIn(t, site, auth.RoleEditor, "en")

	// NUL and invalid UTF-8 in a query: a translated 400 page.
	for _, tc := range []struct {
		who  *staff
		path string
	}{
		{nil, "/zh/exhibit/apply?booth=%00"},
		{nil, "/en/exhibit/apply?booth=%FF"},
		{nil, "/en/exhibitors/?hall=%C0%AF"},
		{nil, "/en/search?q=%00"},
		{nil, "/en/news/%00"},
		{organiser, "/admin/applications?hall=%FF"},
		{organiser, "/admin/applications?hall=%C0%AF"},
		{organiser, "/admin/applications?hall=%ED%A0%80"},
		{organiser, "/admin/booths?hall=%00"},
	} {
		var c *http.Client
		if tc.who != nil {
			c = tc.who.Client
		}
		status, body := requestAs(t, site, c, http.MethodGet, tc.path, "", nil)
		if status != http.StatusBadRequest || !strings.Contains(body, "That request could not be read") && !strings.Contains(body, "请求无法处理") {
			t.Errorf("GET %s: %d, want the translated 400 page", tc.path, status)
		}
	}
	if status, body := requestAs(t, site, nil, http.MethodGet, "/zh/exhibit/apply?booth=%00", "", nil); !strings.Contains(body, "请求无法处理") {
		t.Errorf("the 400 page is not in the page's language (%d)", status)
	}

	// The same in a posted form: the back office's forms answer 400 (its
	// people cannot type a NUL, a tampered request can), a public form says
	// it by the field and keeps what was typed, in either encoding.
	admin := signIn(t, site, auth.RoleAdmin, "en")
	for _, tc := range []struct {
		who  *staff
		path string
		form url.Values
	}{
		{nil, "/admin/login", url.Values{"email": {"a\x00@expo.example"}, "password": {"Shenyang-Expo-2027"}}},
		{admin, "/admin/settings", url.Values{"hotline": {"400\xff"}}},
		{admin, "/admin/users", url.Values{"email": {"\xed\xa0\x80@expo.example"}, "role": {"editor"}}},
		{organiser, "/admin/booths/new", url.Values{"hall": {"1"}, "number": {"1Z\x00"}}},
	} {
		var c *http.Client
		if tc.who != nil {
			c = tc.who.Client
		}
		if status, body := requestAs(t, site, c, http.MethodPost, tc.path, "application/x-www-form-urlencoded", strings.NewReader(tc.form.Encode())); status != http.StatusBadRequest || !strings.Contains(body, "That request could not be read") {
			t.Errorf("POST %s %q: %d, want the translated 400 page", tc.path, tc.form.Encode(), status)
		}
	}
	{
		f := goodApplication(t, site, "")
		f.Set("company_en", "Bowen\x00 Teaching")
		status, page := requestAs(t, site, nil, http.MethodPost, "/en/exhibit/apply", "application/x-www-form-urlencoded", strings.NewReader(f.Encode()))
		d := parse(t, page)
		if status != http.StatusUnprocessableEntity || !strings.Contains(d.Find("[data-testid=form-errors]").Text(), "cannot be saved") {
			t.Errorf("apply with a NUL: %d, no field error", status)
		}
		if v, _ := d.Find("#contact").Attr("value"); v != f.Get("contact") {
			t.Errorf("apply with a NUL: contact %q not kept", v)
		}
	}
	// The editor's form is multipart: a NUL is said by its field, the rest kept.
	res, body := editor.saveMultipart(t, "/admin/news/new", editorForm("draft", "0", "title_en", "Nul\x00title", "body_en", "Kept paragraph."), nil)
	if d := parse(t, body); res.StatusCode != http.StatusUnprocessableEntity || d.Find("#title_en-err").Length() == 0 || !strings.Contains(body, "Kept paragraph.") {
		t.Errorf("editor, multipart, NUL title: %d", res.StatusCode)
	}

	// Titles without a single letter save; a title nothing can be seen of
	// is refused by its field, the rest of the form kept.
	// (Only a title: nothing else gives the search anything to index.)
	titleOnly := func(title string, extra ...string) url.Values {
		f := editorForm("draft", "0", append([]string{"title_en", title, "summary_en", "", "body_en", "", "source_en", "",
			"title_zh", "", "summary_zh", "", "body_zh", "", "source_zh", ""}, extra...)...)
		return f
	}
	for _, title := range []string{"!!!", "😀", "——", "#", "!!! 😀 ？"} {
		res, body := editor.save(t, "/admin/news/new", titleOnly(title))
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("title %q: %d\n%.300s", title, res.StatusCode, parse(t, body).Find(".field-error").Text())
			continue
		}
		if _, page := editor.get(t, res.Header.Get("Location")); !strings.Contains(page, title) && !strings.Contains(page, html.EscapeString(title)) {
			t.Errorf("title %q not kept", title)
		}
	}
	for _, title := range []string{"\u200b", "\u202e", "\u200b\u200d\u2060", " \u3000 "} {
		res, body := editor.save(t, "/admin/news/new", titleOnly(title, "body_en", "Kept paragraph."))
		d := parse(t, body)
		if res.StatusCode != http.StatusUnprocessableEntity || d.Find("#title_en-err").Length() == 0 || !strings.Contains(body, "Kept paragraph.") {
			t.Errorf("invisible title %q: %d, title error %d", title, res.StatusCode, d.Find("#title_en-err").Length())
		}
	}

	// A cover that does not exist is a field error, not a failed insert.
	res, body = editor.save(t, "/admin/news/new", editorForm("draft", "0", "cover_id", "999999", "body_en", "Kept paragraph."))
	if d := parse(t, body); res.StatusCode != http.StatusUnprocessableEntity || d.Find("#cover-err").Length() == 0 || !strings.Contains(body, "Kept paragraph.") {
		t.Errorf("missing cover: %d", res.StatusCode)
	}

	var id int64
	if err := site.pool.QueryRow(context.Background(), "SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY id LIMIT 1").Scan(&id); err != nil {
		t.Fatal(err)
	}
	edit := "/admin/news/" + strconv.FormatInt(id, 10)
	// A version no int holds is a stale form: the text stays on screen.
	res, body = editor.save(t, edit, editorForm("draft", "99999999999999999999", "body_en", "Kept paragraph."))
	if res.StatusCode >= 500 || res.StatusCode < 400 || !strings.Contains(body, "Kept paragraph.") {
		t.Errorf("version 10^20: %d", res.StatusCode)
	}

	// Numbers past what the database column holds are pages that do not exist.
	for _, path := range []string{edit + "/revisions/2147483648", edit + "/revisions/99999999999999999999", edit + "/revisions/-1",
		"/admin/news/9223372036854775808", "/admin/news/99999999999999999999/revisions"} {
		if status, body := requestAs(t, site, editor.Client, http.MethodGet, path, "", nil); status != http.StatusNotFound || !strings.Contains(body, "Page not found") {
			t.Errorf("GET %s: %d, want 404", path, status)
		}
	}
	if status, _ := requestAs(t, site, editor.Client, http.MethodPost, edit+"/revisions/2147483648/restore", "application/x-www-form-urlencoded", nil); status != http.StatusNotFound {
		t.Errorf("restore revision 2^31: %d, want 404", status)
	}

	// A day before the calendar's first year is a filter the list does not
	// know: ignored, like any other, so an old link still shows the list.
	for _, day := range []string{"0000-01-01", "-0001-01-01", "99999-01-01"} {
		if status, _ := requestAs(t, site, organiser.Client, http.MethodGet, "/admin/registrations?day="+day, "", nil); status != http.StatusOK {
			t.Errorf("registrations day %s: %d", day, status)
		}
		if status, _ := requestAs(t, site, organiser.Client, http.MethodGet, "/admin/registrations/export?day="+day, "", nil); status != http.StatusOK {
			t.Errorf("registrations export day %s: %d", day, status)
		}
	}

	// 20 MB sent to a form: 413 with the translated page, whether the
	// length is said up front or the body just keeps coming (as HTTP/2
	// may send it; over HTTP/1.1 a chunked body is refused before).
	send := func(who *staff, path, contentType string, body []byte, stated bool) (int, string) {
		if stated {
			var c *http.Client
			if who != nil {
				c = who.Client
			}
			return requestAs(t, site, c, http.MethodPost, path, contentType, bytes.NewReader(body))
		}
		req := httptest.NewRequest(http.MethodPost, path, io.MultiReader(bytes.NewReader(body)))
		req.ContentLength = -1
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Accept-Language", "en")
		if who != nil {
			u, _ := url.Parse(site.URL + path)
			for _, c := range who.Jar.Cookies(u) {
				req.AddCookie(c)
			}
		}
		rec := httptest.NewRecorder()
		site.srv.router().ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	for _, tc := range []struct {
		who  *staff
		path string
	}{
		{nil, "/admin/login"},
		{nil, "/en/exhibit/apply"},
		{nil, "/en/register"},
		{editor, "/admin/news/new"},
		{organiser, "/admin/booths/new"},
	} {
		body := append([]byte("email="), bytes.Repeat([]byte("a"), 20<<20)...)
		for _, stated := range []bool{true, false} {
			status, page := send(tc.who, tc.path, "application/x-www-form-urlencoded", body, stated)
			if status != http.StatusRequestEntityTooLarge || !strings.Contains(page, "What was sent is too large") {
				t.Errorf("POST 20 MB to %s (length stated %v): %d, want the translated 413 page", tc.path, stated, status)
			}
		}
	}
	// Uploads may be larger, up to a point.
	for _, tc := range []struct {
		who  *staff
		path string
		size int
	}{{editor, "/admin/news/new", 42 << 20}, {organiser, "/admin/exhibitors/new", 22 << 20}} {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("cover", "big.png")
		fw.Write(bytes.Repeat([]byte("a"), tc.size))
		mw.Close()
		for _, stated := range []bool{true, false} {
			status, page := send(tc.who, tc.path, mw.FormDataContentType(), buf.Bytes(), stated)
			if status != http.StatusRequestEntityTooLarge || !strings.Contains(page, "What was sent is too large") {
				t.Errorf("POST %d MB multipart to %s (length stated %v): %d, want the translated 413 page", tc.size>>20, tc.path, stated, status)
			}
		}
	}
	noRequestFailed(t, site)
}

// hostileValues are what the walker sends every parameter, field and path
// parameter: NUL, bytes that are not UTF-8 (a lone byte, an overlong
// slash, a UTF-16 surrogate), numbers past int64, int32 and below zero, a
// long string, a path climb, and nothing.
func hostileValues(long string) []string {
	return []string{"\x00", "a\xffb", "\xc0\xaf", "\xed\xa0\x80", "100000000000000000000", "2147483648", "-1", long, "../", ""}
}

// passesMiddleware are the values checkInput lets through to handlers.
func passesMiddleware(v string) bool { return utf8.ValidString(v) && !strings.ContainsRune(v, 0) }

// walkField is one control of a form as the page draws it.
type walkField struct {
	name, value string
	file        bool
}

// walkForm is a form found on a page: where it posts, how, and its fields
// with the values the page filled in.
type walkForm struct {
	page      string // the page it was found on
	multipart bool
	fields    []walkField
}

func (f walkForm) values() url.Values {
	v := url.Values{}
	for _, fl := range f.fields {
		if !fl.file {
			v.Add(fl.name, fl.value)
		}
	}
	return v
}

func (f walkForm) names() []string {
	var out []string
	for _, fl := range f.fields {
		if !slices.Contains(out, fl.name) {
			out = append(out, fl.name)
		}
	}
	return out
}

func (f walkForm) isFile(name string) bool {
	return slices.ContainsFunc(f.fields, func(fl walkField) bool { return fl.file && fl.name == name })
}

// formsOn reads the post forms of a page, by the path they post to.
func formsOn(d *goquery.Document, page *url.URL) map[string]walkForm {
	out := map[string]walkForm{}
	d.Find("form").Each(func(_ int, fs *goquery.Selection) {
		if m, _ := fs.Attr("method"); !strings.EqualFold(m, "post") {
			return
		}
		action, _ := fs.Attr("action")
		to, err := page.Parse(action)
		if err != nil {
			return
		}
		enc, _ := fs.Attr("enctype")
		f := walkForm{page: page.RequestURI(), multipart: enc == "multipart/form-data"}
		var submit *walkField
		fs.Find("input[name], select[name], textarea[name], button[name]").Each(func(_ int, c *goquery.Selection) {
			name, _ := c.Attr("name")
			typ, _ := c.Attr("type")
			val, _ := c.Attr("value")
			switch {
			case goquery.NodeName(c) == "button" || typ == "submit":
				submit = &walkField{name: name, value: val}
				return
			case goquery.NodeName(c) == "select":
				opt := c.Find("option[selected]").First()
				if opt.Length() == 0 {
					opt = c.Find("option").First()
				}
				val, _ = opt.Attr("value")
			case goquery.NodeName(c) == "textarea":
				val = c.Text()
			case typ == "checkbox" || typ == "radio":
				if _, on := c.Attr("checked"); !on {
					// Unchecked: still a field to send values to.
					f.fields = append(f.fields, walkField{name: name, value: ""})
					return
				}
			}
			f.fields = append(f.fields, walkField{name: name, value: val, file: typ == "file"})
		})
		if submit != nil {
			f.fields = append(f.fields, *submit) // the last button: the main action
		}
		if _, seen := out[to.Path]; !seen {
			out[to.Path] = f
		}
	})
	// Unchecked boxes with a checked twin carry their empty placeholder: drop it.
	for k, f := range out {
		var kept []walkField
		for _, fl := range f.fields {
			if fl.value == "" && !fl.file && slices.ContainsFunc(f.fields, func(o walkField) bool { return o.name == fl.name && o.value != "" }) {
				continue
			}
			kept = append(kept, fl)
		}
		f.fields = kept
		out[k] = f
	}
	return out
}

// queryNames are the query parameters a page links to or asks for with a
// GET form.
func queryNames(d *goquery.Document, page *url.URL, into map[string]map[string]bool) {
	add := func(path, name string) {
		if into[path] == nil {
			into[path] = map[string]bool{}
		}
		into[path][name] = true
	}
	d.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		if u, err := page.Parse(href); err == nil && u.Host == page.Host {
			for k := range u.Query() {
				add(u.Path, k)
			}
		}
	})
	d.Find("form").Each(func(_ int, fs *goquery.Selection) {
		if m, _ := fs.Attr("method"); m != "" && !strings.EqualFold(m, "get") {
			return
		}
		action, _ := fs.Attr("action")
		u, err := page.Parse(action)
		if err != nil {
			return
		}
		fs.Find("input[name], select[name], textarea[name]").Each(func(_ int, c *goquery.Selection) {
			name, _ := c.Attr("name")
			add(u.Path, name)
		})
	})
}

// walker sends the requests, from several goroutines, and keeps what went
// wrong.
type walker struct {
	site       *testSite
	sent, addr atomic.Int64
	mu         sync.Mutex
	fails      []string
	statuses   map[string]map[int]int // by route, for -v: how far the values got
}

func (w *walker) count(route string, status int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.statuses[route] == nil {
		w.statuses[route] = map[int]int{}
	}
	w.statuses[route][status]++
}

func (w *walker) fail(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.fails = append(w.fails, fmt.Sprintf(format, args...))
}

// send makes one request and notes a 5xx; it returns the status.
func (w *walker) send(route string, c *http.Client, method, target, contentType string, body []byte, what string) int {
	req, err := http.NewRequest(method, w.site.URL+target, bytes.NewReader(body))
	if err != nil {
		w.fail("%s %.120q: %v", method, target, err)
		return 0
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	// Each request from its own address: the per-address limits of the
	// public forms would otherwise answer for the handlers.
	a := w.addr.Add(1)
	req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", a>>16&255, a>>8&255, a&255))
	req.Header.Set("Accept-Language", "en")
	req.Header.Set("Accept-Encoding", "identity") // compressing every answer is time not spent on inputs
	w.sent.Add(1)
	res, err := c.Do(req)
	if err != nil {
		w.fail("%s %.120q (%s): %v", method, target, what, err)
		return 0
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode >= 500 {
		w.fail("%s %.120q (%.200s): %d", method, target, what, res.StatusCode)
	}
	w.count(method+" "+route, res.StatusCode)
	return res.StatusCode
}

// page GETs a page and parses it when it is HTML.
func (w *walker) page(c *http.Client, target string) *goquery.Document {
	w.sent.Add(1)
	res, err := c.Get(w.site.URL + target)
	if err != nil {
		w.fail("GET %.120q: %v", target, err)
		return nil
	}
	defer res.Body.Close()
	if res.StatusCode >= 500 {
		w.fail("GET %.120q (plausible): %d", target, res.StatusCode)
	}
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		return nil
	}
	d, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		w.fail("GET %.120q: %v", target, err)
		return nil
	}
	return d
}

// encode writes a form either way; files get their value as content.
func encode(v url.Values, files map[string]string, multi bool) (string, []byte) {
	if !multi && len(files) == 0 {
		return "application/x-www-form-urlencoded", []byte(v.Encode())
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range v {
		for _, s := range vs {
			mw.WriteField(k, s)
		}
	}
	for k, s := range files {
		fw, _ := mw.CreateFormFile(k, "upload.png")
		fw.Write([]byte(s))
	}
	mw.Close()
	return mw.FormDataContentType(), b.Bytes()
}

// segments splits a route pattern into literal text and parameters: a
// parameter is {name} or {name:regexp} (whose regexp may hold braces), or
// a trailing *.
func segments(pattern string) (parts []string, isParam []bool) {
	for i := 0; i < len(pattern); {
		switch {
		case pattern[i] == '{':
			depth, j := 0, i
			for ; j < len(pattern); j++ {
				if pattern[j] == '{' {
					depth++
				} else if pattern[j] == '}' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			name, _, _ := strings.Cut(pattern[i+1:j], ":")
			parts, isParam = append(parts, name), append(isParam, true)
			i = j + 1
		case pattern[i] == '*' && i == len(pattern)-1:
			parts, isParam = append(parts, "*"), append(isParam, true)
			i++
		default:
			j := strings.IndexAny(pattern[i:], "{*")
			if j < 0 {
				j = len(pattern) - i
			} else if j == 0 { // a * inside the pattern is literal
				j = 1
			}
			parts, isParam = append(parts, pattern[i:i+j]), append(isParam, false)
			i += j
		}
	}
	return parts, isParam
}

// fill puts values into a route pattern's parameters; the one named
// hostile gets value instead of its plausible one.
func fill(pattern string, plausible func(pattern, param string) string, hostile, value string) string {
	parts, isParam := segments(pattern)
	var b strings.Builder
	for i, p := range parts {
		switch {
		case !isParam[i]:
			b.WriteString(p)
		case p == hostile:
			b.WriteString(url.PathEscape(value))
		default:
			b.WriteString(plausible(pattern, p))
		}
	}
	return b.String()
}

func params(pattern string) []string {
	var out []string
	parts, isParam := segments(pattern)
	for i, p := range parts {
		if isParam[i] {
			out = append(out, p)
		}
	}
	return out
}

// inParallel calls fn for each item from a few goroutines: the requests
// wait on the database more than on the processor.
func inParallel[T any](items []T, fn func(T)) {
	next := make(chan T)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for it := range next {
				fn(it)
			}
		})
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
}

// TestHostileInputsAnywhere walks every route the router lists, as every
// role and as a visitor, and sends each path parameter, query parameter
// and form field each hostile value: nothing may answer 5xx or log a
// failure. Routes added later are walked without changing this test.
func TestHostileInputsAnywhere(t *testing.T) {
	t.Parallel()
	start := time.Now()
	site := newSite(t)
	trustLoopback(site)
	ctx := context.Background()

	roles := []auth.Role{auth.RoleEditor, auth.RoleOrganiser, auth.RoleAdmin}
	clients := map[auth.Role]*staff{"": newStaff(t, site)}
	for _, role := range roles {
		clients[role] = signIn(t, site, role, "en")
	}
	victim := addUser(t, site, "victim@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")

	// Things that exist, for the parameters that name them.
	one := func(q string) string {
		var v string
		if err := site.pool.QueryRow(ctx, q).Scan(&v); err != nil {
			t.Logf("no plausible value from %q: %v", q, err)
			return "1"
		}
		return v
	}
	var mediaFile string
	{
		var hash, ct string
		if err := site.pool.QueryRow(ctx, "SELECT hash, content_type FROM media WHERE parent_id IS NULL ORDER BY id LIMIT 1").Scan(&hash, &ct); err == nil {
			mediaFile = strings.TrimPrefix(paths.Media(hash, ct), "/media/")
		}
	}
	ids := map[string]string{
		"news":         one("SELECT id::text FROM articles WHERE deleted_at IS NULL AND status = 'published' ORDER BY id LIMIT 1"),
		"pages":        one("SELECT id::text FROM pages ORDER BY id LIMIT 1"),
		"schedule":     one("SELECT id::text FROM schedule_events ORDER BY id LIMIT 1"),
		"charges":      one("SELECT id::text FROM charge_items ORDER BY id LIMIT 1"),
		"booths":       one("SELECT id::text FROM booths ORDER BY id LIMIT 1"),
		"exhibitors":   one("SELECT id::text FROM exhibitors ORDER BY id LIMIT 1"),
		"applications": one("SELECT id::text FROM booth_applications ORDER BY id LIMIT 1"),
		"users":        strconv.FormatInt(victim.ID, 10),
		"tickets":      one("SELECT token FROM registrations ORDER BY id LIMIT 1"),
		"group":        one("SELECT token FROM visitor_groups ORDER BY id LIMIT 1"),
		"apply":        one("SELECT token FROM booth_applications ORDER BY id LIMIT 1"),
	}
	plausible := func(pattern, param string) string {
		switch param {
		case "lang":
			return "en"
		case "version":
			return "1"
		case "file":
			return mediaFile
		case "feed":
			return "news.atom"
		case "*":
			return "robots.txt"
		}
		for _, k := range []string{"news", "pages", "schedule", "charges", "booths", "exhibitors", "applications", "users", "tickets", "group", "apply"} {
			if strings.Contains(pattern, "/"+k+"/") {
				return ids[k]
			}
		}
		return "1"
	}

	const goodImport = "展位号,中文名称,英文名称,展馆,展品类别\r\n1Z01,辽阳新华教仪有限公司,Liaoyang Xinhua Teaching Instruments Co.,一号馆,实验室与科学教学装备\r\n"
	// Valid forms to start from where the page gives none (a public form
	// is empty; a preview's form comes only after an upload), so that a
	// hostile field is the only thing wrong with them.
	goodForms := map[string]url.Values{
		"/{lang}/exhibit/apply":            goodApplication(t, site, ""),
		"/{lang}/exhibit/international":    goodVisaRequest(t, site),
		"/{lang}/register":                 goodVisitor(t, site),
		"/{lang}/register/group":           goodLeader(t, site),
		"/admin/exhibitors/import/confirm": {"filename": {"exhibitors.csv"}, "data": {goodImport}},
	}
	goodFiles := map[string]map[string]string{
		"/{lang}/register/group":   {"members": "姓名,身份,手机,邮箱\r\n张明,学生,,\r\n李华,教师,139 1234 5678,lihua@example.com\r\n"},
		"/admin/exhibitors/import": {"file": goodImport},
	}

	type route struct{ method, pattern string }
	var routes []route
	err := chi.Walk(site.srv.router(), func(method, pattern string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if method == http.MethodGet || method == http.MethodPost {
			routes = append(routes, route{method, pattern})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// What removes or locks out goes last, signing out very last.
	rank := func(r route) int {
		switch {
		case strings.HasSuffix(r.pattern, "/logout"):
			return 3
		case strings.Contains(r.pattern, "delete") || strings.Contains(r.pattern, "trash") || strings.Contains(r.pattern, "disabled"):
			return 2
		case r.method == http.MethodPost:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(routes, func(a, b route) int { return rank(a) - rank(b) })

	w := &walker{site: site, statuses: map[string]map[int]int{}}
	long := strings.Repeat("長", 1<<20/3)   // a 1 MB field
	longURL := strings.Repeat("x", 16<<10) // as much as an address carries well
	values := hostileValues(long)
	urlValues := hostileValues(longURL)
	whoFor := func(pattern string) []auth.Role {
		if strings.HasPrefix(pattern, "/admin") {
			return []auth.Role{"", auth.RoleEditor, auth.RoleOrganiser, auth.RoleAdmin}
		}
		return []auth.Role{""} // the public site is the same signed in or not
	}
	admitted := func(status int) bool {
		return status != http.StatusSeeOther && status != http.StatusForbidden && status != http.StatusNotFound
	}

	// First every page as it is, to learn the query parameters the site
	// uses from its links and GET forms.
	names := map[string]map[string]bool{}
	var namesMu sync.Mutex
	inParallel(routes, func(r route) {
		if r.method != http.MethodGet {
			return
		}
		target := fill(r.pattern, plausible, "", "")
		who := whoFor(r.pattern)
		if d := w.page(clients[who[len(who)-1]].Client, target); d != nil { // an admin sees every page
			u, _ := url.Parse(w.site.URL + target)
			namesMu.Lock()
			queryNames(d, u, names)
			namesMu.Unlock()
		}
	})
	allNames := []string{"page", "q", "next"}
	for _, set := range names {
		for n := range set {
			if !slices.Contains(allNames, n) {
				allNames = append(allNames, n)
			}
		}
	}
	slices.Sort(allNames)

	// findForm looks for the form that posts to path on that page or the
	// pages above it.
	findForm := func(c *http.Client, path string) (walkForm, bool) {
		for p := path; p != ""; p = p[:strings.LastIndex(p, "/")] {
			for _, candidate := range []string{p, p + "/"} {
				if d := w.page(c, candidate); d != nil {
					u, _ := url.Parse(w.site.URL + candidate)
					if f, ok := formsOn(d, u)[path]; ok {
						return f, true
					}
				}
			}
		}
		return walkForm{}, false
	}

	// One role walks each route in full (the first one let in, so the
	// least trusted); the others send the plausible request and every
	// value to all names at once.
	walk := func(r route, who auth.Role, walked *bool) {
		c := clients[who].Client
		target := fill(r.pattern, plausible, "", "")
		if r.method == http.MethodGet {
			status := w.send(r.pattern, c, http.MethodGet, target, "", nil, "plausible")
			// Every name the site uses, all at once, once per value (text
			// checkInput refuses is refused alike for every role: one
			// signed-in role sends it).
			for _, v := range urlValues {
				if !passesMiddleware(v) && who != "" && (*walked || !admitted(status)) {
					continue
				}
				q := url.Values{}
				for _, n := range allNames {
					q.Set(n, v)
				}
				w.send(r.pattern, c, http.MethodGet, target+"?"+q.Encode(), "", nil, fmt.Sprintf("all query names = %.20q", v))
			}
			if !admitted(status) && who != auth.RoleAdmin || *walked {
				return
			}
			*walked = true
			// The names of its own links and forms one by one, with the
			// values that get past checkInput.
			for n := range names[target] {
				for _, v := range urlValues {
					if passesMiddleware(v) {
						w.send(r.pattern, c, http.MethodGet, target+"?"+url.Values{n: {v}}.Encode(), "", nil, fmt.Sprintf("%s = %.20q", n, v))
					}
				}
			}
			for _, p := range params(r.pattern) {
				for _, v := range urlValues {
					w.send(r.pattern, c, http.MethodGet, fill(r.pattern, plausible, p, v), "", nil, fmt.Sprintf("{%s} = %.20q", p, v))
				}
			}
			return
		}

		form, found := findForm(c, target)
		base := form.values()
		if strings.HasSuffix(r.pattern, "/new") {
			// A new thing starts from an existing one's values, so that
			// one hostile field is all that is wrong (and a copy meets
			// the unique checks).
			if f, ok := findForm(c, fill(strings.TrimSuffix(r.pattern, "/new")+"/{id}", plausible, "", "")); ok {
				for k, vs := range f.values() {
					if k != "version" && vs[0] != "" {
						base[k] = vs
					}
				}
			}
		}
		good := goodForms[r.pattern]
		for k, vs := range good {
			base[k] = vs
		}
		names := form.names()
		for _, k := range slices.Sorted(maps.Keys(good)) {
			if !slices.Contains(names, k) {
				names = append(names, k)
			}
		}
		goodFile := goodFiles[r.pattern]
		for k := range goodFile {
			if !slices.Contains(names, k) {
				names = append(names, k)
			}
		}
		isFile := func(n string) bool { _, ok := goodFile[n]; return ok || form.isFile(n) }
		multi := form.multipart || len(goodFile) > 0
		fresh := func(v url.Values) url.Values {
			out := url.Values{}
			for k, vs := range v {
				out[k] = slices.Clone(vs)
			}
			if out.Has(stampField) {
				out.Set(stampField, oldStamp(t, site))
			}
			return out
		}
		post := func(target string, v url.Values, files map[string]string, multi bool, what string) int {
			ct, body := encode(v, files, multi)
			return w.send(r.pattern, c, http.MethodPost, target, ct, body, what)
		}
		// Every field at once, in the other encoding too (the long value
		// shorter: a megabyte each is over any form's limit at once).
		for _, v := range urlValues {
			vals := url.Values{}
			for _, n := range append(names, "id", "q") {
				vals.Set(n, v)
			}
			post(target, vals, nil, !multi, fmt.Sprintf("all fields = %.20q, multipart %v", v, !multi))
		}
		if !found && who != auth.RoleAdmin || *walked {
			return
		}
		*walked = true
		// Each field alone, the rest as the page filled it in.
		for _, n := range names {
			for _, v := range values {
				if v != "\x00" && !passesMiddleware(v) && v != "a\xffb" {
					continue // one of each kind of broken text is enough here
				}
				vals, files := fresh(base), maps.Clone(goodFile)
				if isFile(n) {
					if files == nil {
						files = map[string]string{}
					}
					files[n] = v
				} else {
					vals.Set(n, v)
				}
				status := post(target, vals, files, multi, fmt.Sprintf("%s = %.20q", n, v))
				if (status == http.StatusSeeOther || status == http.StatusConflict) && base.Has("version") {
					// Saved, or saved by another: the version moved on.
					if f, ok := findForm(c, target); ok {
						base.Set("version", f.values().Get("version"))
					}
				}
			}
		}
		for _, p := range params(r.pattern) {
			for _, v := range urlValues {
				post(fill(r.pattern, plausible, p, v), fresh(base), goodFile, multi, fmt.Sprintf("{%s} = %.20q", p, v))
			}
		}
	}
	// In stages, so that nothing is removed or signed out while another
	// route still needs it.
	for stage := range 4 {
		var these []route
		for _, r := range routes {
			if rank(r) == stage {
				these = append(these, r)
			}
		}
		inParallel(these, func(r route) {
			walked := false
			for _, who := range whoFor(r.pattern) {
				rs, rn := time.Now(), w.sent.Load()
				walk(r, who, &walked)
				if who == "" && walked && r.method == http.MethodPost {
					// A form a visitor may post (signing in): the staff
					// post the same one.
					break
				}
				if testing.Verbose() {
					t.Logf("%s %s as %q: %d requests, %v", r.method, r.pattern, who, w.sent.Load()-rn, time.Since(rs).Round(time.Millisecond))
				}
			}
		})
	}
	noRequestFailed(t, site)
	for i, f := range w.fails {
		if i == 40 {
			t.Errorf("... and %d more", len(w.fails)-i)
			break
		}
		t.Error(f)
	}
	if testing.Verbose() {
		for _, k := range slices.Sorted(maps.Keys(w.statuses)) {
			t.Logf("%s: %v", k, w.statuses[k])
		}
	}
	t.Logf("%d routes, %d requests in %v", len(routes), w.sent.Load(), time.Since(start).Round(time.Millisecond))
}

// A visitor who closes the connection while a long answer (an export) is
// written is no server failure: nothing is logged as one, and no error
// page is drawn for nobody. The same error from the database's connection
// is the database away, not a visitor gone.
func TestVisitorLeavingMidAnswerIsNoFailure(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, gone := range []error{syscall.EPIPE, syscall.ECONNRESET} {
		broken := &net.OpError{Op: "write", Net: "tcp", Err: os.NewSyscallError("write", gone)}
		h := site.srv.handle(func(w http.ResponseWriter, r *http.Request) error {
			w.Header().Set("Content-Type", "text/csv")
			_, err := w.Write([]byte("code,name\r\n"))
			return err
		})
		rec := httptest.NewRecorder()
		h.ServeHTTP(brokenWriter{rec, broken}, httptest.NewRequest(http.MethodGet, "/admin/registrations/export", nil))
		if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
			t.Errorf("%v: an error page was written (%d)", gone, rec.Code)
		}

		h = site.srv.handle(func(http.ResponseWriter, *http.Request) error { return fmt.Errorf("Store.X: %w", broken) })
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/zh/news/", nil))
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("%v from the database: %d, want 503", gone, rec.Code)
		}
	}
	noRequestFailed(t, site)
}

// brokenWriter fails every write of the body, as a closed connection does.
type brokenWriter struct {
	*httptest.ResponseRecorder
	err error
}

func (b brokenWriter) Write([]byte) (int, error) { return 0, b.err }
