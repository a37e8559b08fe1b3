package outbox

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river/rivertype"

	"github.com/expoportal/portal/internal/notify"
	"github.com/expoportal/portal/internal/notify/notifytest"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// soon retries a failed job after a tenth of a second, so a test of the
// retries does not wait for river's attempt⁴ seconds.
type soon struct{}

func (soon) NextRetry(*rivertype.JobRow) time.Time { return time.Now().Add(100 * time.Millisecond) }

func start(t *testing.T, o Options) *Outbox {
	t.Helper()
	if o.RetryPolicy == nil {
		o.RetryPolicy = soon{}
	}
	o.PollInterval = 200 * time.Millisecond
	box, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	if err := box.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := box.Stop(ctx); err != nil {
			t.Error(err)
		}
	})
	return box
}

func enqueue(t *testing.T, box *Outbox, pool interface {
	Begin(context.Context) (pgx.Tx, error)
}, m Mail, commit bool) {
	t.Helper()
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if err := box.Enqueue(ctx, tx, m); err != nil {
		t.Fatal(err)
	}
	if commit {
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

// A mail server that refuses the first attempts gets the e-mail in the
// end, and a rolled-back transaction sends nothing.
func TestMailIsRetriedUntilTheServerTakesIt(t *testing.T) {
	t.Parallel()
	pool := testdb.New(t)
	smtp := notifytest.Start(t)
	smtp.FailNext(2)
	box := start(t, Options{Pool: pool, Sender: &notify.Mailer{Addr: smtp.Addr, From: "portal@expo.example.org", To: []string{"booths@expo.example.org"}}})
	enqueue(t, box, pool, Mail{Subject: "rolled back", Body: "never sent", About: "test"}, false)
	enqueue(t, box, pool, Mail{To: []string{"li@example.org"}, Subject: "您的电子门票", Body: "票号：7K3M-Q9XA", About: "test"}, true)
	select {
	case m := <-smtp.Messages:
		if len(m.To) != 1 || m.To[0] != "li@example.org" || m.Subject != "您的电子门票" || !strings.Contains(m.Body, "7K3M-Q9XA") {
			t.Errorf("sent %+v", m)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the e-mail never arrived")
	}
	if n := smtp.Refused(); n != 2 {
		t.Errorf("the server refused %d attempts, want 2", n)
	}
	var attempts int
	var state string
	if err := pool.QueryRow(context.Background(), "SELECT attempt, state FROM river_job WHERE kind = 'email'").Scan(&attempts, &state); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for state != "completed" && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		_ = pool.QueryRow(context.Background(), "SELECT attempt, state FROM river_job WHERE kind = 'email'").Scan(&attempts, &state)
	}
	if attempts != 3 || state != "completed" {
		t.Errorf("job: %d attempts, %s; want 3, completed", attempts, state)
	}
	select {
	case m := <-smtp.Messages:
		t.Errorf("a rolled-back e-mail was sent: %q", m.Subject)
	case <-time.After(300 * time.Millisecond):
	}
}

// Without a mail server no e-mail job is written at all: none pile up.
func TestNoSenderWritesNoMail(t *testing.T) {
	t.Parallel()
	pool := testdb.New(t)
	box := start(t, Options{Pool: pool})
	if box.Mails() {
		t.Fatal("Mails() without a sender")
	}
	enqueue(t, box, pool, Mail{Subject: "s", Body: "b"}, true)
	var n int
	if err := pool.QueryRow(context.Background(), "SELECT count(*) FROM river_job").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d jobs written without a mail server", n)
	}
}

// The periodic clean-ups run as soon as a leader is elected (RunOnStart):
// old rate-limit rows and the visit hashes of days before yesterday go.
func TestPeriodicCleanUps(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	if _, err := pool.Exec(ctx, `INSERT INTO form_posts (scope, address, at) VALUES
		('apply', '192.0.2.1', now() - interval '2 hours'), ('apply', '192.0.2.1', now())`); err != nil {
		t.Fatal(err)
	}
	shanghai := time.FixedZone("CST", 8*3600)
	today := time.Now().In(shanghai)
	for _, daysAgo := range []int{3, 1, 0} {
		y, m, d := today.AddDate(0, 0, -daysAgo).Date()
		if err := st.RecordVisits(ctx, store.VisitBatch{Day: time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
			Hashes: [][]byte{[]byte("visitor-" + string(rune('a'+daysAgo)))}, Views: 1, Paths: []string{"/zh/"}, PathViews: []int64{1}}); err != nil {
			t.Fatal(err)
		}
	}
	start(t, Options{Pool: pool, Store: st, Location: shanghai})
	var posts, hashes, done int
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		_ = pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM form_posts), (SELECT count(*) FROM visitor_hashes),
			(SELECT count(*) FROM river_job WHERE state = 'completed' AND kind IN ('purge_form_posts', 'forget_visitors'))`).Scan(&posts, &hashes, &done)
		if done == 2 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if done != 2 {
		t.Fatalf("%d of the 2 clean-ups ran", done)
	}
	if posts != 1 {
		t.Errorf("%d rate-limit rows left, want the recent one", posts)
	}
	if hashes != 2 {
		t.Errorf("%d visit hashes left, want yesterday's and today's", hashes)
	}
}
