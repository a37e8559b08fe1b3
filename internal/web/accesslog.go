package web

import (
	"io"
	"strconv"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// accessLog writes the access log's lines itself, in exactly the form
// slog's text handler gives them ("time=… level=INFO msg=request id=…"),
// so the log reads as one. Through slog a line cost two fifths of a
// cached page's time in the portal's own code: its attribute machinery,
// not the writing.
type accessLog struct {
	w    io.Writer // safe for concurrent writes (the serve command's log writer is)
	bufs sync.Pool
}

func newAccessLog(w io.Writer) *accessLog {
	return &accessLog{w: w, bufs: sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}}
}

// line is one request's fields, in the order they are written.
type accessLine struct {
	at               time.Time
	id, method, path string
	status, bytes    int
	took             time.Duration
	remote           string
}

func (l *accessLog) write(a accessLine) {
	bp := l.bufs.Get().(*[]byte)
	b := appendAccessLine((*bp)[:0], a)
	_, _ = l.w.Write(b)
	*bp = b
	l.bufs.Put(bp)
}

func appendAccessLine(b []byte, a accessLine) []byte {
	b = append(b, "time="...)
	b = appendRFC3339Millis(b, a.at)
	b = append(b, " level=INFO msg=request id="...)
	b = appendLogString(b, a.id)
	b = append(b, " method="...)
	b = appendLogString(b, a.method)
	b = append(b, " path="...)
	b = appendLogString(b, a.path)
	b = append(b, " status="...)
	b = strconv.AppendInt(b, int64(a.status), 10)
	b = append(b, " bytes="...)
	b = strconv.AppendInt(b, int64(a.bytes), 10)
	b = append(b, " duration="...)
	b = appendLogString(b, a.took.String())
	b = append(b, " remote="...)
	b = appendLogString(b, a.remote)
	return append(b, '\n')
}

// appendRFC3339Millis is slog's time format: RFC 3339 with exactly three
// digits of milliseconds.
func appendRFC3339Millis(b []byte, t time.Time) []byte {
	const prefixLen = len("2006-01-02T15:04:05.000")
	n := len(b)
	// RFC3339Nano trims trailing zeros: a tenth of a millisecond added
	// keeps four digits, and the fourth is dropped.
	t = t.Truncate(time.Millisecond).Add(time.Millisecond / 10)
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b[:n+prefixLen], b[n+prefixLen+1:]...)
}

// appendLogString writes s bare or quoted, as slog's text handler does.
func appendLogString(b []byte, s string) []byte {
	if logNeedsQuoting(s) {
		return strconv.AppendQuote(b, s)
	}
	return append(b, s...)
}

// logNeedsQuoting is slog's rule: empty, a space, '=', a quote, a control
// character or a rune that is not printable.
func logNeedsQuoting(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != '\\' && (c <= ' ' || c == '=' || c == '"' || c == 0x7f) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return true
		}
		i += size
	}
	return false
}
