package legacy

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/expoportal/portal/internal/store"
)

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mojibake is what a GBK page becomes read as Latin-1 (or Windows-1252)
// and saved again as UTF-8.
func mojibake(t *testing.T, s string, cm *charmap.Charmap) string {
	t.Helper()
	b, err := cm.NewDecoder().Bytes(gbk(t, s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDecodeGB18030FourByteCharacters(t *testing.T) {
	// 𠮷 (U+20BB7) and 㐀 (U+3400) are not in GBK: GB18030 writes them in
	// four bytes, and a GBK decoder would fail on them.
	page := `<html><head><meta charset="gb2312"><title>𠮷野家与㐀字-旧站</title></head><body><h1>𠮷野家与㐀字</h1></body></html>`
	raw, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != EncGB18030 || d.Text != page || d.Declared != "gb2312" {
		t.Fatalf("decoded as %s (declared %q): %q", d.Encoding, d.Declared, d.Text)
	}
}

func TestDecodeBOMWinsOverTheMeta(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>展会概况</title></head><body>中文</body></html>`
	d, err := Decode(append([]byte{0xEF, 0xBB, 0xBF}, page...))
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != EncUTF8BOM || d.Text != page {
		t.Fatalf("decoded as %s: %q", d.Encoding, d.Text)
	}
}

func TestDecodeWrongDeclaredCharset(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>行业新闻</title></head><body>全省中小学数字校园建设推进会</body></html>`
	d, err := Decode(gbk(t, page))
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != EncGBK || d.Text != page {
		t.Fatalf("decoded as %s: %q", d.Encoding, d.Text)
	}
}

func TestDecodeRefusesTruncatedAndUndecodable(t *testing.T) {
	raw := gbk(t, "<html><body><p>展位预订")
	if _, err := Decode(raw[:len(raw)-1]); err != ErrTruncated {
		t.Errorf("cut inside a character: %v, want %v", err, ErrTruncated)
	}
	if _, err := Decode([]byte("<html><body>\x80\xff\x80\xff</body></html>")); err != ErrUndecodable {
		t.Errorf("garbage: %v, want %v", err, ErrUndecodable)
	}
}

func TestRepairMojibake(t *testing.T) {
	const zh = "发布时间：2024-03-01　来源：辽宁省教育厅　浏览次数：644"
	for _, cm := range []*charmap.Charmap{charmap.ISO8859_1, charmap.Windows1252} {
		got, n := RepairMojibake(mojibake(t, zh, cm))
		if got != zh || n == 0 {
			t.Errorf("%s: %q (%d repaired), want %q", cm, got, n, zh)
		}
	}
	// GBK's extra characters (trail bytes in ASCII or 0x80-0x9F, where a
	// Windows-1252 read makes curly quotes and the like) come back too
	// next to common ones.
	const ext = "朱镕基与喆、堃同行"
	for _, cm := range []*charmap.Charmap{charmap.ISO8859_1, charmap.Windows1252} {
		if got, _ := RepairMojibake(mojibake(t, ext, cm)); got != ext {
			t.Errorf("%s: %q, want %q", cm, got, ext)
		}
	}
	// No-break spaces between the characters (an &nbsp; run decoded before
	// the repair) neither stop it nor shift the pairs after them.
	nb := mojibake(t, "发布时间", charmap.ISO8859_1)
	in := nb[:len(nb)/2] + "\u00a0\u00a0\u00a0" + nb[len(nb)/2:] + "\u00a0£º2024"
	if got, _ := RepairMojibake(in); got != "发布\u00a0\u00a0\u00a0时间\u00a0：2024" {
		t.Errorf("with no-break spaces: %q", got)
	}
	// Mojibake inside real UTF-8 text (the English site's "£º").
	if got, _ := RepairMojibake("Release time£º2024.01.22 简体中文 ¼òÌåÖÐÎÄ"); got != "Release time：2024.01.22 简体中文 简体中文" {
		t.Errorf("mixed: %q", got)
	}
	// Text that only looks like it: left alone.
	for _, s := range []string{"Müller, café, déjà vu", "© 2024 Liaoning", "naïve façade", "Impl¡Last", "×÷ ±"} {
		if got, n := RepairMojibake(s); got != s || n != 0 {
			t.Errorf("%q became %q", s, got)
		}
	}
}

func TestOldURL(t *testing.T) {
	for rel, want := range map[string]string{
		"news/news_show.asp?id=1187":      "/news/news_show.asp?id=1187",
		"news/news_show.asp@id=1187":      "/news/news_show.asp?id=1187",
		"news/news_show.asp@id=1187.html": "/news/news_show.asp?id=1187",
		"about/index.html":                "/about/index.html",
		"mail/a@b.txt":                    "/mail/a@b.txt",
	} {
		p, q := OldURL(rel)
		if q != "" {
			p += "?" + q
		}
		if p != want {
			t.Errorf("OldURL(%q) = %q, want %q", rel, p, want)
		}
	}
}

func TestExtractTitleNeverCutAndMetaLine(t *testing.T) {
	long := strings.Repeat("很长的标题", 30)
	e, err := Extract(`<html><head><title>` + long + `-2024辽宁教育装备展</title></head><body>
		<div>您现在的位置：<a href="/">首页</a> &gt; <a>媒体报道</a></div>
		<div>发布日期：2024.1.5&nbsp;&nbsp;来源：辽宁日报&nbsp;&nbsp;点击：17</div>
		<div><p>　　第一段。</p><p>&nbsp;&nbsp;第二段<b>加粗</b>。</p></div>
		<div>上一篇：无</div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	if e.Title != long || e.Category != "media" || e.Date != "2024-01-05" || e.Source != "辽宁日报" || e.Visits != 17 {
		t.Fatalf("%+v", e)
	}
	if md := Markdown(e.Body, nil); md != "第一段。\n\n第二段**加粗**。" {
		t.Fatalf("body %q", md)
	}
}

func TestLegacyKeyIgnoresWhatTheOldServerIgnored(t *testing.T) {
	same := [][2]string{
		{"/news/news_show.asp", "id=1187"},
		{"/News/NEWS_SHOW.ASP", "ID=1187"},
		{"/news//news_show.asp", "id=1187&"},
		{"/news/news%5Fshow.asp", "id=%31187"},
	}
	want := store.LegacyKey(same[0][0], same[0][1])
	for _, c := range same {
		if got := store.LegacyKey(c[0], c[1]); got != want {
			t.Errorf("LegacyKey(%q, %q) = %q, want %q", c[0], c[1], got, want)
		}
	}
	if a, b := store.LegacyKey("/list.asp", "cid=2&page=3"), store.LegacyKey("/list.asp", "Page=3&CID=2"); a != b {
		t.Errorf("query order: %q != %q", a, b)
	}
	// Values are the old site's data: their case is kept, and another
	// value or another parameter is another address.
	for _, c := range [][2]string{{"/news/news_show.asp", "id=1188"}, {"/news/news_show.asp", "id=1187&page=2"}, {"/news/news_show.asp", ""}} {
		if store.LegacyKey(c[0], c[1]) == want {
			t.Errorf("%q?%q is taken for id=1187", c[0], c[1])
		}
	}
	if store.LegacyKey("/a.asp", "q=ABC") == store.LegacyKey("/a.asp", "q=abc") {
		t.Error("a value's case was folded")
	}
}
