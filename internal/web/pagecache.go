package web

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/metrics"
	"github.com/expoportal/portal/internal/precompress"
)

// The page cache answers anonymous visitors' GET and HEAD requests for
// public pages from memory: each page rendered once, compressed once per
// encoding, and kept until the database says something it shows changed
// (changes.go), or its time is up (at most ttl, the visitor counter's flush
// interval, so counts on a page lag by no more than that). Which pages it
// never keeps is uncachedPaths in routes.go; which it keeps apart, in a
// share of their own, is keptApartPaths.
type pageCache struct {
	max      int64         // bytes, all variants of all pages together
	apartMax int64         // bytes the pages kept apart may take together
	ttl      time.Duration // longest a page is served before rendering it again

	mu    sync.Mutex
	gen   uint64 // bumped by every change: older pages are stale
	items map[string]*list.Element
	// lru and apart list the pages (*cachedPage), most recently used
	// first: apart those of keptApartPaths, lru the rest. A flood of new
	// searches evicts older searches, never the pages the crowd reads.
	lru, apart      list.List
	size, apartSize int64                  // every page's bytes; the apart pages' alone
	renders         map[string]*pageRender // a miss being rendered, which others wait for
}

// cachedPage is one page as sent, in every encoding, with everything a
// hit needs worked out once: a hit only copies it out (hits.go).
type cachedPage struct {
	key      string
	gen      uint64
	expires  time.Time
	apart    bool // one of keptApartPaths: in pageCache.apart
	variants precompress.Variants
	etag     string // of the identity bytes, without quotes
	article  int64  // an article page's id, whose visits count on every view
	size     int64
	// out is the answer in each encoding made: its whole header set, the
	// security headers included, for a 200 and for a 304.
	out [len(precompress.Variants{})]hitAnswer
	// route is the pattern of the route that rendered the page, for the
	// metrics; series holds its series as hits meet them, by [HEAD][304].
	route  string
	series [2][2]atomic.Pointer[metrics.Series]
	// view: a GET answered 200 with it is a page view (countVisits' rule).
	view bool
	// lang is the language of the page's path ("" when none), and
	// langCookie the Set-Cookie that remembers it (rememberLanguage).
	lang       string
	langCookie []string
}

// hitAnswer is a kept page in one encoding, ready to send.
type hitAnswer struct {
	ok, notModified []headerField
	etag            string // quoted
}

// headerField is one header line's values, shared by every answer that
// sends it: each slice's capacity is its length, so whoever adds to a
// response's header appends to a copy.
type headerField struct {
	key    string // canonical
	values []string
}

// fields lists h for assigning into a response's header.
func fields(h http.Header) []headerField {
	out := make([]headerField, 0, len(h))
	for k, v := range h {
		out = append(out, headerField{k, slices.Clip(v)})
	}
	return out
}

// pageRender is one rendering that concurrent misses of a page share.
type pageRender struct {
	done chan struct{}
	page *cachedPage // the result when it could be kept; else resp
	resp *capture
}

func newPageCache(maxBytes int64, ttl time.Duration) *pageCache {
	if maxBytes <= 0 {
		return nil // off
	}
	return &pageCache{max: maxBytes, apartMax: maxBytes / 8, ttl: ttl, items: map[string]*list.Element{}, renders: map[string]*pageRender{}}
}

// dropAll makes every kept page stale: none is served fresh again, but each
// stays (until evicted) as the answer while the database cannot be read.
func (c *pageCache) dropAll() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.gen++
	c.mu.Unlock()
}

// lookup returns the page kept for path and query and whether it is
// fresh. The key is put together on the stack: a hit allocates nothing
// here. A path holding a "?" (sent as %3F) is never kept: see neverCached.
func (c *pageCache) lookup(path, query string, now time.Time) (*cachedPage, bool) {
	if c == nil || strings.IndexByte(path, '?') >= 0 {
		return nil, false
	}
	var buf [256]byte
	key := append(append(append(buf[:0], path...), '?'), query...)
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[string(key)]
	if !ok {
		return nil, false
	}
	p := el.Value.(*cachedPage)
	c.listOf(p).MoveToFront(el)
	return p, p.gen == c.gen && now.Before(p.expires)
}

