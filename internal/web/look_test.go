package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// lookForm is the home look editor's form as the page shows it: every
// input that is not a file or an unticked box, with its value.
func lookForm(t *testing.T, d *goquery.Document) url.Values {
	t.Helper()
	v := url.Values{}
	d.Find("form.look-editor input").Each(func(_ int, s *goquery.Selection) {
		name, typ := s.AttrOr("name", ""), s.AttrOr("type", "text")
		if name == "" || typ == "file" || typ == "checkbox" && s.AttrOr("checked", "x") == "x" {
			return
		}
		v.Set(name, s.AttrOr("value", ""))
	})
	if v.Get("version") == "" {
		t.Fatal("the look editor has no version")
	}
	return v
}

// An admin uploads a banner with a focal point, sets figures and adds a
// logo: the home page shows the banner from its renditions (srcset, sizes,
// its size, fetched first, cropped at the focal point), the figures and the
// logo in both languages. A file that is no image is refused by its field
// with everything typed kept and nothing written; so is a save based on an
// old version.
func TestHomeLookEditor(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	b := signIn(t, site, auth.RoleAdmin, "en")
	ctx := context.Background()
	st := store.New(site.pool)

	d := b.page(t, lookPath, http.StatusOK)
	f := lookForm(t, d)
	stale := lookForm(t, d)
	opened := f.Get("version")
	f.Set("focal_x", "20")
	f.Set("focal_y", "70")
	f.Set("banner_alt_en", "Stands along the main aisle")
	f.Set("banner_alt_zh", "主通道两侧的展位")
	f.Set("fig0_value", "1500")
	f.Set("fig0_suffix", "+")
	f.Set("fig0_label_zh", "参展商")
	f.Set("fig0_label_en", "Exhibiting firms")
	f.Set("fig0_order", "1")
	rows := len(d.Find(`[data-testid="logo-row"]`).Nodes)
	last := rows - 1
	f.Set("logo"+strconv.Itoa(last)+"_name", "Shenyang Test Partner")
	f.Set("logo"+strconv.Itoa(last)+"_link", "/en/about/overview")
	f.Set("logo"+strconv.Itoa(last)+"_order", "0") // first in the strip

	// First a file that is no image: refused, nothing written, all kept.
	before, _ := st.MediaCount(ctx)
	status, body, err := upload(b.Client, site.URL+lookPath, f, map[string][]byte{"banner": []byte("GIF? no, a text file\n")})
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a text file as the banner: %d, want 422", status)
	}
	bad := parse(t, body)
	if msg := bad.Find("#banner-err").Text(); !strings.Contains(msg, "not a JPEG, PNG or GIF") {
		t.Errorf("banner error %q", msg)
	}
	if got := bad.Find("#fig0_label_en").AttrOr("value", ""); got != "Exhibiting firms" {
		t.Errorf("typed label lost: %q", got)
	}
	if got := bad.Find("#banner_alt_zh").AttrOr("value", ""); got != "主通道两侧的展位" {
		t.Errorf("typed alt text lost: %q", got)
	}
	if after, _ := st.MediaCount(ctx); after != before {
		t.Errorf("a refused upload stored %d files", after-before)
	}
	if e, _ := st.HomeLookForEdit(ctx); strconv.Itoa(e.Version) != opened {
		t.Errorf("a refused post saved the look (version %d, opened at %s)", e.Version, opened)
	}

	// Now real images.
	status, body, err = upload(b.Client, site.URL+lookPath, f, map[string][]byte{
		"banner": testPNG(t, 1800, 1000), "logo" + strconv.Itoa(last) + "_file": testPNG(t, 300, 100)})
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", status, body)
	}

	en := site.doc(t, "/en/", http.StatusOK)
	img := en.Find(`img[data-testid="banner"]`)
	srcset, sizes := img.AttrOr("srcset", ""), img.AttrOr("sizes", "")
	for _, want := range []string{" 480w", " 800w", " 1200w", " 1600w", " 1800w"} {
		if !strings.Contains(srcset, want) {
			t.Errorf("srcset %q lacks %q", srcset, want)
		}
	}
	if !strings.Contains(sizes, "vw") || img.AttrOr("fetchpriority", "") != "high" {
		t.Errorf("banner sizes %q, fetchpriority %q", sizes, img.AttrOr("fetchpriority", ""))
	}
	if img.AttrOr("width", "") != "1200" || img.AttrOr("height", "") != "667" || !strings.HasPrefix(img.AttrOr("src", ""), "/media/") {
		t.Errorf("banner src %q %sx%s, want the 1200-pixel rendition with its size", img.AttrOr("src", ""), img.AttrOr("width", ""), img.AttrOr("height", ""))
	}
	if img.AttrOr("alt", "") != "Stands along the main aisle" {
		t.Errorf("banner alt %q", img.AttrOr("alt", ""))
	}
	class := img.AttrOr("class", "")
	if !strings.Contains(class, "fx-20") || !strings.Contains(class, "fy-70") {
		t.Errorf("banner class %q lacks the focal point", class)
	}
	// The classes place the crop by object-position, in the stylesheet.
	res := site.get(t, en.Find(`link[rel="stylesheet"]`).AttrOr("href", ""))
	css, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{".fx-20{--fx:20%}", ".fy-70{--fy:70%}", "object-position: var(--fx, 50%) var(--fy, 50%)"} {
		if !strings.Contains(string(css), want) {
			t.Errorf("site.css lacks %q", want)
		}
	}
	// The banner's renditions are served.
	for _, part := range strings.Split(srcset, ", ") {
		u, _, _ := strings.Cut(part, " ")
		if r := site.get(t, u); r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "image/jpeg" {
			t.Errorf("%s: %d %s", u, r.StatusCode, r.Header.Get("Content-Type"))
		}
	}

	zh := site.doc(t, "/zh/", http.StatusOK)
	for lang, want := range map[string][]string{"en": {"1,500+", "Exhibiting firms"}, "zh": {"1,500+", "参展商"}} {
		doc := en
		if lang == "zh" {
			doc = zh
		}
		first := doc.Find(`[data-testid="figures"] li`).First().Text()
		for _, w := range want {
			if !strings.Contains(first, w) {
				t.Errorf("%s: first figure %q lacks %q", lang, first, w)
			}
		}
		logo := doc.Find(`[data-testid="partners"] li`).First()
		if logo.Find("img").AttrOr("alt", "") != "Shenyang Test Partner" || logo.Find("a").AttrOr("href", "") != "/en/about/overview" {
			h, _ := goquery.OuterHtml(logo)
			t.Errorf("%s: first logo %s", lang, h)
		}
	}
	if zh.Find(`img[data-testid="banner"]`).AttrOr("alt", "") != "主通道两侧的展位" {
		t.Errorf("zh banner alt %q", zh.Find(`img[data-testid="banner"]`).AttrOr("alt", ""))
	}

	// The form opened before that save is refused, with what is saved now.
	status, body, err = upload(b.Client, site.URL+lookPath, stale, nil)
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusConflict || !strings.Contains(parse(t, body).Find("#fig0_label_en").Parent().Find(".field-stored").Text(), "Exhibiting firms") {
		t.Errorf("a save based on an old version: %d, want 409 showing what is saved now", status)
	}

	// Removing the banner brings back the blue hero.
	f = lookForm(t, b.page(t, lookPath, http.StatusOK))
	f.Set("banner_remove", "1")
	if status, body, _ := upload(b.Client, site.URL+lookPath, f, nil); status != http.StatusSeeOther {
		t.Fatalf("remove the banner: %d\n%s", status, body)
	}
	if n := len(site.doc(t, "/en/", http.StatusOK).Find(`img[data-testid="banner"], .hero-photo`).Nodes); n != 0 {
		t.Errorf("the banner is still shown after its removal")
	}
}

