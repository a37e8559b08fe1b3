package view

// KeptForm is what a post sent when the database was away, given back on
// the 503 page so nothing typed is lost: shown to copy, and held in a form
// that sends it again unchanged.
type KeptForm struct {
	Action string      // where the post went: the same address takes it again
	Fields []KeptField // every text value, in the order the browser sent them
	// Files were attached: a browser cannot be handed them back.
	Files bool
}

// KeptField is one posted name and value.
type KeptField struct {
	Name, Value string
	// Shown: typed by a person (not a version, a stamp or an empty value).
	Shown bool
}
