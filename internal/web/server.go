// Package web is the portal's HTTP face: routes, middleware and handlers.
package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/markdown"
	"github.com/expoportal/portal/internal/metrics"
	"github.com/expoportal/portal/internal/outbox"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/visits"
	"github.com/expoportal/portal/static"
)

// Server holds what the handlers depend on.
type Server struct {
	store  *store.Store
	cat    *i18n.Catalog
	assets *static.Assets
	md     *markdown.Renderer
	visits *visits.Counter // nil: nothing counted
	// metrics counts requests by route; nil counts nothing.
	metrics *metrics.Metrics
	// sessions keeps staff signed in, in PostgreSQL; dummyHash is verified
	// for unknown e-mails so sign-in takes as long as for real ones.
	sessions       *scs.SessionManager
	dummyHash      func() string
	trustedProxies []netip.Prefix
	log            *slog.Logger
	access         *accessLog // nil: the access log goes through log
	baseURL        string
	now            func() time.Time
	timeout        time.Duration
	zones          sync.Map                // time zone name -> *time.Location
	frames         memo[frameParts]        // the page frame, kept until a change (frame.go)
	directory      memo[[]store.Exhibitor] // every exhibitor in each language's order (exhibitors.go)
	dueTimes       memo[time.Time]         // when a page next changes by itself (pagecache.go)
	secrets        sync.Map                // name -> []byte, read once (see secret)
	pages          *pageCache              // nil: off
	fastAnswers    atomic.Int64            // hits the fast path wrote itself (fastpath.go), for its tests
	timeouts       httpTimeouts            // the connections' (serverTimeouts; tests shorten them)
	// listening: this instance hears every change (ListenForChanges), so
	// what it keeps in memory can be trusted.
	listening atomic.Bool
	// outbox writes e-mails as jobs in the transaction that caused them;
	// nil (or one without a mail server) sends none.
	outbox *outbox.Outbox
	// origin is where a browser's posts must come from: the configured
	// base URL's scheme and host; "" when none is configured (see ownOrigin).
	origin string
	// https: the base URL is https, so cookies are Secure and browsers are
	// told to use nothing else.
	https bool
}

// Options configure New.
type Options struct {
	Store   *store.Store
	Catalog *i18n.Catalog
	Assets  *static.Assets
	Visits  *visits.Counter // optional
	// Sessions must store in PostgreSQL (pgxstore) in production; the
	// session cookie is made Secure when BaseURL is https.
	Sessions       *scs.SessionManager
	TrustedProxies []netip.Prefix
	Logger         *slog.Logger
	// AccessLog takes the access log's lines, written directly in the
	// Logger's text format; nil sends them through Logger.
	AccessLog io.Writer
	BaseURL   string           // public origin, no trailing slash
	Now       func() time.Time // the clock; time.Now when nil
	Timeout   time.Duration    // per request; 30s when zero
	Outbox    *outbox.Outbox   // optional: e-mails (organisers' notices, e-tickets) as durable jobs
	// PageCacheBytes bounds the page cache (every encoding of every page);
	// 0 turns it off. Pages are kept only while ListenForChanges runs.
	PageCacheBytes int64
	// PageCacheTTL is the longest a page is served before it is rendered
	// again: the visitor counter's flush interval. 5s when zero.
	PageCacheTTL time.Duration
	// BaseURLGuessed: BaseURL was made from the listen address, not
	// configured, so it says nothing about where visitors reach the site;
	// posts are checked against the origin each request came to instead.
	BaseURLGuessed bool
	Metrics        *metrics.Metrics // optional: request counts and latency by route
}

// New returns a Server.
func New(o Options) *Server {
	s := &Server{
		store: o.Store, cat: o.Catalog, assets: o.Assets, log: o.Logger, md: markdown.New(), visits: o.Visits,
		sessions: o.Sessions, trustedProxies: o.TrustedProxies,
		baseURL: o.BaseURL, now: o.Now, timeout: o.Timeout, outbox: o.Outbox,
		metrics: o.Metrics,
	}
	if !o.BaseURLGuessed {
		s.origin = originOf(o.BaseURL)
	}
	s.https = strings.HasPrefix(originOf(o.BaseURL), "https://")
	if s.now == nil {
		s.now = time.Now
	}
	if o.PageCacheTTL == 0 {
		o.PageCacheTTL = 5 * time.Second
	}
	s.pages = newPageCache(o.PageCacheBytes, o.PageCacheTTL)
	if s.timeout == 0 {
		s.timeout = 30 * time.Second
	}
	s.timeouts = serverTimeouts
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if o.AccessLog != nil {
		s.access = newAccessLog(o.AccessLog)
	}
	if s.sessions == nil {
		s.sessions = scs.New() // in memory: for tests that never sign in
	}
	s.sessions.Lifetime = sessionAbsoluteLife
	s.sessions.IdleTimeout = sessionIdleTimeout
	s.sessions.Cookie.Name = "portal_session"
	s.sessions.Cookie.HttpOnly = true
	s.sessions.Cookie.SameSite = http.SameSiteLaxMode
	s.sessions.Cookie.Secure = s.https
	s.sessions.Cookie.Path = "/admin"
	s.sessions.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		if dbUnavailable(err) {
			s.fail(w, r, err) // a 503, with a post's input given back
			return
		}
		s.log.Error("session", "path", r.URL.Path, "err", err)
		s.renderError(w, r, http.StatusInternalServerError)
	}
	s.dummyHash = sync.OnceValue(func() string {
		h, _ := auth.Hash("not a password anyone has", auth.DefaultParams)
		return h
	})
	return s
}

// location loads a time zone once per name; an unknown name falls back to
// the expo's home zone rather than failing the page.
func (s *Server) location(name string) *time.Location {
	if loc, ok := s.zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		s.log.Warn("unknown time zone in site settings", "zone", name, "err", err)
		loc = time.FixedZone("CST", 8*3600)
	}
	s.zones.Store(name, loc)
	return loc
}

// Serve answers HTTP on ln until ctx is cancelled, then stops taking new
// connections and lets in-flight requests finish (up to grace).
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, grace time.Duration) error {
	srv := newHTTPServer(h, log)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newHTTPServer is net/http's server for h, with the portal's timeouts.
func newHTTPServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: serverTimeouts.readHeader,
		ReadTimeout:       serverTimeouts.read,
		WriteTimeout:      serverTimeouts.write,
		IdleTimeout:       serverTimeouts.idle,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ConnContext:       withCorker, // for the page cache's hits (hits.go)
	}
}
