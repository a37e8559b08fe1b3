package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/textproto"
	"net/url"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/media"
)

// csp allows nothing but this origin: no inline script or style, no frames.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; media-src 'self'; connect-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// securityFields are the headers every answer carries, made once: each
// request assigns them (shared slices, capacity one) instead of building
// them. Pages from the page cache carry them in their own header sets.
var securityFields = []headerField{
	{"Content-Security-Policy", []string{csp}},
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"Referrer-Policy", []string{"strict-origin-when-cross-origin"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=()"}},
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, f := range securityFields {
			h[f.key] = f.values
		}
		next.ServeHTTP(w, r)
	})
}

// reqIDPrefix and reqIDs make request ids as chi's RequestID does
// ("host/random-000001"), and a page from the cache, which skips the
// router, takes its id from the same sequence.
var (
	reqIDPrefix = func() string {
		host, err := os.Hostname()
		if host == "" || err != nil {
			host = "localhost"
		}
		var b [12]byte
		_, _ = rand.Read(b[:])
		return host + "/" + base64.RawURLEncoding.EncodeToString(b[:])[:10]
	}()
	reqIDs atomic.Uint64
)

// requestIDOf is r's id: the one a proxy sent in X-Request-Id, else the
// next of this process.
func requestIDOf(r *http.Request) string {
	if v := r.Header[middleware.RequestIDHeader]; len(v) > 0 && v[0] != "" {
		return v[0]
	}
	var buf [96]byte
	id := append(append(buf[:0], reqIDPrefix...), '-')
	var num [20]byte
	digits := strconv.AppendUint(num[:0], reqIDs.Add(1), 10)
	for i := len(digits); i < 6; i++ {
		id = append(id, '0')
	}
	return string(append(id, digits...))
}

// requestID puts r's id where middleware.GetReqID finds it.
func requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), middleware.RequestIDKey, requestIDOf(r))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// privatePath matches the pages whose address is their key: an e-ticket,
// a delegation's tickets, an application's confirmation. Their tokens stay
// out of the log and the visit counts (which staff read).
var privatePath = regexp.MustCompile(`/(tickets|register/group|exhibit/apply)/[a-z2-7]{26}`)

// loggedPath is path with any token blanked out.
func loggedPath(path string) string {
	if !mayBePrivate(path) {
		return path
	}
	return privatePath.ReplaceAllString(path, "/$1/<token>")
}

// mayBePrivate is privatePath's cheap first look: no regexp for the
// public pages that are most of the traffic.
func mayBePrivate(path string) bool {
	return strings.Contains(path, "/tickets/") || strings.Contains(path, "/register/group/") || strings.Contains(path, "/exhibit/apply/")
}

// accessLog writes one line per request.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		status := ww.Status()
		if status == 0 {
			status = http.StatusOK
		}
		s.logRequest(r, middleware.GetReqID(r.Context()), status, ww.BytesWritten(), time.Since(start))
	})
}

// logRequest writes r's line in the access log. It goes to the handler
// itself: through the Logger, each line would also look up its caller's
// program counter (a stack walk that was a sixth of the line's cost),
// which an access log line has no use for.
func (s *Server) logRequest(r *http.Request, id string, status, bytes int, took time.Duration) {
	if s.access != nil {
		s.access.write(accessLine{at: time.Now(), id: id, method: r.Method, path: loggedPath(r.URL.Path),
			status: status, bytes: bytes, took: took, remote: r.RemoteAddr})
		return
	}
	h := s.log.Handler()
	if !h.Enabled(r.Context(), slog.LevelInfo) {
		return
	}
	rec := slog.NewRecord(time.Now(), slog.LevelInfo, "request", 0)
	rec.AddAttrs(
		slog.String("id", id),
		slog.String("method", r.Method),
		slog.String("path", loggedPath(r.URL.Path)),
		slog.Int("status", status),
		slog.Int("bytes", bytes),
		slog.Duration("duration", took),
		slog.String("remote", r.RemoteAddr))
	_ = h.Handle(r.Context(), rec)
}

// recoverPanic turns a panic into a logged 500 page instead of a dropped
// connection.
func (s *Server) recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			if rec == http.ErrAbortHandler {
				panic(rec)
			}
			s.log.Error("panic", "id", middleware.GetReqID(r.Context()), "path", loggedPath(r.URL.Path),
				"panic", fmt.Sprint(rec), "stack", string(debug.Stack()))
			s.renderError(w, r, http.StatusInternalServerError)
		}()
		next.ServeHTTP(w, r)
	})
}

