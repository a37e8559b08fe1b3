package i18n

// The visitor registration strings: the public forms, the e-ticket, and the
// organisers' registration screens.
func init() {
	addMessages(map[string]map[string]string{
		"register.closed":             {"zh": "本届展会的观众预登记已经结束。", "en": "Visitor registration for this year's expo has closed."},
		"register.role.teacher":       {"zh": "教师", "en": "Teacher"},
		"register.role.school_leader": {"zh": "学校管理者", "en": "School leader"},
		"register.role.student":       {"zh": "学生", "en": "Student"},
		"register.role.official":      {"zh": "教育行政部门", "en": "Education official"},
		"register.role.buyer":         {"zh": "采购商", "en": "Buyer"},
		"register.role.industry":      {"zh": "行业企业", "en": "Industry"},
		"register.role.media":         {"zh": "媒体", "en": "Media"},
		"register.role.other":         {"zh": "其他", "en": "Other"},
	})
}
