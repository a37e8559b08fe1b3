package legacy

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Why a page yields nothing.
var (
	ErrNoTitle = errors.New("no title")
	ErrNotHTML = errors.New("not HTML")
)

// Extracted is what a page of the old site holds.
type Extracted struct {
	Title    string
	Crumbs   []string // the breadcrumb's entries after "you are here", in order
	Category string   // the news category the breadcrumb names, "" if none
	Date     string   // release date as YYYY-MM-DD, "" if none
	Source   string
	Visits   int64
	HasVisit bool
	Body     []Block // the article's or page's text
	Links    int     // links in list items: a list page has many and no body
}

// Block is a paragraph of the body: text runs and images.
type Block struct{ Parts []Part }

// Part is a run of text (Strong for bold) or an image (Src set).
type Part struct {
	Text   string
	Strong bool
	Src    string
	Alt    string
}

// categories maps the breadcrumb's names (in either language, lower case)
// to the portal's news categories.
var categories = map[string]string{
	"展会新闻": "expo", "展会动态": "expo", "expo news": "expo", "exhibition news": "expo",
	"行业新闻": "industry", "行业资讯": "industry", "行业动态": "industry", "industry news": "industry",
	"媒体报道": "media", "宣传媒体": "media", "media reports": "media", "propaganda media": "media", "media": "media",
	"精彩视频": "video", "视频": "video", "wonderful video": "video", "videos": "video",
	"图文报道": "photo", "图片新闻": "photo", "image text": "photo", "photo reports": "photo",
}

// CategoryOf names the category for a breadcrumb entry or title.
func CategoryOf(name string) string { return categories[normName(name)] }

func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

var (
	herePattern = regexp.MustCompile(`(?i)(您现在的位置|当前位置|您的位置|现在位置|your current location|current location|your location|your position|you are here)\s*[：:]?`)
	datePattern = regexp.MustCompile(`(?:发布时间|发布日期|更新时间|时间|日期|release time|release date|date|published|time)\s*[：:]\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})`)
	anyDate     = regexp.MustCompile(`\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b`)
	sourceLabel = regexp.MustCompile(`(?i)(?:来源|出处|source)\s*[：:]`)
	visitsLabel = regexp.MustCompile(`(?i)(?:浏览次数|浏览量|点击次数|点击数|阅读次数|浏览|点击|阅读|number of visits|visits|views|hits|clicks)\s*[：:]\s*(\d*)`)
	metaLabel   = regexp.MustCompile(`(?i)(?:发布时间|发布日期|来源|出处|作者|编辑|浏览次数|浏览量|点击次数|点击数|阅读次数|浏览|点击|release time|release date|source|author|editor|number of visits|visits|views|hits|clicks)\s*[：:]`)
	navPattern  = regexp.MustCompile(`(?i)^\s*(上一篇|下一篇|上一条|下一条|上一页|下一页|返回|打印|关闭|previous|next|last|back|print|close)\s*[：:]`)
)

// blockElems end a line of text: a page is read as its lines.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Tbody: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true, atom.Center: true, atom.Blockquote: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Form: true, atom.Header: true, atom.Footer: true, atom.Nav: true,
	atom.Body: true, atom.Pre: true, atom.Hr: true,
}

// line is a block of the page: its parts, its text, the element it came
// from (for h1 and list items).
type line struct {
	block Block
	text  string
	tag   atom.Atom
	links int
}