// Only editors' and admins' own uploads show in a body: an image from
// /media/ renders (lazily), one from another host does not.
func TestBodyImagesOnlyFromOurMedia(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := context.Background()
	var hash string
	if err := site.pool.QueryRow(ctx, "SELECT hash FROM media WHERE content_type = 'image/jpeg' LIMIT 1").Scan(&hash); err != nil {
		t.Fatal(err)
	}
	body := "Our hall:\n\n![The hall](/media/" + hash + ".jpg)\n\nTheirs: ![tracker](https://tracker.example.net/pixel.gif)\n"
	if _, err := site.pool.Exec(ctx, `UPDATE page_translations SET body = $1
		WHERE lang = 'en' AND page_id = (SELECT id FROM pages WHERE path = '/about/overview')`, body); err != nil {
		t.Fatal(err)
	}
	site.srv.dropCaches()
	d := site.doc(t, "/en/about/overview", http.StatusOK)
	imgs := d.Find(".prose img")
	if imgs.Length() != 1 || imgs.AttrOr("src", "") != "/media/"+hash+".jpg" || imgs.AttrOr("loading", "") != "lazy" || imgs.AttrOr("alt", "") != "The hall" {
		t.Errorf("body images: %d, src %q loading %q", imgs.Length(), imgs.AttrOr("src", ""), imgs.AttrOr("loading", ""))
	}
	if html, _ := d.Html(); strings.Contains(html, "tracker.example.net") {
		t.Error("an image from another host is in the page")
	}
}

