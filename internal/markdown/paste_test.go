package markdown

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// pressRelease is shaped like what staff paste from Word or WeChat: one
// paragraph a line, full-width indentation, numbered headings, a list.
const pressRelease = "　　2027年4月16日至18日，第二十二届辽宁教育装备展示会将在沈阳国际展览中心举行。\n" +
	"　　本届展会展览面积3万平方米，设标准展位1200个。\n" +
	"一、展区规划\n" +
	"　　展会设智慧教育、实验室装备、体育美育三大展区。\n" +
	"（一）智慧教育展区\n" +
	"\u00a0\u00a0重点展示智慧课堂与教育信息化解决方案。\n" +
	"二、参观指南\n" +
	"- 观众可在线预登记\n" +
	"- 凭电子门票入场\n" +
	"\n" +
	"Plain Markdown keeps working:\n" +
	"\n" +
	"```\n　　code keeps its indent\nline two\n```\n"

func TestPastedPressReleaseKeepsParagraphsAndHeadings(t *testing.T) {
	html, err := New().HTML(pressRelease)
	if err != nil {
		t.Fatal(err)
	}
	d, err := goquery.NewDocumentFromReader(strings.NewReader(string(html)))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	d.Find("body > p").Each(func(_ int, s *goquery.Selection) { paras = append(paras, s.Text()) })
	want := []string{
		"2027年4月16日至18日，第二十二届辽宁教育装备展示会将在沈阳国际展览中心举行。",
		"本届展会展览面积3万平方米，设标准展位1200个。",
		"展会设智慧教育、实验室装备、体育美育三大展区。",
		"重点展示智慧课堂与教育信息化解决方案。",
		"Plain Markdown keeps working:",
	}
	if strings.Join(paras, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs:\n got %q\nwant %q", paras, want)
	}
	if h := d.Find("h2"); h.Length() != 2 || h.First().Text() != "一、展区规划" || h.Last().Text() != "二、参观指南" {
		t.Errorf("level-2 headings: %d %q", h.Length(), h.Text())
	}
	if h := d.Find("h3"); h.Text() != "（一）智慧教育展区" {
		t.Errorf("level-3 heading %q", h.Text())
	}
	if n := d.Find("ul li").Length(); n != 2 {
		t.Errorf("%d list items, want 2", n)
	}
	if code := d.Find("pre code").Text(); code != "　　code keeps its indent\nline two\n" {
		t.Errorf("fenced code changed: %q", code)
	}
}

// A sentence that starts with a number is a paragraph, not a heading.
func TestNumberedSentenceIsNotAHeading(t *testing.T) {
	html, _ := New().HTML("一、本届展会共有来自全国各地的一千二百家企业参展，较上届增长百分之二十，创历史新高。")
	if strings.Contains(string(html), "<h2") {
		t.Errorf("a long sentence became a heading: %s", html)
	}
}
