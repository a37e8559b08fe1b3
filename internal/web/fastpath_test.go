package web

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fastServe serves site through Server.Serve (the fast path in front of
// net/http) on a port of its own, beside site.URL (net/http alone), and
// returns its address.
func fastServe(t *testing.T, site *testSite) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- site.srv.Serve(ctx, ln, 5*time.Second) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// exchange writes raw to addr on one connection, then a last request
// that closes it (/healthz), and reads the answers (to HEAD requests as
// heads says) until the connection ends.
func exchange(t *testing.T, addr, raw string, heads ...bool) []*http.Response {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, raw+"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	var out []*http.Response
	for i := 0; ; i++ {
		method := http.MethodGet
		if i < len(heads) && heads[i] {
			method = http.MethodHead
		}
		res, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			return out
		}
		body, _ := io.ReadAll(res.Body)
		res.Body = io.NopCloser(bytes.NewReader(body))
		out = append(out, res)
		if res.Close {
			return out
		}
	}
}

func bodyOf(res *http.Response) []byte {
	b, _ := io.ReadAll(res.Body)
	res.Body = io.NopCloser(bytes.NewReader(b))
	return b
}

// headerLines are res's header lines, sorted, without Date.
func headerLines(res *http.Response) []string {
	var out []string
	for k, vs := range res.Header {
		if k == "Date" {
			continue
		}
		for _, v := range vs {
			out = append(out, k+": "+v)
		}
	}
	slices.Sort(out)
	return out
}

// A kept page answered by the fast path is the answer net/http and the
// chain give, byte for byte and header for header (Date aside), in every
// form a visitor asks for it.
func TestFastPathAnswersAsTheChainDoes(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	fast := fastServe(t, site)
	chain := strings.TrimPrefix(site.URL, "http://")
	path := "/zh/exhibit/charges"
	if res, _ := fetch(t, site.URL+path); res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", path, res.StatusCode)
	}
	res, _ := fetch(t, site.URL+path)
	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Fatal("the page is not kept: this test would prove nothing")
	}
	before := site.srv.fastAnswers.Load()
	for _, extra := range []string{"", "Accept-Encoding: gzip, deflate, br, zstd\r\n", "Accept-Encoding: gzip\r\n",
		"If-None-Match: " + etag + "\r\n", "Cookie: lang=zh\r\n", "Cookie: lang=en; other=1\r\n",
		"User-Agent: Mozilla/5.0\r\nAccept: text/html\r\nConnection: keep-alive\r\n"} {
		for _, method := range []string{"GET", "HEAD"} {
			raw := method + " " + path + " HTTP/1.1\r\nHost: expo.example.org\r\n" + extra + "\r\n"
			want := exchange(t, chain, raw, method == "HEAD")
			got := exchange(t, fast, raw+raw, method == "HEAD", method == "HEAD") // twice: the connection is kept
			if len(want) != 2 || len(got) != 3 {
				t.Fatalf("%s %q: %d answers from net/http (of 2), %d (of 3) from the fast path", method, extra, len(want), len(got))
			}
			for _, g := range got[:2] {
				if g.StatusCode != want[0].StatusCode || !slices.Equal(headerLines(g), headerLines(want[0])) ||
					!bytes.Equal(bodyOf(g), bodyOf(want[0])) || g.Header.Get("Date") == "" {
					t.Errorf("%s %q:\nfast path %d %q (%d bytes)\nnet/http  %d %q (%d bytes)", method, extra,
						g.StatusCode, headerLines(g), len(bodyOf(g)), want[0].StatusCode, headerLines(want[0]), len(bodyOf(want[0])))
				}
			}
		}
	}
	if n := site.srv.fastAnswers.Load() - before; n != 7*2*2 {
		t.Errorf("the fast path answered %d of the 28 requests itself", n)
	}
}

