package web

import (
	"bytes"
	"context"
	"fmt"
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

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// editorForm is a complete, valid editor form.
func editorForm(action, version string, extra ...string) url.Values {
	f := url.Values{
		"version": {version}, "category": {"expo"}, "action": {action}, "released_at": {"2026-11-24T10:00"},
		"title_zh": {"后台发布的新闻"}, "summary_zh": {"后台摘要"}, "body_zh": {"## 小标题\n\n正文内容。"}, "source_zh": {"组委会"},
		"title_en": {"News from the back office"}, "summary_en": {"A summary"}, "body_en": {"Body text."}, "source_en": {"Organisers"},
	}
	for i := 0; i+1 < len(extra); i += 2 {
		f.Set(extra[i], extra[i+1])
	}
	return f
}

// saveAs posts the editor form and returns the article's edit path.
func (b *staff) save(t *testing.T, path string, f url.Values) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.site.URL+path, strings.NewReader(f.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", "en")
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(body)
}

func publicHas(t *testing.T, site *testSite, id string) bool {
	t.Helper()
	res := site.get(t, "/en/news/"+id)
	res.Body.Close()
	return res.StatusCode != http.StatusNotFound
}

func TestPublishingCycle(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")

	res, _ := b.save(t, "/admin/news/new", editorForm("draft", "0"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	edit := strings.TrimSuffix(res.Header.Get("Location"), "?saved=1")
	id := strings.TrimPrefix(edit, "/admin/news/")
	if publicHas(t, site, id) {
		t.Fatal("a draft is public")
	}
	if _, body := b.get(t, "/admin/news?status=draft"); !strings.Contains(body, "后台发布的新闻") && !strings.Contains(body, "News from the back office") {
		t.Error("the draft is not in the editor's list")
	}
	res, _ = b.save(t, edit, editorForm("publish", "1"))
	if res.StatusCode != http.StatusSeeOther || !publicHas(t, site, id) {
		t.Fatalf("publish: %d, public %v", res.StatusCode, publicHas(t, site, id))
	}
	d := site.doc(t, "/zh/news/"+id+"-news-from-the-back-office", http.StatusOK)
	if d.Find("h1").Text() != "后台发布的新闻" || d.Find(".prose h2").Text() != "小标题" {
		t.Error("the published article does not show its words")
	}
	res, _ = b.save(t, edit, editorForm("unpublish", "2"))
	if res.StatusCode != http.StatusSeeOther || publicHas(t, site, id) {
		t.Fatal("unpublished, still public")
	}
	// Scheduled for tomorrow: public by itself once the time comes.
	res, body := b.save(t, edit, editorForm("schedule", "3", "released_at", "2026-11-25T09:00"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("schedule: %d\n%s", res.StatusCode, body)
	}
	if publicHas(t, site, id) {
		t.Fatal("scheduled for tomorrow, public today")
	}
	site.srv.now = func() time.Time { return time.Date(2026, 11, 25, 9, 0, 1, 0, cst) }
	if !publicHas(t, site, id) {
		t.Fatal("the scheduled time came and went, and the article is not public")
	}
}

func TestEditorKeepsInputAndRefusesStaleSaves(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "a@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	addUser(t, site, "b@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	alice, bob := newStaff(t, site), newStaff(t, site)
	alice.login(t, "a@expo.example", "Shenyang-Expo-2027", "Accept-Language: en")
	bob.login(t, "b@expo.example", "Shenyang-Expo-2027", "Accept-Language: en")

	// Invalid: everything typed comes back, with the error by its field.
	res, body := alice.save(t, "/admin/news/new", editorForm("schedule", "0", "released_at", "2020-01-01T09:00", "body_en", "Keep this paragraph."))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Keep this paragraph.") || !strings.Contains(body, "A scheduled time must be in the future.") {
		t.Fatalf("invalid form: %d", res.StatusCode)
	}
	res, _ = alice.save(t, "/admin/news/new", editorForm("draft", "0"))
	edit := strings.TrimSuffix(res.Header.Get("Location"), "?saved=1")
	// Both open version 1; Bob saves first.
	if res, _ := bob.save(t, edit, editorForm("draft", "1", "title_en", "Bob's title")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("bob: %d", res.StatusCode)
	}
	res, body = alice.save(t, edit, editorForm("draft", "1", "title_en", "Alice's title", "body_en", "Alice wrote this."))
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Alice wrote this.") || !strings.Contains(body, `data-testid="conflict"`) {
		t.Fatalf("stale save: %d", res.StatusCode)
	}
	_, body = bob.get(t, edit)
	if !strings.Contains(body, "Bob&#39;s title") && !strings.Contains(body, "Bob's title") {
		t.Error("the refused save overwrote Bob's")
	}
	// Saving again from the conflict page (it carries the new version) is a choice that works.
	if res, _ := alice.save(t, edit, editorForm("draft", "2", "title_en", "Alice's title")); res.StatusCode != http.StatusSeeOther {
		t.Errorf("deliberate save after the conflict: %d", res.StatusCode)
	}
}

func TestEditorFieldsComeOutInertOnThePublicSite(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	payload := `"><script>alert(1)</script><img src=x onerror=alert(2)>`
	f := editorForm("publish", "0")
	for _, field := range []string{"title_zh", "summary_zh", "source_zh", "title_en", "summary_en", "source_en"} {
		f.Set(field, f.Get(field)+payload)
	}
	f.Set("body_en", "[x](javascript:alert(3)) <iframe src=//evil.example></iframe>"+payload)
	res, _ := b.save(t, "/admin/news/new", f)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	id := strings.TrimPrefix(strings.TrimSuffix(res.Header.Get("Location"), "?saved=1"), "/admin/news/")
	for _, path := range []string{"/en/news/" + id, "/zh/news/" + id, "/en/news/", "/zh/", "/en/search?q=back+office", "/feeds/en/news.atom"} {
		r := site.get(t, path)
		if r.StatusCode == http.StatusMovedPermanently {
			r.Body.Close()
			r = site.get(t, r.Header.Get("Location"))
		}
		body, _ := io.ReadAll(r.Body)
		r.Body.Close()
		for _, bad := range []string{"<script>alert", "<img src=x", "javascript:alert", "<iframe"} {
			if strings.Contains(string(body), bad) {
				t.Errorf("%s holds %q", path, bad)
			}
		}
	}
}

func TestTrashRevisionsAndPreview(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")

	// Preview renders without saving.
	res, body := b.save(t, "/admin/news/new", editorForm("preview", "0", "body_en", "## Preview heading\n\n<script>alert(1)</script>"))
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "<h2>Preview heading</h2>") || strings.Contains(body, "<script>alert(1)</script>") {
		t.Fatalf("preview: %d", res.StatusCode)
	}
	if _, list := b.get(t, "/admin/news"); strings.Contains(list, "News from the back office") {
		t.Fatal("a preview saved the article")
	}

	res, _ = b.save(t, "/admin/news/new", editorForm("publish", "0", "title_en", "First words"))
	edit := strings.TrimSuffix(res.Header.Get("Location"), "?saved=1")
	id := strings.TrimPrefix(edit, "/admin/news/")
	b.save(t, edit, editorForm("publish", "1", "title_en", "Second words"))
	if _, page := b.get(t, edit+"/revisions"); !strings.Contains(page, edit+"/revisions/2\"") || !strings.Contains(page, edit+"/revisions/1\"") {
		t.Fatal("the revisions list lacks versions 1 and 2")
	}
	if _, page := b.get(t, edit+"/revisions/1"); !strings.Contains(page, "First words") {
		t.Fatal("revision 1 does not show its title")
	}
	if res := b.post(t, edit+"/revisions/1/restore", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore revision: %d", res.StatusCode)
	}
	d := site.doc(t, "/en/news/"+id+"-first-words", http.StatusOK)
	if d.Find("h1").Text() != "First words" {
		t.Errorf("after restoring version 1 the site shows %q", d.Find("h1").Text())
	}
	// Restoring words never changes whether the article is public.
	b.save(t, edit, editorForm("unpublish", "3", "title_en", "First words"))
	if res := b.post(t, edit+"/revisions/2/restore", nil); res.StatusCode != http.StatusSeeOther || publicHas(t, site, id) {
		t.Errorf("restoring a published revision of an unpublished article made it public")
	}
	b.save(t, edit, editorForm("publish", "5", "title_en", "First words"))
	d = site.doc(t, "/en/news/"+id+"-first-words", http.StatusOK)
	if d.Find("h1").Text() != "First words" {
		t.Errorf("after restoring version 1 the site shows %q", d.Find("h1").Text())
	}
	if _, page := b.get(t, edit+"/revisions"); !strings.Contains(page, edit+"/revisions/6\"") {
		t.Error("restoring did not keep the history (no version 3)")
	}

	if res := b.post(t, edit+"/trash", nil); res.StatusCode != http.StatusSeeOther || publicHas(t, site, id) {
		t.Fatalf("trash: %d; public %v", res.StatusCode, publicHas(t, site, id))
	}
	if _, list := b.get(t, "/admin/news?status=trash"); !strings.Contains(list, `href="`+edit+`"`) {
		t.Error("the trash does not list it")
	}
	if _, page := b.get(t, edit); !strings.Contains(page, `data-testid="in-trash"`) {
		t.Error("the editor does not say it is in the trash")
	}
	if res := b.post(t, edit+"/restore", nil); res.StatusCode != http.StatusSeeOther || !publicHas(t, site, id) {
		t.Fatalf("restore from the trash: %d; public %v", res.StatusCode, publicHas(t, site, id))
	}
}

// saveMultipart posts the editor form with files (field name -> bytes).
func (b *staff) saveMultipart(t *testing.T, path string, f url.Values, files map[string][]byte) (*http.Response, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range f {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for field, data := range files {
		w, _ := mw.CreateFormFile(field, field+".png")
		w.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, b.site.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept-Language", "en")
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(body)
}

func TestEditorImageUploads(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027", "Accept-Language: en")
	st := store.New(site.pool)
	before, _ := st.MediaCount(context.Background())

	// Not an image: refused by the cover field, with the text kept and nothing written.
	res, body := b.saveMultipart(t, "/admin/news/new", editorForm("publish", "0", "body_en", "Keep me."), map[string][]byte{"cover": []byte("GIF? no, just text")})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "This is not a JPEG, PNG or GIF image.") || !strings.Contains(body, "Keep me.") {
		t.Fatalf("text as a cover: %d", res.StatusCode)
	}
	if after, _ := st.MediaCount(context.Background()); after != before {
		t.Fatal("a refused upload wrote media")
	}
	if _, list := b.get(t, "/admin/news?q=back+office"); strings.Contains(list, "/admin/news/1\"") {
		t.Fatal("a refused upload saved the article")
	}

	res, body = b.saveMultipart(t, "/admin/news/new", editorForm("publish", "0", "title_en", "With a cover"),
		map[string][]byte{"cover": testPNG(t, 1600, 900), "image": testPNG(t, 900, 600)})
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `data-testid="inserted"`) {
		t.Fatalf("cover and inline image: %d", res.StatusCode)
	}
	line := regexp.MustCompile(`!\[\]\((/media/[0-9a-f]{64}\.[a-z]+)\)`).FindStringSubmatch(body)
	if line == nil {
		t.Fatal("no Markdown line for the inline image")
	}
	if r := site.get(t, line[1]); r.StatusCode != http.StatusOK {
		t.Errorf("inline image %s: %d", line[1], r.StatusCode)
	}
	d := site.doc(t, "/en/news/", http.StatusOK)
	item := d.Find(".news-item").FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), "With a cover") })
	if src, _ := item.Find("img.news-thumb").Attr("src"); !strings.HasPrefix(src, "/media/") {
		t.Errorf("the list shows no thumbnail for the new cover: %q", src)
	}
}

