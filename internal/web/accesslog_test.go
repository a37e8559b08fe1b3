package web

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"
)

// TestAccessLineIsSlogsTextLine: the access log's own lines are byte for
// byte what slog's text handler writes for the same record, odd paths and
// times included, so the log stays one format for its readers.
func TestAccessLineIsSlogsTextLine(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	times := []time.Time{
		time.Date(2026, 12, 5, 10, 30, 24, 0, time.UTC),
		time.Date(2026, 12, 5, 10, 30, 24, 120_000_000, shanghai),
		time.Date(2027, 1, 1, 0, 0, 0, 999_999_999, time.UTC),
		time.Date(2027, 5, 20, 9, 0, 1, 7_000_000, time.Local),
	}
	paths := []string{"/zh/", "/zh/news/11-开幕", "", "/a b", "/a=b", `/a"b`, `/a\b`, "/tab\t", "/\x00", "/\u00a0", "/\u200b", "/\xff", "/é"}
	durations := []time.Duration{0, 1500 * time.Nanosecond, 3 * time.Millisecond, 2*time.Second + 5}
	for i, path := range paths {
		a := accessLine{at: times[i%len(times)], id: "host/abc-000001", method: "GET", path: path,
			status: 200, bytes: 12345, took: durations[i%len(durations)], remote: "203.0.113.7:50000"}
		var want bytes.Buffer
		rec := slog.NewRecord(a.at, slog.LevelInfo, "request", 0)
		rec.AddAttrs(slog.String("id", a.id), slog.String("method", a.method), slog.String("path", a.path),
			slog.Int("status", a.status), slog.Int("bytes", a.bytes), slog.Duration("duration", a.took),
			slog.String("remote", a.remote))
		if err := slog.NewTextHandler(&want, nil).Handle(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
		if got := string(appendAccessLine(nil, a)); got != want.String() {
			t.Errorf("path %q:\n got %s\nwant %s", path, got, want.String())
		}
	}
}
