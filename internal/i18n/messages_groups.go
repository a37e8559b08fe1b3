package i18n

func init() {
	addMessages(map[string]map[string]string{
		// A school group's members typed on the form, one a row (/register/group).
		"register.group.rows.title":     {"zh": "成员名单", "en": "Members"},
		"register.group.rows.hint":      {"zh": "每行一人：须填姓名；学生以外的成员须填手机号码；邮箱可不填。空行不计。逐行最多填写%[1]d人，人数更多请在下方上传名单文件。", "en": "One person a row: the name, and a mobile number for everyone but students; the e-mail may stay empty. Empty rows are left out. Up to %[1]d people as rows; for a bigger group, upload a list file below."},
		"register.group.row":            {"zh": "成员 %[1]d", "en": "Member %[1]d"},
		"register.group.row_field":      {"zh": "成员 %[1]d 的%[2]s", "en": "Member %[1]d, %[2]s"},
		"register.group.add_rows":       {"zh": "再添加%[1]d行", "en": "Add %[1]d more rows"},
		"register.group.file.title":     {"zh": "或上传名单文件", "en": "Or upload a member list"},
		"register.group.err.no_members": {"zh": "请逐行填写成员，或上传成员名单文件。", "en": "Type the members in the rows, or upload a member list file."},
		"register.group.err.rows_max":   {"zh": "逐行最多填写30人；人数更多请上传名单文件。", "en": "At most 30 people can be typed as rows; for a bigger group, upload a list file."},
		"register.group.err.both":       {"zh": "已逐行填写了成员，又选择了名单文件：请只用其中一种方式。", "en": "You typed members in the rows and also chose a list file: use one or the other."},
		"register.group.err.dup_phone":  {"zh": "此手机号码已在名单中出现过：每人须填写本人的号码。", "en": "This mobile number is already in the list: each person gives their own."},
	})
}
