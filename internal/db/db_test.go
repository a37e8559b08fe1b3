package db_test

import (
	"context"
	"os"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5"

	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/testdb"
	"github.com/expoportal/portal/migrations"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

func TestMigrateUpOnEmptyDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, err := db.Open(ctx, testdb.Empty(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	m, err := db.NewMigrator(pool)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()

	files, _ := migrations.FS.ReadDir(".")
	want := 0
	for _, f := range files {
		if f.Name() != "embed.go" {
			want++
		}
	}
	st, err := m.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != want || st[0].State != "pending" {
		t.Fatalf("before: %d migrations, first %v; want %d pending", len(st), st[0].State, want)
	}
	res, err := m.Up(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != want {
		t.Fatalf("applied %d, want %d", len(res), want)
	}
	again, err := m.Up(ctx)
	if err != nil || len(again) != 0 {
		t.Fatalf("second Up applied %d (%v), want none", len(again), err)
	}
	st, _ = m.Status(ctx)
	for _, s := range st {
		if s.State != "applied" {
			t.Errorf("%s is %s after Up", s.Source.Path, s.State)
		}
	}
	var langs, navs int
	if err := pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM languages), (SELECT count(*) FROM nav_items)").Scan(&langs, &navs); err != nil {
		t.Fatal(err)
	}
	if langs != 2 || navs < 20 {
		t.Errorf("languages %d, nav items %d", langs, navs)
	}
}

func TestSchemaServesAThirdLanguage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	err := db.InTx(ctx, pool, func(tx pgx.Tx) error {
		for _, sql := range []string{
			"INSERT INTO languages (code, native_name, position) VALUES ('ja', '日本語', 3)",
			"INSERT INTO nav_labels (nav_key, lang, label) VALUES ('home', 'ja', 'ホーム')",
			"INSERT INTO site_settings_i18n (lang, expo_name) VALUES ('ja', '遼寧教育設備展示会')",
		} {
			if _, err := tx.Exec(ctx, sql); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("adding a language needed more than rows: %v", err)
	}
}

func TestInTxRollsBackOnError(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	err := db.InTx(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "INSERT INTO languages (code, native_name) VALUES ('fr', 'Français')"); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "INSERT INTO languages (code, native_name) VALUES ('de', '')") // violates a CHECK
		return err
	})
	if err == nil {
		t.Fatal("want the CHECK violation")
	}
	var n int
	_ = pool.QueryRow(ctx, "SELECT count(*) FROM languages WHERE code = 'fr'").Scan(&n)
	if n != 0 {
		t.Error("the first insert survived a failed transaction")
	}
}

func TestFailedMigrationLeavesNoTrace(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, err := db.Open(ctx, testdb.Empty(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	broken := fstest.MapFS{
		"0001_create_a.sql": {Data: []byte("-- +goose Up\nCREATE TABLE a (n int);\nINSERT INTO a VALUES ('not a number');\n")},
	}
	m, err := db.NewMigratorFS(pool, broken)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if _, err := m.Up(ctx); err == nil {
		t.Fatal("broken migration applied")
	}
	var exists bool
	_ = pool.QueryRow(ctx, "SELECT to_regclass('a') IS NOT NULL").Scan(&exists)
	if exists {
		t.Error("a failed migration left its table behind: it did not run in a transaction")
	}
}
