// Package pagecheck checks the site as a visitor meets it: it follows every
// same-origin link from the start pages and checks each page's status,
// structure, references and weight, then its HTML validity (the Nu HTML
// checker) and accessibility (axe-core in Chromium).
package pagecheck

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// Problem is one broken rule on one page.
type Problem struct {
	Page   string // path and query
	Rule   string // short name: "status", "valid-html", "axe:image-alt", ...
	Detail string
}

func (p Problem) String() string { return p.Page + ": " + p.Rule + ": " + p.Detail }

// Page is a crawled HTML page.
type Page struct {
	Path   string // path and query, the crawl's key
	Status int
	HTML   []byte // decompressed
	Weight int    // HTML, CSS, JS and fonts, compressed as served
	From   string // a page that links here
}

// Crawler follows links from Start within Base's origin.
type Crawler struct {
	Base     string   // origin, e.g. http://127.0.0.1:8080
	Start    []string // paths to begin with
	MaxBytes int      // page weight limit, images aside
	MaxPages int      // a guard against endless URL spaces
	// Skip leaves out links the crawl must not follow (e.g. logout).
	Skip   func(path string) bool
	Client *http.Client // must not follow redirects; nil: a default one
	// Header is added to every request (Accept-Language, a session Cookie).
	Header http.Header

	resources map[string]resource // by absolute URL
}

type resource struct {
	status int
	size   int // compressed as served
	kind   string
	body   []byte
}