// fresh is the page kept for path and query when it is fresh, else nil.
func (c *pageCache) fresh(path, query string, now time.Time) *cachedPage {
	if p, ok := c.lookup(path, query, now); ok {
		return p
	}
	return nil
}

// known says whether a page is kept for path and query, fresh or not.
func (c *pageCache) known(path, query string) bool {
	p, _ := c.lookup(path, query, time.Now())
	return p != nil
}

// listOf is the list p is on.
func (c *pageCache) listOf(p *cachedPage) *list.List {
	if p.apart {
		return &c.apart
	}
	return &c.lru
}

// keep stores p unless a change came while it was rendered (gen moved on).
func (c *pageCache) keep(p *cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p.gen != c.gen || p.size > c.max/8 || p.apart && p.size > c.apartMax {
		return
	}
	if el, ok := c.items[p.key]; ok {
		c.remove(el)
	}
	c.items[p.key] = c.listOf(p).PushFront(p)
	c.size += p.size
	if p.apart {
		c.apartSize += p.size
	}
	for c.apartSize > c.apartMax {
		c.remove(c.apart.Back())
	}
	for c.size > c.max {
		last := c.lru.Back()
		if last == nil {
			last = c.apart.Back()
		}
		c.remove(last)
	}
}

// remove takes a kept page out.
func (c *pageCache) remove(el *list.Element) {
	p := el.Value.(*cachedPage)
	c.listOf(p).Remove(el)
	delete(c.items, p.key)
	c.size -= p.size
	if p.apart {
		c.apartSize -= p.size
	}
}

// Bytes is what the kept pages take.
func (c *pageCache) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}

// cachePages serves public pages from the page cache. It runs after the
// visitor counter (every view counts) and before compression (kept pages
// carry their own encodings).
func (s *Server) cachePages(next http.Handler) http.Handler {
	if s.pages == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || neverCached(r.URL.Path) || r.Header.Get("Authorization") != "" {
			next.ServeHTTP(w, r)
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		now := time.Now() // the cache's own clock, not the site's (which tests stop)
		kept, fresh := s.pages.lookup(r.URL.Path, r.URL.RawQuery, now)
		if fresh {
			s.metrics.CacheHit()
			s.serveCached(w, r, kept, true)
			return
		}
		s.metrics.CacheMiss()
		if isHead(r) || !s.listening.Load() && kept == nil {
			// Nothing to keep it by, or nothing to fall back on: as if uncached.
			next.ServeHTTP(w, r)
			return
		}
		page, resp, leader := s.renderShared(key, next, r)
		switch {
		case page != nil:
			s.serveCached(w, r, page, !leader)
		case kept != nil && resp.status == http.StatusServiceUnavailable:
			// The database is away: yesterday's page beats an apology.
			w.Header().Set("Warning", `110 - "stale"`)
			s.serveCached(w, r, kept, true)
		default:
			resp.writeTo(w, isHead(r))
		}
	})
}

// renderShared renders the page at key once for all who ask at the same
// time; the one that rendered it is the leader.
func (s *Server) renderShared(key string, next http.Handler, r *http.Request) (*cachedPage, *capture, bool) {
	c := s.pages
	c.mu.Lock()
	if call, ok := c.renders[key]; ok {
		c.mu.Unlock()
		select {
		case <-call.done:
			return call.page, call.resp, false
		case <-r.Context().Done():
			return nil, &capture{status: http.StatusServiceUnavailable, header: http.Header{}}, false
		}
	}
	call := &pageRender{done: make(chan struct{})}
	c.renders[key] = call
	gen := c.gen
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.renders, key)
		c.mu.Unlock()
		close(call.done)
	}()

	// Rendered as nobody in particular: no encoding (each is made below), no
	// validators, and not cut short when this visitor leaves (others wait).
	inner := r.Clone(context.WithoutCancel(r.Context()))
	inner.Header.Del("Accept-Encoding")
	inner.Header.Del("If-None-Match")
	inner.Header.Del("If-Modified-Since")
	note := &cacheNote{}
	inner = inner.WithContext(context.WithValue(inner.Context(), cacheNoteKey{}, note))
	resp := &capture{header: http.Header{}}
	next.ServeHTTP(resp, inner)
	call.resp = resp
	if !resp.keepable() || !s.listening.Load() {
		// Kept only while changes are heard: otherwise nothing would drop it.
		return nil, resp, true
	}
	route := "other"
	if rctx := chi.RouteContext(r.Context()); rctx != nil && rctx.RoutePattern() != "" {
		route = rctx.RoutePattern()
	}
	call.page = s.newCachedPage(key, gen, s.pageExpiry(inner.Context()), resp, note.article, r.URL.Path, route)
	c.keep(call.page)
	s.metrics.CacheBytes(c.Bytes())
	return call.page, resp, true
}

