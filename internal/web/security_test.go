package web

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/auth"
)

// postWith posts an empty registration form to path with the Host header
// host (the server's own address when "") and headers ("Name: value").
func (s *testSite) postWith(t *testing.T, path, host string, headers ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader(url.Values{"name": {""}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if host != "" {
		req.Host = host
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// A browser's post must come from the site's own origin, scheme and host
// alike: the configured base URL's, or, when none is configured, the one
// the request came to (https when a trusted proxy says so).
func TestPostsComeOnlyFromTheSitesOwnOrigin(t *testing.T) {
	t.Parallel()
	configured := newSite(t) // https://expo.example.org
	guessed := newSiteWith(t, func(o *Options, _ string) {
		o.BaseURL, o.BaseURLGuessed = "http://127.0.0.1:8080", true // what an unset PORTAL_BASE_URL gives
	})
	proxied := newSiteWith(t, func(o *Options, _ string) {
		o.BaseURL = ""
		o.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	})
	own := "http://" + guessed.Listener.Addr().String()
	const allowed = http.StatusUnprocessableEntity // the empty form's answer
	for _, tc := range []struct {
		name    string
		site    *testSite
		host    string
		headers []string
		want    int
	}{
		{"configured: its origin", configured, "expo.example.org", []string{"Origin: https://expo.example.org"}, allowed},
		{"configured: default port", configured, "expo.example.org:443", []string{"Origin: https://expo.example.org"}, allowed},
		{"configured: http", configured, "expo.example.org", []string{"Origin: http://expo.example.org"}, http.StatusForbidden},
		{"configured: another port", configured, "expo.example.org", []string{"Origin: https://expo.example.org:8443"}, http.StatusForbidden},
		{"configured: another host", configured, "expo.example.org", []string{"Origin: https://evil.example"}, http.StatusForbidden},
		{"configured: null", configured, "expo.example.org", []string{"Origin: null"}, http.StatusForbidden},
		{"configured: no Origin, not a browser", configured, "expo.example.org", nil, allowed},
		{"guessed: the request's own", guessed, "", []string{"Origin: " + own}, allowed},
		{"guessed: https to a plain http server", guessed, "", []string{"Origin: https://" + guessed.Listener.Addr().String()}, http.StatusForbidden},
		{"guessed: X-Forwarded-Proto from an untrusted address", guessed, "", []string{"X-Forwarded-Proto: https", "Origin: https://" + guessed.Listener.Addr().String()}, http.StatusForbidden},
		{"proxied https: https", proxied, "expo.example.org", []string{"X-Forwarded-Proto: https", "Origin: https://expo.example.org"}, allowed},
		{"proxied https: http", proxied, "expo.example.org", []string{"X-Forwarded-Proto: https", "Origin: http://expo.example.org"}, http.StatusForbidden},
		{"proxied http: http", proxied, "expo.example.org", []string{"X-Forwarded-Proto: http", "Origin: http://expo.example.org"}, allowed},
		{"proxied http: https", proxied, "expo.example.org", []string{"Origin: https://expo.example.org"}, http.StatusForbidden},
	} {
		if res, _ := tc.site.postWith(t, "/en/register", tc.host, tc.headers...); res.StatusCode != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, res.StatusCode, tc.want)
		}
	}
	// A page may still be fetched from anywhere (a link on another site).
	if res := configured.get(t, "/en/register", "Origin: https://evil.example"); res.StatusCode != http.StatusOK {
		t.Errorf("GET with a foreign Origin: %d", res.StatusCode)
	} else {
		res.Body.Close()
	}
}

// A refused post gets the error page in the page's language, with the
// site's security headers, whichever check refused it.
func TestRefusedCrossOriginPostIsATranslatedPage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, tc := range []struct {
		path, header, want string
	}{
		{"/zh/register", "Sec-Fetch-Site: cross-site", "拒绝"},
		{"/en/register", "Origin: http://expo.example.org", "not allowed"},
	} {
		res, body := site.postWith(t, tc.path, "expo.example.org", tc.header)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%s with %s: status %d, want 403", tc.path, tc.header, res.StatusCode)
			continue
		}
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || res.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: Content-Type %q, CSP %q", tc.path, res.Header.Get("Content-Type"), res.Header.Get("Content-Security-Policy"))
		}
		if h1 := parse(t, body).Find("h1").Text(); !strings.Contains(h1, tc.want) {
			t.Errorf("%s: heading %q, want %q", tc.path, h1, tc.want)
		}
	}
}

