package i18n

// The old site's addresses in the back office (portal import legacy).
func init() {
	addMessages(map[string]map[string]string{
		"legacy.admin.title":          {"zh": "旧网站地址", "en": "Old site addresses"},
		"legacy.admin.intro":          {"zh": "从旧网站导入的地址：访问者或搜索引擎打开旧地址时，会被永久重定向（301）到这里列出的新页面。", "en": "Addresses brought over from the old site: a visitor or search engine opening one is sent on for good (301) to the page listed here."},
		"legacy.admin.search":         {"zh": "查找地址", "en": "Find an address"},
		"legacy.admin.filter":         {"zh": "查找", "en": "Find"},
		"legacy.admin.empty":          {"zh": "还没有旧网站地址。用 portal import legacy 导入旧网站的镜像后，地址会列在这里。", "en": "No old addresses yet. Import the old site's mirror with portal import legacy and they are listed here."},
		"legacy.admin.old":            {"zh": "旧地址", "en": "Old address"},
		"legacy.admin.old_label":      {"zh": "旧地址：", "en": "Old address: "},
		"legacy.admin.kind_note":      {"zh": "（%[1]s）", "en": "(%[1]s)"},
		"legacy.admin.kind":           {"zh": "类型", "en": "Kind"},
		"legacy.admin.target":         {"zh": "新地址", "en": "Leads to"},
		"legacy.admin.target_hint":    {"zh": "本站的路径，以 / 开头，例如 /zh/news/12", "en": "A path on this site, starting with /, e.g. /zh/news/12"},
		"legacy.admin.target_invalid": {"zh": "请填写本站的路径，以一个 / 开头，不含网址前缀和空格。", "en": "Enter a path on this site: one / at the start, no http:// and no spaces."},
		"legacy.admin.edited":         {"zh": "（已手工修改，导入不会覆盖）", "en": "(set by hand: imports keep it)"},
		"legacy.admin.more":           {"zh": "只显示了前%[1]d条，请用查找缩小范围。", "en": "Only the first %[1]d are shown: use Find to narrow them."},
		"legacy.admin.edit":           {"zh": "修改旧地址的去向", "en": "Where an old address leads"},
		"legacy.admin.back":           {"zh": "返回列表", "en": "Back to the list"},
		"legacy.admin.delete":         {"zh": "删除这个旧地址…", "en": "Delete this old address…"},
		"legacy.admin.delete_title":   {"zh": "删除旧地址", "en": "Delete an old address"},
		"legacy.admin.delete_confirm": {"zh": "删除后，%[1]s 将显示“页面不存在”（404）。再次导入旧网站会重新加上它。", "en": "Once deleted, %[1]s answers “page not found” (404). Importing the old site again brings it back."},
		"legacy.admin.delete_yes":     {"zh": "删除", "en": "Delete"},
		"legacy.admin.deleted":        {"zh": "旧地址已删除。", "en": "The old address was deleted."},
		"legacy.kind.article":         {"zh": "新闻", "en": "Article"},
		"legacy.kind.page":            {"zh": "页面", "en": "Page"},
		"legacy.kind.list":            {"zh": "新闻列表", "en": "News list"},
		"legacy.kind.home":            {"zh": "首页", "en": "Home page"},
	})
}
