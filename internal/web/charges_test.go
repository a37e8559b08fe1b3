package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// chargeRows is the public price list as "name=cny|usd|until" per row.
func chargeRows(d *goquery.Document) []string {
	var out []string
	price := func(s *goquery.Selection) string {
		s = s.Clone()
		s.Find(".charges-regular").Remove()
		return strings.TrimSpace(s.Text())
	}
	d.Find(`[data-testid=charges] tr[data-testid=charge]`).Each(func(_ int, tr *goquery.Selection) {
		out = append(out, strings.TrimSpace(tr.Find(`th[scope=row]`).Text())+"="+
			price(tr.Find(`[data-testid=cny]`))+"|"+price(tr.Find(`[data-testid=usd]`))+"|"+
			strings.TrimSpace(tr.Find(`[data-testid=until]`).Text()))
	})
	return out
}

// regularPrices is each row's regular price and saving, as shown beside an
// early-bird price ("" for a row without).
func regularPrices(d *goquery.Document) []string {
	var out []string
	d.Find(`[data-testid=charges] tr[data-testid=charge]`).Each(func(_ int, tr *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(tr.Find(`[data-testid=regular-cny]`).Text()+" "+tr.Find(`[data-testid=regular-usd]`).Text()), " "))
	})
	return out
}

func TestChargesEarlyBirdSwitchesAtMidnightShanghai(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := context.Background()
	if _, err := site.pool.Exec(ctx, "DELETE FROM charge_items"); err != nil {
		t.Fatal(err)
	}
	day := func(s string) *time.Time { d, _ := time.Parse(time.DateOnly, s); return &d }
	cents := func(v int64) *int64 { return &v }
	st := store.New(site.pool)
	for _, c := range []store.Charge{
		{Kind: "booth", Unit: "booth", PriceCNY: 1180000, PriceUSD: cents(190000), ValidUntil: day("2027-01-31"),
			Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "标准展位早鸟"}, "en": {Lang: "en", Name: "Early booth"}}},
		{Kind: "booth", Unit: "booth", PriceCNY: 1280000, PriceUSD: cents(205000), ValidFrom: day("2027-02-01"),
			Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "标准展位"}, "en": {Lang: "en", Name: "Booth"}}},
		{Kind: "advertising", Unit: "item", PriceCNY: 500000, ValidUntil: day("2027-01-15"),
			Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "冬季广告"}, "en": {Lang: "en", Name: "Winter advert"}}},
		{Kind: "space", Unit: "sqm", PriceCNY: 123456789,
			Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "光地"}}}, // no English: the Chinese name stands in
	} {
		if _, err := st.SaveCharge(ctx, c, 0); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		now          time.Time
		lang, inDate string
		want         []string
	}{
		// 23:59 on 31 January in Shanghai is 15:59 UTC: the early-bird price.
		{time.Date(2027, 1, 31, 15, 59, 0, 0, time.UTC), "zh", "以下为2027年1月31日执行的价格。",
			[]string{"标准展位早鸟=¥11,800|US$1,900|早鸟价截止至2027年1月31日，之后按原价", "光地=¥1,234,567.89||"}},
		{time.Date(2027, 1, 31, 15, 59, 0, 0, time.UTC), "en", "Prices in force on 31 January 2027.",
			[]string{"Early booth=CN¥11,800|US$1,900|early-bird price until 31 January 2027, then the regular price", "光地=CN¥1,234,567.89||"}},
		// Midnight on 1 February in Shanghai is 16:00 UTC on 31 January: the regular one.
		{time.Date(2027, 1, 31, 16, 0, 0, 0, time.UTC), "zh", "以下为2027年2月1日执行的价格。",
			[]string{"标准展位=¥12,800|US$2,050|", "光地=¥1,234,567.89||"}},
		{time.Date(2027, 1, 31, 16, 0, 0, 0, time.UTC), "en", "Prices in force on 1 February 2027.",
			[]string{"Booth=CN¥12,800|US$2,050|", "光地=CN¥1,234,567.89||"}},
		// Before the winter advert's window closed, it is listed too.
		{time.Date(2027, 1, 15, 15, 0, 0, 0, time.UTC), "en", "Prices in force on 15 January 2027.",
			[]string{"Early booth=CN¥11,800|US$1,900|early-bird price until 31 January 2027, then the regular price", "光地=CN¥1,234,567.89||",
				"Winter advert=CN¥5,000||until 15 January 2027"}},
	} {
		site.srv.now = func() time.Time { return tc.now }
		d := site.doc(t, "/"+tc.lang+"/exhibit/charges", http.StatusOK)
		if got := strings.Join(chargeRows(d), "; "); got != strings.Join(tc.want, "; ") {
			t.Errorf("%s at %s:\n got %s\nwant %s", tc.lang, tc.now, got, strings.Join(tc.want, "; "))
		}
		if got := strings.TrimSpace(d.Find(`[data-testid=in-force]`).Text()); got != tc.inDate {
			t.Errorf("%s at %s: %q, want %q", tc.lang, tc.now, got, tc.inDate)
		}
		if n := d.Find(`[data-testid=charges] th[scope=col]`).Length(); n != 5 {
			t.Errorf("%d column headers, want 5 (with USD)", n)
		}
		// Beside the early-bird price: the regular one and the saving.
		if early := tc.now.Before(time.Date(2027, 1, 31, 16, 0, 0, 0, time.UTC)); early {
			want := map[string]string{"zh": "原价 ¥12,800 节省 ¥1,000 原价 US$2,050 节省 US$150",
				"en": "regular price CN¥12,800 you save CN¥1,000 regular price US$2,050 you save US$150"}[tc.lang]
			if got := regularPrices(d); got[0] != want || strings.Join(got[1:], "") != "" {
				t.Errorf("%s at %s: regular prices %q, want %q on the early-bird line only", tc.lang, tc.now, got, want)
			}
		}
	}
}

