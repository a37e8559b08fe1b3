package admin

import "github.com/a-h/templ"

// currentIf marks a menu link as the page shown.
func currentIf(here bool) templ.Attributes {
	if here {
		return templ.Attributes{"aria-current": "page"}
	}
	return nil
}
