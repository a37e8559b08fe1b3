package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// holdBooth records a live application for a booth, as the application
// form does, and marks the booth held.
func holdBooth(t *testing.T, site *testSite, number, ref string) {
	t.Helper()
	ctx := context.Background()
	if _, err := site.pool.Exec(ctx, `INSERT INTO booth_applications (reference, token, lang, company_en, contact, mobile, email, booth_type, booth_id)
		SELECT $2, $2 || '-token', 'en', 'Test Co.', 'Ms Li', '13812345678', 'li@example.org', type, id FROM booths WHERE number = $1`, number, ref); err != nil {
		t.Fatal(err)
	}
	if _, err := site.pool.Exec(ctx, "UPDATE booths SET status = 'held' WHERE number = $1", number); err != nil {
		t.Fatal(err)
	}
}

func TestHallMapShowsEveryBoothLinksTheFreeOnesAndPricesThem(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := context.Background()
	// The demo's first application holds 1A15; 1A16 is held for this test.
	holdBooth(t, site, "1A16", "LNEE-2026-0901")
	all, err := store.New(site.pool).Booths(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// At the test clock (24 November 2026) the early-bird booth price is in
	// force: 11,800 yuan a booth; raw space is 1,280 yuan a square metre.
	labels := map[string]map[string]string{
		"zh": {
			"1A14": "1A14，3米×3米，9平方米，标准展位，¥11,800，可预订",
			"1A15": "1A15，3米×3米，9平方米，标准展位，¥11,800，已预留",
			"1A16": "1A16，3米×3米，9平方米，标准展位，¥11,800，已预留",
			"1A01": "1A01，3米×3米，9平方米，标准展位，¥11,800，已售出",
			"1E01": "1E01，9米×12米，108平方米，光地，¥138,240，可预订",
			"2C15": "2C15，3米×3米，9平方米，标准展位，¥11,800，已售出",
		},
		"en": {
			"1A14": "1A14, 3 m × 3 m, 9 m², standard booth, CN¥11,800, available",
			"1A15": "1A15, 3 m × 3 m, 9 m², standard booth, CN¥11,800, held",
			"1A16": "1A16, 3 m × 3 m, 9 m², standard booth, CN¥11,800, held",
			"1A01": "1A01, 3 m × 3 m, 9 m², standard booth, CN¥11,800, sold",
			"1E01": "1E01, 9 m × 12 m, 108 m², raw space, CN¥138,240, available",
			"2C15": "2C15, 3 m × 3 m, 9 m², standard booth, CN¥11,800, sold",
		},
	}
	for _, lang := range []string{"zh", "en"} {
		for _, hall := range []string{"1", "2"} {
			path := "/" + lang + "/exhibit/booths?hall=" + hall
			if hall == "1" {
				path = "/" + lang + "/exhibit/booths" // the first hall without asking
			}
			d := site.doc(t, path, http.StatusOK)
			svg := d.Find(`svg[data-testid=hallmap]`)
			if got, _ := svg.Attr("data-hall"); got != hall {
				t.Fatalf("%s shows hall %q", path, got)
			}
			if got, _ := d.Find(`.hall-tabs a[aria-current=page]`).Attr("data-hall"); got != hall {
				t.Errorf("%s: current tab %q", path, got)
			}
			if d.Find(`.hall-tabs a`).Length() != 2 {
				t.Errorf("%s: %d hall tabs", path, d.Find(`.hall-tabs a`).Length())
			}
			n := 0
			for _, b := range all {
				if b.Hall != hall {
					if svg.Find(`[data-number="`+b.Number+`"]`).Length() != 0 {
						t.Errorf("%s: %s from hall %s is on the map", path, b.Number, b.Hall)
					}
					continue
				}
				n++
				el := svg.Find(`[data-number="` + b.Number + `"]`)
				row := d.Find(`[data-testid=booth-list] tr[data-number="` + b.Number + `"]`)
				if el.Length() != 1 || row.Length() != 1 {
					t.Errorf("%s: %s is %d times on the map and %d in the list", path, b.Number, el.Length(), row.Length())
					continue
				}
				label, _ := el.Attr("aria-label")
				if want, ok := labels[lang][b.Number]; ok && label != want {
					t.Errorf("%s: %s is named %q, want %q", path, b.Number, label, want)
				}
				if title := el.Find("title").Text(); title != label {
					t.Errorf("%s: %s has the tooltip %q", path, b.Number, title)
				}
				apply := "/" + lang + "/exhibit/apply?booth=" + b.Number
				href, linked := el.Attr("href")
				listHref, listed := row.Find(`a[data-testid=apply]`).Attr("href")
				if b.Status == "available" {
					if goquery.NodeName(el) != "a" || href != apply || el.AttrOr("data-booth", "") != b.Number {
						t.Errorf("%s: available %s on the map is <%s href=%q data-booth=%q>", path, b.Number, goquery.NodeName(el), href, el.AttrOr("data-booth", ""))
					}
					if listHref != apply {
						t.Errorf("%s: available %s in the list applies at %q", path, b.Number, listHref)
					}
				} else if linked || listed || goquery.NodeName(el) == "a" || el.AttrOr("data-booth", "") != "" {
					t.Errorf("%s: %s %s is a link", path, b.Status, b.Number)
				}
				wantPrice := map[string]string{"zh": "¥11,800", "en": "CN¥11,800"}[lang]
				if b.Number == "1E01" {
					wantPrice = map[string]string{"zh": "¥138,240", "en": "CN¥138,240"}[lang]
				}
				if b.Type == "standard" || b.Number == "1E01" {
					if got := strings.TrimSpace(row.Find(`[data-testid=price]`).Text()); got != wantPrice {
						t.Errorf("%s: %s costs %q, want %q", path, b.Number, got, wantPrice)
					}
				}
			}
			if n < 70 {
				t.Errorf("%s: only %d booths", path, n)
			}
			if d.Find(`[data-testid=booth-list] tr[data-number]`).Length() != n || svg.Find(`[data-number]`).Length() != n {
				t.Errorf("%s: %d booths in the hall, %d on the map, %d in the list", path, n, svg.Find(`[data-number]`).Length(), d.Find(`[data-testid=booth-list] tr[data-number]`).Length())
			}
			if src, _ := d.Find(`script[src*="hallmap"]`).Attr("src"); src == "" || d.Find(`script[src*="hallmap"][defer]`).Length() != 1 {
				t.Errorf("%s: the caption script is not loaded with defer", path)
			}
		}
	}

	// Only the available ones in the list; the map stays whole.
	d := site.doc(t, "/en/exhibit/booths?hall=1&available=1", http.StatusOK)
	d.Find(`[data-testid=booth-list] tr[data-number]`).Each(func(_ int, s *goquery.Selection) {
		if s.AttrOr("class", "") != "booth-row-available" {
			t.Errorf("filtered list shows %s (%s)", s.AttrOr("data-number", ""), s.AttrOr("class", ""))
		}
	})
	if d.Find(`[data-testid=booth-list] tr[data-number="1A14"]`).Length() != 1 || d.Find(`svg [data-number="1A01"]`).Length() != 1 {
		t.Error("the filter lost an available booth from the list or a sold one from the map")
	}
	if href, _ := d.Find(`[data-testid=show-all]`).Attr("href"); href != "/en/exhibit/booths?hall=1#booth-list" {
		t.Errorf("show all: %q", href)
	}
	if href, _ := d.Find(`.hall-tabs a[data-hall="2"]`).Attr("href"); href != "/en/exhibit/booths?available=1&hall=2" {
		t.Errorf("hall 2 tab keeps the filter? %q", href)
	}
	var crumbs []string
	d.Find(".crumbs li").Each(func(_ int, s *goquery.Selection) { crumbs = append(crumbs, strings.TrimSpace(s.Text())) })
	if got := strings.Join(crumbs, " › "); got != "Home › Exhibition centre › Hall map" {
		t.Errorf("breadcrumb %q", got)
	}

	// An unknown hall: 404, and the halls that exist to choose from.
	d = site.doc(t, "/zh/exhibit/booths?hall=9", http.StatusNotFound)
	if got := d.Find(`[data-testid=unknown-hall]`).Text(); !strings.Contains(got, "“9”") {
		t.Errorf("unknown hall notice %q", got)
	}
	if d.Find(`.hall-tabs a`).Length() != 2 || d.Find(`svg[data-testid=hallmap]`).Length() != 0 {
		t.Error("the unknown hall's page lacks the hall links or shows a map")
	}

	// With no raw-space price in force, raw space is priced on request.
	if _, err := site.pool.Exec(ctx, "DELETE FROM charge_items WHERE kind = 'space'"); err != nil {
		t.Fatal(err)
	}
	d = site.doc(t, "/zh/exhibit/booths", http.StatusOK)
	if got := strings.TrimSpace(d.Find(`tr[data-number="1E01"] [data-testid=price]`).Text()); got != "价格面议" {
		t.Errorf("1E01 without a price: %q", got)
	}
	if got := strings.TrimSpace(d.Find(`tr[data-number="1A14"] [data-testid=price]`).Text()); got != "¥11,800" {
		t.Errorf("1A14 lost its price: %q", got)
	}

	// The price list and the exhibits page lead here; they load no map script.
	for _, p := range []string{"/en/exhibit/charges", "/zh/exhibit/exhibits"} {
		d := site.doc(t, p, http.StatusOK)
		if href, _ := d.Find(`[data-testid=see-map]`).Attr("href"); href != p[:3]+"/exhibit/booths" {
			t.Errorf("%s links the hall map as %q", p, href)
		}
		if d.Find(`script[src*="hallmap"]`).Length() != 0 {
			t.Errorf("%s loads the hall map script", p)
		}
	}
}

// postDoc posts a form as the staff member and parses the answer.
func (b *staff) postDoc(t *testing.T, path string, form url.Values) (*http.Response, *goquery.Document) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.site.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	d, err := goqueryParse(res)
	if err != nil {
		t.Fatal(err)
	}
	return res, d
}

