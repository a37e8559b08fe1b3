package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// formValues is what a browser would post from the form matched by sel:
// inputs (ticked boxes only, no files), selects and textareas.
func formValues(d *goquery.Document, sel string) url.Values {
	v := url.Values{}
	f := d.Find(sel)
	f.Find("input[name]").Each(func(_ int, s *goquery.Selection) {
		switch s.AttrOr("type", "text") {
		case "file", "submit":
			return
		case "checkbox", "radio":
			if _, on := s.Attr("checked"); !on {
				return
			}
		}
		v.Add(s.AttrOr("name", ""), s.AttrOr("value", ""))
	})
	f.Find("select[name]").Each(func(_ int, s *goquery.Selection) {
		v.Set(s.AttrOr("name", ""), s.Find("option[selected]").AttrOr("value", ""))
	})
	f.Find("textarea[name]").Each(func(_ int, s *goquery.Selection) {
		v.Set(s.AttrOr("name", ""), s.Text())
	})
	return v
}

func TestPageEditorRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	var id int64
	if err := site.pool.QueryRow(context.Background(), "SELECT id FROM pages WHERE path = '/services/dining'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/admin/pages/%d", id)
	first, second := formValues(b.page(t, path, http.StatusOK), "form.editor"), formValues(b.page(t, path, http.StatusOK), "form.editor")
	if first.Get("version") == "" || first.Get("title_zh") == "" {
		t.Fatalf("the editor does not hold the page and its version: %v", first)
	}
	first.Set("title_en", "Dining (first)")
	if res := b.post(t, path, first); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	second.Set("summary_en", "Typed by the second editor")
	res, d := b.postDoc(t, path, second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a save based on the old version: %d, want 409", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find("#summary_en").AttrOr("value", "") != "Typed by the second editor" {
		t.Error("the refused form does not say why, or lost what was typed")
	}
	if got := d.Find("#title_en-stored .field-stored-value").Text(); got != "Dining (first)" {
		t.Errorf("the title saved meanwhile shows as %q", got)
	}
	if d.Find("#title_zh-stored").Length() != 0 {
		t.Error("an unchanged field shows a saved value")
	}
	var summary string
	_ = site.pool.QueryRow(context.Background(), "SELECT summary FROM page_translations WHERE page_id = $1 AND lang = 'en'", id).Scan(&summary)
	if summary == "Typed by the second editor" {
		t.Error("the refused save wrote")
	}
	if res := b.post(t, path, formValues(d, "form.editor")); res.StatusCode != http.StatusSeeOther {
		t.Errorf("saving again on purpose: %d", res.StatusCode)
	}
}

func TestSettingsEditorRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	first, second := formValues(b.page(t, "/admin/settings", http.StatusOK), "form.editor"), formValues(b.page(t, "/admin/settings", http.StatusOK), "form.editor")
	if first.Get("version") == "" || first.Get("expo_name_zh") == "" {
		t.Fatalf("the editor does not hold the settings and their version: %v", first)
	}
	first.Set("hotline", "024-1111-2222")
	if res := b.post(t, "/admin/settings", first); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	second.Set("fax", "024-3333-4444")
	res, d := b.postDoc(t, "/admin/settings", second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a save based on the old version: %d, want 409", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find("#fax").AttrOr("value", "") != "024-3333-4444" {
		t.Error("the refused form does not say why, or lost what was typed")
	}
	if got := d.Find("#hotline-stored .field-stored-value").Text(); got != "024-1111-2222" {
		t.Errorf("the hotline saved meanwhile shows as %q", got)
	}
	if d.Find("#expo_name_zh-stored").Length() != 0 {
		t.Error("an unchanged field shows a saved value")
	}
	now, _ := store.New(site.pool).SiteForEdit(context.Background())
	if now.Facts.Fax == "024-3333-4444" || now.Facts.Hotline != "024-1111-2222" {
		t.Errorf("the refused save wrote: %+v", now.Facts)
	}
	if res := b.post(t, "/admin/settings", formValues(d, "form.editor")); res.StatusCode != http.StatusSeeOther {
		t.Errorf("saving again on purpose: %d", res.StatusCode)
	}
}

func TestUserEditorRefusesAChangeBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "admin@expo.example", auth.RoleAdmin, "Shenyang-Expo-2027")
	ed := addUser(t, site, "ed@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	a, b := newStaff(t, site), newStaff(t, site)
	a.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	b.login(t, "admin@expo.example", "Shenyang-Expo-2027")
	path := "/admin/users/" + strconv.FormatInt(ed.ID, 10) + "/role"
	row := `form[action="` + path + `"]`
	first, second := formValues(a.page(t, "/admin/users", http.StatusOK), row), formValues(b.page(t, "/admin/users", http.StatusOK), row)
	if first.Get("version") != "1" || first.Get("role") != string(auth.RoleEditor) {
		t.Fatalf("the row does not hold the role and its version: %v", first)
	}
	first.Set("role", string(auth.RoleOrganiser))
	if res := a.post(t, path, first); res.StatusCode != http.StatusOK {
		t.Fatalf("first change: %d", res.StatusCode)
	}
	second.Set("role", string(auth.RoleAdmin))
	res, d := b.postDoc(t, path, second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a change based on the old version: %d, want 409", res.StatusCode)
	}
	sel := "#role-" + strconv.FormatInt(ed.ID, 10)
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find(sel+" option[selected]").AttrOr("value", "") != string(auth.RoleAdmin) {
		t.Error("the refused row does not say why, or lost what was chosen")
	}
	// Shown by its name in the reader's language, as the select offers it.
	if got, want := d.Find(sel+"-stored .field-stored-value").Text(), d.Find(sel+` option[value="organiser"]`).Text(); got != want || want == "" {
		t.Errorf("the role saved meanwhile shows as %q, want %q", got, want)
	}
	// A stale disable button is refused too.
	if res := b.post(t, "/admin/users/"+strconv.FormatInt(ed.ID, 10)+"/disabled", url.Values{"disabled": {"true"}, "version": {"1"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("disabling from an old page: %d, want 409", res.StatusCode)
	}
	if u, _ := store.New(site.pool).UserByID(context.Background(), ed.ID); u.Role != auth.RoleOrganiser || u.Disabled {
		t.Errorf("the refused changes wrote: %+v", u)
	}
	// The refused row carries the version now saved: choosing again works.
	if res := b.post(t, path, formValues(d, `form[action="`+path+`"]`)); res.StatusCode != http.StatusOK {
		t.Errorf("changing again on purpose: %d", res.StatusCode)
	}
	if u, _ := store.New(site.pool).UserByID(context.Background(), ed.ID); u.Role != auth.RoleAdmin {
		t.Errorf("the deliberate change did not land: %+v", u)
	}
}

func TestNewsEditorConflictShowsWhatIsSavedBesideWhatWasTyped(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "editor@expo.example", auth.RoleEditor, "Shenyang-Expo-2027")
	a, b := newStaff(t, site), newStaff(t, site)
	a.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	b.login(t, "editor@expo.example", "Shenyang-Expo-2027")
	res, _ := a.save(t, "/admin/news/new", editorForm("draft", "0", "title_en", "First title", "body_en", "Body."))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	path := strings.TrimSuffix(res.Header.Get("Location"), "?saved=1")
	first, second := formValues(a.page(t, path, http.StatusOK), "form.editor"), formValues(b.page(t, path, http.StatusOK), "form.editor")
	if first.Get("version") != "1" || first.Get("title_en") != "First title" || first.Get("body_en") != "Body." {
		t.Fatalf("the editor does not hold the article and its version: %v", first)
	}
	first.Set("action", "draft")
	first.Set("title_en", "Saved by the first")
	if res, _ := a.save(t, path, first); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	second.Set("action", "draft")
	second.Set("body_en", "Typed by the second.")
	res, d := b.postDoc(t, path, second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a save based on the old version: %d, want 409", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find("#body_en").Text() != "Typed by the second." {
		t.Error("the refused form does not say why, or lost what was typed")
	}
	if got := d.Find("#title_en-stored .field-stored-value").Text(); got != "Saved by the first" {
		t.Errorf("the title saved meanwhile shows as %q", got)
	}
	if got := d.Find("#body_en-stored .field-stored-value").Text(); got != "Body." {
		t.Errorf("the body saved now shows as %q", got)
	}
	if d.Find("#title_zh-stored").Length() != 0 {
		t.Error("an unchanged field shows a saved value")
	}
	again := formValues(d, "form.editor")
	again.Set("action", "draft")
	if again.Get("version") != "2" {
		t.Errorf("the refused form carries version %q, want 2", again.Get("version"))
	}
	if res, _ := b.save(t, path, again); res.StatusCode != http.StatusSeeOther {
		t.Errorf("saving again on purpose: %d", res.StatusCode)
	}
}
