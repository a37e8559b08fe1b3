package markdown

import (
	"strings"
	"testing"
)

func TestRendersMarkdown(t *testing.T) {
	got, err := New().HTML("## 展会概况\n\n**第二十二届** [报名](/zh/exhibit/apply)\n\n- a\n- b\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h2", "展会概况</h2>", "<strong>第二十二届</strong>", `href="/zh/exhibit/apply"`, "<li>a</li>"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("missing %q in %s", want, got)
		}
	}
}

func TestHostileInputComesOutInert(t *testing.T) {
	r := New()
	for _, src := range []string{
		"<script>alert(1)</script>",
		"hello <script>alert(1)</script> world",
		"[click](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"<a href=\"javascript:alert(1)\">x</a>",
		"<img src=x onerror=alert(1)>",
		"<p onclick=\"alert(1)\">x</p>",
		"![x](javascript:alert(1))",
		"<iframe src=\"https://evil.example\"></iframe>",
		"<svg onload=alert(1)>",
		"<style>body{display:none}</style>",
		"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
	} {
		got, err := r.HTML(src)
		if err != nil {
			t.Fatal(err)
		}
		low := strings.ToLower(string(got))
		for _, bad := range []string{"<script", "javascript:", "onerror", "onclick", "onload", "<iframe", "<style", "data:text/html", "<svg"} {
			if strings.Contains(low, bad) {
				t.Errorf("%q rendered as %q, which still holds %q", src, got, bad)
			}
		}
	}
}

// The sanitiser on its own: goldmark already escapes raw HTML, so this is
// the second line of defence, tested without the first.
func TestPolicyAlone(t *testing.T) {
	p := New().policy
	got := p.Sanitize(`<a href="javascript:alert(1)" onclick="x()">a</a><a href="https://example.org/">b</a><img src=x onerror=y()><script>z()</script><p style="position:fixed">c</p>`)
	for _, bad := range []string{"javascript:", "onclick", "onerror", "<script", "style="} {
		if strings.Contains(got, bad) {
			t.Errorf("policy kept %q: %s", bad, got)
		}
	}
	if !strings.Contains(got, `rel="nofollow noreferrer"`) {
		t.Errorf("outbound link without noreferrer: %s", got)
	}
}

// A body shows images from our own /media/ (lazily), never another host's:
// that one is left as its alt text.
func TestImagesOnlyFromOurMedia(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	got, err := New().HTML("![展馆](/media/" + hash + ".jpg)\n\n![spy](https://evil.example/x.jpg) and ![rel](/static/x.jpg) and ![](//evil.example/y.png)\n")
	if err != nil {
		t.Fatal(err)
	}
	html := string(got)
	if !strings.Contains(html, `<img src="/media/`+hash+`.jpg" alt="展馆" loading="lazy" decoding="async">`) {
		t.Errorf("our image is not shown lazily: %s", html)
	}
	for _, bad := range []string{"evil.example", "/static/x.jpg"} {
		if strings.Contains(html, bad) {
			t.Errorf("an image from elsewhere (%s) is shown: %s", bad, html)
		}
	}
	if strings.Count(html, "<img") != 1 || !strings.Contains(html, "spy") {
		t.Errorf("want one image and the other's alt text: %s", html)
	}
	// The sanitiser alone refuses another host's image too.
	if p := New().policy.Sanitize(`<img src="https://evil.example/x.jpg" loading="eager">`); strings.Contains(p, "evil") || strings.Contains(p, "eager") {
		t.Errorf("policy kept %s", p)
	}
}
