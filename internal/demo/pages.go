package demo

// samplePage is one content page of the demo site; Text holds its words per
// language (Body is Markdown).
type samplePage struct {
	Path string // after /{lang}, as in the URL contract
	Sort int
	Text map[string]sampleText
}

type sampleText struct {
	Title, Summary, Body string
}
