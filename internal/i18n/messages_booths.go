package i18n

// The hall map and booth strings, public and back office.
func init() {
	addMessages(map[string]map[string]string{
		"booths.type.standard":    {"zh": "标准展位", "en": "Standard booth"},
		"booths.type.raw":         {"zh": "光地", "en": "Raw space"},
		"booths.status.available": {"zh": "可预订", "en": "Available"},
		"booths.status.held":      {"zh": "已预留", "en": "Held"},
		"booths.status.sold":      {"zh": "已售出", "en": "Sold"},
	})
}
