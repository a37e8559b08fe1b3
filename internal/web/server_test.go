package web

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestPanicRendersTranslated500(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	h := site.srv.recoverPanic(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	for lang, title := range map[string]string{"zh": "服务器出错了", "en": "Something went wrong"} {
		// The browser prefers the other language: the URL's must win.
		req, _ := http.NewRequest(http.MethodGet, "/"+lang+"/about/scope", nil)
		req.Header.Set("Accept-Language", map[string]string{"zh": "en", "en": "zh-CN"}[lang])
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusInternalServerError {
			t.Fatalf("status %d, want 500", rec.Code)
		}
		d := parse(t, rec.Body.String())
		if got, _ := d.Find("html").Attr("lang"); got != lang {
			t.Errorf("500 page for /%s/ in %q", lang, got)
		}
		if got := d.Find("h1").Text(); got != title {
			t.Errorf("%s: h1 %q, want %q", lang, got, title)
		}
		if strings.Contains(rec.Body.String(), "boom") {
			t.Error("panic value reached the visitor")
		}
	}
	if !strings.Contains(site.logs.String(), "panic=boom") {
		t.Errorf("panic not logged: %s", site.logs.String())
	}
}

func TestGracefulShutdownFinishesRequestsInFlight(t *testing.T) {
	t.Parallel()
	started, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "finished")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, newSite(t).srv.log, 10*time.Second) }()

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		got <- result{string(b), err}
	}()
	<-started
	cancel() // SIGTERM arrives while the request is in flight
	select {
	case err := <-served:
		t.Fatalf("server stopped before the request finished: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("server still accepts new connections while shutting down")
	}
	close(release)
	if r := <-got; r.err != nil || r.body != "finished" {
		t.Fatalf("in-flight request: %q, %v", r.body, r.err)
	}
	if err := <-served; err != nil {
		t.Fatalf("Serve: %v", err)
	}
}