func TestChargesEditorValidatesSavesAndDeletes(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "org@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "org@expo.example", "Shenyang-Expo-2027", "Accept-Language: en")
	count := func() int {
		var n int
		if err := site.pool.QueryRow(context.Background(), "SELECT count(*) FROM charge_items").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()

	bad := url.Values{"kind": {"booth"}, "unit": {"booth"}, "price_cny": {"12800.505"}, "price_usd": {"-3"},
		"valid_from": {"2027-03-01"}, "valid_until": {"2027-02-01"}, "sort": {"1"},
		"name_zh": {""}, "note_zh": {"保留的说明"}, "name_en": {"Kept name"}, "note_en": {""}}
	req, _ := http.NewRequest(http.MethodPost, site.URL+"/admin/charges/new", strings.NewReader(bad.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", "en")
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := goquery.NewDocumentFromReader(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad form: %d, want 422", res.StatusCode)
	}
	for field, want := range map[string]string{"price_cny": "12800.505", "price_usd": "-3", "name_en": "Kept name", "note_zh": "保留的说明"} {
		if got, _ := d.Find("#" + field).Attr("value"); got != want {
			t.Errorf("%s kept as %q, want %q", field, got, want)
		}
	}
	for _, field := range []string{"price_cny", "price_usd", "valid_until", "name_zh"} {
		in := d.Find("#" + field)
		if inv, _ := in.Attr("aria-invalid"); inv != "true" {
			t.Errorf("%s: aria-invalid %q", field, inv)
		}
		desc, _ := in.Attr("aria-describedby")
		if ids := strings.Fields(desc); len(ids) == 0 || d.Find("#"+ids[0]).Length() != 1 || strings.TrimSpace(d.Find("#"+ids[0]).Text()) == "" {
			t.Errorf("%s: no error text at %q", field, desc)
		}
	}
	if got := d.Find("#price_cny-err").Text(); got != "Use at most two decimal places." {
		t.Errorf("price error %q", got)
	}
	if count() != before {
		t.Fatal("an invalid form wrote a row")
	}

	good := url.Values{"kind": {"advertising"}, "unit": {"piece"}, "price_cny": {"¥8,800"}, "price_usd": {""},
		"valid_from": {""}, "valid_until": {""}, "sort": {"9"},
		"name_zh": {"展馆气球"}, "note_zh": {""}, "name_en": {"Hall balloon"}, "note_en": {""}}
	res = b.post(t, "/admin/charges/new", good)
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "?saved=1") {
		t.Fatalf("save: %d to %q", res.StatusCode, loc)
	}
	editPath := strings.TrimSuffix(loc, "?saved=1")
	if d := site.doc(t, "/zh/exhibit/charges", http.StatusOK); !strings.Contains(strings.Join(chargeRows(d), ";"), "展馆气球=¥8,800||") {
		t.Errorf("new item not on the public page: %v", chargeRows(d))
	}
	good.Set("price_cny", "9000.5")
	good.Set("version", b.page(t, editPath, http.StatusOK).Find(`input[name=version]`).AttrOr("value", ""))
	if res := b.post(t, editPath, good); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("update: %d", res.StatusCode)
	}
	if d := site.doc(t, "/en/exhibit/charges", http.StatusOK); !strings.Contains(strings.Join(chargeRows(d), ";"), "Hall balloon=CN¥9,000.50") {
		t.Errorf("update not on the public page: %v", chargeRows(d))
	}
	audit, err := store.New(site.pool).RecentAudit(context.Background(), 2, "charge.")
	if err != nil || len(audit) != 2 || audit[0].Action != "charge.update" || !strings.Contains(audit[0].Summary, "CNY 8800.00 -> 9000.50") {
		t.Errorf("audit: %+v %v", audit, err)
	}

	// Deleting asks first; only the confirmed post deletes.
	res = b.post(t, editPath+"/delete", url.Values{})
	if res.StatusCode != http.StatusOK || count() != before+1 {
		t.Fatalf("unconfirmed delete: %d, %d rows", res.StatusCode, count())
	}
	_, page := b.get(t, editPath)
	if !strings.Contains(page, "/delete") {
		t.Error("the editor has no delete button")
	}
	res = b.post(t, editPath+"/delete", url.Values{"confirm": {"yes"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/charges?deleted=1" || count() != before {
		t.Fatalf("confirmed delete: %d to %q, %d rows", res.StatusCode, res.Header.Get("Location"), count())
	}
	if d := site.doc(t, "/zh/exhibit/charges", http.StatusOK); strings.Contains(strings.Join(chargeRows(d), ";"), "展馆气球") {
		t.Error("deleted item still public")
	}
	_, list := b.get(t, "/admin/charges")
	if !strings.Contains(list, "标准展位（早鸟价）") && !strings.Contains(list, "Standard shell-scheme booth, early bird") {
		t.Error("the admin list lacks the demo booth")
	}
}

// Two organisers open one price line; the second to save is refused (409)
// with their typing kept and what the first saved shown by each field that
// differs, and saving again on purpose replaces it.
func TestChargeEditorRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "org@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "org@expo.example", "Shenyang-Expo-2027")
	res := b.post(t, "/admin/charges/new", url.Values{"kind": {"booth"}, "unit": {"booth"}, "price_cny": {"12800"}, "sort": {"1"},
		"name_zh": {"标准展位"}, "name_en": {"Shell scheme booth"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	path := strings.TrimSuffix(res.Header.Get("Location"), "?saved=1")
	opened := func() url.Values {
		d := b.page(t, path, http.StatusOK)
		v := url.Values{}
		d.Find(`form.editor input[name], form.editor select[name]`).Each(func(_ int, s *goquery.Selection) {
			name := s.AttrOr("name", "")
			if goquery.NodeName(s) == "select" {
				v.Set(name, s.Find("option[selected]").AttrOr("value", ""))
			} else {
				v.Set(name, s.AttrOr("value", ""))
			}
		})
		return v
	}
	first, second := opened(), opened()
	first.Set("price_cny", "11800")
	if res := b.post(t, path, first); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	second.Set("name_en", "Standard booth")
	res, d := b.postDoc(t, path, second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a save based on the old version: %d, want 409", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find("#name_en").AttrOr("value", "") != "Standard booth" {
		t.Error("the refused form does not say why, or lost what was typed")
	}
	if got := d.Find("#price_cny-stored .field-stored-value").Text(); got != "11800" {
		t.Errorf("the price saved meanwhile shows as %q, want 11800", got)
	}
	if d.Find("#name_zh-stored").Length() != 0 {
		t.Error("an unchanged field shows a saved value")
	}
	var price int64
	_ = site.pool.QueryRow(context.Background(), "SELECT price_cny FROM charge_items WHERE id = $1",
		strings.TrimPrefix(path, "/admin/charges/")).Scan(&price)
	if price != 1180000 {
		t.Errorf("the refused save wrote: price %d", price)
	}
	again := url.Values{}
	d.Find(`form.editor input[name], form.editor select[name]`).Each(func(_ int, s *goquery.Selection) {
		if goquery.NodeName(s) == "select" {
			again.Set(s.AttrOr("name", ""), s.Find("option[selected]").AttrOr("value", ""))
		} else {
			again.Set(s.AttrOr("name", ""), s.AttrOr("value", ""))
		}
	})
	if res := b.post(t, path, again); res.StatusCode != http.StatusSeeOther {
		t.Errorf("saving again on purpose: %d", res.StatusCode)
	}
}
