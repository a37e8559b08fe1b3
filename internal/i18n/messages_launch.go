package i18n

func init() {
	addMessages(map[string]map[string]string{
		// The back office's launch checklist (/admin/launch).
		"launch.title":                    {"zh": "上线前检查", "en": "Before launch"},
		"launch.lead":                     {"zh": "网站上还有%[1]s项示例内容或示例设置，正式发布前请处理。", "en": "%[1]s things on the site are still the demo's: settle them before the site goes public."},
		"launch.ready":                    {"zh": "示例内容已全部清除，联系方式已设置。", "en": "No demo content is left and the contact details are set."},
		"launch.fix":                      {"zh": "前往处理", "en": "Go there"},
		"launch.check.pages":              {"zh": "%[1]s个栏目页面仍是示例文字。", "en": "%[1]s content pages still hold the sample text."},
		"launch.done.pages":               {"zh": "栏目页面均已编辑。", "en": "Every content page has been edited."},
		"launch.check.articles":           {"zh": "%[1]s篇示例新闻仍在。", "en": "%[1]s sample news articles are still there."},
		"launch.done.articles":            {"zh": "没有示例新闻。", "en": "No sample news is left."},
		"launch.check.exhibitors":         {"zh": "%[1]s家示例展商仍在展商名录中。", "en": "%[1]s sample exhibitors are still in the directory."},
		"launch.done.exhibitors":          {"zh": "展商名录中没有示例展商。", "en": "No sample exhibitors are left."},
		"launch.check.schedule_events":    {"zh": "%[1]s项示例日程仍在。", "en": "%[1]s sample schedule events are still there."},
		"launch.done.schedule_events":     {"zh": "没有示例日程。", "en": "No sample schedule events are left."},
		"launch.check.charge_items":       {"zh": "%[1]s项示例收费标准仍在。", "en": "%[1]s sample price lines are still there."},
		"launch.done.charge_items":        {"zh": "没有示例收费标准。", "en": "No sample price lines are left."},
		"launch.check.booth_applications": {"zh": "%[1]s份示例展位申请仍占用展位。", "en": "%[1]s sample booth applications still hold booths."},
		"launch.done.booth_applications":  {"zh": "没有示例展位申请。", "en": "No sample booth applications are left."},
		"launch.check.registrations":      {"zh": "%[1]s名示例观众仍在登记名单中。", "en": "%[1]s sample visitors are still registered."},
		"launch.done.registrations":       {"zh": "没有示例观众。", "en": "No sample visitors are left."},
		"launch.check.email":              {"zh": "联系邮箱未设置，或仍是示例地址。", "en": "The contact e-mail is unset or still the demo's made-up address."},
		"launch.done.email":               {"zh": "联系邮箱已设置。", "en": "The contact e-mail is set."},
		"launch.check.hotline":            {"zh": "咨询热线未设置，或仍是示例号码。", "en": "The hotline is unset or still the demo's number."},
		"launch.done.hotline":             {"zh": "咨询热线已设置。", "en": "The hotline is set."},
		"launch.remove_title":             {"zh": "一次清除全部示例内容", "en": "Remove every sample at once"},
		"launch.remove":                   {"zh": "在服务器上运行下面的命令，即可删除演示程序写入、且之后无人修改过的全部内容；工作人员创建或编辑过的内容一律保留。", "en": "Run this on the server to delete everything the demo wrote that nobody has changed since; whatever staff created or edited stays."},
	})
}
