package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/visits"
)

// The public forms' spam defence, with no third-party service: a field only
// robots fill (the honeypot), a signed start time a human cannot beat (the
// minimum fill time), and a per-address limit on what gets written, counted
// in PostgreSQL so every instance shares it.
const (
	honeypotField = "homepage"
	stampField    = "form_started"
	// minFillTime is quicker than any person fills a form in.
	minFillTime = 3 * time.Second
	// maxFormAge: a stamp older than this is stale (and cannot be replayed forever).
	maxFormAge = 24 * time.Hour
)

// formStamp signs the time a form was served, with a random nonce, so no
// two forms served ever share a stamp; put it in stampField. A form shown
// again after a post keeps the stamp in its state (the one it was posted
// with) when that checks out: the fill time counts from the first time it
// was served, so fixing one field quickly is not "too fast", and the stamp
// stays the key that makes a double tap one post (see store.ErrDuplicatePost).
func (s *Server) formStamp(ctx context.Context, st *form.State) (string, error) {
	key, err := s.secret(ctx, "form-stamp")
	if err != nil {
		return "", err
	}
	if kept := st.Get(stampField); kept != "" && stampAge(key, kept, s.now()) <= maxFormAge {
		return kept, nil
	}
	return newStamp(key, s.now()), nil
}

// freshFormStamp is a new stamp whatever was posted: for a form whose
// stamp was already used by another submission.
func (s *Server) freshFormStamp(r *http.Request) (string, error) {
	key, err := s.secret(r.Context(), "form-stamp")
	if err != nil {
		return "", err
	}
	return newStamp(key, s.now()), nil
}

// newStamp is "unix-second.nonce.mac": the second times the fill, the
// 128-bit nonce makes the stamp one served form's own.
func newStamp(key []byte, now time.Time) string {
	nonce := make([]byte, 16)
	_, _ = rand.Read(nonce) // never fails (crypto/rand panics instead)
	body := strconv.FormatInt(now.Unix(), 10) + "." + base64.RawURLEncoding.EncodeToString(nonce)
	return body + "." + stampMAC(key, body)
}

// stampAge is how long ago stamp was signed with key, or more than
// maxFormAge when it was not.
func stampAge(key []byte, stamp string, now time.Time) time.Duration {
	i := strings.LastIndexByte(stamp, '.')
	if i < 0 {
		return maxFormAge + 1
	}
	body, mac := stamp[:i], stamp[i+1:]
	t, nonce, ok := strings.Cut(body, ".")
	sec, err := strconv.ParseInt(t, 10, 64)
	if !ok || err != nil || len(nonce) != 22 || !hmac.Equal([]byte(mac), []byte(stampMAC(key, body))) {
		return maxFormAge + 1
	}
	return now.Sub(time.Unix(sec, 0))
}

func stampMAC(key []byte, body string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("form-stamp " + body))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// stampUsed refuses a submission whose stamp another one used: the form
// again (409), as typed, with a stamp of its own and the notice.
func (s *Server) stampUsed(r *http.Request, st *form.State, show formView) error {
	fresh, err := s.freshFormStamp(r)
	if err != nil {
		return err
	}
	st.Values = cloneValues(st.Values)
	st.Values.Set(stampField, fresh)
	st.Notice = "form.err.stamp_used"
	return takenForm(st, show)
}

// keepFormOnOutage answers a form whose handler failed because the database
// is away: the form again, as typed, with a notice, in 503 (returned to
// handle like any refused form), so nothing the visitor typed is lost. Any
// other error goes on to the adapter as it was.
func (s *Server) keepFormOnOutage(w http.ResponseWriter, r *http.Request, err *error, st *form.State, show formView) {
	if *err == nil || !dbUnavailable(*err) {
		return
	}
	s.log.Warn("form not taken: database unavailable", "path", r.URL.Path, "err", *err)
	st.Notice = "form.err.unavailable"
	w.Header().Set("Retry-After", "5")
	*err = unavailableForm(st, show)
}

// secret is store.Secret read once: a secret never changes, and forms keep
// working from memory while the database is away.
func (s *Server) secret(ctx context.Context, name string) ([]byte, error) {
	if key, ok := s.secrets.Load(name); ok {
		return key.([]byte), nil
	}
	key, err := s.store.Secret(ctx, name)
	if err != nil {
		return nil, err
	}
	s.secrets.Store(name, key)
	return key, nil
}

// submissionDigest identifies what a form post says (every field, and any
// file's bytes), so a resent form is told apart from another submission
// that carries the same stamp.
func submissionDigest(values url.Values, files ...[]byte) string {
	h := sha256.New()
	io.WriteString(h, values.Encode()) // sorted by key: the same post, the same bytes
	for _, f := range files {
		fmt.Fprintf(h, "\x00%d\x00", len(f))
		h.Write(f)
	}
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// checkFormBot looks at a posted form's honeypot and stamp. It returns a
// message key for the visitor (form.err.*) or "" when a person sent it.
func (s *Server) checkFormBot(r *http.Request) (string, error) {
	if strings.TrimSpace(r.PostFormValue(honeypotField)) != "" {
		return "form.err.robot", nil
	}
	key, err := s.secret(r.Context(), "form-stamp")
	if err != nil {
		return "", err
	}
	switch age := stampAge(key, r.PostFormValue(stampField), s.now()); {
	case age > maxFormAge:
		return "form.err.stale", nil
	case age < minFillTime:
		return "form.err.too_fast", nil
	}
	return "", nil
}

// allowFormPost counts a write of n rows (a delegation's tickets; 1 for
// most forms) by the visitor's address (an IPv6 visitor by its /64) against
// limit rows per hour for scope; past it the form comes back with 429 and
// the notice. Call it just before writing, after the form checked out, so
// fixing one's own typing mistakes costs nothing.
func (s *Server) allowFormPost(r *http.Request, st *form.State, show formView, scope string, n, limit int, notice string) error {
	addr := addressKey(visits.ClientIP(r, s.trustedProxies))
	ok, err := s.store.CountFormPost(r.Context(), scope, addr, n, limit, time.Hour)
	if err != nil || ok {
		return err
	}
	st.Notice = notice
	return limitedForm(st, show)
}