// Crawl visits every page reachable from Start and returns the pages and the
// problems found on the way.
func (c *Crawler) Crawl(ctx context.Context) ([]*Page, []Problem, error) {
	if c.Client == nil {
		c.Client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if c.MaxPages == 0 {
		c.MaxPages = 5000
	}
	c.resources = map[string]resource{}
	base, err := url.Parse(c.Base)
	if err != nil {
		return nil, nil, err
	}
	var (
		pages    []*Page
		problems []Problem
		seen     = map[string]bool{}
		queue    []*Page
	)
	enqueue := func(path, from string) {
		if !seen[path] && (c.Skip == nil || !c.Skip(path)) {
			seen[path] = true
			queue = append(queue, &Page{Path: path, From: from})
		}
	}
	for _, s := range c.Start {
		enqueue(s, "")
	}
	for len(queue) > 0 {
		if len(seen) > c.MaxPages {
			return pages, problems, fmt.Errorf("pagecheck: more than %d pages: an endless URL space?", c.MaxPages)
		}
		p := queue[0]
		queue = queue[1:]
		body, status, size, header, err := c.fetch(ctx, c.Base+p.Path)
		if err != nil {
			return pages, problems, err
		}
		p.Status = status
		switch {
		case status >= 300 && status < 400:
			loc := header.Get("Location")
			problems = append(problems, Problem{p.From, "redirecting-link", fmt.Sprintf("links to %s, which redirects (%d) to %s; link to the target", p.Path, status, loc)})
			if target, ok := sameOrigin(base, c.Base+p.Path, loc); ok {
				enqueue(target, p.From)
			}
			continue
		case status != http.StatusOK:
			where := p.From
			if where == "" {
				where = p.Path
			}
			problems = append(problems, Problem{where, "broken-link", fmt.Sprintf("%s answers %d", p.Path, status)})
			continue
		}
		if !strings.HasPrefix(header.Get("Content-Type"), "text/html") {
			continue // a feed or a file: linked, answered, not a page
		}
		p.HTML, p.Weight = body, size
		pages = append(pages, p)
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
		if err != nil {
			problems = append(problems, Problem{p.Path, "parse", err.Error()})
			continue
		}
		problems = append(problems, checkStructure(p, doc)...)
		links, refs := references(doc)
		for _, l := range links {
			if target, ok := sameOrigin(base, c.Base+p.Path, l); ok {
				enqueue(target, p.Path)
			}
		}
		problems = append(problems, c.checkResources(ctx, base, p, refs)...)
		if c.MaxBytes > 0 && p.Weight > c.MaxBytes {
			problems = append(problems, Problem{p.Path, "weight", fmt.Sprintf("%d bytes of HTML, CSS, JS and fonts (compressed), over the %d limit", p.Weight, c.MaxBytes)})
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
	return pages, problems, nil
}

// checkStructure: the language matches the URL, a title, one h1.
func checkStructure(p *Page, doc *goquery.Document) []Problem {
	var out []Problem
	lang, _ := doc.Find("html").Attr("lang")
	if want := urlLang(p.Path); want != "" && lang != want {
		out = append(out, Problem{p.Path, "html-lang", fmt.Sprintf("<html lang=%q> on a /%s/ page", lang, want)})
	}
	if strings.TrimSpace(doc.Find("head title").Text()) == "" {
		out = append(out, Problem{p.Path, "title", "no <title> or an empty one"})
	}
	if n := doc.Find("h1").Length(); n != 1 {
		out = append(out, Problem{p.Path, "h1", fmt.Sprintf("%d <h1> elements, want exactly 1", n)})
	}
	return out
}

// urlLang is the language prefix of a path, if it has one.
func urlLang(path string) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	if len(seg) == 2 && seg == strings.ToLower(seg) {
		return seg
	}
	return ""
}

// ref is something a page loads (not merely links to).
type ref struct {
	url, kind string // kind: css, js, font, image, media, frame, other
}

// references returns a page's links (to crawl) and what it loads (to check).
func references(doc *goquery.Document) (links []string, refs []ref) {
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		links = append(links, s.AttrOr("href", ""))
	})
	// A GET form leads to a page too (the search form to the search page).
	doc.Find("form").Each(func(_ int, s *goquery.Selection) {
		if strings.EqualFold(s.AttrOr("method", "get"), "get") {
			links = append(links, s.AttrOr("action", ""))
		}
	})
	doc.Find("link[href]").Each(func(_ int, s *goquery.Selection) {
		rel := " " + strings.ToLower(s.AttrOr("rel", "")) + " "
		href := s.AttrOr("href", "")
		switch {
		case strings.Contains(rel, " stylesheet "):
			refs = append(refs, ref{href, "css"})
		case strings.Contains(rel, " icon ") || strings.Contains(rel, " apple-touch-icon "):
			refs = append(refs, ref{href, "image"})
		case strings.Contains(rel, " preload ") || strings.Contains(rel, " modulepreload "):
			refs = append(refs, ref{href, kindOfAs(s.AttrOr("as", ""))})
		default: // canonical, alternate: pages and feeds to visit
			links = append(links, href)
		}
	})
	doc.Find("script[src]").Each(func(_ int, s *goquery.Selection) { refs = append(refs, ref{s.AttrOr("src", ""), "js"}) })
	doc.Find("img[src], input[type=image][src]").Each(func(_ int, s *goquery.Selection) {
		refs = append(refs, ref{s.AttrOr("src", ""), "image"})
	})
	doc.Find("img[srcset], source[srcset]").Each(func(_ int, s *goquery.Selection) {
		for _, part := range strings.Split(s.AttrOr("srcset", ""), ",") {
			if f := strings.Fields(part); len(f) > 0 {
				refs = append(refs, ref{f[0], "image"})
			}
		}
	})
	doc.Find("video[src], audio[src], source[src], track[src]").Each(func(_ int, s *goquery.Selection) {
		refs = append(refs, ref{s.AttrOr("src", ""), "media"})
	})
	doc.Find("video[poster]").Each(func(_ int, s *goquery.Selection) { refs = append(refs, ref{s.AttrOr("poster", ""), "image"}) })
	doc.Find("iframe[src], embed[src], object[data]").Each(func(_ int, s *goquery.Selection) {
		refs = append(refs, ref{s.AttrOr("src", s.AttrOr("data", "")), "frame"})
	})
	return links, refs
}