// Extract reads a decoded page; Title is "" when it has none.
func Extract(text string) (Extracted, error) {
	var e Extracted
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return e, ErrNotHTML
	}
	var title, h1 string
	var lines []line
	var walk func(n *html.Node, cur *line, tag atom.Atom)
	flushLine := func(cur *line) {
		cur.text = strings.TrimSpace(cur.text)
		if cur.text != "" || hasImage(cur.block) {
			lines = append(lines, *cur)
		}
		*cur = line{tag: cur.tag}
	}
	walk = func(n *html.Node, cur *line, tag atom.Atom) {
		switch n.Type {
		case html.TextNode:
			addText(cur, n.Data)
			return
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, cur, tag)
			}
			return
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Select, atom.Option, atom.Button:
			return
		case atom.Title:
			if n.FirstChild != nil && title == "" {
				title = strings.TrimSpace(n.FirstChild.Data)
			}
			return
		case atom.Br:
			flushLine(cur) // old editors wrote paragraphs as <br>
			return
		case atom.Img:
			src := attr(n, "src")
			if src != "" {
				cur.block.Parts = append(cur.block.Parts, Part{Src: src, Alt: attr(n, "alt")})
			}
			return
		case atom.A:
			if tag == atom.Li {
				cur.links++
			}
		case atom.Strong, atom.B:
			var inner line
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, &inner, tag)
			}
			for _, p := range inner.block.Parts {
				if p.Src == "" {
					p.Strong = true
				}
				cur.block.Parts = append(cur.block.Parts, p)
			}
			cur.text += inner.text
			cur.links += inner.links
			return
		}
		if blockElems[n.DataAtom] {
			flushLine(cur)
			inner := line{tag: n.DataAtom}
			childTag := tag
			if n.DataAtom == atom.Li || n.DataAtom == atom.H1 {
				childTag = n.DataAtom
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, &inner, childTag)
			}
			if n.DataAtom == atom.H1 && h1 == "" {
				h1 = strings.TrimSpace(collapse(inner.text))
			}
			flushLine(&inner)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, cur, tag)
		}
	}
	root := line{}
	walk(doc, &root, 0)
	flushLine(&root)

	// The breadcrumb, the meta line (date, source, visits), and the body
	// between them and the page's navigation.
	crumbAt, metaAt := -1, -1
	for i, l := range lines {
		if crumbAt < 0 {
			if loc := herePattern.FindStringIndex(l.text); loc != nil {
				crumbAt = i
				for _, c := range regexp.MustCompile(`\s+[-–>»/|]+\s+|\s*[>»›]\s*`).Split(l.text[loc[1]:], -1) {
					if c = strings.TrimSpace(c); c != "" {
						e.Crumbs = append(e.Crumbs, c)
					}
				}
				continue
			}
		}
		if metaAt < 0 {
			if m := datePattern.FindStringSubmatch(strings.ToLower(l.text)); m != nil && metaLabel.MatchString(l.text) {
				metaAt = i
				e.Date = isoDate(m[1], m[2], m[3])
				e.Source = labelled(l.text, sourceLabel)
				if m := visitsLabel.FindStringSubmatch(l.text); m != nil && m[1] != "" {
					e.Visits, _ = strconv.ParseInt(m[1], 10, 64)
					e.HasVisit = true
				}
			}
		}
		if l.tag == atom.Li {
			e.Links += l.links
		}
	}
	for i := len(e.Crumbs) - 1; i >= 0 && e.Category == ""; i-- {
		e.Category = CategoryOf(e.Crumbs[i])
	}

	// The title: the h1, else <title> without the site's name, unless that
	// is only the section's name (a page listing "Industry News" there),
	// else the line under the breadcrumb. Never shortened here.
	titleAt := -1
	e.Title = h1
	if e.Title != "" {
		for i, l := range lines {
			if l.tag == atom.H1 {
				titleAt = i
				break
			}
		}
	}
	if e.Title == "" {
		t := collapse(cutSiteSuffix(title))
		if t != "" && CategoryOf(t) == "" && !isCrumb(t, e.Crumbs) {
			e.Title = t
		}
	}
	if e.Title == "" && crumbAt >= 0 && crumbAt+1 < len(lines) && crumbAt+1 != metaAt && lines[crumbAt+1].tag != atom.Li {
		titleAt = crumbAt + 1
		e.Title = collapse(lines[titleAt].text)
	}
	if e.Title == "" {
		return e, nil // a list page needs none; the importer decides
	}

	// The body starts after the last of breadcrumb, title and meta line
	// and ends at the page's own navigation (previous/next, the footer).
	start := max(crumbAt, titleAt, metaAt) + 1
	if start == 0 {
		start = len(lines) // nothing to anchor on: no body
	}
	for _, l := range lines[min(start, len(lines)):] {
		if navPattern.MatchString(l.text) || isFooter(l.text) {
			break
		}
		if l.tag == atom.Li && l.links > 0 {
			continue // a list of links, not words
		}
		if b := cleanBlock(l.block); len(b.Parts) > 0 {
			e.Body = append(e.Body, b)
		}
	}
	return e, nil
}

