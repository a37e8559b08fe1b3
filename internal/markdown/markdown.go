// Package markdown turns staff-written Markdown into HTML that is safe to
// put in a page: goldmark renders, bluemonday keeps only harmless markup.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

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
	return &Renderer{
		md:     goldmark.New(goldmark.WithExtensions(extension.GFM)),
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
