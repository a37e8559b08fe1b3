package i18n

// The schedule strings: public pages and their admin screens.
func init() {
	addMessages(map[string]map[string]string{
		// The public schedule.
		"schedule.tz":           {"zh": "所有时间均为北京时间（UTC+8）。", "en": "All times are China Standard Time (UTC+8)."},
		"schedule.empty":        {"zh": "日程正在安排中，确定后将在此公布，敬请关注。", "en": "The programme is being put together and will appear here once it is settled. Please check back soon."},
		"schedule.ics_all":      {"zh": "订阅或下载完整日程（.ics）", "en": "Subscribe to or download the whole schedule (.ics)"},
		"schedule.feed_link":    {"zh": "日程变更提醒（Atom 订阅）", "en": "Schedule changes (Atom feed)"},
		"schedule.add":          {"zh": "加入日历", "en": "Add to calendar"},
		"schedule.add_what":     {"zh": "：%[1]s", "en": ": %[1]s"},
		"schedule.venue":        {"zh": "地点：", "en": "Venue: "},
		"schedule.day":          {"zh": "%[1]s（%[2]s）", "en": "%[2]s %[1]s"},
		"schedule.wd.0":         {"zh": "星期日", "en": "Sunday"},
		"schedule.wd.1":         {"zh": "星期一", "en": "Monday"},
		"schedule.wd.2":         {"zh": "星期二", "en": "Tuesday"},
		"schedule.wd.3":         {"zh": "星期三", "en": "Wednesday"},
		"schedule.wd.4":         {"zh": "星期四", "en": "Thursday"},
		"schedule.wd.5":         {"zh": "星期五", "en": "Friday"},
		"schedule.wd.6":         {"zh": "星期六", "en": "Saturday"},
		"schedule.kind.opening": {"zh": "开幕式", "en": "Opening ceremony"},
		"schedule.kind.forum":   {"zh": "论坛研讨", "en": "Forum"},
		"schedule.kind.hours":   {"zh": "展览开放", "en": "Exhibition hours"},
		"schedule.kind.award":   {"zh": "颁奖典礼", "en": "Award ceremony"},
		"schedule.kind.other":   {"zh": "其他安排", "en": "Other"},

		// The calendar file and the changes feed.
		"schedule.calname":          {"zh": "%[1]s日程", "en": "%[1]s: schedule"},
		"schedule.feed_title":       {"zh": "%[1]s日程变更", "en": "%[1]s: schedule changes"},
		"schedule.change.added":     {"zh": "新增日程：%[1]s（%[2]s）", "en": "Added: %[1]s (%[2]s)"},
		"schedule.change.moved":     {"zh": "时间调整：%[1]s，%[2]s → %[3]s", "en": "%[1]s moved: %[2]s → %[3]s"},
		"schedule.change.changed":   {"zh": "内容更新：%[1]s（%[2]s）", "en": "Updated: %[1]s (%[2]s)"},
		"schedule.change.cancelled": {"zh": "已取消：%[1]s（原定%[2]s）", "en": "Cancelled: %[1]s (was %[2]s)"},

		// The organisers' screens.
		"schedule.admin.menu":         {"zh": "日程安排", "en": "Schedule"},
		"schedule.admin.new":          {"zh": "新建日程", "en": "New event"},
		"schedule.admin.edit":         {"zh": "编辑日程", "en": "Edit event"},
		"schedule.admin.kind":         {"zh": "类型", "en": "Kind"},
		"schedule.admin.starts":       {"zh": "开始时间", "en": "Starts"},
		"schedule.admin.ends":         {"zh": "结束时间", "en": "Ends"},
		"schedule.admin.tz_hint":      {"zh": "请按北京时间（UTC+8）填写，保存后公开日程立即更新。", "en": "Enter China Standard Time (UTC+8). The public schedule changes as soon as you save."},
		"schedule.admin.venue":        {"zh": "地点（展馆或会议室）", "en": "Venue (hall or room)"},
		"schedule.admin.description":  {"zh": "说明", "en": "Description"},
		"schedule.admin.delete":       {"zh": "删除这项日程…", "en": "Delete this event…"},
		"schedule.admin.delete_title": {"zh": "删除这项日程？", "en": "Delete this event?"},
		"schedule.admin.delete_lead":  {"zh": "删除后，公开日程会立即去掉这项活动，订阅日程变更的参展商会看到“已取消”。此操作无法撤销。", "en": "The event leaves the public schedule at once, and exhibitors who follow the changes feed will see it as cancelled. This cannot be undone."},
		"schedule.admin.delete_yes":   {"zh": "确认删除", "en": "Delete it"},
		"schedule.admin.keep":         {"zh": "不删除，返回编辑", "en": "Keep it and go back"},
		"schedule.admin.deleted":      {"zh": "日程已删除。", "en": "The event has been deleted."},
		"schedule.admin.empty":        {"zh": "还没有日程。", "en": "No events yet."},
		"schedule.admin.public":       {"zh": "查看公开日程", "en": "See the public schedule"},
		"schedule.admin.time":         {"zh": "时间", "en": "Time"},

		// Form errors.
		"schedule.err.kind":           {"zh": "请选择类型。", "en": "Choose a kind."},
		"schedule.err.when":           {"zh": "请填写日期和时间，例如 2027-04-16 09:00。", "en": "Enter a date and time, such as 2027-04-16 09:00."},
		"schedule.err.ends_before":    {"zh": "结束时间需要晚于开始时间。", "en": "The end must come after the start."},
		"schedule.err.too_long_event": {"zh": "一项活动不能超过31天，请检查日期。", "en": "An event cannot last more than 31 days: please check the dates."},
		"schedule.err.title_default":  {"zh": "请填写中文标题：日程以中文为准。", "en": "Give a Chinese title: the schedule is published in Chinese first."},
	})
}
