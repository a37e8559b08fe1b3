package markdown

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
)

// FuzzHTML checks that whatever staff write comes out inert: valid UTF-8,
// no script or other active element, no event attribute, and no link or
// image whose URL has a scheme other than http, https and mailto (so no
// javascript:, vbscript: or data:), however the scheme is spelled.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"## 展会概况\n\n**第二十二届** [报名](/zh/exhibit/apply)\n\n- a\n- b\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
		"~~old~~ https://example.org www.example.org mail@example.org", "```js\nalert(1)\n```", "![展馆](/media/abc.jpg \"t\")",
		"<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](java\tscript:alert(1))",
		"[x](&#106;avascript:alert(1))", "[x](javascript&#58;alert(1))", "[x](%6Aavascript:alert(1))", "[x](\x00javascript:alert(1))",
		"[x]( javascript:alert(1))", "<javascript:alert(1)>", "[x][r]\n\n[r]: javascript:alert(1)", "![x](data:image/svg+xml;base64,PHN2Zz4=)",
		"[x](vbscript:msgbox(1))", "<a href=\"javascript:alert(1)\">x</a>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
		"<p onclick=\"alert(1)\">x</p>", "<iframe src=//evil.example>", "<style>*{}</style>", "<!-- <script> -->", "<![CDATA[<script>]]>",
		"`<script>`", "<scr<script>ipt>", "[<img src=x onerror=alert(1)>](https://x)", "``` onload=alert(1)\nx\n```",
		"\x00", "\xff\xfe", "a\x00<script>", "\uFEFF# 标题", "\r\n\r\n", "x\xc0\xafy", "*" + strings.Repeat("[", 200),
	} {
		f.Add(s)
	}
	r := New()
	active := []string{"script", "style", "iframe", "frame", "object", "embed", "applet", "form", "input", "button",
		"textarea", "select", "svg", "math", "base", "link", "meta", "template", "noscript"}
	urlAttrs := []string{"href", "src", "srcset", "cite", "action", "formaction", "poster", "background", "xlink:href", "data", "longdesc"}
	f.Fuzz(func(t *testing.T, src string) {
		got, err := r.HTML(src)
		if err != nil {
			t.Fatalf("HTML(%q): %v", src, err)
		}
		out := string(got)
		if !utf8.ValidString(out) {
			t.Fatalf("HTML(%q) = %q: not UTF-8", src, out)
		}
		if strings.Contains(strings.ToLower(out), "<script") {
			t.Fatalf("HTML(%q) = %q: a script tag", src, out)
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		doc.Find("body *").Each(func(_ int, s *goquery.Selection) {
			n := s.Nodes[0]
			if slices.Contains(active, strings.ToLower(n.Data)) {
				t.Fatalf("HTML(%q) = %q: a <%s> element", src, out, n.Data)
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") || key == "style" {
					t.Fatalf("HTML(%q) = %q: attribute %s", src, out, a.Key)
				}
				if slices.Contains(urlAttrs, key) {
					if scheme := urlScheme(a.Val); scheme != "" && scheme != "http" && scheme != "https" && scheme != "mailto" {
						t.Fatalf("HTML(%q) = %q: %s URL %q", src, out, a.Key, a.Val)
					}
				}
			}
			if n.Data == "a" && s.AttrOr("href", "") != "" && !strings.Contains(s.AttrOr("rel", ""), "noreferrer") {
				t.Fatalf("HTML(%q) = %q: a link without noreferrer", src, out)
			}
		})
		if again, _ := r.HTML(src); again != got {
			t.Fatalf("HTML(%q) gives %q and then %q", src, got, again)
		}
	})
}

// urlScheme is the scheme a browser would see in an attribute's URL: it
// drops leading controls and spaces and any tab or line break, and ignores
// case.
func urlScheme(v string) string {
	v = strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	v = strings.ToLower(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v))
	if i := strings.IndexAny(v, ":/?#"); i > 0 && v[i] == ':' {
		return v[:i]
	}
	return ""
}