func TestBoothEditorKeepsInputRefusesOverlapsAndFollowsApplications(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := context.Background()
	st := store.New(site.pool)
	addUser(t, site, "org@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "org@expo.example", "Shenyang-Expo-2027", "Accept-Language: en")
	if res, _ := b.get(t, "/admin/lang/en?next=/admin/booths"); res.StatusCode >= 400 {
		t.Fatalf("language: %d", res.StatusCode)
	}
	count := func() int {
		var n int
		if err := site.pool.QueryRow(ctx, "SELECT count(*) FROM booths").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()

	// The list: counts by status agree with the hall's booths.
	_, page := b.get(t, "/admin/booths?hall=1")
	d := parse(t, page)
	var avail int
	if err := site.pool.QueryRow(ctx, "SELECT count(*) FROM booths WHERE hall = '1' AND status = 'available'").Scan(&avail); err != nil {
		t.Fatal(err)
	}
	if got := d.Find(`[data-testid=booth-counts] [data-status=available]`).Text(); got != strconv.Itoa(avail) {
		t.Errorf("available count %q, want %d", got, avail)
	}
	if href, _ := d.Find(`svg [data-number="1A01"]`).Attr("href"); !strings.HasPrefix(href, "/admin/booths/") {
		t.Errorf("the admin map's 1A01 leads to %q", href)
	}

	form := func(kv ...string) url.Values {
		v := url.Values{"hall": {"1"}, "number": {"1F01"}, "x": {"3"}, "y": {"39"}, "width": {"3"}, "depth": {"3"}, "type": {"standard"}, "status": {"available"}}
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	invalid := func(d *goquery.Document, field, want string) {
		t.Helper()
		in := d.Find("#" + field)
		if inv, _ := in.Attr("aria-invalid"); inv != "true" {
			t.Errorf("%s: aria-invalid %q", field, inv)
		}
		// The error comes first among what describes the field (a hint may follow).
		desc, _ := in.Attr("aria-describedby")
		first, _, _ := strings.Cut(desc, " ")
		if got := strings.TrimSpace(d.Find("#" + first).Text()); first != field+"-err" || got != want {
			t.Errorf("%s: error %q at %q, want %q", field, got, desc, want)
		}
		if d.Find(`[data-testid=form-errors] a[href="#`+field+`"]`).Length() != 1 {
			t.Errorf("%s: not in the error summary", field)
		}
	}

	// Typing errors: 422, every field as typed, each error by its field.
	res, d := b.postDoc(t, "/admin/booths/new", form("number", "1a 01", "x", "abc", "depth", "0", "type", "tent"))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad form: %d", res.StatusCode)
	}
	for field, want := range map[string]string{"number": "1a 01", "x": "abc", "depth": "0", "y": "39"} {
		if got, _ := d.Find("#" + field).Attr("value"); got != want {
			t.Errorf("%s kept as %q, want %q", field, got, want)
		}
	}
	invalid(d, "number", "Use capital letters, digits and hyphens, at most 16, like 1A05.")
	invalid(d, "x", "Enter whole metres from 0 to 1000.")
	invalid(d, "depth", "Enter whole metres from 1 to 200.")
	invalid(d, "type", "Choose a booth type.")
	if count() != before {
		t.Fatal("an invalid form wrote a booth")
	}

	// On top of 1A01 (3..6, 3..6): the overlap is told at the position.
	res, d = b.postDoc(t, "/admin/booths/new", form("x", "4", "y", "4"))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("overlap: %d", res.StatusCode)
	}
	invalid(d, "x", "This overlaps booth 1A01; move it or make it smaller.")
	if got, _ := d.Find("#number").Attr("value"); got != "1F01" {
		t.Errorf("number kept as %q", got)
	}
	res, d = b.postDoc(t, "/admin/booths/new", form("number", "1a01"))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("duplicate: %d", res.StatusCode)
	}
	invalid(d, "number", "Booth number 1A01 is already taken; choose another.")
	res, d = b.postDoc(t, "/admin/booths/new", form("x", "58"))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("outside: %d", res.StatusCode)
	}
	invalid(d, "width", "This runs past the hall's walls (the hall is 60×45 m).")
	if count() != before {
		t.Fatal("a refused booth was written")
	}

	// A good one: saved, audited, on the public map as a free booth.
	res = b.post(t, "/admin/booths/new", form("number", "１f01")) // full-width, lower case: as typed on a Chinese keyboard
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "?saved=1") {
		t.Fatalf("save: %d to %q", res.StatusCode, loc)
	}
	edit := strings.TrimSuffix(loc, "?saved=1")
	pub := site.doc(t, "/zh/exhibit/booths?hall=1", http.StatusOK)
	if href, _ := pub.Find(`svg a[data-booth="1F01"]`).Attr("href"); href != "/zh/exhibit/apply?booth=1F01" {
		t.Errorf("new booth on the public map: %q", href)
	}
	audit, err := st.RecentAudit(ctx, 1, "booth.")
	if err != nil || len(audit) != 1 || audit[0].Action != "booth.create" || !strings.Contains(audit[0].Subject, "1F01") || audit[0].Email == nil || *audit[0].Email != "org@expo.example" {
		t.Errorf("audit %+v %v", audit, err)
	}

	// While an application holds it, the status is shown, not asked, and
	// a stale form's status is refused by the status.
	holdBooth(t, site, "1F01", "LNEE-2026-0042")
	_, page = b.get(t, edit)
	d = parse(t, page)
	if d.Find("select#status").Length() != 0 || !strings.Contains(d.Find(`[data-testid=status-follows]`).Text(), "follows application LNEE-2026-0042") {
		t.Errorf("held booth's status: %q", d.Find(`[data-testid=status-follows]`).Text())
	}
	moved := form("width", "4", "version", editorVersion(t, b, edit))
	moved.Del("status")
	if res := b.post(t, edit, moved); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save of a held booth: %d", res.StatusCode)
	}
	if got, _ := st.BoothByNumber(ctx, "1F01"); got.Status != "held" || got.Width != 4 {
		t.Errorf("held booth after save: %+v", got)
	}
	res, d = b.postDoc(t, edit, form("status", "sold", "version", editorVersion(t, b, edit)))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status change while held: %d", res.StatusCode)
	}
	if got := d.Find("#status-err").Text(); !strings.Contains(got, "LNEE-2026-0042") {
		t.Errorf("status error %q", got)
	}

	// Nor can it be deleted.
	res, d = b.postDoc(t, edit+"/delete", url.Values{"confirm": {"yes"}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(d.Find(`[data-testid=delete-refused]`).Text(), "LNEE-2026-0042") {
		t.Fatalf("delete of a held booth: %d %q", res.StatusCode, d.Find(`[data-testid=delete-refused]`).Text())
	}
	if _, err := st.BoothByNumber(ctx, "1F01"); err != nil {
		t.Fatal("the held booth was deleted")
	}

	// Withdrawn, the booth is the organisers' again: delete asks, then goes.
	if _, err := site.pool.Exec(ctx, "UPDATE booth_applications SET status = 'withdrawn'"); err != nil {
		t.Fatal(err)
	}
	res, d = b.postDoc(t, edit+"/delete", url.Values{})
	if res.StatusCode != http.StatusOK || d.Find(`[data-testid=confirm-delete]`).Length() != 1 {
		t.Fatalf("unconfirmed delete: %d", res.StatusCode)
	}
	res = b.post(t, edit+"/delete", url.Values{"confirm": {"yes"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/booths?deleted=1&hall=1" {
		t.Fatalf("confirmed delete: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if count() != before {
		t.Errorf("%d booths after the delete, want %d", count(), before)
	}
	audit, err = st.RecentAudit(ctx, 1, "booth.")
	if err != nil || len(audit) != 1 || audit[0].Action != "booth.delete" {
		t.Errorf("audit %+v %v", audit, err)
	}
}

func TestBoothEditorRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "org@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "org@expo.example", "Shenyang-Expo-2027", "Accept-Language: en")
	if res, _ := b.get(t, "/admin/lang/en?next=/admin/booths"); res.StatusCode >= 400 {
		t.Fatalf("language: %d", res.StatusCode)
	}
	res := b.post(t, "/admin/booths/new", url.Values{"hall": {"1"}, "number": {"1F01"}, "x": {"3"}, "y": {"39"}, "width": {"3"}, "depth": {"3"},
		"type": {"standard"}, "status": {"available"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	path := strings.TrimSuffix(res.Header.Get("Location"), "?saved=1")
	first, second := openedForm(t, b, path), openedForm(t, b, path)
	if first.Get("version") != "1" || first.Get("number") != "1F01" || first.Get("status") != "available" {
		t.Fatalf("the editor opened on %v", first)
	}
	first.Set("status", "sold")
	if res := b.post(t, path, first); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	second.Set("width", "4")
	res, d := b.postDoc(t, path, second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a save based on the old version: %d, want 409", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find("#width").AttrOr("value", "") != "4" {
		t.Error("the refused form does not say why, or lost what was typed")
	}
	if got := d.Find("#status-stored .field-stored-value").Text(); got != "Sold" {
		t.Errorf("the status saved meanwhile shows as %q, want Sold", got)
	}
	if got := d.Find("#width-stored .field-stored-value").Text(); got != "3" {
		t.Errorf("the width saved now shows as %q, want 3", got)
	}
	if d.Find("#number-stored").Length() != 0 {
		t.Error("an unchanged field shows a saved value")
	}
	got, err := store.New(site.pool).BoothByNumber(context.Background(), "1F01")
	if err != nil || got.Width != 3 || got.Status != "sold" || got.Version != 2 {
		t.Fatalf("the refused save wrote: %+v %v", got, err)
	}
	if res := b.post(t, path, editorFormValues(d)); res.StatusCode != http.StatusSeeOther {
		t.Errorf("saving again on purpose: %d", res.StatusCode)
	}
}
