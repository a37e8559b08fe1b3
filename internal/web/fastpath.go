package web

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The fast path answers the page cache's hits on the connection itself.
//
// Under a crowd nearly every request is for a kept page, and net/http's
// own work per request (a Request, a Header map and a context made, a
// response with its buffers, the header written key by key) came to more
// than the hit: a Go program sending one fixed page through net/http
// reached 0.6 of nginx here, writing it straight to the connection 1.2.
// So Serve reads each connection's requests itself while they are plain
// GETs and HEADs of kept pages (readPlain says exactly which), answers
// them with serveHit, the same code the chain's first middleware runs,
// and the moment one is anything else (a miss, a form, a body, an
// upgrade, anything its strict reading leaves out) hands the connection,
// with the bytes read and not yet answered, to net/http for good.
type fastPath struct {
	s        *Server
	chain    http.Handler // s.Handler(), for kept pages gone stale
	handoff  *handoffListener
	closing  atomic.Bool
	mu       sync.Mutex
	conns    map[net.Conn]struct{} // the connections still read here
	wg       sync.WaitGroup
	timeouts httpTimeouts
}

// httpTimeouts are the connection timeouts, the fast path's and net/http's.
type httpTimeouts struct{ readHeader, read, write, idle time.Duration }

var serverTimeouts = httpTimeouts{readHeader: 10 * time.Second, read: 60 * time.Second, write: 120 * time.Second, idle: 120 * time.Second}

// Serve answers HTTP on ln with s's handler, kept pages through the fast
// path, until ctx is cancelled; then it stops taking connections and lets
// requests in flight finish (up to grace).
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	if s.pages == nil {
		return Serve(ctx, ln, s.Handler(), s.log, grace)
	}
	h := s.Handler()
	f := &fastPath{s: s, chain: h, handoff: newHandoffListener(ln.Addr()), conns: map[net.Conn]struct{}{}, timeouts: s.timeouts}
	srv := newHTTPServer(h, s.log)
	srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout = s.timeouts.readHeader, s.timeouts.read, s.timeouts.write, s.timeouts.idle
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(f.handoff) }()
	go func() { errc <- f.accept(ln) }()
	select {
	case err := <-errc:
		ln.Close()
		f.stop()
		_ = srv.Close()
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down: finishing requests in flight")
	ln.Close()
	f.stop()
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	done := make(chan struct{})
	go func() { f.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-sctx.Done():
		return sctx.Err()
	}
	return nil
}

// accept takes ln's connections until it is closed.
func (f *fastPath) accept(ln net.Listener) error {
	var delay time.Duration
	for {
		c, err := ln.Accept()
		if err != nil {
			if f.closing.Load() || errors.Is(err, net.ErrClosed) {
				return nil
			}
			// Out of descriptors (EMFILE and the like are temporary, not
			// timeouts): wait and try again, as net/http does, rather than
			// stop serving.
			if te, ok := err.(interface{ Temporary() bool }); ok && te.Temporary() {
				delay = min(max(2*delay, 5*time.Millisecond), time.Second)
				f.s.log.Warn("accept failed; retrying", "err", err, "in", delay)
				time.Sleep(delay)
				continue
			}
			return err
		}
		delay = 0
		f.mu.Lock()
		if f.closing.Load() {
			f.mu.Unlock()
			c.Close()
			continue
		}
		f.conns[c] = struct{}{}
		f.wg.Add(1)
		f.mu.Unlock()
		go f.serveConn(c)
	}
}

// stop makes every connection read here end after the answer it is
// writing, and wakes those waiting for a request.
func (f *fastPath) stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closing.Store(true)
	for c := range f.conns {
		_ = c.SetReadDeadline(time.Now())
	}
}

// release says c is no longer read here.
func (f *fastPath) release(c net.Conn) {
	f.mu.Lock()
	delete(f.conns, c)
	f.mu.Unlock()
	f.wg.Done()
}

