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
			ok, err := st.CountFormPost(ctx, "apply", "192.0.2.7", 5, time.Hour)
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
	if ok, _ := st.CountFormPost(ctx, "register", "192.0.2.7", 5, time.Hour); !ok {
		t.Fatal("another form's posts counted against this one")
	}
	if ok, _ := st.CountFormPost(ctx, "apply", "192.0.2.8", 5, time.Hour); !ok {
		t.Fatal("another address's posts counted against this one")
	}
	// Posts older than the window no longer count.
	if _, err := pool.Exec(ctx, "UPDATE form_posts SET at = at - interval '2 hours'"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := st.CountFormPost(ctx, "apply", "192.0.2.7", 5, time.Hour); !ok {
		t.Fatal("posts from two hours ago still count against a one-hour window")
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
