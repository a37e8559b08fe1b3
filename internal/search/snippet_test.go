package search

import (
	"regexp"
	"strings"
	"testing"
)

func TestSnippetMarksEveryMatchAroundTheFirst(t *testing.T) {
	text := PlainText("## 展会概况\n\n第二十二届[辽宁教育装备展示会](/zh/)将在沈阳举行，教育装备企业云集。")
	parts := Snippet(text, []string{"教育装备"}, 56)
	var marked, all string
	for _, p := range parts {
		all += p.Text
		if p.Mark {
			marked += p.Text + "|"
		}
	}
	if marked != "教育装备|教育装备|" {
		t.Errorf("marked %q in %q", marked, all)
	}
	if all[:3] != "…" || len([]rune(all)) > 30 {
		t.Errorf("snippet %q: not cut around the first match", all)
	}
}

// PlainText gives what the two regular expressions it replaced gave.
func TestPlainTextAsTheLinkPatternDid(t *testing.T) {
	link := regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mark := regexp.MustCompile("[#*_>`|~]+")
	reference := func(md string) string {
		md = mark.ReplaceAllString(link.ReplaceAllString(md, "$1"), "")
		return strings.Join(strings.Fields(md), " ")
	}
	for _, md := range []string{
		"## 展会概况\n\n第二十二届[辽宁教育装备展示会](/zh/)将在**沈阳**举行。",
		"![展馆](/media/a.jpg) and [a *b*](x) [no target] [x [y](z) [open(",
		"![alt]no(link) !![x](y) [](empty) [x](unclosed", "> quote\n- item `code` ~~gone~~ | cell |", "", "[", "!", "![",
		"a]b(c)d[e]f(g)h", "[x](a(b)c)", "多行\n[链接\n文字](u)\n", "\u3000\u3000全角缩进",
	} {
		if got, want := PlainText(md), reference(md); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", md, got, want)
		}
	}
}
