package i18n

// Strings of the back office's editors on the form kit (issue 16).
func init() {
	addMessages(map[string]map[string]string{
		// A field of one language, named in the error summary, where the
		// language's box is not there to say which.
		"admin.title_in":      {"zh": "%[1]s（%[2]s）", "en": "%[1]s (%[2]s)"},
		"settings.next_opens": {"zh": "下一届开幕时间（北京时间）", "en": "Next edition opens (Beijing time)"},
	})
}