// serveCached writes p in the best encoding the visitor takes, or 304 when
// they have it. counted says whether the handler did not run for this view.
func (s *Server) serveCached(w http.ResponseWriter, r *http.Request, p *cachedPage, counted bool) {
	if counted && p.article != 0 && !isHead(r) {
		s.visits.HitArticle(r, p.article)
	}
	s.writeHit(w, r, p, isHead(r))
}

// writeHit sends p in the best encoding r takes, or 304 when r has it
// already, and says which status it sent and how many bytes of body.
func (s *Server) writeHit(w http.ResponseWriter, r *http.Request, p *cachedPage, head bool) (status, n int) {
	enc := precompress.Identity
	if accept := r.Header["Accept-Encoding"]; len(accept) > 0 {
		enc = p.variants.Choose(accept[0])
	}
	out := &p.out[enc]
	status, set := http.StatusOK, out.ok
	if inm := r.Header["If-None-Match"]; len(inm) > 0 && precompress.ETagMatch(inm[0], out.etag) {
		status, set = http.StatusNotModified, out.notModified
	}
	h := w.Header()
	for _, f := range set {
		h[f.key] = f.values
	}
	if p.lang != "" && !cookieIs(r, langCookie, p.lang) {
		if len(h["Set-Cookie"]) == 0 {
			h["Set-Cookie"] = p.langCookie
		} else {
			h["Set-Cookie"] = append(h["Set-Cookie"], p.langCookie...)
		}
	}
	w.WriteHeader(status)
	if status != http.StatusOK || head {
		return status, 0
	}
	body := p.variants[enc]
	// A body that does not fit net/http's buffer beside the header goes
	// out in two writes: held back until both are made, it leaves as one
	// packet (cork_linux.go).
	cork := corkerOf(r.Context())
	flusher, ok := w.(http.Flusher)
	if cork == nil || !ok || len(body) <= corkAbove {
		n, _ = w.Write(body)
		return status, n
	}
	cork.set(true)
	n, _ = w.Write(body)
	flusher.Flush()
	cork.set(false)
	return status, n
}

// corkAbove is the body size from which a kept page is corked: below it,
// header and body fit net/http's 4 KB buffer and leave in one write.
const corkAbove = 3 << 10

// newCachedPage compresses resp's body once per encoding and works out
// every header of every answer, for the page at path rendered by route.
func (s *Server) newCachedPage(key string, gen uint64, expires time.Time, resp *capture, article int64, path, route string) *cachedPage {
	body := resp.body.Bytes()
	sum := sha256.Sum256(body)
	p := &cachedPage{key: key, gen: gen, expires: expires, article: article, route: route, apart: keptApart(path),
		etag: base64.RawURLEncoding.EncodeToString(sum[:12]), variants: precompress.Make(body)}
	page := resp.header.Clone()
	page.Del("Set-Cookie") // the language cookie, set per visitor (rememberLanguage)
	page.Del("Content-Length")
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	if lang, ok := s.cat.Lookup(first); ok {
		p.lang = lang.Code
		p.langCookie = []string{s.languageCookie(lang.Code).String()}
		p.view = strings.HasPrefix(page.Get("Content-Type"), "text/html") &&
			!(mayBePrivate(path) && privatePath.MatchString(path))
	}
	for enc, v := range p.variants {
		if v == nil && enc != precompress.Identity {
			continue
		}
		// In the order the chain outside the cache sets them: the
		// security headers, then the page's own, then the cache's.
		h := http.Header{}
		for _, f := range securityFields {
			h[f.key] = f.values
		}
		if s.https {
			h[stsField.key] = stsField.values
		}
		for k, v := range page {
			h[k] = v
		}
		etag := `"` + p.etag + precompress.ETagSuffix[enc] + `"`
		h.Set("Vary", "Accept-Encoding")
		h.Set("ETag", etag)
		notModified := h.Clone()
		notModified.Del("Content-Length")
		notModified.Del("Content-Type")
		if enc != precompress.Identity {
			h.Set("Content-Encoding", precompress.Name(enc))
		}
		h.Set("Content-Length", strconv.Itoa(len(v)))
		p.out[enc] = hitAnswer{ok: fields(h), notModified: fields(notModified), etag: etag}
	}
	p.size = int64(p.variants.Size()+len(key)) + 2048 // the entry and its headers
	return p
}

