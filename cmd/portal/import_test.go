package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/expoportal/portal/internal/testdb"
)

// TestImportLegacy runs portal import legacy on the sample mirror: a dry
// run on an old schema says what to do, a run imports, a second one
// changes nothing; flags may come after the folder.
func TestImportLegacy(t *testing.T) {
	ctx := context.Background()
	getenv := env(map[string]string{"DATABASE_URL": testdb.Empty(t)})
	const mirror = "../../internal/legacy/testdata/mirror"
	do := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(ctx, append([]string{"import"}, args...), getenv, strings.NewReader(""), &out, quiet)
		return out.String(), err
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "usage"},
		{[]string{"legacy"}, "usage"},
		{[]string{"wordpress", mirror}, "usage"},
		{[]string{"legacy", "--lang", "fr", mirror}, "zh or en"},
		{[]string{"legacy", mirror, "extra"}, "usage"},
		{[]string{"legacy", mirror + "/nowhere"}, "no such file"},
		{[]string{"legacy", mirror, "--dry-run"}, "portal migrate up"},
	} {
		if _, err := do(tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want an error about %q", tc.args, err, tc.want)
		}
	}
	out, err := do("legacy", mirror)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "articles        3 imported") || !strings.Contains(out, "redirects       6 old addresses answer 301") {
		t.Errorf("first run:\n%s", out)
	}
	out, err = do("legacy", mirror, "--lang", "zh")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "articles        3 unchanged") || !strings.Contains(out, "nothing changed") {
		t.Errorf("second run:\n%s", out)
	}
}
