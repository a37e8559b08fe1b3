package i18n

// singular is a message's form for a count of one, in a language that has
// one (English: "1 article", not "1 articles"; Chinese needs none). arg is
// the count's argument, 1-based; the count may be text ("1", as Number
// writes it).
type singular struct {
	lang string
	arg  int
	text string
}

// singulars, by message key. New refuses one without its message.
var singulars = map[string]singular{
	"admin.news.count":                {"en", 1, "%[1]s article"},
	"admin.revisions":                 {"en", 1, "%[1]s revision"},
	"registrations.admin.count":       {"en", 1, "%[1]s visitor"},
	"registrations.admin.export_all":  {"en", 1, "Export this %[1]s visitor as CSV"},
	"exhibitors.import.confirm":       {"en", 1, "Import %[1]s row"},
	"exhibitors.import.summary":       {"en", 3, "“%[1]s” (%[2]s) has %[3]s row: %[4]s new, %[5]s to update, %[6]s with errors that will be skipped."},
	"hallmap.count":                   {"en", 1, "%[1]s booth in this hall, %[2]s available."},
	"launch.lead":                     {"en", 1, "%[1]s thing on the site is still the demo's: settle it before the site goes public."},
	"launch.check.pages":              {"en", 1, "%[1]s content page still holds the sample text."},
	"launch.check.articles":           {"en", 1, "%[1]s sample news article is still there."},
	"launch.check.exhibitors":         {"en", 1, "%[1]s sample exhibitor is still in the directory."},
	"launch.check.schedule_events":    {"en", 1, "%[1]s sample schedule event is still there."},
	"launch.check.charge_items":       {"en", 1, "%[1]s sample price line is still there."},
	"launch.check.booth_applications": {"en", 1, "%[1]s sample booth application still holds a booth."},
	"launch.check.registrations":      {"en", 1, "%[1]s sample visitor is still registered."},
	"search.more":                     {"en", 1, "The %[1]s result in %[2]s"},
	"register.group.created":          {"en", 1, "%[1]s person, one e-ticket. Keep this page's address: it shows and prints the ticket."},
	"register.group.print_hint":       {"en", 1, "%[1]s ticket. Your browser's Print command puts it on its own A4 page."},
}

