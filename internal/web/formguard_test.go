package web

import (
	"context"
	"strconv"
	"testing"
	"time"
)

// oldStamp is a form stamp signed a minute before the test clock: a person
// who took their time (a stamp from a GET would be "too fast" on a clock
// that stands still).
func oldStamp(t testing.TB, site *testSite) string {
	t.Helper()
	key, err := site.srv.store.Secret(context.Background(), "form-stamp")
	if err != nil {
		t.Fatal(err)
	}
	ts := strconv.FormatInt(site.srv.now().Add(-time.Minute).Unix(), 10)
	return ts + "." + stampMAC(key, ts)
}
