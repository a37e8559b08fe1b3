package store_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// withDemo is a fresh database holding the demo content. The demo is
// loaded once a test binary (the first caller waits; see testdb.NewSeeded):
// a load draws and processes its pictures, some 40 CPU-seconds under -race.
func withDemo(t *testing.T) *pgxpool.Pool {
	t.Helper()
	return testdb.NewSeeded(t, "demo", func(ctx context.Context, pool *pgxpool.Pool) error {
		return demo.Load(ctx, store.New(pool))
	})
}

func TestSiteInEachLanguageWithFallback(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	if _, err := store.New(testdb.New(t)).Site(ctx, "zh"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Site before any settings: %v, want ErrNotFound", err)
	}
	// After the demo is loaded (into the template withDemo copies).
	pool := withDemo(t)
	st := store.New(pool)
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
	pool := withDemo(t)
	st := store.New(pool)
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

func TestSaveArticleRefusesAStaleVersion(t *testing.T) {
	ctx := context.Background()
	st := store.New(testdb.New(t))
	a, err := st.SaveArticle(ctx, store.EditArticle{Category: "expo", Status: "draft", ReleasedAt: time.Now(),
		Texts: map[string]store.ArticleText{"zh": {Lang: "zh", Title: "初稿"}}}, 0, "article.create")
	if err != nil || a.ID == 0 || a.Version != 1 {
		t.Fatalf("create: %+v, %v", a, err)
	}
	first, second := a, a // two editors open version 1
	first.Texts = map[string]store.ArticleText{"zh": {Lang: "zh", Title: "甲的修改"}, "en": {Lang: "en", Title: "A's edit"}}
	if first, err = st.SaveArticle(ctx, first, 0, "article.update"); err != nil || first.Version != 2 {
		t.Fatalf("first save: %+v, %v", first, err)
	}
	second.Texts = map[string]store.ArticleText{"zh": {Lang: "zh", Title: "乙的修改"}}
	if _, err := st.SaveArticle(ctx, second, 0, "article.update"); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second save on version 1: %v, want ErrConflict", err)
	}
	got, err := st.ArticleForEdit(ctx, a.ID)
	if err != nil || got.Version != 2 || got.Texts["zh"].Title != "甲的修改" || got.Texts["en"].Title != "A's edit" {
		t.Fatalf("after the refused save: %+v, %v", got, err)
	}
	// Saving without English removes the English words.
	got.Texts = map[string]store.ArticleText{"zh": got.Texts["zh"]}
	if got, err = st.SaveArticle(ctx, got, 0, "article.update"); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.ArticleForEdit(ctx, a.ID); len(again.Texts) != 1 {
		t.Errorf("languages after removing English: %v", again.Texts)
	}
	if n, _ := st.RevisionCount(ctx, a.ID); n != 3 {
		t.Errorf("%d revisions after three saves", n)
	}
}

func TestArticleAuditSaysWhatChanged(t *testing.T) {
	ctx := context.Background()
	st := store.New(testdb.New(t))
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	a, err := st.SaveArticle(ctx, store.EditArticle{Category: "expo", Status: "draft", ReleasedAt: at,
		Texts: map[string]store.ArticleText{"zh": {Lang: "zh", Title: "旧标题"}}}, 0, "article.create")
	if err != nil {
		t.Fatal(err)
	}
	a.Status = "published"
	a.Texts = map[string]store.ArticleText{"zh": {Lang: "zh", Title: "新标题"}, "en": {Lang: "en", Title: "New title"}}
	if _, err := st.SaveArticle(ctx, a, 0, "article.update"); err != nil {
		t.Fatal(err)
	}
	log, err := st.RecentAudit(ctx, 1)
	if err != nil || len(log) != 1 {
		t.Fatal(log, err)
	}
	for _, want := range []string{"status draft -> published", `zh title "旧标题" -> "新标题"`, `en title "" -> "New title"`} {
		if !strings.Contains(log[0].Summary, want) {
			t.Errorf("audit summary %q lacks %q", log[0].Summary, want)
		}
	}
}