// countVisits counts a view of every page a visitor got: a GET of a
// language page answered 200 with HTML. It runs outside headAsGet so that
// HEAD requests are not views.
func (s *Server) countVisits(next http.Handler) http.Handler {
	if s.visits == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		if r.Method != http.MethodGet || ww.Status() != http.StatusOK ||
			!strings.HasPrefix(ww.Header().Get("Content-Type"), "text/html") {
			return
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		if _, ok := s.cat.Lookup(first); ok && !(mayBePrivate(r.URL.Path) && privatePath.MatchString(r.URL.Path)) {
			s.visits.Hit(r, r.URL.Path)
		}
	})
}

type headKey struct{}

// headAsGet routes HEAD like GET. net/http still sends no body: it decides
// by the request it read, not the copy passed on. Handlers that would do
// work only for the body (reading media, counting a read) ask isHead.
func headAsGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			get := r.WithContext(context.WithValue(r.Context(), headKey{}, true))
			get.Method = http.MethodGet
			r = get
		}
		next.ServeHTTP(w, r)
	})
}

// isHead reports whether the request came in as HEAD.
func isHead(r *http.Request) bool {
	head, _ := r.Context().Value(headKey{}).(bool)
	return head
}

// deadline bounds each request's work: queries started under the request's
// context give up after s.timeout. What the handler does about it (a 500
// page) is the only response written, unlike chi's Timeout, which adds a
// 504 after the handler has already answered.
func (s *Server) deadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

type langKey struct{}

// withLanguage accepts the site's languages in the URL's first segment and
// remembers the choice in a cookie for the next visit to "/".
func (s *Server) withLanguage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang, ok := s.cat.Lookup(chi.URLParam(r, "lang"))
		if !ok {
			s.notFoundPage(w, r)
			return
		}
		if r.URL.Path == "/"+lang.Code { // the home page's URL ends in a slash
			addSlash(w, r)
			return
		}
		s.rememberLanguage(w, r)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), langKey{}, lang)))
	})
}

// rememberLanguage sets the language cookie to the language of the page at
// r's path when the visitor's says otherwise: "/" sends them back to it.
func (s *Server) rememberLanguage(w http.ResponseWriter, r *http.Request) {
	first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	lang, ok := s.cat.Lookup(first)
	if !ok {
		return
	}
	if !cookieIs(r, langCookie, lang.Code) {
		http.SetCookie(w, s.languageCookie(lang.Code))
	}
}

// languageCookie remembers the language code.
func (s *Server) languageCookie(code string) *http.Cookie {
	return &http.Cookie{
		Name: langCookie, Value: code, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.https,
	}
}

// cookieIs reports whether r's cookie name (the first, as r.Cookie reads
// it) has the value want. The usual answers come from a look at the
// header; only an unusual one (another value, quotes) pays for parsing
// every cookie.
func cookieIs(r *http.Request, name, want string) bool {
	for _, line := range r.Header["Cookie"] {
		for part := range strings.SplitSeq(line, ";") {
			k, v, _ := strings.Cut(textproto.TrimString(part), "=")
			if textproto.TrimString(k) != name {
				continue
			}
			if v == want {
				return true // a valid value, so the one r.Cookie reads
			}
			c, err := r.Cookie(name)
			return err == nil && c.Value == want
		}
	}
	return false // none by that name
}

const langCookie = "lang"

// requestLang is the language of the page being served: the URL's, or,
// outside the language prefixes, the visitor's negotiated one. It reads the
// URL itself, not only the context, for error pages drawn outside the
// language routes (a panic, an unknown path under a known prefix).
func (s *Server) requestLang(r *http.Request) i18n.Lang {
	if l, ok := r.Context().Value(langKey{}).(i18n.Lang); ok {
		return l
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if l, ok := s.cat.Lookup(first); ok {
		return l
	}
	cookie := ""
	if c, err := r.Cookie(langCookie); err == nil {
		cookie = c.Value
	}
	return s.cat.Negotiate(cookie, r.Header.Get("Accept-Language"))
}

// strictTransport tells browsers to reach an https site over https only,
// for a year, so no later visit starts on plain http where it could be
// read or changed on the way. Not on an http site, which must stay
// reachable.
func (s *Server) strictTransport(next http.Handler) http.Handler {
	if !s.https {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()[stsField.key] = stsField.values
		next.ServeHTTP(w, r)
	})
}

var stsField = headerField{"Strict-Transport-Security", []string{"max-age=31536000"}}

