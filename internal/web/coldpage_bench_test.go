package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// dbTime adds up the time queries take, from sending to the last row read.
type dbTime struct {
	ns   atomic.Int64
	last atomic.Pointer[pgx.TraceQueryStartData]
}

type startKey struct{}

func (d *dbTime) TraceQueryStart(ctx context.Context, _ *pgx.Conn, q pgx.TraceQueryStartData) context.Context {
	if !strings.HasPrefix(q.SQL, "EXPLAIN") {
		d.last.Store(&q)
	}
	return context.WithValue(ctx, startKey{}, time.Now())
}

func (d *dbTime) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryEndData) {
	if t, ok := ctx.Value(startKey{}).(time.Time); ok {
		d.ns.Add(int64(time.Since(t)))
	}
}

// BenchmarkColdPage serves public pages with the page cache off and the
// frame warm, one request at a time, and reports the share of each page's
// time spent waiting for the database (db-ms/op) beside the whole (ns/op):
// with -cpuprofile it shows what the rest costs in Go. EXPLAIN=file adds
// each page's last query's plan (EXPLAIN ANALYZE) to file.
func BenchmarkColdPage(b *testing.B) {
	db := &dbTime{}
	site := tracedSite(b, db, 0)
	h := site.srv.Handler()
	for _, path := range []string{"/zh/", "/zh/news/11-visitor-pre-registration-opens-for-the-2027-exhibition", "/zh/news/",
		"/zh/exhibitors/", "/zh/exhibit/charges", "/zh/exhibit/schedule", "/zh/about/overview"} {
		b.Run(path, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil).WithContext(context.Background())
			h.ServeHTTP(httptest.NewRecorder(), req) // warm: statements prepared
			db.ns.Store(0)
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", path, rec.Code)
				}
			}
			b.ReportMetric(float64(db.ns.Load())/float64(b.N)/1e6, "db-ms/op")
			if q := db.last.Load(); q != nil && os.Getenv("EXPLAIN") != "" {
				rows, _ := site.pool.Query(context.Background(), "EXPLAIN (ANALYZE, BUFFERS) "+q.SQL, q.Args...)
				plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
				f, _ := os.OpenFile(os.Getenv("EXPLAIN"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				fmt.Fprintf(f, "%s\n%v\n%s\n\n", q.SQL, err, strings.Join(plan, "\n"))
				f.Close()
			}
		})
	}
}