func TestEditorChangesAContentPage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	var id int64
	var version string
	if err := site.pool.QueryRow(context.Background(), "SELECT id, version::text FROM pages WHERE path = '/services/dining'").Scan(&id, &version); err != nil {
		t.Fatal(err)
	}
	edit := fmt.Sprintf("/admin/pages/%d", id)
	bad := url.Values{"published": {"on"}, "title_zh": {""}, "body_zh": {"有正文没标题"}, "title_en": {"Dining"}, "version": {version}}
	if res := b.post(t, edit, bad); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("text without a title: %d", res.StatusCode)
	}
	good := url.Values{"published": {"on"}, "title_zh": {"周边美食 <script>x</script>"}, "body_zh": {"## 老边饺子\n\n<img src=x onerror=alert(1)>"},
		"title_en": {"Dining nearby"}, "body_en": {"Dumplings."}, "version": {version}}
	if res := b.post(t, edit, good); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	res := site.get(t, "/zh/services/dining")
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), "老边饺子") || strings.Contains(string(body), "<script>x") || strings.Contains(string(body), "onerror") {
		t.Error("the public page does not show the edit, or shows it unescaped")
	}
	// Unpublished: the page says "coming soon" again.
	saved, _ := strconv.Atoi(version)
	if res := b.post(t, edit, url.Values{"title_zh": {"周边美食"}, "title_en": {"Dining nearby"}, "version": {strconv.Itoa(saved + 1)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("unpublish: %d", res.StatusCode)
	}
	if d := site.doc(t, "/en/services/dining", http.StatusOK); d.Find(`[data-testid=coming-soon]`).Length() != 1 {
		t.Error("an unpublished page still shows its content")
	}
}

func TestDashboardListsDraftsAndScheduled(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	b.save(t, "/admin/news/new", editorForm("draft", "0", "title_en", "A draft in waiting", "title_zh", "等待中的草稿"))
	b.save(t, "/admin/news/new", editorForm("schedule", "0", "released_at", "2026-12-01T09:00", "title_zh", "十二月的新闻"))
	_, body := b.get(t, "/admin/")
	for _, want := range []string{"等待中的草稿", "十二月的新闻", `data-testid="drafts">1<`, `data-testid="scheduled">1<`} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
}