// serveConn answers c's requests while they are hits, then hands c over.
func (f *fastPath) serveConn(c net.Conn) {
	defer func() {
		// As net/http does for a connection: one bad answer must not
		// take the process down.
		if err := recover(); err != nil {
			f.s.log.Error("panic on the fast path", "err", err, "stack", string(debug.Stack()))
			c.Close()
			f.release(c)
		}
	}()
	br := bufio.NewReaderSize(c, 4<<10)
	w := &fastWriter{conn: c, h: http.Header{}, timeout: f.timeouts.write}
	remote := c.RemoteAddr().String()
	for first := true; ; first = false {
		// A new connection has the header timeout from its start for its
		// first request, as in net/http; a kept one waits its idle time.
		head := time.Now().Add(f.timeouts.readHeader)
		if first {
			_ = c.SetReadDeadline(head)
		} else {
			_ = c.SetReadDeadline(time.Now().Add(f.timeouts.idle))
		}
		// Looked at after the deadline is set: stop may have come before,
		// and its deadline (now) been replaced by this one.
		if f.closing.Load() {
			break
		}
		if _, err := br.Peek(1); err != nil {
			break
		}
		if !first {
			head = time.Now().Add(f.timeouts.readHeader)
		}
		_ = c.SetReadDeadline(head)
		r, n, err := readPlain(br)
		if err != nil {
			break
		}
		if r == nil {
			f.handOver(c, br)
			return
		}
		r.RemoteAddr = remote
		w.reset()
		if f.closing.Load() {
			w.h["Connection"] = connectionClose // as net/http answers while stopping
		}
		if f.s.serveHit(w, r) {
			f.s.fastAnswers.Add(1)
		} else if f.s.pages.known(r.URL.Path, r.URL.RawQuery) {
			// A kept page gone stale (its time up, or something it shows
			// changed) is rendered again here, through the whole chain:
			// handed over at each expiry, a crowd's connections all went
			// to net/http within seconds.
			f.renderHere(w, r)
		} else {
			f.handOver(c, br)
			return
		}
		_, _ = br.Discard(n)
		if w.finish() != nil {
			break
		}
	}
	closeConn(c)
	f.release(c)
}

var connectionClose = []string{"close"}

// closeConn closes c after saying it sends no more, so that what the
// client sent and was not read (a pipelined request) does not turn the
// close into a reset that could cut off the last answer.
func closeConn(c net.Conn) {
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
		_ = c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		_, _ = io.Copy(io.Discard, io.LimitReader(c, 256<<10))
	}
	c.Close()
}

// renderHere answers r through the chain, held in memory and then sent
// whole: a page, never a stream.
func (f *fastPath) renderHere(w *fastWriter, r *http.Request) {
	rec := &capture{header: http.Header{}}
	f.chain.ServeHTTP(rec, r)
	h := w.Header()
	for k, v := range rec.header {
		h[k] = v
	}
	status := cmp.Or(rec.status, http.StatusOK)
	// A HEAD is rendered as a GET (headAsGet): its body is the GET's,
	// whose length it states.
	if status != http.StatusNotModified && status != http.StatusNoContent && (r.Method != http.MethodHead || rec.body.Len() > 0) {
		h["Content-Length"] = []string{strconv.Itoa(rec.body.Len())}
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead && rec.body.Len() > 0 {
		_, _ = w.Write(rec.body.Bytes())
	}
}

// handOver gives c to net/http with what br holds unread.
func (f *fastPath) handOver(c net.Conn, br *bufio.Reader) {
	_ = c.SetDeadline(time.Time{})
	f.release(c)
	f.handoff.give(&handedConn{Conn: c, br: br})
}

// readPlain reads the head of the request at the front of br, without
// taking it, when it is one the fast path answers: GET or HEAD, HTTP/1.1,
// a target of plain characters (percent escapes in the query only), one
// Host, no body, no credentials, no upgrade, and every header line well
// formed. It returns the request and the head's length, or nil for any
// other request (net/http reads it then), or an error when the connection
// failed or timed out before the head was whole.
func readPlain(br *bufio.Reader) (*http.Request, int, error) {
	var head []byte
	for {
		buf, _ := br.Peek(br.Buffered())
		if i := bytes.Index(buf, []byte("\r\n\r\n")); i >= 0 {
			head = buf[:i+2]
			break
		}
		if br.Buffered() == br.Size() {
			return nil, 0, nil // longer than the fast path reads
		}
		if _, err := br.Peek(br.Buffered() + 1); err != nil {
			return nil, 0, err
		}
	}
	n := len(head) + 2

	line, rest, _ := bytes.Cut(head, []byte("\r\n"))
	method, line, _ := bytes.Cut(line, []byte(" "))
	target, proto, _ := bytes.Cut(line, []byte(" "))
	var m string
	switch string(method) {
	case http.MethodGet:
		m = http.MethodGet
	case http.MethodHead:
		m = http.MethodHead
	default:
		return nil, n, nil
	}
	if string(proto) != "HTTP/1.1" || !plainTarget(target) {
		return nil, n, nil
	}
	r := &http.Request{Method: m, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: make(http.Header, 8), Body: http.NoBody, RequestURI: string(target)}
	path, query, hasQuery := strings.Cut(r.RequestURI, "?")
	r.URL = &url.URL{Path: path, RawQuery: query, ForceQuery: hasQuery && query == ""}
	for len(rest) > 0 {
		var h []byte
		h, rest, _ = bytes.Cut(rest, []byte("\r\n"))
		name, value, ok := bytes.Cut(h, []byte(":"))
		if !ok || !plainToken(name) || !plainValue(value) {
			return nil, n, nil
		}
		key := textproto.CanonicalMIMEHeaderKey(string(name))
		v := string(bytes.Trim(value, " \t"))
		switch key {
		case "Host":
			if r.Host != "" || v == "" || !plainHost(v) {
				return nil, n, nil
			}
			r.Host = v
			continue
		case "Content-Length", "Transfer-Encoding", "Expect", "Upgrade", "Authorization", "Te", "Trailer":
			return nil, n, nil
		case "Connection":
			if !strings.EqualFold(v, "keep-alive") {
				return nil, n, nil
			}
		}
		r.Header[key] = append(r.Header[key], v)
	}
	if r.Host == "" {
		return nil, n, nil
	}
	return r, n, nil
}

// plainTarget: an origin-form target of unreserved and sub-delimiting
// characters, with percent escapes only after the "?", so its path is
// the path as net/http would decode it.
func plainTarget(t []byte) bool {
	if len(t) == 0 || t[0] != '/' || len(t) > 2048 {
		return false
	}
	inQuery := false
	for _, c := range t {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case bytes.IndexByte([]byte("-._~/!$&'()*+,;=:@"), c) >= 0:
		case c == '?':
			inQuery = true
		case c == '%' && inQuery:
		default:
			return false
		}
	}
	return true
}