// portal demo --remove takes the demo's banner, figures, logos and QR
// code, and the home page goes back to its blue hero.
func TestDemoRemoveTakesTheHomeLook(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := context.Background()
	st := store.New(site.pool)
	e, err := st.HomeLookForEdit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e.BannerID == nil || e.WeChatID == nil || len(e.Figures) == 0 || len(e.Logos) == 0 || !e.BannerDemo {
		t.Fatalf("the demo set no look: %+v", e)
	}
	if _, err := st.RemoveDemo(ctx); err != nil {
		t.Fatal(err)
	}
	e, err = st.HomeLookForEdit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e.BannerID != nil || e.WeChatID != nil || len(e.Figures) != 0 || len(e.Logos) != 0 {
		t.Errorf("left after demo --remove: %+v", e)
	}
	var images int
	site.pool.QueryRow(ctx, "SELECT count(*) FROM media").Scan(&images)
	if images != 0 {
		t.Errorf("%d demo images left", images)
	}
	site.srv.dropCaches()
	d := site.doc(t, "/en/", http.StatusOK)
	if d.Find(`.hero-photo, [data-testid="figures"], [data-testid="partners"], [data-testid="wechat"]`).Length() != 0 {
		t.Error("the home page still shows the demo's look")
	}
}

// The page editor takes an image for the body like the news editor: saved
// with the page, then the line to copy into the text is shown.
func TestPageEditorInsertsAnUploadedImage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	b := signIn(t, site, auth.RoleEditor, "en")
	var id int64
	if err := site.pool.QueryRow(context.Background(), "SELECT id FROM pages WHERE path = '/about/overview'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	path := "/admin/pages/" + strconv.FormatInt(id, 10)
	f := url.Values{}
	b.page(t, path, http.StatusOK).Find("form.editor input, form.editor textarea").Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		if name == "" || s.AttrOr("type", "") == "file" || s.AttrOr("type", "") == "checkbox" && s.AttrOr("checked", "x") == "x" {
			return
		}
		if goquery.NodeName(s) == "textarea" {
			f.Set(name, s.Text())
		} else {
			f.Set(name, s.AttrOr("value", ""))
		}
	})
	// Not an image: refused by its field, the text kept.
	f.Set("body_en", "Kept body text.")
	status, body, err := upload(b.Client, site.URL+path, f, map[string][]byte{"image": []byte("plain text")})
	if err != nil {
		t.Fatal(err)
	}
	if d := parse(t, body); status != http.StatusUnprocessableEntity || !strings.Contains(d.Find("#image-err").Text(), "not a JPEG") ||
		!strings.Contains(d.Find("#body_en").Text(), "Kept body text.") {
		t.Fatalf("a text file as a body image: %d, error %q", status, d.Find("#image-err").Text())
	}
	status, _, err = upload(b.Client, site.URL+path, f, map[string][]byte{"image": testPNG(t, 640, 360)})
	if err != nil || status != http.StatusSeeOther {
		t.Fatalf("save with an image: %d %v", status, err)
	}
	line := b.page(t, path+"?saved=1&image=", http.StatusOK) // no image named: no line
	if line.Find(`[data-testid="inserted"]`).Length() != 0 {
		t.Error("a line shown for no image")
	}
	var hash string
	site.pool.QueryRow(context.Background(), "SELECT hash FROM media WHERE rendition = 'article' ORDER BY id DESC LIMIT 1").Scan(&hash)
	got := b.page(t, path+"?saved=1&image="+hash+".jpg", http.StatusOK).Find(`[data-testid="inserted"] code`).Text()
	if got != "![](/media/"+hash+".jpg)" {
		t.Errorf("inserted line %q", got)
	}
}
