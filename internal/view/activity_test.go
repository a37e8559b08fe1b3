package view

import (
	"testing"

	"github.com/expoportal/portal/internal/i18n"
)

// TestAuditLinesReadInTheReadersLanguage: stored values and the summaries'
// words are translated when shown; typed titles, references and actions
// no catalog knows stay as stored.
func TestAuditLinesReadInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	zh, _ := cat.Lookup("zh")
	en, _ := cat.Lookup("en")
	a, e := &Admin{Printer: cat.Printer(zh)}, &Admin{Printer: cat.Printer(en)}
	for _, c := range []struct {
		got, want string
	}{
		{a.AuditAction("application.status"), "展位申请状态变更"},
		{e.AuditAction("application.status"), "Booth application moved"},
		{a.AuditAction("hall.rename"), "hall.rename"}, // not in the catalog (yet): as stored
		{a.AuditSubject("article 12"), "新闻 12"},
		{a.AuditSubject("old address /news/1.html"), "旧网址 /news/1.html"},
		{a.AuditSubject("EXPO-2027-0001 Acme"), "EXPO-2027-0001 Acme"},
		{a.AuditSummary("new -> withdrawn"), "新申请 -> 已撤回"},
		{e.AuditSummary("new -> withdrawn"), "New -> Withdrawn"},
		{a.AuditSummary("new: draft, expo"), "新建： 草稿, 展会新闻"},
		{a.AuditSummary(`status draft -> published; en title "A draft plan" -> "New"`), `状态 草稿 -> 已发布; en 标题 "A draft plan" -> "New"`},
		{a.AuditSummary("no change"), "没有改动"},
		{a.AuditSummary("role editor -> admin"), "角色 编辑 -> 管理员"},
		{a.AuditSummary("100%"), "100%"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
