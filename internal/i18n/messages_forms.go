package i18n

// Strings shared by the public forms (booth application, registration).
func init() {
	addMessages(map[string]map[string]string{
		"form.honeypot":         {"zh": "请勿填写此项", "en": "Leave this empty"},
		"form.err.robot":        {"zh": "提交未被接受。如您是真人访客，请清空浏览器自动填写的内容后重新提交，或致电组委会。", "en": "This form could not be accepted. If you are a person, clear anything your browser filled in by itself and send it again, or call the organisers."},
		"form.err.stale":        {"zh": "表单已过期，请检查内容后重新提交。", "en": "This form has expired. Please check it and send it again."},
		"form.err.too_fast":     {"zh": "提交过快，请核对所填内容后再提交一次。", "en": "That was very quick. Please check what you entered and send it again."},
		"form.err.stamp_used":   {"zh": "此表单已提交过一次。您的填写内容已保留，请核对后重新提交。", "en": "This form was already sent once. What you entered is kept below: please check it and send it again."},
		"form.err.unavailable":  {"zh": "网站暂时无法保存您的提交。您填写的内容已保留在下方，请稍候片刻再提交一次。", "en": "The site could not save this just now. What you entered is kept below: please send it again in a moment."},
		"form.kept.heading":     {"zh": "您填写的内容", "en": "What you entered"},
		"form.kept.resend":      {"zh": "再次提交", "en": "Send it again"},
		"form.kept.files":       {"zh": "所附文件未能保留，再次提交前请回到原页面重新选择文件。", "en": "Attached files could not be kept: go back to the form and choose them again before sending."},
		"form.err.too_many":     {"zh": "同一网络在一小时内提交次数过多，请稍后再试，或致电组委会。", "en": "Too many forms were sent from your network in the last hour. Please try again later or call the organisers."},
		"form.err.phone_needed": {"zh": "请填写手机号码。", "en": "Enter a mobile number."},
		"form.err.phone":        {"zh": "请填写11位中国大陆手机号，例如 138 1234 5678；境外号码请以“+”和国家代码开头，例如 +44 20 7946 0958。", "en": "Enter an 11-digit mainland China mobile number, such as 138 1234 5678, or a number elsewhere in international form with + and the country code, such as +44 20 7946 0958."},
		"form.err.email_needed": {"zh": "请填写电子邮箱。", "en": "Enter an e-mail address."},
		"form.err.email":        {"zh": "电子邮箱格式不正确，例如 name@example.com。", "en": "Enter an e-mail address such as name@example.com."},
		// The form kit (templates/components/field.templ).
		"form.mark.required": {"zh": "（必填）", "en": " (required)"},
		"form.mark.optional": {"zh": "（选填）", "en": " (optional)"},
		"form.colon":         {"zh": "：", "en": ": "},
		"form.stored_now":    {"zh": "现已保存为：", "en": "Saved now: "},
		"form.stored_empty":  {"zh": "（空）", "en": "(empty)"},
		"form.err.conflict":  {"zh": "保存未成功：在您编辑期间，其他人保存了这一项。您填写的内容就在下面，没有丢失；与之不同的已保存内容标在各项旁边。请核对后再保存（再次保存将覆盖对方的修改）。", "en": "Not saved: someone else saved this while you were editing. What you entered is below and nothing is lost; where the saved version differs, it is shown by the field. Check, then save again (which will replace their changes)."},
		"form.err.summary":   {"zh": "请修改以下标出的内容后重新提交。", "en": "Please correct the fields marked below and send the form again."},
	})
}
