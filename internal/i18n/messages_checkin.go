package i18n

// The organisers' registration overview and export, and the door's
// check-in page.
func init() {
	addMessages(map[string]map[string]string{
		// The overview.
		"registrations.admin.title":      {"zh": "观众登记", "en": "Registrations"},
		"registrations.admin.total":      {"zh": "已登记观众", "en": "visitors registered"},
		"registrations.admin.checked_in": {"zh": "已入场", "en": "checked in"},
		"registrations.admin.by_day":     {"zh": "按参观日期", "en": "By day of visit"},
		"registrations.admin.by_role":    {"zh": "按观众身份", "en": "By role"},
		"registrations.admin.by_city":    {"zh": "按所在城市（前十位）", "en": "By city (top ten)"},
		"registrations.admin.day":        {"zh": "日期", "en": "Day"},
		"registrations.admin.registered": {"zh": "登记人数", "en": "Registered"},
		"registrations.admin.arrived":    {"zh": "入场人数", "en": "Checked in"},
		"registrations.admin.visitors":   {"zh": "人数", "en": "Visitors"},
		"registrations.admin.city_other": {"zh": "其他城市", "en": "Other cities"},
		"registrations.admin.city_none":  {"zh": "未填写城市", "en": "City not given"},
		"registrations.admin.list":       {"zh": "登记名单", "en": "Visitors"},
		"registrations.admin.any_day":    {"zh": "全部日期", "en": "Any day"},
		"registrations.admin.any_role":   {"zh": "全部身份", "en": "Any role"},
		"registrations.admin.arrival":    {"zh": "入场情况", "en": "Arrival"},
		"registrations.admin.any":        {"zh": "全部", "en": "All"},
		"registrations.admin.yes":        {"zh": "已入场", "en": "Checked in"},
		"registrations.admin.no":         {"zh": "未入场", "en": "Not yet"},
		"registrations.admin.search":     {"zh": "姓名、单位、手机号或票号", "en": "Name, organisation, phone or ticket code"},
		"registrations.admin.count":      {"zh": "共 %[1]s 人", "en": "%[1]s visitors"},
		"registrations.admin.empty":      {"zh": "没有符合条件的登记。", "en": "No registrations match."},
		"registrations.admin.none_yet":   {"zh": "还没有观众登记。", "en": "Nobody has registered yet."},
		"registrations.admin.export":     {"zh": "导出CSV", "en": "Export CSV"},
		"registrations.admin.export_all": {"zh": "导出当前筛选结果（%[1]s 人）", "en": "Export these %[1]s visitors as CSV"},
		"registrations.admin.no_stats":   {"zh": "暂无数据。", "en": "No figures yet."},
		"registrations.admin.not_yet":    {"zh": "未入场", "en": "Not yet"},
		"registrations.days_sep":         {"zh": "、", "en": ", "},
		"format.day_month":               {"zh": "%[2]s月%[3]s日", "en": "%[3]s %[4]s"}, // a date without its year

		// Columns of the list and of the export.
		"registrations.col.code":          {"zh": "票号", "en": "Ticket code"},
		"registrations.col.name":          {"zh": "姓名", "en": "Name"},
		"registrations.col.organisation":  {"zh": "单位/学校", "en": "Organisation or school"},
		"registrations.col.role":          {"zh": "身份", "en": "Role"},
		"registrations.col.city":          {"zh": "城市", "en": "City"},
		"registrations.col.phone":         {"zh": "手机号", "en": "Phone"},
		"registrations.col.email":         {"zh": "电子邮箱", "en": "E-mail"},
		"registrations.col.days":          {"zh": "参观日期", "en": "Days of visit"},
		"registrations.col.registered_at": {"zh": "登记时间", "en": "Registered at"},
		"registrations.col.checked_in_at": {"zh": "入场时间", "en": "Checked in at"},
		"registrations.col.checked_in_by": {"zh": "核验人员", "en": "Checked in by"},

		// The door.
		"checkin.title":        {"zh": "入场核验", "en": "Check-in"},
		"checkin.input":        {"zh": "电子票二维码或票号", "en": "E-ticket QR code or ticket code"},
		"checkin.hint":         {"zh": "用扫码枪扫描电子票上的二维码，或输入票号（如 7KQ2-M4X9）后按回车。", "en": "Scan the QR code on the e-ticket, or type the ticket code (such as 7KQ2-M4X9) and press Enter."},
		"checkin.submit":       {"zh": "核验", "en": "Check in"},
		"checkin.today":        {"zh": "今日（%[1]s）已入场", "en": "Checked in today (%[1]s)"},
		"checkin.admitted":     {"zh": "核验通过，请入场", "en": "Admitted"},
		"checkin.used":         {"zh": "此票已使用", "en": "Ticket already used"},
		"checkin.used_when":    {"zh": "已于 %[1]s 由 %[2]s 核验入场。", "en": "Checked in at %[1]s by %[2]s."},
		"checkin.used_at":      {"zh": "已于 %[1]s 核验入场。", "en": "Checked in at %[1]s."},
		"checkin.unknown":      {"zh": "无效票号", "en": "Unknown ticket"},
		"checkin.unknown_help": {"zh": "系统中没有这张票。请核对票号，或请观众出示电子票。", "en": "There is no such ticket. Check the code, or ask to see the e-ticket."},
		"checkin.entered":      {"zh": "输入内容：%[1]s", "en": "Entered: %[1]s"},
		"checkin.empty":        {"zh": "请扫描二维码或输入票号。", "en": "Scan a QR code or type a ticket code."},
		"checkin.not_today":    {"zh": "注意：该观众登记的参观日期为%[1]s，不含今天。已准予入场。", "en": "Note: registered for %[1]s, not today. Admitted all the same."},
		"checkin.days":         {"zh": "参观日期", "en": "Days of visit"},
		"checkin.camera":       {"zh": "用摄像头扫码", "en": "Scan with the camera"},
		"checkin.camera_stop":  {"zh": "关闭摄像头", "en": "Stop the camera"},
		"checkin.camera_help":  {"zh": "将电子票二维码对准取景框。", "en": "Hold the e-ticket's QR code in the frame."},
		"checkin.camera_error": {"zh": "无法打开摄像头，请改用扫码枪或手动输入票号。", "en": "The camera could not be opened; use the scanner or type the code."},
		"checkin.video":        {"zh": "摄像头画面", "en": "Camera view"},
	})
}
