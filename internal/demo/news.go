package demo

// sampleArticle is one news article of the demo site.
type sampleArticle struct {
	Category string // expo, industry, media, video, photo
	Released string // "2006-01-02 15:04", Asia/Shanghai
	Cover    string // key for photoFor: a picture drawn by code; "" for none
	Video    bool   // a video post: carries the demo clip (with Cover as its poster)
	Photos   []samplePhoto
	Text     map[string]sampleNewsText // "zh", "en"
}

type sampleNewsText struct {
	Title, Summary, Body, Source string // Body is Markdown
}

// samplePhoto is one picture of a photo story.
type samplePhoto struct {
	Image   string            // key for photoFor
	Caption map[string]string // per language
}
