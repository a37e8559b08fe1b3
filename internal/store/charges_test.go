package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func day(s string) *time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &d
}

func usd(v int64) *int64 { return &v }

func TestChargesInForceAcrossTheEarlyBirdBoundary(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	items := []store.Charge{
		{Kind: "booth", Unit: "booth", PriceCNY: 1180000, PriceUSD: usd(190000), ValidUntil: day("2027-01-31"),
			Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "标准展位（早鸟）"}, "en": {Lang: "en", Name: "Standard booth (early bird)"}}},
		{Kind: "booth", Unit: "booth", PriceCNY: 1280000, PriceUSD: usd(205000), ValidFrom: day("2027-02-01"),
			Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "标准展位"}, "en": {Lang: "en", Name: "Standard booth"}}},
		{Kind: "advertising", Unit: "item", PriceCNY: 800000, ValidFrom: day("2026-12-01"), ValidUntil: day("2027-01-15"),
			Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "会刊广告（冬季特惠）"}}},
		{Kind: "space", Unit: "sqm", PriceCNY: 128000,
			Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "光地"}}},
	}
	for _, c := range items {
		if _, err := st.SaveCharge(ctx, c, 0); err != nil {
			t.Fatal(err)
		}
	}
	names := func(d string) string {
		list, err := st.ChargesInForce(ctx, *day(d))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range list {
			out = append(out, c.Texts["zh"].Name)
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct{ day, want string }{
		{"2026-12-20", "标准展位（早鸟）,光地,会刊广告（冬季特惠）"},
		{"2027-01-15", "标准展位（早鸟）,光地,会刊广告（冬季特惠）"}, // the last day counts
		{"2027-01-16", "标准展位（早鸟）,光地"},            // the winter offer's window has ended
		{"2027-01-31", "标准展位（早鸟）,光地"},
		{"2027-02-01", "标准展位,光地"},
	} {
		if got := names(tc.day); got != tc.want {
			t.Errorf("in force on %s: %s, want %s", tc.day, got, tc.want)
		}
	}
	if when, ok, err := st.ChargesUpdatedAt(ctx); err != nil || !ok || when.IsZero() {
		t.Errorf("ChargesUpdatedAt = %v, %v, %v", when, ok, err)
	}
}

func TestSaveChargeAuditsAndRefusesBadWindows(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	c := store.Charge{Kind: "service", Unit: "kw", PriceCNY: 45000, Sort: 1,
		Texts: map[string]store.ChargeText{"zh": {Lang: "zh", Name: "电源"}, "en": {Lang: "en", Name: "Power", Note: "220 V"}}}
	id, err := st.SaveCharge(ctx, c, 0)
	if err != nil {
		t.Fatal(err)
	}
	c.ID, c.PriceCNY, c.PriceUSD, c.Version = id, 48000, usd(7000), 1
	c.Texts = map[string]store.ChargeText{"zh": {Lang: "zh", Name: "电源 220V"}}
	if _, err := st.SaveCharge(ctx, c, 0); err != nil {
		t.Fatal(err)
	}
	// A second save based on version 1 was opened before the first landed.
	stale := c
	stale.PriceCNY = 1
	if _, err := st.SaveCharge(ctx, stale, 0); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save based on an old version: %v, want ErrConflict", err)
	}
	got, err := st.Charge(ctx, id)
	if err != nil || got.PriceCNY != 48000 || got.PriceUSD == nil || *got.PriceUSD != 7000 || len(got.Texts) != 1 || got.Version != 2 {
		t.Fatalf("after update: %+v, %v", got, err)
	}
	audit, err := st.RecentAudit(ctx, 5, "charge.")
	if err != nil || len(audit) != 2 {
		t.Fatalf("audit: %+v, %v", audit, err)
	}
	for _, want := range []string{"CNY 450.00 -> 480.00", "USD none -> 70.00", `zh name "电源" -> "电源 220V"`, "en removed"} {
		if !strings.Contains(audit[0].Summary, want) {
			t.Errorf("update audit %q lacks %q", audit[0].Summary, want)
		}
	}
	c.ValidFrom, c.ValidUntil = day("2027-02-01"), day("2027-01-31")
	if _, err := st.SaveCharge(ctx, c, 0); err == nil {
		t.Error("a window that ends before it starts was saved")
	}
	if _, err := st.SaveCharge(ctx, store.Charge{ID: 999999, Kind: "other", Unit: "item"}, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("updating a missing item: %v, want ErrNotFound", err)
	}
	if err := st.DeleteCharge(ctx, id, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Charge(ctx, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if audit, _ := st.RecentAudit(ctx, 1, "charge."); len(audit) != 1 || audit[0].Action != "charge.delete" || !strings.Contains(audit[0].Summary, "电源 220V") {
		t.Errorf("delete audit: %+v", audit)
	}
	var texts int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM charge_item_texts").Scan(&texts); err != nil || texts != 0 {
		t.Errorf("texts left after delete: %d, %v", texts, err)
	}
}

// The demo price list is loaded once and never overwrites staff's edits or
// brings back what they deleted; its early-bird price ends on 28 February
// 2027, as the demo pages say.
func TestDemoChargesNeverOverwriteEdits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := withDemo(t)
	st := store.New(pool)
	all, err := st.Charges(ctx)
	if err != nil || len(all) < 10 {
		t.Fatalf("demo charges: %d, %v", len(all), err)
	}
	early, _ := st.ChargesInForce(ctx, *day("2027-02-28"))
	late, _ := st.ChargesInForce(ctx, *day("2027-03-01"))
	if early[0].PriceCNY != 1180000 || late[0].PriceCNY != 1280000 || *early[0].PriceUSD != 190000 || *late[0].PriceUSD != 205000 {
		t.Errorf("booth prices around 1 March: %d/%d, want 11,800 then 12,800 yuan", early[0].PriceCNY, late[0].PriceCNY)
	}
	edited := all[2]
	edited.PriceCNY = 99900
	if _, err := st.SaveCharge(ctx, edited, 0); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteCharge(ctx, all[3].ID, 0); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	again, _ := st.Charges(ctx)
	if len(again) != len(all)-1 {
		t.Errorf("after reloading the demo: %d items, want %d", len(again), len(all)-1)
	}
	if c, _ := st.Charge(ctx, edited.ID); c.PriceCNY != 99900 {
		t.Errorf("the edit was overwritten: %d", c.PriceCNY)
	}
}
