// Package markdown turns staff-written Markdown into HTML that is safe to
// put in a page: goldmark renders, bluemonday keeps only harmless markup.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ourMedia is an image this site serves (internal/paths.Media): the only
// images a body may show. Another host's image would tell it who reads
// our pages, and may change or vanish after the text was checked.
var ourMedia = regexp.MustCompile(`^/media/[0-9a-f]{64}\.(?:jpg|png|gif)$`)

// Renderer is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New returns a Renderer with GitHub-flavoured tables, strikethrough and
// autolinks, and a user-generated-content sanitiser.
func New() *Renderer {
	p := bluemonday.UGCPolicy()
	// Links leave the site in a new context only by the visitor's choice, and
	// never pass our pages on as a referrer.
	p.RequireNoReferrerOnLinks(true)
	p.AllowAttrs("class").Matching(bluemonday.SpaceSeparatedTokens).OnElements("code", "pre")
	// Images from our own /media/ only, loaded as they scroll into view.
	// The UGC policy admits any src already, so a foreign one is emptied
	// rather than refused (the rendering drops such images before this).
	p.RewriteSrc(func(u *url.URL) {
		if u.Scheme != "" || u.Host != "" || u.User != nil || !ourMedia.MatchString(u.Path) || u.RawQuery != "" || u.Fragment != "" {
			*u = url.URL{}
		}
	})
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
	p.AllowAttrs("decoding").Matching(regexp.MustCompile(`^async$`)).OnElements("img")
	return &Renderer{
		md: goldmark.New(goldmark.WithExtensions(extension.GFM),
			goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(mediaImages{}, 500)))),
		policy: p,
	}
}

// HTML renders src and sanitises the result. Raw HTML in the source is
// escaped by goldmark (it is not in unsafe mode) and the sanitiser removes
// anything that slips through: scripts, event attributes, javascript: URLs.
func (r *Renderer) HTML(src string) (template.HTML, error) {
	var buf bytes.Buffer
	// Neither goldmark nor the sanitiser mends invalid UTF-8; a page is UTF-8.
	src = asPasted(strings.ToValidUTF8(src, "\uFFFD"))
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return template.HTML(r.policy.SanitizeBytes(buf.Bytes())), nil
}

// mediaImages keeps the images whose source is our own /media/ and marks
// them to load lazily; any other image becomes its alt text.
type mediaImages struct{}

func (mediaImages) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var foreign []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			if ourMedia.Match(img.Destination) {
				img.SetAttributeString("loading", []byte("lazy"))
				img.SetAttributeString("decoding", []byte("async"))
			} else {
				foreign = append(foreign, img)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, img := range foreign {
		parent := img.Parent()
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, img, c)
			c = next
		}
		parent.RemoveChild(parent, img)
	}
}
