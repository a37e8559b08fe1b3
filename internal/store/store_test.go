package store_test

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

func TestSiteInEachLanguageWithFallback(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	if _, err := st.Site(ctx, "zh"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Site before any settings: %v, want ErrNotFound", err)
	}
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	zh, err := st.Site(ctx, "zh")
	if err != nil || zh.Lang != "zh" || zh.Venue != "辽宁工业展览馆" {
		t.Fatalf("zh: %+v, %v", zh, err)
	}
	en, err := st.Site(ctx, "en")
	if err != nil || en.Lang != "en" || en.OpensAt != zh.OpensAt {
		t.Fatalf("en: %+v, %v", en, err)
	}
	if _, err := pool.Exec(ctx, "INSERT INTO languages (code, native_name, position) VALUES ('ja', '日本語', 3)"); err != nil {
		t.Fatal(err)
	}
	ja, err := st.Site(ctx, "ja")
	if err != nil || ja.Lang != "zh" {
		t.Fatalf("a language without words should fall back to the first language: %+v, %v", ja, err)
	}
}

func TestDemoNeverOverwritesSavedSettings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, "UPDATE site_settings_i18n SET venue = 'Edited' WHERE lang = 'en'"); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if en, _ := st.Site(ctx, "en"); en.Venue != "Edited" {
		t.Fatalf("demo overwrote an edit: venue %q", en.Venue)
	}
}

func TestNavTree(t *testing.T) {
	t.Parallel()
	nav, err := store.New(testdb.New(t)).Nav(context.Background(), "en")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, n := range nav {
		keys = append(keys, n.Key)
	}
	if len(nav) != 5 || nav[0].Key != "home" || nav[4].Key != "news" {
		t.Fatalf("sections %v", keys)
	}
	about := nav[1]
	if about.Label != "About the expo" || len(about.Children) != 6 || about.Href() != "/about/overview" {
		t.Fatalf("about: %q, %d pages, href %s", about.Label, len(about.Children), about.Href())
	}
	if nav[4].Href() != "/news/" || nav[4].Children[1].Label != "Industry news" {
		t.Fatalf("news: %s, %q", nav[4].Href(), nav[4].Children[1].Label)
	}
}