// A connection whose next request is not a kept page goes to net/http
// with that request whole, pipelined requests after it included.
func TestFastPathHandsTheRestToNetHTTP(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	fast := fastServe(t, site)
	path := "/zh/news/"
	fetch(t, site.URL+path)
	hit := "GET " + path + " HTTP/1.1\r\nHost: expo.example.org\r\n\r\n"
	post := "POST /zh/search HTTP/1.1\r\nHost: expo.example.org\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nq=hello"
	miss := "GET /zh/about/overview HTTP/1.1\r\nHost: expo.example.org\r\n\r\n"
	before := site.srv.fastAnswers.Load()
	got := exchange(t, fast, hit+post+hit+miss+hit)
	if n := site.srv.fastAnswers.Load() - before; n != 1 {
		t.Errorf("the fast path answered %d requests, want the first alone", n)
	}
	if len(got) != 6 {
		t.Fatalf("%d answers to 6 requests", len(got))
	}
	want := []int{http.StatusOK, http.StatusMethodNotAllowed, http.StatusOK, http.StatusOK, http.StatusOK, http.StatusOK}
	for i, res := range got {
		if res.StatusCode != want[i] {
			t.Errorf("answer %d: %d, want %d", i+1, res.StatusCode, want[i])
		}
	}
	if !bytes.Equal(bodyOf(got[0]), bodyOf(got[2])) || !bytes.Equal(bodyOf(got[0]), bodyOf(got[4])) {
		t.Error("the kept page differs before and after the connection was handed over")
	}
	if !strings.Contains(string(bodyOf(got[3])), "<h1>") || bytes.Equal(bodyOf(got[3]), bodyOf(got[0])) {
		t.Error("the page missed after the hand-over is not its own")
	}
}

// Whatever the fast path does not read itself gets net/http's answer,
// byte for byte: odd, malformed and smuggling requests for a kept page
// included.
func TestFastPathLeavesOddRequestsToNetHTTP(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	fast := fastServe(t, site)
	chain := strings.TrimPrefix(site.URL, "http://")
	path := "/zh/news/"
	fetch(t, site.URL+path)
	long := strings.Repeat("a", 6000)
	for name, raw := range map[string]string{
		"plain (answered by the fast path)": "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
		"HTTP/1.0":                          "GET " + path + " HTTP/1.0\r\nHost: x\r\n\r\n",
		"no Host":                           "GET " + path + " HTTP/1.1\r\n\r\n",
		"two Hosts":                         "GET " + path + " HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
		"a Host with a space":               "GET " + path + " HTTP/1.1\r\nHost: x y\r\n\r\n",
		"a folded header":                   "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n",
		"a space before the colon":          "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-A : 1\r\n\r\n",
		"a bare LF":                         "GET " + path + " HTTP/1.1\r\nHost: x\nX-A: 1\r\n\r\n",
		"a NUL in a value":                  "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-A: 1\x002\r\n\r\n",
		"Content-Length and Transfer-Encoding": "GET " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" +
			"GET /admin/ HTTP/1.1\r\nHost: x\r\n\r\n",
		"a body":                  "GET " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
		"Expect":                  "GET " + path + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n",
		"Connection: close":       "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"Authorization":           "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YTpi\r\n\r\n",
		"absolute form":           "GET http://x" + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
		"escaped path":            "GET /zh/%6Eews/ HTTP/1.1\r\nHost: x\r\n\r\n",
		"dot segments":            "GET /zh/news/../news/ HTTP/1.1\r\nHost: x\r\n\r\n",
		"a fragment":              "GET " + path + "#top HTTP/1.1\r\nHost: x\r\n\r\n",
		"lower-case method":       "get " + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
		"two spaces":              "GET  " + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
		"a head longer than 4 KB": "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Long: " + long + "\r\n\r\n",
		"plain, a query with escapes (kept by the request before)": "GET " + path + "?page=%31 HTTP/1.1\r\nHost: x\r\n\r\n",
		"an upgrade":                          "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
		"plain, then a pipelined odd request": "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\nGET " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		"a request line without LF":           "GET " + path + " HTTP/1.1\rHost: x\r\n\r\n",
	} {
		want := exchange(t, chain, raw)
		before := site.srv.fastAnswers.Load()
		got := exchange(t, fast, raw)
		if answered := site.srv.fastAnswers.Load() - before; (answered > 0) != strings.HasPrefix(name, "plain") {
			t.Errorf("%s: the fast path answered %d itself", name, answered)
		}
		var w, g []string
		for _, res := range want {
			w = append(w, res.Status+" "+strings.Join(headerLines(res), "|")+" "+string(bodyOf(res)))
		}
		for _, res := range got {
			g = append(g, res.Status+" "+strings.Join(headerLines(res), "|")+" "+string(bodyOf(res)))
		}
		if len(w) == 0 {
			w = []string{"(closed)"}
		}
		if len(g) == 0 {
			g = []string{"(closed)"}
		}
		if !slices.Equal(w, g) {
			t.Errorf("%s:\nfast path %.300q\nnet/http  %.300q", name, g, w)
		}
	}
}

