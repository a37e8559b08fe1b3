package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/testdb"
)

// siteFacts are a site's row counts and a hash of every media byte.
func siteFacts(t *testing.T, url string) string {
	t.Helper()
	ctx := context.Background()
	pool, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var facts string
	err = pool.QueryRow(ctx, `SELECT format('articles=%s media=%s chunks=%s applications=%s registrations=%s checkins=%s users=%s media-md5=%s',
		(SELECT count(*) FROM articles), (SELECT count(*) FROM media), (SELECT count(*) FROM media_chunks),
		(SELECT count(*) FROM booth_applications), (SELECT count(*) FROM registrations), (SELECT count(*) FROM checkins),
		(SELECT count(*) FROM users),
		(SELECT md5(string_agg(md5(data), '' ORDER BY media_id, idx)) FROM media_chunks))`).Scan(&facts)
	if err != nil {
		t.Fatal(err)
	}
	return facts
}

// A site backed up and restored into an empty database is the same site;
// a database holding a site is refused unless forced; a file that is no
// backup changes nothing.
func TestBackupAndRestore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	from, into := testdb.Empty(t), testdb.Empty(t)
	file := filepath.Join(t.TempDir(), "site.backup")
	portal := func(url string, args ...string) (string, error) {
		var out strings.Builder
		err := run(ctx, args, env(map[string]string{"DATABASE_URL": url}), strings.NewReader(""), &out, quiet)
		return out.String(), err
	}
	if _, err := portal(from, "demo"); err != nil {
		t.Fatal(err)
	}
	if _, err := portal(from, "user", "add", "--email", "admin@expo.example", "--role", "admin"); err != nil {
		t.Fatal(err)
	}
	want := siteFacts(t, from)
	if !strings.Contains(want, "users=1") || strings.Contains(want, "media=0") || strings.Contains(want, "registrations=0") {
		t.Fatalf("the site to back up is not a whole one: %s", want)
	}
	if _, err := portal(from, "backup", file); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if fi, err := os.Stat(file); err != nil || fi.Size() == 0 {
		t.Fatalf("no backup file: %v", err)
	}

	if _, err := portal(into, "restore", file); err != nil {
		t.Fatalf("restore into an empty database: %v", err)
	}
	if got := siteFacts(t, into); got != want {
		t.Errorf("restored site differs:\n got %s\nwant %s", got, want)
	}

	// Into a database that holds a site: refused, and nothing changes.
	_, err := portal(into, "restore", file)
	if err == nil || !strings.Contains(err.Error(), "holds a site") || !strings.Contains(err.Error(), "--force") {
		t.Errorf("restore over a site: %v", err)
	}
	if got := siteFacts(t, into); got != want {
		t.Errorf("a refused restore changed the site: %s", got)
	}
	if _, err := portal(into, "restore", "--force", file); err != nil {
		t.Fatalf("restore --force: %v", err)
	}
	if got := siteFacts(t, into); got != want {
		t.Errorf("site after restore --force differs:\n got %s\nwant %s", got, want)
	}

	// A file that is not a backup is refused before anything is dropped.
	junk := filepath.Join(t.TempDir(), "junk.backup")
	os.WriteFile(junk, []byte("not a dump"), 0o644)
	if _, err := portal(into, "restore", "--force", junk); err == nil || !strings.Contains(err.Error(), "not a portal backup") {
		t.Errorf("restore of a junk file: %v", err)
	}
	if got := siteFacts(t, into); got != want {
		t.Errorf("a junk restore changed the site: %s", got)
	}
}
