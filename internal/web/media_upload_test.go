package web

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
)

// decodeBomb is the upload of issue 14: a 311 KB PNG of 12000×3333 pixels,
// 16-bit RGBA, all zero, that decodes to 320 MB. Its rows are streamed
// into the compressor, so building it holds one row.
var decodeBomb = sync.OnceValue(func() []byte {
	const w, h = 12000, 3333
	row := make([]byte, 1+w*8) // filter byte, then four 16-bit samples a pixel
	var idat bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	for range h {
		zw.Write(row)
	}
	zw.Close()
	chunk := func(out []byte, typ string, data []byte) []byte {
		out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
		out = append(out, typ...)
		out = append(out, data...)
		return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h)
	ihdr = append(ihdr, 16, 6, 0, 0, 0) // 16 bits, RGBA, deflate, no filter, no interlace
	out := chunk([]byte("\x89PNG\r\n\x1a\n"), "IHDR", ihdr)
	out = chunk(out, "IDAT", idat.Bytes())
	return chunk(out, "IEND", nil)
})

const bombMessage = "This image is too big to process"

// upload posts a form with files and returns the status and page; safe to
// call from any goroutine.
func upload(c *http.Client, target string, f url.Values, files map[string][]byte) (int, string, error) {
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
	req, _ := http.NewRequest(http.MethodPost, target, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept-Language", "en")
	res, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, string(body), err
}

// An image whose pixels would not fit in memory comes back as an error by
// its field, with the rest of the form as typed, on every form that takes
// an image; several at once leave the site serving.
func TestDecodeBombUploadsAreFieldErrors(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027", "Accept-Language: en")
	c := *b.Client
	c.Timeout = 2 * time.Minute // the old code decoded each for a long time
	st := store.New(site.pool)
	ctx := context.Background()
	before, _ := st.MediaCount(ctx)
	bomb := decodeBomb()

	exhibitor := url.Values{"name_zh": {"沈阳新星教具有限公司"}, "name_en": {"Shenyang Xinxing Teaching Aids Co., Ltd."},
		"description_en": {"Teaching aids."}, "booth": {"1A99"}, "hall": {"1"}, "website": {"https://www.xinxing.example.cn"},
		"category": {"stem"}}
	forms := []struct {
		name, path, field string
		form              url.Values
		kept              func(*goquery.Document) string
	}{
		{"news cover", "/admin/news/new", "cover", editorForm("publish", "0", "body_en", "Keep me."),
			func(d *goquery.Document) string { return d.Find("#body_en").Text() }},
		{"news inline image", "/admin/news/new", "image", editorForm("draft", "0", "body_en", "Keep me."),
			func(d *goquery.Document) string { return d.Find("#body_en").Text() }},
		{"exhibitor logo", "/admin/exhibitors/new", "logo", exhibitor,
			func(d *goquery.Document) string { return d.Find("#name_en").AttrOr("value", "") }},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			start := time.Now()
			status, body, err := upload(&c, site.URL+f.path, f.form, map[string][]byte{f.field: bomb})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("answered in %v", time.Since(start))
			d := parse(t, body)
			if status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", status)
			}
			if msg := d.Find("#" + f.field + "-err").Text(); !strings.Contains(msg, bombMessage) {
				t.Errorf("field error %q, want %q", msg, bombMessage)
			}
			if want := f.form.Get("body_en") + f.form.Get("name_en"); !strings.Contains(f.kept(d), want) {
				t.Errorf("typed input lost: %q, want %q", f.kept(d), want)
			}
		})
	}

	// Four at once: each refused, and a public page answers meanwhile.
	var wg sync.WaitGroup
	statuses := make([]int, 4)
	bodies := make([]string, 4)
	errs := make([]error, 4)
	done := make(chan struct{})
	for i := range 4 {
		wg.Go(func() {
			statuses[i], bodies[i], errs[i] = upload(&c, site.URL+"/admin/news/new", editorForm("publish", "0"), map[string][]byte{"cover": bomb})
		})
	}
	go func() { wg.Wait(); close(done) }()
	pages := 0
	for {
		res := site.get(t, "/en/")
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("home page during the uploads: %d", res.StatusCode)
		}
		pages++
		select {
		case <-done:
		case <-time.After(50 * time.Millisecond):
			continue
		}
		break
	}
	for i := range 4 {
		if errs[i] != nil || statuses[i] != http.StatusUnprocessableEntity || !strings.Contains(bodies[i], bombMessage) {
			t.Errorf("upload %d of 4 at once: %d, %v", i, statuses[i], errs[i])
		}
	}
	t.Logf("the home page answered %d times during the uploads", pages)
	if after, _ := st.MediaCount(ctx); after != before {
		t.Errorf("refused uploads stored %d files", after-before)
	}
}

// Each way media refuses an image has its own message, in every language.
func TestImageErrorMessages(t *testing.T) {
	t.Parallel()
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: file is empty", media.ErrNotImage), "form.not_image"},
		{fmt.Errorf("%w: 20000 pixels a side", media.ErrTooLarge), "form.image_large"},
		{fmt.Errorf("%w: %w: needs 309 MB", media.ErrTooLarge, media.ErrMemoryBudget), "form.image_memory"},
		{fmt.Errorf("%w: %w", media.ErrBusy, context.DeadlineExceeded), "form.image_busy"},
		{fmt.Errorf("%w: truncated", media.ErrCorrupt), "form.image_corrupt"},
	}
	for _, tt := range tests {
		key := imageError(tt.err)
		if key != tt.want {
			t.Errorf("%v: key %q, want %q", tt.err, key, tt.want)
		}
		for _, l := range cat.Langs() {
			if msg := cat.Printer(l).T(key); msg == key || msg == "" {
				t.Errorf("%s: no %s message", key, l.Code)
			}
		}
	}
}
