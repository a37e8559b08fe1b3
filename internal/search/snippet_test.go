package search

import "testing"

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
