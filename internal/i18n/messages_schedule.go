package i18n

// The schedule strings: public pages and their admin screens.
func init() {
	addMessages(map[string]map[string]string{})
}