// On an https site every cookie the portal sets is Secure, and browsers
// are told to come back over https only; on a plain http site neither
// (a browser would drop a Secure cookie sent over http).
func TestHTTPSSiteSecuresEveryCookie(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		site  *testSite
		https bool
	}{
		{"https", newSite(t), true},
		{"http", newLocalSite(t), false},
	} {
		addUser(t, tc.site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
		var responses []*http.Response
		get := func(path string) {
			res := tc.site.get(t, path)
			res.Body.Close()
			responses = append(responses, res)
		}
		get("/zh/")                                                                     // the language cookie
		get("/admin/lang/en?next=/admin/")                                              // the back office's language cookie
		get("/zh/no-such-page")                                                         // an error page
		res, _ := tc.site.postWith(t, "/en/register", "", "Sec-Fetch-Site: cross-site") // a refusal
		responses = append(responses, res)
		res, err := noRedirect.PostForm(tc.site.URL+"/admin/login", url.Values{"email": {"editor@expo.example"}, "password": {"Shenyang-Expo-2027"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		responses = append(responses, res) // the session cookie

		seen := map[string]bool{}
		for _, res := range responses {
			hsts := res.Header.Get("Strict-Transport-Security")
			if tc.https && hsts != "max-age=31536000" || !tc.https && hsts != "" {
				t.Errorf("%s: %s %s: Strict-Transport-Security %q", tc.name, res.Request.Method, res.Request.URL.Path, hsts)
			}
			for _, c := range res.Cookies() {
				seen[c.Name] = true
				if c.Secure != tc.https {
					t.Errorf("%s: cookie %s from %s: Secure %v", tc.name, c.Name, res.Request.URL.Path, c.Secure)
				}
			}
		}
		if !seen[langCookie] || !seen["portal_session"] {
			t.Errorf("%s: cookies seen %v, want the language and session cookies", tc.name, seen)
		}
	}
}

// Content-Length and Transfer-Encoding together are how one request is
// smuggled inside another past a proxy that reads the other header.
// net/http reads such a request as chunked and drops Content-Length before
// any handler can see it; the portal refuses it with 400 and closes the
// connection, so what followed in the stream is never read as a request.
func TestContentLengthWithTransferEncodingIsRefused(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	send := func(raw string) []int {
		t.Helper()
		c, err := net.Dial("tcp", site.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(30 * time.Second))
		if _, err := io.WriteString(c, raw); err != nil {
			t.Fatal(err)
		}
		var statuses []int
		br := bufio.NewReader(c)
		for {
			res, err := http.ReadResponse(br, nil)
			if err != nil {
				return statuses // the server closed the connection
			}
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			statuses = append(statuses, res.StatusCode)
		}
	}
	body := "name="
	smuggled := "GET /zh/ HTTP/1.1\r\nHost: expo.example.org\r\n\r\n"
	both := fmt.Sprintf("POST /zh/register HTTP/1.1\r\nHost: expo.example.org\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n", len(body), len(body), body) + smuggled
	if got := send(both); len(got) != 1 || got[0] != http.StatusBadRequest {
		t.Errorf("Content-Length with Transfer-Encoding, then another request: statuses %v, want [400] and the connection closed", got)
	}
	// A body sent chunked alone cannot be told apart from that, and no
	// browser sends one.
	chunked := fmt.Sprintf("POST /zh/register HTTP/1.1\r\nHost: expo.example.org\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Transfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n", len(body), body)
	if got := send(chunked); len(got) != 1 || got[0] != http.StatusBadRequest {
		t.Errorf("a chunked body: statuses %v, want [400]", got)
	}
	// The same post stating only its length is an ordinary post; the
	// request after it on the same connection is answered too.
	plain := fmt.Sprintf("POST /zh/register HTTP/1.1\r\nHost: expo.example.org\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: %d\r\n\r\n%s", len(body), body) + smuggled[:len(smuggled)-2] + "Connection: close\r\n\r\n"
	if got := send(plain); len(got) != 2 || got[0] != http.StatusUnprocessableEntity || got[1] != http.StatusOK {
		t.Errorf("a post with Content-Length, then a page: statuses %v, want [422 200]", got)
	}
}