// Stopping the server ends connections waiting for their next request at
// once, not after the idle timeout.
func TestFastPathStopsPromptly(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- site.srv.Serve(ctx, ln, 10*time.Second) }()
	fetch(t, site.URL+"/zh/")
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	br := bufio.NewReader(c)
	io.WriteString(c, "GET /zh/ HTTP/1.1\r\nHost: x\r\n\r\n")
	res, err := http.ReadResponse(br, nil)
	if err != nil || res.StatusCode != http.StatusOK || res.Header.Get("ETag") == "" {
		t.Fatalf("the first answer: %v %v", res, err)
	}
	io.Copy(io.Discard, res.Body)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve still waits 5 s after it was told to stop, with one idle connection")
	}
	_ = c.SetReadDeadline(time.Now().Add(2 * time.Second))
	if n, err := br.Read(make([]byte, 1)); n != 0 || err == nil || isTimeout(err) {
		t.Errorf("the idle connection was left open: %d, %v", n, err)
	}
	t.Logf("stopped in %v", time.Since(start))
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("the port still takes connections")
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// A connection that sends nothing is closed after the header timeout, as
// net/http closes it, not kept for the idle time of a connection that
// has been answered: silent connections are a cheap way to use up
// descriptors.
func TestFastPathClosesSilentConnections(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	site.srv.timeouts = httpTimeouts{readHeader: 300 * time.Millisecond, read: time.Minute, write: time.Minute, idle: time.Minute}
	addr := fastServe(t, site)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	if n, err := c.Read(make([]byte, 1)); n != 0 || err == nil || isTimeout(err) {
		t.Fatalf("read %d, %v", n, err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("a silent connection was closed after %v, with a header timeout of 300 ms", took)
	}
}

// flakyListener fails its first Accept as a process out of descriptors
// does.
type flakyListener struct {
	net.Listener
	failed atomic.Bool
}

type temporaryError struct{}

func (temporaryError) Error() string   { return "accept4: too many open files" }
func (temporaryError) Temporary() bool { return true }
func (temporaryError) Timeout() bool   { return false }

func (l *flakyListener) Accept() (net.Conn, error) {
	if !l.failed.Swap(true) {
		return nil, temporaryError{}
	}
	return l.Listener.Accept()
}

// Running out of descriptors for a moment is waited out, as net/http
// does, not the end of serving.
func TestFastPathOutlivesAFailedAccept(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- site.srv.Serve(ctx, &flakyListener{Listener: ln}, 5*time.Second) }()
	defer func() { cancel(); <-done }()
	res, _ := fetch(t, "http://"+ln.Addr().String()+"/zh/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("after a failed accept: %d", res.StatusCode)
	}
	select {
	case err := <-done:
		done <- err // for the deferred wait
		t.Fatalf("Serve stopped: %v", err)
	default:
	}
}

// A kept page gone stale is rendered again on the fast path, and its
// connection stays there: handed to net/http at every page's expiry, a
// crowd's connections all left the fast path within seconds.
func TestFastPathKeepsTheConnectionWhenAPageGoesStale(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	addr := fastServe(t, site)
	path := "/zh/exhibit/charges"
	fetch(t, site.URL+path)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(c)
	ask := func(method string) (*http.Response, []byte) {
		t.Helper()
		if _, err := io.WriteString(c, method+" "+path+" HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		res, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		return res, body
	}
	before := site.srv.fastAnswers.Load()
	_, first := ask("GET")
	if _, err := site.pool.Exec(context.Background(), "UPDATE site_settings SET hotline = '024-8765-4321'"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, func() bool { return site.srv.pages.fresh(path, "", time.Now()) == nil })
	head, empty := ask("HEAD")
	stale, changed := ask("GET")
	_, again := ask("GET")
	if head.StatusCode != http.StatusOK || len(empty) != 0 || head.ContentLength != int64(len(changed)) {
		t.Errorf("HEAD of the stale page: %d, %d bytes of body, Content-Length %d (the page has %d)", head.StatusCode, len(empty), head.ContentLength, len(changed))
	}
	if stale.StatusCode != http.StatusOK || !bytes.Contains(changed, []byte("024-8765-4321")) || bytes.Equal(first, changed) {
		t.Errorf("the page rendered again: %d, new hotline shown %v", stale.StatusCode, bytes.Contains(changed, []byte("024-8765-4321")))
	}
	if !bytes.Equal(again, changed) {
		t.Error("the page kept again differs from the one rendered")
	}
	if n := site.srv.fastAnswers.Load() - before; n < 2 {
		t.Errorf("the fast path answered %d hits, want the first and the last: the connection was handed over", n)
	}
}
