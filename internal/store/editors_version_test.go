package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

// Each editor's save refuses a change based on an old version and writes
// nothing, as store.SaveCharge does; the version then moves on by one.

func TestUpdatePageRefusesAnOldVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	if err := st.SavePage(ctx, "/about", 1, true, []store.PageText{{Lang: "zh", Title: "关于"}, {Lang: "en", Title: "About"}}); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := pool.QueryRow(ctx, "SELECT id FROM pages WHERE path = '/about'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	p, _, _, err := st.PageForEdit(ctx, id)
	if err != nil || p.Version != 1 {
		t.Fatalf("page as loaded: %+v, %v", p, err)
	}
	if err := st.UpdatePage(ctx, id, 1, true, []store.PageText{{Lang: "zh", Title: "关于展会"}}, 0); err != nil {
		t.Fatal(err)
	}
	// A second save opened on version 1, before the first landed.
	if err := st.UpdatePage(ctx, id, 1, false, []store.PageText{{Lang: "en", Title: "Stale"}}, 0); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save based on an old version: %v, want ErrConflict", err)
	}
	p, texts, _, err := st.PageForEdit(ctx, id)
	if err != nil || p.Version != 2 || !p.Published || texts["zh"].Title != "关于展会" || len(texts) != 1 {
		t.Fatalf("after the refused save: %+v %+v, %v", p, texts, err)
	}
	if log, _ := st.RecentAudit(ctx, 5, "page."); len(log) != 1 {
		t.Errorf("the refused save was audited: %+v", log)
	}
	if err := st.UpdatePage(ctx, 999999, 1, true, nil, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a page that is not there: %v, want ErrNotFound", err)
	}
}

func TestSaveSiteRefusesAnOldVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(withDemo(t))
	loaded, err := st.SiteForEdit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first := loaded
	first.Facts.Hotline = "024-1111-2222"
	if err := st.SaveSite(ctx, first, 0); err != nil {
		t.Fatal(err)
	}
	stale := loaded
	stale.Facts.Fax = "024-3333-4444"
	if err := st.SaveSite(ctx, stale, 0); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save based on an old version: %v, want ErrConflict", err)
	}
	now, err := st.SiteForEdit(ctx)
	if err != nil || now.Version != loaded.Version+1 || now.Facts.Hotline != "024-1111-2222" || now.Facts.Fax != loaded.Facts.Fax {
		t.Fatalf("after the refused save: version %d, hotline %q, fax %q, %v", now.Version, now.Facts.Hotline, now.Facts.Fax, err)
	}
	if log, _ := st.RecentAudit(ctx, 5, "settings."); len(log) != 1 || !strings.Contains(log[0].Summary, "hotline") {
		t.Errorf("audit after one save and one refused: %+v", log)
	}
}

func TestAccountChangesRefuseAnOldVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	if _, err := st.CreateUser(ctx, "admin@expo.example", "admin", "x"); err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, "ed@expo.example", "editor", "x")
	if err != nil || u.Version != 1 {
		t.Fatalf("new account: %+v, %v", u, err)
	}
	if err := st.SetRole(ctx, u.ID, 1, "organiser"); err != nil {
		t.Fatal(err)
	}
	// Opened on version 1: both changes are refused and nothing moves.
	if err := st.SetRole(ctx, u.ID, 1, "admin"); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a role change based on an old version: %v, want ErrConflict", err)
	}
	if err := st.SetDisabled(ctx, u.ID, 1, true); !errors.Is(err, store.ErrConflict) {
		t.Errorf("disabling based on an old version: %v, want ErrConflict", err)
	}
	got, err := st.UserByID(ctx, u.ID)
	if err != nil || got.Role != "organiser" || got.Disabled || got.Version != 2 {
		t.Fatalf("after the refused changes: %+v, %v", got, err)
	}
	if err := st.SetDisabled(ctx, u.ID, 2, true); err != nil {
		t.Fatal(err)
	}
	// A new password is no edit of the account's settings: the version stays.
	if err := st.SetPassword(ctx, u.ID, "y"); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.UserByID(ctx, u.ID); got.Version != 3 || !got.Disabled {
		t.Errorf("after disabling and a new password: %+v", got)
	}
	if err := st.SetRole(ctx, 999999, 1, "editor"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an account that is not there: %v, want ErrNotFound", err)
	}
}
