package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

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

// formStamp signs the time a form was served; put it in stampField. A form
// shown again after a post keeps the stamp it was posted with (when that
// checks out): the fill time counts from the first time it was served, so
// fixing one field quickly is not "too fast", and the stamp stays the key
// that makes a double tap one post (see store.ErrDuplicatePost).
func (s *Server) formStamp(r *http.Request) (string, error) {
	key, err := s.store.Secret(r.Context(), "form-stamp")
	if err != nil {
		return "", err
	}
	if r.Method == http.MethodPost {
		if posted := r.PostFormValue(stampField); stampAge(key, posted, s.now()) <= maxFormAge {
			return posted, nil
		}
	}
	t := strconv.FormatInt(s.now().Unix(), 10)
	return t + "." + stampMAC(key, t), nil
}

// stampAge is how long ago stamp was signed with key, or more than
// maxFormAge when it was not.
func stampAge(key []byte, stamp string, now time.Time) time.Duration {
	t, mac, ok := strings.Cut(stamp, ".")
	sec, err := strconv.ParseInt(t, 10, 64)
	if !ok || err != nil || !hmac.Equal([]byte(mac), []byte(stampMAC(key, t))) {
		return maxFormAge + 1
	}
	return now.Sub(time.Unix(sec, 0))
}

func stampMAC(key []byte, t string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("form-stamp " + t))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// checkFormBot looks at a posted form's honeypot and stamp. It returns a
// message key for the visitor (form.err.*) or "" when a person sent it.
func (s *Server) checkFormBot(r *http.Request) (string, error) {
	if strings.TrimSpace(r.PostFormValue(honeypotField)) != "" {
		return "form.err.robot", nil
	}
	key, err := s.store.Secret(r.Context(), "form-stamp")
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
// limit rows per hour for scope; false means refuse it with 429. Call it
// just before writing, after the form checked out, so fixing one's own
// typing mistakes costs nothing.
func (s *Server) allowFormPost(r *http.Request, scope string, n, limit int) (bool, error) {
	addr := addressKey(visits.ClientIP(r, s.trustedProxies))
	return s.store.CountFormPost(r.Context(), scope, addr, n, limit, time.Hour)
}