// seriesFor is the metrics series of a hit on p: by its route, the
// request's method and the status sent, resolved on the first such hit.
func (p *cachedPage) seriesFor(m *metrics.Metrics, head bool, status int) metrics.Series {
	if m == nil {
		return metrics.Series{}
	}
	h, nm := 0, 0
	method := http.MethodGet
	if head {
		h, method = 1, http.MethodHead
	}
	if status == http.StatusNotModified {
		nm = 1
	}
	if s := p.series[h][nm].Load(); s != nil {
		return *s
	}
	s := m.Series(p.route, method, status)
	p.series[h][nm].Store(&s)
	return s
}

// cacheNote is how a handler tells the cache about the page it rendered.
type cacheNote struct{ article int64 }

type cacheNoteKey struct{}

// noteArticle records that r renders the article id, so views served from
// the cache count as its visits.
func noteArticle(r *http.Request, id int64) {
	if n, ok := r.Context().Value(cacheNoteKey{}).(*cacheNote); ok {
		n.article = id
	}
}

// capture is a rendered response held in memory.
type capture struct {
	status int
	header http.Header
	body   bytes.Buffer
}

func (c *capture) Header() http.Header { return c.header }

func (c *capture) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
}

func (c *capture) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return c.body.Write(b)
}

// keepable: a whole, public, 200 answer that sets no cookie but the
// language one.
func (c *capture) keepable() bool {
	if c.status != http.StatusOK && c.status != 0 || c.header.Get("Content-Encoding") != "" {
		return false
	}
	cc := c.header.Get("Cache-Control")
	if strings.Contains(cc, "private") || strings.Contains(cc, "no-store") {
		return false
	}
	for _, sc := range c.header.Values("Set-Cookie") {
		if !strings.HasPrefix(sc, langCookie+"=") {
			return false
		}
	}
	return true
}

// writeTo sends a response that was not kept, as it was rendered.
func (c *capture) writeTo(w http.ResponseWriter, head bool) {
	h := w.Header()
	for k, v := range c.header {
		h[k] = v
	}
	status := c.status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	if !head {
		_, _ = w.Write(c.body.Bytes())
	}
}

// pageExpiry is when a page rendered now stops being served: after the
// cache's ttl, or sooner at the next moment a page changes by itself (a
// scheduled article, a price window, the expo opening or closing, a new
// day for the countdown), by the site's clock.
func (s *Server) pageExpiry(ctx context.Context) time.Time {
	ttl := s.pages.ttl
	now := s.now()
	if next, err := s.nextChange(ctx, now); err == nil && !next.IsZero() && next.Sub(now) < ttl {
		ttl = max(next.Sub(now), 0)
	}
	return time.Now().Add(ttl)
}

// nextChange is store.NextChange kept until a write or until it comes,
// and at the latest the next midnight in the expo's zone.
func (s *Server) nextChange(ctx context.Context, now time.Time) (time.Time, error) {
	site, _, err := s.frame(ctx, s.cat.Default().Code)
	if err != nil {
		return time.Time{}, err
	}
	loc := s.location(site.TimeZone)
	load := func() (time.Time, error) { return s.store.NextChange(ctx, now, site.TimeZone) }
	next, err := s.dueTimes.get("", load)
	if err == nil && !next.IsZero() && !next.After(now) {
		s.dueTimes.drop() // it came: what is due after it?
		next, err = s.dueTimes.get("", load)
	}
	local := now.In(loc)
	midnight := time.Date(local.Year(), local.Month(), local.Day()+1, 0, 0, 0, 0, loc)
	if next.IsZero() || midnight.Before(next) {
		next = midnight
	}
	return next, err
}
