package store_test

import (
	"context"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
	"github.com/expoportal/portal/migrations"
)

// Migration 0032 moves what a site drew before it into the halls: every
// plan with its doors, every hall a booth or an exhibitor names, and the
// two halls the code knew, nothing lost.
func TestHallMigrationKeepsWhatWasDrawn(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, err := db.Open(ctx, testdb.Empty(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	migrate := func(upTo string) {
		t.Helper()
		files := fstest.MapFS{}
		names, _ := fs.Glob(migrations.FS, "*.sql")
		for _, n := range names {
			if n < upTo {
				b, _ := fs.ReadFile(migrations.FS, n)
				files[n] = &fstest.MapFile{Data: b}
			}
		}
		sqlDB := stdlib.OpenDBFromPool(pool)
		defer sqlDB.Close()
		p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, files)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Up(ctx); err != nil {
			t.Fatal(err)
		}
	}
	migrate("0032")
	if _, err := pool.Exec(ctx, `
		INSERT INTO hall_plans (hall, width, depth) VALUES ('1', 60, 45), ('5', 20, 10);
		INSERT INTO hall_entrances (hall, side, at, width) VALUES ('1', 's', 3, 6), ('1', 'w', 10, 4), ('5', 'n', 0, 2);
		INSERT INTO booths (hall, number, x, y, width, depth, type) VALUES ('7', '7A01', 0, 0, 3, 3, 'standard');
		INSERT INTO exhibitors (hall) VALUES ('8'), ('')`); err != nil {
		t.Fatal(err)
	}
	migrate("9999")

	hs, err := store.New(pool).Halls(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := hs.Codes(); !slices.Equal(got, []string{"1", "2", "5", "7", "8"}) {
		t.Fatalf("halls %v", got)
	}
	one, _ := hs.Find("1")
	if one.Width != 60 || one.Depth != 45 || len(one.Doors) != 2 || one.Doors[0] != (store.Entrance{Side: "s", At: 3, Width: 6}) || one.Name("zh") != "一号馆" {
		t.Errorf("hall 1: %+v", one)
	}
	five, _ := hs.Find("5")
	if five.Width != 20 || len(five.Doors) != 1 || five.Name("en") != "Hall 5" || five.Name("zh") != "5号馆" {
		t.Errorf("hall 5: %+v", five)
	}
	if seven, _ := hs.Find("7"); seven.Drawn() || seven.Name("en") != "Hall 7" {
		t.Errorf("hall 7 (booths, no plan): %+v", seven)
	}
	var left bool
	if err := pool.QueryRow(ctx, "SELECT to_regclass('hall_plans') IS NOT NULL OR to_regclass('hall_entrances') IS NOT NULL").Scan(&left); err != nil || left {
		t.Errorf("the old tables are still there (%v)", err)
	}
	// From now on a booth or an exhibitor names a hall there is.
	if _, err := pool.Exec(ctx, "INSERT INTO booths (hall, number, x, y, width, depth, type) VALUES ('9', '9A01', 0, 0, 3, 3, 'standard')"); err == nil {
		t.Error("a booth in no hall was written")
	}
	if _, err := pool.Exec(ctx, "UPDATE exhibitors SET hall = '9' WHERE hall = '8'"); err == nil {
		t.Error("an exhibitor in no hall was written")
	}
}
