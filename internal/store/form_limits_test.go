package store_test

import (
	"bytes"
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func TestCountFormPostHoldsUnderParallelPosts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	var allowed atomic.Int32
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			ok, err := st.CountFormPost(ctx, "apply", "192.0.2.7", 1, 5, time.Hour)
			if err != nil {
				t.Error(err)
			}
			if ok {
				allowed.Add(1)
			}
		})
	}
	wg.Wait()
	if n := allowed.Load(); n != 5 {
		t.Fatalf("12 parallel posts under a limit of 5: %d allowed", n)
	}
	if ok, _ := st.CountFormPost(ctx, "register", "192.0.2.7", 1, 5, time.Hour); !ok {
		t.Fatal("another form's posts counted against this one")
	}
	if ok, _ := st.CountFormPost(ctx, "apply", "192.0.2.8", 1, 5, time.Hour); !ok {
		t.Fatal("another address's posts counted against this one")
	}
	// Posts older than the window no longer count.
	if _, err := pool.Exec(ctx, "UPDATE form_posts SET at = at - interval '2 hours'"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := st.CountFormPost(ctx, "apply", "192.0.2.7", 1, 5, time.Hour); !ok {
		t.Fatal("posts from two hours ago still count against a one-hour window")
	}
}

// A post that makes many rows (a delegation's tickets) counts each of
// them, and is refused whole when they would pass the limit.
func TestCountFormPostWeighsEachRow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	for i, step := range []struct {
		n    int
		want bool
	}{
		{3, true},  // 3 of 5
		{3, false}, // 6 would pass 5: refused, nothing counted
		{2, true},  // exactly 5
		{1, false}, // full
		{6, false}, // more than the limit on its own
	} {
		ok, err := st.CountFormPost(ctx, "register", "192.0.2.9", step.n, 5, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if ok != step.want {
			t.Errorf("post %d of %d rows: allowed %v, want %v", i+1, step.n, ok, step.want)
		}
	}
	var n int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM form_posts").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("%d rows counted, want 5", n)
	}
	// Parallel heavy posts cannot pass the limit together either.
	var allowed atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if ok, err := st.CountFormPost(ctx, "apply", "192.0.2.9", 4, 10, time.Hour); err != nil {
				t.Error(err)
			} else if ok {
				allowed.Add(1)
			}
		})
	}
	wg.Wait()
	if n := allowed.Load(); n != 2 {
		t.Fatalf("8 parallel posts of 4 under a limit of 10: %d allowed, want 2", n)
	}
}

func TestSecretIsMadeOnceAndKept(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	a, err := st.Secret(ctx, "form")
	if err != nil || len(a) != 32 {
		t.Fatalf("Secret: %x, %v", a, err)
	}
	b, _ := st.Secret(ctx, "form")
	c, _ := st.Secret(ctx, "other")
	// Many instances asking for a new key at once all get the same one.
	keys := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Go(func() {
			var err error
			if keys[i], err = st.Secret(ctx, "together"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for _, k := range keys[1:] {
		if !bytes.Equal(k, keys[0]) {
			t.Fatalf("parallel first use gave different keys: %x, %x", keys[0], k)
		}
	}
	if !bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Fatalf("form twice: %x, %x; other: %x", a, b, c)
	}
}

// The periodic clean-up deletes rate-limit rows past their window and
// forgets the form stamps of rows older than a stamp can be replayed,
// keeping the recent ones (a double tap still finds its first post).
func TestPurgeFormPosts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	if _, err := pool.Exec(ctx, `INSERT INTO form_posts (scope, address, at) VALUES
		('apply', '192.0.2.1', now() - interval '2 hours'), ('apply', '192.0.2.1', now());
		INSERT INTO registrations (token, code, lang, name, organisation, role, city, phone, email, days, form_stamp, form_digest, created_at) VALUES
		('bbbbbbbbbbbbbbbbbbbbbbbbb1', 'AAAA0001', 'zh', '甲', '', 'teacher', '', '', '', '{2027-04-16}', 'old-stamp', 'd1', now() - interval '3 days'),
		('bbbbbbbbbbbbbbbbbbbbbbbbb2', 'AAAA0002', 'zh', '乙', '', 'teacher', '', '', '', '{2027-04-16}', 'new-stamp', 'd2', now())`); err != nil {
		t.Fatal(err)
	}
	if err := st.PurgeFormPosts(ctx, time.Hour, 48*time.Hour); err != nil {
		t.Fatal(err)
	}
	var posts int
	var stamps []string
	if err := pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM form_posts),
		(SELECT array_agg(coalesce(form_stamp, '-') || '/' || coalesce(form_digest, '-') ORDER BY code) FROM registrations)`).Scan(&posts, &stamps); err != nil {
		t.Fatal(err)
	}
	if posts != 1 || len(stamps) != 2 || stamps[0] != "-/-" || stamps[1] != "new-stamp/d2" {
		t.Errorf("after the purge: %d posts, stamps %v; want 1 and [-/- new-stamp/d2]", posts, stamps)
	}
}
