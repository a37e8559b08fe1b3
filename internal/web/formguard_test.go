package web

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// stamps makes every oldStamp a different one: each stands for another
// person's form, and one stamp makes one post (a double tap is the same).
var stamps atomic.Int64

// oldStamp is a form stamp signed a minute or more before the test clock:
// a person who took their time (a stamp from a GET would be "too fast" on
// a clock that stands still).
func oldStamp(t testing.TB, site *testSite) string {
	t.Helper()
	key, err := site.srv.store.Secret(context.Background(), "form-stamp")
	if err != nil {
		t.Fatal(err)
	}
	ts := strconv.FormatInt(site.srv.now().Add(-time.Minute).Unix()-stamps.Add(1), 10)
	return ts + "." + stampMAC(key, ts)
}