func isCrumb(t string, crumbs []string) bool {
	for _, c := range crumbs {
		if normName(c) == normName(t) {
			return true
		}
	}
	return false
}

var footerPattern = regexp.MustCompile(`(?i)(copyright|版权所有|all rights? reserved|icp备|技术支持)`)

func isFooter(s string) bool { return footerPattern.MatchString(s) }

// cutSiteSuffix drops the site's name from a <title>: "标题-站名",
// "标题_站名", "标题 | 站名". The last separator is the one cut.
func cutSiteSuffix(t string) string {
	t = strings.TrimSpace(t)
	for _, sep := range []string{" | ", " - ", "--", "-", "_", "|", " — ", "——"} {
		if i := strings.LastIndex(t, sep); i > 0 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// labelled reads the value after a label in a meta line, up to the next
// label or a run of spaces.
func labelled(text string, label *regexp.Regexp) string {
	loc := label.FindStringIndex(text)
	if loc == nil {
		return ""
	}
	rest := text[loc[1]:]
	if m := metaLabel.FindStringIndex(rest); m != nil {
		rest = rest[:m[0]]
	}
	if i := strings.Index(rest, "  "); i >= 0 {
		rest = rest[:i]
	}
	return collapse(rest)
}

func isoDate(y, m, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if yi < 1990 || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	return strconv.Itoa(yi) + "-" + pad2(mi) + "-" + pad2(di)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, name) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// addText appends text to the line, no-break spaces as spaces.
func addText(cur *line, s string) {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if strings.TrimSpace(s) == "" && s != "" {
		s = " "
	}
	if s == "" {
		return
	}
	cur.text += s
	ps := cur.block.Parts
	if n := len(ps); n > 0 && ps[n-1].Src == "" && !ps[n-1].Strong {
		ps[n-1].Text += s
		return
	}
	cur.block.Parts = append(ps, Part{Text: s})
}

func hasImage(b Block) bool {
	for _, p := range b.Parts {
		if p.Src != "" {
			return true
		}
	}
	return false
}

// collapse folds runs of white space (no-break and full-width included)
// into one space.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' }

// cleanBlock drops a paragraph's indentation (full-width spaces, the
// old editors' 　　) and folds its white space.
func cleanBlock(b Block) Block {
	var out Block
	for _, p := range b.Parts {
		if p.Src != "" {
			out.Parts = append(out.Parts, p)
			continue
		}
		t := strings.Join(strings.FieldsFunc(p.Text, isSpace), " ")
		if t == "" {
			continue
		}
		// Keep one space where the text had one at a join with a neighbour.
		if len(out.Parts) > 0 && isSpace(firstRune(p.Text)) {
			t = " " + t
		}
		if isSpace(lastRune(p.Text)) {
			t += " "
		}
		out.Parts = append(out.Parts, Part{Text: t, Strong: p.Strong})
	}
	if n := len(out.Parts); n > 0 && out.Parts[n-1].Src == "" {
		out.Parts[n-1].Text = strings.TrimRightFunc(out.Parts[n-1].Text, isSpace)
		if out.Parts[n-1].Text == "" {
			out.Parts = out.Parts[:n-1]
		}
	}
	return out
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}