// plainToken: a header name of letters, digits and "-".
func plainToken(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// plainValue: no control characters but tabs (a bare CR or LF included).
func plainValue(b []byte) bool {
	for _, c := range b {
		if c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// plainHost: a host name or address and port.
func plainHost(h string) bool {
	for i := range len(h) {
		c := h[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == ':' || c == '[' || c == ']' || c == '_') {
			return false
		}
	}
	return true
}

// fastWriter writes one answer straight to the connection: its head and
// body in one writev, so they leave as one packet where they fit.
type fastWriter struct {
	conn    net.Conn
	h       http.Header
	timeout time.Duration
	status  int
	sent    bool
	err     error
	head    []byte
}

func (w *fastWriter) reset() {
	clear(w.h)
	w.status, w.sent, w.err = 0, false, nil
}

func (w *fastWriter) Header() http.Header { return w.h }

func (w *fastWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *fastWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if w.sent {
		return w.send(b)
	}
	w.sent = true
	w.head = w.appendHead(w.head[:0])
	bufs := net.Buffers{w.head, b}
	_ = w.conn.SetWriteDeadline(time.Now().Add(w.timeout))
	_, err := bufs.WriteTo(w.conn)
	if err != nil {
		w.err = err
		return 0, err
	}
	return len(b), nil
}

func (w *fastWriter) send(b []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.conn.Write(b)
	w.err = err
	return n, err
}

// finish sends the head of an answer without a body (a 304, a HEAD).
func (w *fastWriter) finish() error {
	if !w.sent {
		if _, err := w.Write(nil); err != nil {
			return err
		}
	}
	return w.err
}

// appendHead is the status line and header, as net/http would write them
// (a Date added), to b.
func (w *fastWriter) appendHead(b []byte) []byte {
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(w.status), 10)
	b = append(b, ' ')
	b = append(b, http.StatusText(w.status)...)
	b = append(b, "\r\n"...)
	for k, vs := range w.h {
		for _, v := range vs {
			b = append(append(append(append(b, k...), ": "...), v...), "\r\n"...)
		}
	}
	if _, ok := w.h["Date"]; !ok {
		b = append(append(append(b, "Date: "...), httpDate()...), "\r\n"...)
	}
	return append(b, "\r\n"...)
}

// httpDate is now in an HTTP header's form, made once a second.
func httpDate() string {
	now := time.Now()
	if d := lastDate.Load(); d != nil && d.sec == now.Unix() {
		return d.text
	}
	d := &dateText{sec: now.Unix(), text: now.UTC().Format(http.TimeFormat)}
	lastDate.Store(d)
	return d.text
}

type dateText struct {
	sec  int64
	text string
}

var lastDate atomic.Pointer[dateText]

// handoffListener is how connections reach net/http from the fast path.
type handoffListener struct {
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
	addr   net.Addr
}

func newHandoffListener(addr net.Addr) *handoffListener {
	return &handoffListener{conns: make(chan net.Conn), closed: make(chan struct{}), addr: addr}
}

func (l *handoffListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *handoffListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *handoffListener) Addr() net.Addr { return l.addr }

// give passes c to net/http, or closes it when net/http has stopped.
func (l *handoffListener) give(c net.Conn) {
	select {
	case l.conns <- c:
	case <-l.closed:
		c.Close()
	}
}

// handedConn is a connection net/http reads after the fast path: first
// what the fast path had read and not answered.
type handedConn struct {
	net.Conn
	br *bufio.Reader
}

func (c *handedConn) Read(p []byte) (int, error) {
	if c.br != nil {
		if c.br.Buffered() > 0 {
			return c.br.Read(p)
		}
		c.br = nil // read out: its buffer goes
	}
	return c.Conn.Read(p)
}

// ReadFrom and CloseWrite are the TCP connection's, which net/http uses
// when it finds them: sendfile for files, a half close before closing.
func (c *handedConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

func (c *handedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// NetConn is the connection itself, for withCorker.
func (c *handedConn) NetConn() net.Conn { return c.Conn }
