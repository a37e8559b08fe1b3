package i18n

// messages are the UI strings, grouped by area; each key carries every
// language, so a missing translation shows in review and fails New.
// Arguments use explicit indexes (%[1]s) because word order differs.
var messages = map[string]map[string]string{
	// Formats. Date parts arrive as strings: year, month, day, English month name.
	"format.date":             {"zh": "%[1]s年%[2]s月%[3]s日", "en": "%[3]s %[4]s %[1]s"},
	"format.date_range_month": {"zh": "%[1]s年%[2]s月%[3]s日—%[4]s日", "en": "%[3]s–%[4]s %[5]s %[1]s"},
	"format.date_range":       {"zh": "%[1]s—%[2]s", "en": "%[1]s – %[2]s"},

	// Site-wide.
	"site.name":        {"zh": "展会官方网站", "en": "Exhibition website"},
	"site.welcome":     {"zh": "欢迎访问%[1]s官方网站", "en": "Welcome to the official website of %[1]s"},
	"site.hotline":     {"zh": "报名热线：%[1]s", "en": "Registration hotline: %[1]s"},
	"site.description": {"zh": "%[1]s官方网站：展会概况、参展申请、日程安排、观众登记与新闻动态。", "en": "Official website of %[1]s: the expo at a glance, booth applications, schedule, visitor registration and news."},
	"site.lang_switch": {"zh": "切换语言", "en": "Change language"},

	// Navigation.
	"nav.skip":     {"zh": "跳到主要内容", "en": "Skip to main content"},
	"nav.main":     {"zh": "主导航", "en": "Main navigation"},
	"nav.section":  {"zh": "本栏目", "en": "In this section"},
	"nav.crumbs":   {"zh": "您当前的位置：", "en": "Your current location:"},
	"nav.contact":  {"zh": "联系我们", "en": "Contact us"},
	"nav.search":   {"zh": "站内搜索", "en": "Search"},
	"nav.sitemap":  {"zh": "网站地图", "en": "Site map"},
	"search.label": {"zh": "搜索本站", "en": "Search this site"},
	"search.go":    {"zh": "搜索", "en": "Search"},

	// Footer.
	"footer.hotline":   {"zh": "咨询热线", "en": "Hotline"},
	"footer.fax":       {"zh": "传真", "en": "Fax"},
	"footer.email":     {"zh": "电子邮箱", "en": "E-mail"},
	"footer.address":   {"zh": "地址", "en": "Address"},
	"footer.contact":   {"zh": "联系方式", "en": "Contact"},
	"footer.copyright": {"zh": "版权所有 © %[1]s–%[2]s %[3]s", "en": "Copyright © %[1]s–%[2]s %[3]s. All rights reserved."},
	"footer.visitors":  {"zh": "您是第 %[1]s 位访客", "en": "You are visitor No. %[1]s"},

	// Home page.
	"home.facts":      {"zh": "展会信息", "en": "Key facts"},
	"home.dates":      {"zh": "展会日期", "en": "Dates"},
	"home.venue":      {"zh": "展会地点", "en": "Venue"},
	"home.organisers": {"zh": "主办单位", "en": "Organisers"},
	"home.explore":    {"zh": "栏目导航", "en": "Explore the site"},
	"home.about":      {"zh": "展会概况、展示范围、展馆与往届回顾。", "en": "The expo at a glance, what is shown, the hall and past editions."},
	"home.exhibit":    {"zh": "展位申请、参展流程、日程与收费标准。", "en": "Booth applications, how to exhibit, the schedule and charges."},
	"home.services":   {"zh": "交通、酒店、旅游与餐饮信息。", "en": "Getting here, hotels, travel and places to eat."},
	"home.news":       {"zh": "展会新闻、行业资讯、视频与图文报道。", "en": "Expo news, industry news, videos and photo stories."},

	"home.hours":             {"zh": "每日 %[1]s–%[2]s，闭幕日 %[3]s 闭馆", "en": "Daily %[1]s–%[2]s, closing day until %[3]s"},
	"home.before.label":      {"zh": "距开幕还有", "en": "Time until the opening"},
	"home.unit.days":         {"zh": "天", "en": "Days"},
	"home.unit.hours":        {"zh": "小时", "en": "Hours"},
	"home.unit.minutes":      {"zh": "分钟", "en": "Minutes"},
	"home.cta.apply":         {"zh": "申请展位", "en": "Apply for a booth"},
	"home.cta.register":      {"zh": "观众预登记", "en": "Pre-register to visit"},
	"home.during.title":      {"zh": "展会正在举行，欢迎莅临！", "en": "The expo is open: welcome!"},
	"home.during.hours":      {"zh": "今日开放时间：%[1]s", "en": "Open today: %[1]s"},
	"home.during.directions": {"zh": "交通指南", "en": "How to get here"},
	"home.during.schedule":   {"zh": "今日日程", "en": "Today's schedule"},
	"home.after.title":       {"zh": "感谢您的参与", "en": "Thank you for coming"},
	"home.after.lead":        {"zh": "%[1]s已圆满落幕，感谢各位展商与观众的支持。", "en": "%[1]s has closed. Thank you to every exhibitor and visitor."},
	"home.after.next":        {"zh": "下一届展会将于%[1]s开幕，敬请期待。", "en": "The next expo opens on %[1]s."},
	"home.after.review":      {"zh": "回顾本届展会", "en": "Look back at the expo"},

	// Content pages.
	"content.fallback": {"zh": "本页暂无中文版本，以下为%[1]s内容。", "en": "This page is not yet available in English; it is shown in %[1]s."},
	"content.updated":  {"zh": "更新时间：", "en": "Last updated:"},

	// News centre.
	"news.empty":      {"zh": "暂无文章。", "en": "No articles yet."},
	"news.released":   {"zh": "发布时间：", "en": "Released: "},
	"news.source":     {"zh": "来源：", "en": "Source: "},
	"news.visits":     {"zh": "浏览次数：", "en": "Visits: "},
	"news.prev":       {"zh": "上一篇：", "en": "Previous: "},
	"news.next":       {"zh": "下一篇：", "en": "Next: "},
	"news.none":       {"zh": "没有了", "en": "None"},
	"news.neighbours": {"zh": "相邻文章", "en": "More in this category"},
	"news.fallback":   {"zh": "本文暂无中文版本，以下为%[1]s原文。", "en": "This article is not yet available in English; it is shown in %[1]s."},
	"news.video":      {"zh": "您的浏览器无法播放此视频。", "en": "Your browser cannot play this video."},
	"news.download":   {"zh": "下载视频", "en": "Download the video"},
	"news.gallery":    {"zh": "图片集", "en": "Photos"},
	"news.photo_n":    {"zh": "图 %[1]s / %[2]s", "en": "Photo %[1]s of %[2]s"},
	"news.feed":       {"zh": "%[1]s订阅（Atom）", "en": "%[1]s feed (Atom)"},
	"news.latest":     {"zh": "最新%[1]s", "en": "Latest %[1]s"},
	"news.more":       {"zh": "更多%[1]s", "en": "More %[1]s"},
	"news.in_lang":    {"zh": "（%[1]s）", "en": "(in %[1]s)"},
	"page.label":      {"zh": "分页", "en": "Pages"},
	"page.prev":       {"zh": "上一页", "en": "Previous page"},
	"page.next":       {"zh": "下一页", "en": "Next page"},
	"page.n":          {"zh": "第 %[1]s 页", "en": "Page %[1]s"},
	"page.of":         {"zh": "第 %[1]s 页，共 %[2]s 页", "en": "Page %[1]s of %[2]s"},

	// Search.
	"search.title":    {"zh": "站内搜索", "en": "Search"},
	"search.hint":     {"zh": "输入关键词搜索新闻，中英文均可，例如“教育装备”。", "en": "Search the news in Chinese or English, for example “smart classroom”."},
	"search.found":    {"zh": "找到 %[1]s 篇与“%[2]s”相关的文章", "en": "%[1]s articles found for “%[2]s”"},
	"search.nothing":  {"zh": "没有找到与“%[1]s”相关的文章，请换个关键词试试。", "en": "Nothing found for “%[1]s”. Try other words."},
	"search.unusable": {"zh": "这个搜索词里没有可以查找的文字，请输入中文、英文字母或数字。", "en": "There is nothing to look for in that query: please type words, letters or digits."},

	// Back office.
	"admin.title":          {"zh": "展会后台", "en": "Expo back office"},
	"admin.site":           {"zh": "查看网站", "en": "View the site"},
	"admin.menu":           {"zh": "后台菜单", "en": "Back-office menu"},
	"admin.dashboard":      {"zh": "工作台", "en": "Dashboard"},
	"admin.login":          {"zh": "登录", "en": "Sign in"},
	"admin.logout":         {"zh": "退出", "en": "Sign out"},
	"admin.email":          {"zh": "电子邮箱", "en": "E-mail"},
	"admin.password":       {"zh": "密码", "en": "Password"},
	"admin.bad_login":      {"zh": "邮箱或密码不正确。", "en": "The e-mail address or the password is not right."},
	"admin.throttled":      {"zh": "登录失败次数过多，请 15 分钟后再试。", "en": "Too many failed attempts. Please try again in 15 minutes."},
	"admin.drafts":         {"zh": "篇草稿", "en": "drafts"},
	"admin.scheduled":      {"zh": "篇定时发布", "en": "scheduled"},
	"admin.recent":         {"zh": "最近的更改", "en": "Recent changes"},
	"admin.none":           {"zh": "暂无记录。", "en": "Nothing yet."},
	"admin.when":           {"zh": "时间", "en": "When"},
	"admin.who":            {"zh": "操作人", "en": "Who"},
	"admin.what":           {"zh": "内容", "en": "What"},
	"admin.system":         {"zh": "系统（命令行）", "en": "System (command line)"},
	"admin.forbidden":      {"zh": "没有权限", "en": "Not allowed"},
	"admin.forbidden_lead": {"zh": "您的账户角色不能访问此页面。如需访问，请联系管理员。", "en": "Your account's role does not reach this page. Ask an administrator if you need it."},

	// Pages not built yet.
	"soon.lead":      {"zh": "本页面正在建设中，内容即将上线。", "en": "This page is being prepared and will be online soon."},
	"soon.meanwhile": {"zh": "您可以先浏览以下内容：", "en": "In the meantime, you may find these useful:"},

	// Errors.
	"error.404.title": {"zh": "页面未找到", "en": "Page not found"},
	"error.404.lead":  {"zh": "您要找的页面不存在，或已被移动。", "en": "The page you are looking for does not exist or has moved."},
	"error.500.title": {"zh": "服务器出错了", "en": "Something went wrong"},
	"error.500.lead":  {"zh": "很抱歉，服务器暂时无法完成您的请求，请稍后再试。", "en": "Sorry, the server could not complete your request. Please try again in a moment."},
	"error.home":      {"zh": "返回首页", "en": "Back to the home page"},
}