func init() {
	addMessages(map[string]map[string]string{
		// The back office's news list (issue 18).
		"admin.news.count": {"zh": "共 %[1]s 篇文章", "en": "%[1]s articles"},
		// The audit log's words, put in the reader's language when shown
		// (view.AuditAction, AuditSubject, AuditSummary).
		"audit.action.login":                      {"zh": "登录", "en": "Signed in"},
		"audit.action.logout":                     {"zh": "退出登录", "en": "Signed out"},
		"audit.action.user.add":                   {"zh": "添加账户", "en": "Account added"},
		"audit.action.user.role":                  {"zh": "更改角色", "en": "Role changed"},
		"audit.action.user.disabled":              {"zh": "停用或启用账户", "en": "Account disabled or enabled"},
		"audit.action.user.passwd":                {"zh": "重设密码", "en": "Password reset"},
		"audit.action.settings.update":            {"zh": "修改网站设置", "en": "Site settings changed"},
		"audit.action.page.update":                {"zh": "修改栏目页面", "en": "Page edited"},
		"audit.action.article.create.draft":       {"zh": "新建新闻草稿", "en": "Article drafted"},
		"audit.action.article.create.schedule":    {"zh": "新建并定时发布新闻", "en": "Article written and scheduled"},
		"audit.action.article.create.publish":     {"zh": "新建并发布新闻", "en": "Article written and published"},
		"audit.action.article.create.unpublish":   {"zh": "新建新闻（未发布）", "en": "Article written, not published"},
		"audit.action.article.update.draft":       {"zh": "保存新闻草稿", "en": "Article saved as a draft"},
		"audit.action.article.update.schedule":    {"zh": "定时发布新闻", "en": "Article scheduled"},
		"audit.action.article.update.publish":     {"zh": "发布新闻", "en": "Article published"},
		"audit.action.article.update.unpublish":   {"zh": "撤回新闻", "en": "Article unpublished"},
		"audit.action.article.trash":              {"zh": "新闻移入回收站", "en": "Article moved to the trash"},
		"audit.action.article.restore_from_trash": {"zh": "从回收站恢复新闻", "en": "Article restored from the trash"},
		"audit.action.application.status":         {"zh": "展位申请状态变更", "en": "Booth application moved"},
		"audit.action.application.note":           {"zh": "展位申请备注", "en": "Booth application note"},
		"audit.action.booth.create":               {"zh": "新增展位", "en": "Booth added"},
		"audit.action.booth.update":               {"zh": "修改展位", "en": "Booth edited"},
		"audit.action.booth.delete":               {"zh": "删除展位", "en": "Booth deleted"},
		"audit.action.charge.create":              {"zh": "新增收费项目", "en": "Price line added"},
		"audit.action.charge.update":              {"zh": "修改收费项目", "en": "Price line edited"},
		"audit.action.charge.delete":              {"zh": "删除收费项目", "en": "Price line deleted"},
		"audit.action.exhibitor.create":           {"zh": "新增参展商", "en": "Exhibitor added"},
		"audit.action.exhibitor.update":           {"zh": "修改参展商", "en": "Exhibitor edited"},
		"audit.action.exhibitor.delete":           {"zh": "删除参展商", "en": "Exhibitor deleted"},
		"audit.action.exhibitor.import":           {"zh": "导入参展商", "en": "Exhibitors imported"},
		"audit.action.schedule.create":            {"zh": "新增日程", "en": "Event added"},
		"audit.action.schedule.update":            {"zh": "修改日程", "en": "Event edited"},
		"audit.action.schedule.delete":            {"zh": "删除日程", "en": "Event deleted"},
		"audit.action.legacy_url.edit":            {"zh": "修改旧网址转向", "en": "Old address redirected"},
		"audit.action.legacy_url.delete":          {"zh": "删除旧网址", "en": "Old address removed"},
		"audit.action.legacy.import_article":      {"zh": "从旧网站导入新闻", "en": "Article imported from the old site"},
		"audit.action.legacy.import_page":         {"zh": "从旧网站导入页面", "en": "Page imported from the old site"},
		"audit.subject.article":                   {"zh": "新闻 %[1]s", "en": "article %[1]s"},
		"audit.subject.exhibitor":                 {"zh": "参展商 %[1]s", "en": "exhibitor %[1]s"},
		"audit.subject.event":                     {"zh": "日程 %[1]s", "en": "event %[1]s"},
		"audit.subject.page":                      {"zh": "页面 %[1]s", "en": "page %[1]s"},
		"audit.subject.old_address":               {"zh": "旧网址 %[1]s", "en": "old address %[1]s"},
		"audit.word.new:":                         {"zh": "新建：", "en": "new:"},
		"audit.word.deleted:":                     {"zh": "已删除：", "en": "deleted:"},
		"audit.word.no_change":                    {"zh": "没有改动", "en": "no change"},
		"audit.word.status":                       {"zh": "状态", "en": "status"},
		"audit.word.category":                     {"zh": "栏目", "en": "category"},
		"audit.word.release":                      {"zh": "发布时间", "en": "release"},
		"audit.word.role":                         {"zh": "角色", "en": "role"},
		"audit.word.booth":                        {"zh": "展位", "en": "booth"},
		"audit.word.released":                     {"zh": "已释放", "en": "released"},
		"audit.word.title":                        {"zh": "标题", "en": "title"},
		"audit.word.text":                         {"zh": "正文", "en": "text"},
		"audit.word.edited":                       {"zh": "已修改", "en": "edited"},
		"audit.word.removed":                      {"zh": "已删除", "en": "removed"},
		"audit.word.reset":                        {"zh": "已重设", "en": "reset"},
		"audit.word.version":                      {"zh": "版本", "en": "version"},
		"audit.word.true":                         {"zh": "是", "en": "yes"},
		"audit.word.false":                        {"zh": "否", "en": "no"},
		// The hall map's hint where there is no pointer to hover with.
		"hallmap.caption_touch": {"zh": "轻触展位，这里会显示展位详情。", "en": "Tap a booth to see its details here."},
	})
}
