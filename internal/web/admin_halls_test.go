package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// hallTabs are the public hall map's tabs: code=label, in order.
func hallTabs(t *testing.T, site *testSite, lang string) []string {
	t.Helper()
	var out []string
	site.doc(t, "/"+lang+"/exhibit/booths", http.StatusOK).Find(".hall-tabs a").Each(func(_ int, a *goquery.Selection) {
		out = append(out, a.AttrOr("data-hall", "")+"="+strings.TrimSpace(a.Text()))
	})
	return out
}

// hallFilter is the directory's hall filter: value=label, in order.
func hallFilter(t *testing.T, site *testSite, path string) []string {
	t.Helper()
	var out []string
	site.doc(t, path, http.StatusOK).Find("#exh-hall option").Each(func(_ int, o *goquery.Selection) {
		if v := o.AttrOr("value", ""); v != "" {
			out = append(out, v+"="+strings.TrimSpace(o.Text()))
		}
	})
	return out
}

func TestHallEditorAddsRenamesReordersAndRemovesAHall(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := context.Background()
	b := signIn(t, site, auth.RoleOrganiser, "en")

	if got := hallTabs(t, site, "en"); !slices.Equal(got, []string{"1=Hall 1", "2=Hall 2"}) {
		t.Fatalf("the demo's halls: %v", got)
	}

	// A third hall with an outline and a door.
	res := b.post(t, "/admin/halls/new", url.Values{"code": {" ３ "}, "name_zh": {"三号馆"}, "name_en": {"Hall 3"}, "position": {"3"},
		"width": {"30"}, "depth": {"20"}, "door_side_0": {"s"}, "door_at_0": {"2"}, "door_width_0": {"4"}, "door_side_1": {""}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/halls/3?saved=1" {
		t.Fatalf("create: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if got := hallTabs(t, site, "en"); !slices.Equal(got, []string{"1=Hall 1", "2=Hall 2", "3=Hall 3"}) {
		t.Errorf("public map (en): %v", got)
	}
	if got := hallTabs(t, site, "zh"); !slices.Equal(got, []string{"1=一号馆", "2=二号馆", "3=三号馆"}) {
		t.Errorf("public map (zh): %v", got)
	}
	d := site.doc(t, "/en/exhibit/booths?hall=3", http.StatusOK)
	if svg := d.Find("[data-testid=hallmap]"); svg.AttrOr("viewBox", "") != "-1 -1 32 22" || svg.Find("rect.hall-door").Length() != 1 {
		t.Errorf("hall 3's map: viewBox %q, %d doors", svg.AttrOr("viewBox", ""), svg.Find("rect.hall-door").Length())
	}
	if label := d.Find("[data-testid=hallmap]").AttrOr("aria-label", ""); label != "Map of Hall 3" {
		t.Errorf("map label %q", label)
	}
	if got := hallFilter(t, site, "/en/exhibitors/"); !slices.Equal(got, []string{"1=Hall 1", "2=Hall 2", "3=Hall 3"}) {
		t.Errorf("directory filter (en): %v", got)
	}
	if got := hallFilter(t, site, "/zh/exhibitors/"); !slices.Equal(got, []string{"1=一号馆", "2=二号馆", "3=三号馆"}) {
		t.Errorf("directory filter (zh): %v", got)
	}
	// The filter takes the new hall (an unknown one is ignored, so the
	// selected option shows it was taken).
	if sel := site.doc(t, "/en/exhibitors/?hall=3", http.StatusOK).Find("#exh-hall option[selected]").AttrOr("value", ""); sel != "3" {
		t.Errorf("filtering by hall 3 selects %q", sel)
	}
	// The booth editor offers it, and places a booth in it.
	if b.page(t, "/admin/booths/new", http.StatusOK).Find(`select#hall option[value="3"]`).Text() != "Hall 3" {
		t.Error("the booth editor does not offer hall 3")
	}
	if res := b.post(t, "/admin/booths/new", url.Values{"hall": {"3"}, "number": {"3A01"}, "x": {"24"}, "y": {"2"}, "width": {"4"}, "depth": {"3"},
		"type": {"standard"}, "status": {"available"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("booth in hall 3: %d", res.StatusCode)
	}
	// ...but not past its walls.
	res, d = b.postDoc(t, "/admin/booths/new", url.Values{"hall": {"3"}, "number": {"3A02"}, "x": {"28"}, "y": {"2"}, "width": {"4"}, "depth": {"3"},
		"type": {"standard"}, "status": {"available"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(d.Find("#width-err").Text(), "30×20") {
		t.Errorf("booth past hall 3's walls: %d %q", res.StatusCode, d.Find("#width-err").Text())
	}

	// Renamed in English only.
	f := openedForm(t, b, "/admin/halls/3")
	if f.Get("version") != "1" || f.Get("width") != "30" || f.Get("door_side_0") != "s" || f.Get("door_at_0") != "2" {
		t.Fatalf("the editor opened on %v", f)
	}
	f.Set("name_en", "Hall 3 (East)")
	if res := b.post(t, "/admin/halls/3", f); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("rename: %d", res.StatusCode)
	}
	if got := hallTabs(t, site, "en"); got[2] != "3=Hall 3 (East)" {
		t.Errorf("renamed (en): %v", got)
	}
	if got := hallTabs(t, site, "zh"); got[2] != "3=三号馆" {
		t.Errorf("the Chinese name changed too: %v", got)
	}

	// Moved up, before hall 2: the map and the filter follow.
	if res := b.post(t, "/admin/halls/3/move", url.Values{"dir": {"up"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d", res.StatusCode)
	}
	if got := hallTabs(t, site, "en"); !slices.Equal(got, []string{"1=Hall 1", "3=Hall 3 (East)", "2=Hall 2"}) {
		t.Errorf("after the move, the map: %v", got)
	}
	if got := hallFilter(t, site, "/zh/exhibitors/"); !slices.Equal(got, []string{"1=一号馆", "3=三号馆", "2=二号馆"}) {
		t.Errorf("after the move, the filter: %v", got)
	}
	if res := b.post(t, "/admin/halls/3/move", url.Values{"dir": {"sideways"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a move sideways: %d", res.StatusCode)
	}

	// Shrunk so that 3A01 (24..28 m) falls outside: refused by the width,
	// naming the booth; nothing saved.
	f = openedForm(t, b, "/admin/halls/3")
	f.Set("width", "26")
	res, d = b.postDoc(t, "/admin/halls/3", f)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("shrinking past a booth: %d", res.StatusCode)
	}
	if msg := d.Find("#width-err").Text(); !strings.Contains(msg, "3A01") {
		t.Errorf("the refusal does not name the booth: %q", msg)
	}
	if d.Find("#width").AttrOr("value", "") != "26" {
		t.Error("the refused form lost what was typed")
	}
	if h, _ := store.New(site.pool).Hall(ctx, "3"); h.Width != 30 {
		t.Errorf("the refused outline was saved: %+v", h)
	}
	// A door past its wall's end and a door without a wall are refused by
	// their fields.
	f.Set("width", "30")
	f.Set("door_side_1", "e")
	f.Set("door_at_1", "18")
	f.Set("door_width_1", "4")
	f.Set("door_side_2", "")
	f.Set("door_at_2", "5")
	f.Set("door_width_2", "2")
	res, d = b.postDoc(t, "/admin/halls/3", f)
	if res.StatusCode != http.StatusUnprocessableEntity || d.Find("#door_at_1-err").Text() == "" || d.Find("#door_side_2-err").Text() == "" {
		t.Errorf("bad doors: %d %q %q", res.StatusCode, d.Find("#door_at_1-err").Text(), d.Find("#door_side_2-err").Text())
	}

	// Removal is refused while the booth is there, before asking and after.
	zh := signIn(t, site, auth.RoleAdmin, "zh") // another account: the language is kept with it
	for _, form := range []url.Values{{}, {"confirm": {"yes"}}} {
		res, d := zh.postDoc(t, "/admin/halls/3/delete", form)
		msg := d.Find("[data-testid=delete-refused]").Text()
		if res.StatusCode != http.StatusConflict || !strings.Contains(msg, "三号馆仍在使用中") || !strings.Contains(msg, "3A01") {
			t.Errorf("delete %v while used: %d %q", form, res.StatusCode, msg)
		}
	}
	// An exhibitor in the hall keeps it too, named in the refusal.
	booth, err := store.New(site.pool).BoothByNumber(ctx, "3A01")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := site.pool.Exec(ctx, "DELETE FROM booths WHERE id = $1", booth.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := site.pool.Exec(ctx, "UPDATE exhibitors SET hall = '3' WHERE id = (SELECT min(id) FROM exhibitors)"); err != nil {
		t.Fatal(err)
	}
	res, d = b.postDoc(t, "/admin/halls/3/delete", url.Values{"confirm": {"yes"}})
	if msg := d.Find("[data-testid=delete-refused]").Text(); res.StatusCode != http.StatusConflict || !strings.Contains(msg, "Exhibitors: 1") {
		t.Errorf("delete with an exhibitor: %d %q", res.StatusCode, msg)
	}
	if _, err := site.pool.Exec(ctx, "UPDATE exhibitors SET hall = '' WHERE hall = '3'"); err != nil {
		t.Fatal(err)
	}
	// Empty: asked first, then gone from the map and the filter.
	res, d = b.postDoc(t, "/admin/halls/3/delete", url.Values{})
	if res.StatusCode != http.StatusOK || d.Find("[data-testid=confirm-delete] input[name=confirm][value=yes]").Length() != 1 {
		t.Fatalf("no confirmation: %d", res.StatusCode)
	}
	if got := hallTabs(t, site, "en"); len(got) != 3 {
		t.Fatalf("asking deleted the hall: %v", got)
	}
	if res := b.post(t, "/admin/halls/3/delete", url.Values{"confirm": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	if got := hallTabs(t, site, "en"); !slices.Equal(got, []string{"1=Hall 1", "2=Hall 2"}) {
		t.Errorf("after the delete, the map: %v", got)
	}
	if got := hallFilter(t, site, "/en/exhibitors/"); slices.Contains(got, "3=Hall 3 (East)") {
		t.Errorf("after the delete, the filter: %v", got)
	}
	site.doc(t, "/en/exhibit/booths?hall=3", http.StatusNotFound)

	// A hall with no outline yet takes no doors; once made, its tab says
	// its map is to come instead of drawing an empty box.
	outdoor := url.Values{"code": {"w"}, "name_zh": {"室外展区"}, "name_en": {"Outdoor area"}, "position": {"9"},
		"door_side_0": {"n"}, "door_at_0": {"0"}, "door_width_0": {"5"}}
	res, d = b.postDoc(t, "/admin/halls/new", outdoor)
	if res.StatusCode != http.StatusUnprocessableEntity || d.Find("#door_side_0-err").Text() == "" {
		t.Errorf("a door without an outline: %d", res.StatusCode)
	}
	for _, k := range []string{"door_side_0", "door_at_0", "door_width_0"} {
		outdoor.Del(k)
	}
	if res := b.post(t, "/admin/halls/new", outdoor); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/halls/W?saved=1" {
		t.Fatalf("an outdoor area: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	d = site.doc(t, "/zh/exhibit/booths?hall=W", http.StatusOK)
	if d.Find("[data-testid=hall-empty]").Length() != 1 || d.Find("[data-testid=hallmap]").Length() != 0 {
		t.Error("a hall with neither outline nor booths draws a map")
	}
}

func TestHallEditorRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	b := signIn(t, site, auth.RoleOrganiser, "en")
	first, second := openedForm(t, b, "/admin/halls/1"), openedForm(t, b, "/admin/halls/1")
	if first.Get("version") != "1" || first.Get("name_en") != "Hall 1" || first.Get("width") != "60" {
		t.Fatalf("the editor opened on %v", first)
	}
	first.Set("name_en", "Main hall")
	if res := b.post(t, "/admin/halls/1", first); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	second.Set("depth", "50")
	res, d := b.postDoc(t, "/admin/halls/1", second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a save based on the old version: %d, want 409", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find("#depth").AttrOr("value", "") != "50" {
		t.Error("the refused form does not say why, or lost what was typed")
	}
	if got := d.Find("#name_en-stored .field-stored-value").Text(); got != "Main hall" {
		t.Errorf("the name saved meanwhile shows as %q", got)
	}
	h, err := store.New(site.pool).Hall(context.Background(), "1")
	if err != nil || h.Depth != 45 || h.Name("en") != "Main hall" || h.Version != 2 {
		t.Fatalf("the refused save wrote: %+v %v", h, err)
	}
	// A move counts as a change too: a form opened before it is stale.
	third := openedForm(t, b, "/admin/halls/1")
	if res := b.post(t, "/admin/halls/1/move", url.Values{"dir": {"down"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d", res.StatusCode)
	}
	if res := b.post(t, "/admin/halls/1", third); res.StatusCode != http.StatusConflict {
		t.Errorf("a save opened before a move: %d, want 409", res.StatusCode)
	}
	if res := b.post(t, "/admin/halls/1", editorFormValues(d)); res.StatusCode != http.StatusConflict {
		t.Errorf("the form shown before the move, saved again: %d, want 409", res.StatusCode)
	}
}

// Halls changed by another instance (or by hand in SQL) reach the cached
// public pages through the NOTIFY trigger: the frame snapshot is dropped.
func TestAHallAddedElsewhereReachesTheCachedMap(t *testing.T) {
	t.Parallel()
	site := cachedSite(t)
	if got := hallTabs(t, site, "en"); len(got) != 2 {
		t.Fatalf("halls: %v", got)
	}
	hallTabs(t, site, "en") // now served from the cache
	if _, err := site.pool.Exec(context.Background(), `INSERT INTO halls (code, position, width, depth) VALUES ('W', 5, 40, 20);
		INSERT INTO hall_names (hall, lang, name) VALUES ('W', 'en', 'Outdoor area'), ('W', 'zh', '室外展区')`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 10*time.Second, func() bool { return slices.Contains(hallTabs(t, site, "zh"), "W=室外展区") })
}
