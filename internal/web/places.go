package web

// place is what a public page's frame is built from (frameFor): where the
// page sits and what it is called. Pages in the menu need nothing but
// their path; places declares the others beside the routes, and a page
// made from content (an article, an exhibitor, a content page) adds its
// own title, description and picture from its data.
type place struct {
	path string // the page's own path after /{lang}: canonical and alternates
	// in is the menu item's path a page belongs under without being in
	// the menu itself (an article: its category's list; an exhibitor: the
	// directory): the side menu marks it, the trail leads through it.
	in string
	// section is the menu section (by key) of a page with no menu item
	// of its own nor a parent item (the hall map).
	section string
	// titleKey names the title in the catalog when the menu does not.
	titleKey, descriptionKey string
	// title, description and image (a site path) are the page's own,
	// from its content: they replace the menu's and the site's.
	title, description, image string
	ogType                    string // "" is a website
}

// places are the routes' pages that the menu does not name or place.
var places = map[string]place{
	"/contact": {titleKey: "nav.contact"},
	"/search":  {titleKey: "search.title"},
	boothsPath: {titleKey: "hallmap.title", descriptionKey: "hallmap.lead", section: "exhibit"},
}