// statedLength refuses (400) a request whose body is sent chunked.
// Content-Length beside Transfer-Encoding is how a request is smuggled
// past a proxy that reads the other header; net/http reads such a body as
// chunked and drops Content-Length before any handler sees it, so the two
// cannot be told apart here. Browsers state the length of every form and
// upload they send, so this costs a visitor nothing. The connection is
// closed: what follows in it cannot be trusted to be the next request.
func (s *Server) statedLength(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.TransferEncoding) > 0 {
			w.Header().Set("Connection", "close")
			s.renderError(w, r, http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin refuses (403) a post whose Origin is not the portal's own,
// scheme and host alike. net/http's CrossOriginProtection, which runs
// next, compares an Origin's host alone with the Host header, so it takes
// Origin: https://host as its own on an http site and the other way round.
// A request without Origin is left to that check (Sec-Fetch-Site).
func (s *Server) sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
		default:
			if o := r.Header.Get("Origin"); o != "" && originOf(o) != s.ownOrigin(r) {
				s.renderError(w, r, http.StatusForbidden)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// ownOrigin is the origin r must come from: the configured base URL's,
// else the one r came to, https when it came over TLS or a trusted proxy
// says so in X-Forwarded-Proto (its first value: the visitor's side).
func (s *Server) ownOrigin(r *http.Request) string {
	if s.origin != "" {
		return s.origin
	}
	scheme := "http"
	proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	if r.TLS != nil || s.fromTrustedProxy(r) && strings.EqualFold(strings.TrimSpace(proto), "https") {
		scheme = "https"
	}
	return origin(scheme, r.Host)
}

// fromTrustedProxy reports whether r came straight from one of the
// trusted proxies, whose forwarding headers are believed.
func (s *Server) fromTrustedProxy(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	for _, p := range s.trustedProxies {
		if p.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// originOf is the origin of an absolute http(s) URL, written the way a
// browser writes an Origin header; "" when it has none (Origin: null).
func originOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return origin(u.Scheme, u.Host)
}

// origin writes scheme and host as a browser does: lower case, without
// the scheme's default port.
func origin(scheme, host string) string {
	scheme, host = strings.ToLower(scheme), strings.ToLower(host)
	switch scheme {
	case "http":
		host = strings.TrimSuffix(host, ":80")
	case "https":
		host = strings.TrimSuffix(host, ":443")
	}
	return scheme + "://" + host
}

// Request body limits. Handlers that take less set their own, tighter
// limit; these bound the ones that set none (Go's own form limit is 10 MB,
// and going past it is an error no status can be told from).
const (
	// maxFormBody holds the largest form typed by hand: two languages of
	// the longest article body, escaped.
	maxFormBody = 8 << 20
	// maxUploadBody holds the largest upload: an article's cover and image.
	maxUploadBody = 2*media.MaxImageBytes + 1<<20
)

// checkInput refuses what no handler can use before any handler runs: an
// address or query holding a NUL or bytes that are not UTF-8 (PostgreSQL
// stores neither) gets the 400 page, a body larger than any form takes the
// 413 page. Whatever reads the body later meets the same limit.
func (s *Server) checkInput(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cleanText(r.URL.Path) || !cleanValues(queryValues(r.URL.RawQuery)) {
			s.log.Info("bad request", "id", middleware.GetReqID(r.Context()), "path", loggedPath(r.URL.Path), "err", "not UTF-8 text")
			s.renderError(w, r, http.StatusBadRequest)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			limit := int64(maxFormBody)
			if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
				limit = maxUploadBody
			}
			if r.ContentLength > limit {
				s.log.Info("body too large", "id", middleware.GetReqID(r.Context()), "path", loggedPath(r.URL.Path), "bytes", r.ContentLength)
				s.renderError(w, r, http.StatusRequestEntityTooLarge)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

// checkForm reads a posted form, as the handler would, and refuses it
// with the 400 page when a value is not text PostgreSQL can store. It
// serves the back office, whose forms a person fills in: a NUL there is a
// tampered request. The public forms say so by the field instead, and so
// do the back office's multipart forms (an article, an exhibitor, an
// import), which their handlers read under their own limits.
func (s *Server) checkForm(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
				if err := r.ParseForm(); err != nil {
					s.fail(w, r, clientError(err))
					return
				}
				if !cleanValues(r.PostForm) {
					s.log.Info("bad request", "id", middleware.GetReqID(r.Context()), "path", loggedPath(r.URL.Path), "err", "form not UTF-8 text")
					s.renderError(w, r, http.StatusBadRequest)
					return
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// queryValues parses a query as url.Values does, keeping what parses.
func queryValues(raw string) url.Values {
	v, _ := url.ParseQuery(raw)
	return v
}

// cleanValues reports whether every name and value is cleanText.
func cleanValues(v url.Values) bool {
	for k, vs := range v {
		if !cleanText(k) {
			return false
		}
		for _, s := range vs {
			if !cleanText(s) {
				return false
			}
		}
	}
	return true
}

// cleanText is text PostgreSQL can store: UTF-8 without NUL.
func cleanText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}
