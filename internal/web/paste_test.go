package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
)

// A press release pasted the usual way (a paragraph a line, full-width
// indents, numbered headings) is published with its paragraphs and
// headings, and the preview shows the same body.
func TestPastedPressReleaseIsPublishedAsWritten(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	body := "　　第二十二届辽宁教育装备展示会将于2027年4月16日开幕。\n" +
		"　　本届展会设标准展位1200个。\n" +
		"一、展区规划\n" +
		"　　展会设智慧教育、实验室装备两大展区。\n" +
		"二、参观指南\n" +
		"　　观众可在线预登记。\n"
	shape := func(s *goquery.Selection) string {
		var parts []string
		s.Children().Each(func(_ int, c *goquery.Selection) { parts = append(parts, goquery.NodeName(c)+":"+c.Text()) })
		return strings.Join(parts, "|")
	}
	want := "p:第二十二届辽宁教育装备展示会将于2027年4月16日开幕。|p:本届展会设标准展位1200个。|h2:一、展区规划|" +
		"p:展会设智慧教育、实验室装备两大展区。|h2:二、参观指南|p:观众可在线预登记。"

	res, page := b.save(t, "/admin/news/new", editorForm("preview", "0", "body_zh", body))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("preview: %d", res.StatusCode)
	}
	pd, _ := goquery.NewDocumentFromReader(strings.NewReader(page))
	if got := shape(pd.Find(`[data-testid=preview-zh] .prose`)); got != want {
		t.Errorf("the preview shows\n %s\nwant\n %s", got, want)
	}
	res, _ = b.save(t, "/admin/news/new", editorForm("publish", "0", "body_zh", body))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d", res.StatusCode)
	}
	id := strings.TrimPrefix(strings.TrimSuffix(res.Header.Get("Location"), "?saved=1"), "/admin/news/")
	r := site.get(t, "/zh/news/"+id)
	if r.StatusCode == http.StatusMovedPermanently {
		r.Body.Close()
		r = site.get(t, r.Header.Get("Location"))
	}
	d, _ := goquery.NewDocumentFromReader(r.Body)
	r.Body.Close()
	if got := shape(d.Find(".prose").First()); got != want {
		t.Errorf("the article shows\n %s\nwant\n %s", got, want)
	}
}