func kindOfAs(as string) string {
	switch as {
	case "style":
		return "css"
	case "script":
		return "js"
	case "font":
		return "font"
	}
	return "other"
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

// checkResources fetches what the page loads: each must come from this
// origin and answer 200; CSS, JS and fonts count towards the page's weight.
func (c *Crawler) checkResources(ctx context.Context, base *url.URL, p *Page, refs []ref) []Problem {
	var out []Problem
	pageURL := c.Base + p.Path
	for i := 0; i < len(refs); i++ {
		r := refs[i]
		abs, err := resolve(pageURL, r.url)
		if err != nil {
			out = append(out, Problem{p.Path, "bad-url", fmt.Sprintf("%s %q: %v", r.kind, r.url, err)})
			continue
		}
		if abs.Scheme == "data" {
			continue
		}
		if abs.Host != base.Host || abs.Scheme != base.Scheme {
			out = append(out, Problem{p.Path, "third-party", fmt.Sprintf("loads %s from another host: %s", r.kind, abs)})
			continue
		}
		res, err := c.resource(ctx, abs.String(), r.kind)
		if err != nil {
			out = append(out, Problem{p.Path, "fetch", err.Error()})
			continue
		}
		if res.status != http.StatusOK {
			out = append(out, Problem{p.Path, "broken-resource", fmt.Sprintf("%s %s answers %d", r.kind, abs.RequestURI(), res.status)})
			continue
		}
		if r.kind == "css" || r.kind == "js" || r.kind == "font" {
			p.Weight += res.size
		}
		if r.kind == "css" {
			for _, m := range cssURL.FindAllStringSubmatch(string(res.body), -1) {
				u, err := resolve(abs.String(), m[1])
				if err != nil {
					continue
				}
				kind := "image"
				if ext := strings.ToLower(u.Path); strings.HasSuffix(ext, ".woff2") || strings.HasSuffix(ext, ".woff") || strings.HasSuffix(ext, ".ttf") || strings.HasSuffix(ext, ".otf") {
					kind = "font"
				}
				refs = append(refs, ref{u.String(), kind})
			}
		}
	}
	return out
}

func (c *Crawler) resource(ctx context.Context, abs, kind string) (resource, error) {
	if r, ok := c.resources[abs]; ok {
		return r, nil
	}
	body, status, size, _, err := c.fetch(ctx, abs)
	if err != nil {
		return resource{}, err
	}
	r := resource{status: status, size: size, kind: kind, body: body}
	c.resources[abs] = r
	return r, nil
}

// fetch GETs u asking for gzip, returning the decompressed body and the
// size as it crossed the wire.
func (c *Crawler) fetch(ctx context.Context, u string) (body []byte, status, size int, h http.Header, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, 0, nil, err
	}
	for k, vs := range c.Header {
		req.Header[k] = vs
	}
	// Set by hand, so the transport leaves the body compressed and we can
	// weigh it as a browser receives it.
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := c.Client.Do(req)
	if err != nil {
		return nil, 0, 0, nil, fmt.Errorf("GET %s: %w", u, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, 0, 0, nil, fmt.Errorf("GET %s: %w", u, err)
	}
	body = raw
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, 0, 0, nil, fmt.Errorf("GET %s: %w", u, err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			return nil, 0, 0, nil, fmt.Errorf("GET %s: %w", u, err)
		}
	}
	return body, res.StatusCode, len(raw), res.Header, nil
}

func resolve(page, ref string) (*url.URL, error) {
	b, err := url.Parse(page)
	if err != nil {
		return nil, err
	}
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return nil, err
	}
	return b.ResolveReference(r), nil
}

// sameOrigin resolves ref against page and returns its path and query when
// it stays on base's origin; other hosts, mailto: and tel: are not crawled.
func sameOrigin(base *url.URL, page, ref string) (string, bool) {
	u, err := resolve(page, ref)
	if err != nil || u.Scheme != base.Scheme || u.Host != base.Host {
		return "", false
	}
	u.Fragment = ""
	return u.RequestURI(), true
}
