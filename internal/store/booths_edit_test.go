package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

// hallOne is a small plan for the booth tests: 30 m × 20 m.
var hallOne = []store.HallPlan{{Hall: "1", Width: 30, Depth: 20, Entrances: []store.Entrance{{Side: "s", At: 3, Width: 6}}}}

func conflict(t *testing.T, err error) *store.BoothConflict {
	t.Helper()
	var c *store.BoothConflict
	if !errors.As(err, &c) {
		t.Fatalf("want a BoothConflict, got %v", err)
	}
	return c
}

func TestSaveBoothRefusesOverlapDuplicateAndOutside(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	if err := st.InsertBoothsIfEmpty(ctx, hallOne, []store.Booth{
		{Hall: "1", Number: "1A01", X: 3, Y: 3, Width: 3, Depth: 3, Type: "standard", Status: "available"},
		{Hall: "1", Number: "1A02", X: 6, Y: 3, Width: 3, Depth: 3, Type: "standard", Status: "sold"},
	}); err != nil {
		t.Fatal(err)
	}
	h, err := st.Hall(ctx, "1")
	if err != nil || h.Width != 30 || len(h.Doors) != 1 || h.Doors[0].Side != "s" {
		t.Fatalf("hall 1 %+v %v", h, err)
	}
	count := func() int {
		var n int
		if err := pool.QueryRow(ctx, "SELECT count(*) FROM booths").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	// Back to back and side by side is fine: touching is not overlapping.
	id, err := st.SaveBooth(ctx, store.Booth{Hall: "1", Number: "1A03", X: 9, Y: 3, Width: 3, Depth: 3, Type: "standard", Status: "available"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveBooth(ctx, store.Booth{Hall: "1", Number: "1A10", X: 3, Y: 6, Width: 3, Depth: 3, Type: "standard", Status: "available"}, 0); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		b                    store.Booth
		field, reason, other string
	}{
		// A 6 × 6 island over 1A02 and 1A03 names the first by number.
		{store.Booth{Hall: "1", Number: "1E01", X: 7, Y: 1, Width: 6, Depth: 6, Type: "raw", Status: "available"}, "x", "overlap", "1A02"},
		{store.Booth{Hall: "1", Number: "1A01", X: 20, Y: 10, Width: 3, Depth: 3, Type: "standard", Status: "available"}, "number", "duplicate", "1A01"},
		{store.Booth{Hall: "1", Number: "1Z01", X: 28, Y: 10, Width: 3, Depth: 3, Type: "standard", Status: "available"}, "width", "outside", "30×20"},
		{store.Booth{Hall: "1", Number: "1Z02", X: 20, Y: 18, Width: 3, Depth: 3, Type: "standard", Status: "available"}, "depth", "outside", "30×20"},
	} {
		before := count()
		_, err := st.SaveBooth(ctx, tc.b, 0)
		c := conflict(t, err)
		if c.Field != tc.field || c.Reason != tc.reason || c.Other != tc.other {
			t.Errorf("%s: %+v, want %s %s %s", tc.b.Number, c, tc.field, tc.reason, tc.other)
		}
		if count() != before {
			t.Errorf("%s: a refused booth was written", tc.b.Number)
		}
	}
	// Hall 2 has no plan: its booths may go anywhere, overlaps still count
	// per hall only (1A01's square in hall 2 is free).
	if _, err := st.SaveBooth(ctx, store.Booth{Hall: "2", Number: "2A01", X: 3, Y: 3, Width: 3, Depth: 3, Type: "standard", Status: "available"}, 0); err != nil {
		t.Fatal(err)
	}
	// Moving a booth onto its own old place, or renaming it, is no clash
	// with itself; moving it onto a neighbour is.
	b, err := st.Booth(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	b.Number = "1A03B"
	b.Width = 2
	if _, err := st.SaveBooth(ctx, b, 0); err != nil {
		t.Fatal(err)
	}
	b.Version++ // the next save starts from the one just made
	b.X = 7
	if c := conflict(t, func() error { _, err := st.SaveBooth(ctx, b, 0); return err }()); c.Other != "1A02" {
		t.Errorf("moved onto 1A02: %+v", c)
	}
	audit, err := st.RecentAudit(ctx, 1, "booth.")
	if err != nil || len(audit) != 1 || audit[0].Action != "booth.update" ||
		!strings.Contains(audit[0].Summary, "number 1A03 -> 1A03B") || !strings.Contains(audit[0].Summary, "size 3x3 -> 2x3") {
		t.Errorf("audit %+v %v", audit, err)
	}
}

func TestBoothHeldByAnApplicationKeepsItsStatusAndStays(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	if err := st.InsertBoothsIfEmpty(ctx, hallOne, []store.Booth{
		{Hall: "1", Number: "1A01", X: 3, Y: 3, Width: 3, Depth: 3, Type: "standard", Status: "held"},
		{Hall: "1", Number: "1A02", X: 6, Y: 3, Width: 3, Depth: 3, Type: "standard", Status: "available"},
	}); err != nil {
		t.Fatal(err)
	}
	held, err := st.BoothByNumber(ctx, "1A01")
	if err != nil {
		t.Fatal(err)
	}
	apply := func(ref, status string) {
		t.Helper()
		if _, err := pool.Exec(ctx, `INSERT INTO booth_applications (reference, token, lang, company_zh, contact, mobile, email, booth_type, booth_id, status)
			VALUES ($1, $1 || '-token', 'zh', '沈阳启航', '王老师', '13812345678', 'wang@example.cn', 'standard', $2, $3)`, ref, held.ID, status); err != nil {
			t.Fatal(err)
		}
	}
	// A settled application does not hold the booth.
	apply("LNEE-2026-0001", "rejected")
	if ref, err := st.BoothHolder(ctx, held.ID); err != nil || ref != "" {
		t.Fatalf("holder after a rejection: %q %v", ref, err)
	}
	apply("LNEE-2026-0002", "contacted")
	if ref, err := st.BoothHolder(ctx, held.ID); err != nil || ref != "LNEE-2026-0002" {
		t.Fatalf("holder %q %v", ref, err)
	}
	if m, err := st.BoothHolders(ctx); err != nil || len(m) != 1 || m[held.ID] != "LNEE-2026-0002" {
		t.Errorf("holders %v %v", m, err)
	}

	// The status is the application's to change.
	b := held
	b.Status = "available"
	c := conflict(t, func() error { _, err := st.SaveBooth(ctx, b, 0); return err }())
	if c.Field != "status" || c.Reason != "held" || c.Other != "LNEE-2026-0002" {
		t.Errorf("status change: %+v", c)
	}
	if now, _ := st.Booth(ctx, held.ID); now.Status != "held" {
		t.Errorf("status became %s", now.Status)
	}
	// Other changes with the status as it is still go through.
	b.Status, b.Width = "held", 3
	b.Type = "raw"
	if _, err := st.SaveBooth(ctx, b, 0); err != nil {
		t.Errorf("a held booth's type could not change: %v", err)
	}
	b.Version++ // each save below starts from the one before

	// Nor can it be deleted while held.
	c = conflict(t, st.DeleteBooth(ctx, held.ID, 0))
	if c.Reason != "held" || c.Other != "LNEE-2026-0002" {
		t.Errorf("delete: %+v", c)
	}
	if _, err := st.Booth(ctx, held.ID); err != nil {
		t.Fatalf("held booth gone: %v", err)
	}

	// Once the application is withdrawn (the booth released with it), both
	// are the organisers' again. An editor that showed "held" read-only
	// saves with no status, and keeps the released one rather than
	// writing back what it read.
	if _, err := pool.Exec(ctx, `UPDATE booth_applications SET status = 'withdrawn' WHERE reference = 'LNEE-2026-0002';
		UPDATE booths SET status = 'available' WHERE number = '1A01'`); err != nil {
		t.Fatal(err)
	}
	b.Status = ""
	if _, err := st.SaveBooth(ctx, b, 0); err != nil {
		t.Fatalf("save with no status: %v", err)
	}
	if now, _ := st.Booth(ctx, held.ID); now.Status != "available" {
		t.Fatalf("a save with no status made a released booth %s", now.Status)
	}
	b.Version++
	b.Status = "available"
	if _, err := st.SaveBooth(ctx, b, 0); err != nil {
		t.Fatalf("status after withdrawal: %v", err)
	}
	if err := st.DeleteBooth(ctx, held.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Booth(ctx, held.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted booth: %v", err)
	}
	// The settled applications keep the booth's area in its place.
	var areas string
	if err := pool.QueryRow(ctx, "SELECT string_agg(coalesce(booth_id::text, '-') || ':' || area, ',' ORDER BY id) FROM booth_applications").Scan(&areas); err != nil || areas != "-:9,-:9" {
		t.Errorf("applications after the delete: %q %v", areas, err)
	}
	if err := st.DeleteBooth(ctx, held.ID, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting again: %v", err)
	}
	audit, err := st.RecentAudit(ctx, 1, "booth.")
	if err != nil || len(audit) != 1 || audit[0].Action != "booth.delete" || !strings.Contains(audit[0].Subject, "1A01") {
		t.Errorf("audit %+v %v", audit, err)
	}
}

func TestInsertBoothsIfEmptyLeavesAStartedMapAlone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	if _, err := st.SaveBooth(ctx, store.Booth{Hall: "1", Number: "1X01", X: 0, Y: 0, Width: 3, Depth: 3, Type: "standard", Status: "available"}, 0); err != nil {
		t.Fatal(err)
	}
	if err := st.InsertBoothsIfEmpty(ctx, hallOne, []store.Booth{{Hall: "1", Number: "1A01", X: 3, Y: 3, Width: 3, Depth: 3, Type: "standard", Status: "available"}}); err != nil {
		t.Fatal(err)
	}
	all, err := st.Booths(ctx)
	if err != nil || len(all) != 1 || all[0].Number != "1X01" {
		t.Errorf("booths %+v %v", all, err)
	}
}

func TestSaveBoothRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	id, err := st.SaveBooth(ctx, store.Booth{Hall: "1", Number: "1A01", X: 3, Y: 3, Width: 3, Depth: 3, Type: "standard", Status: "available"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	opened, err := st.Booth(ctx, id)
	if err != nil || opened.Version != 1 {
		t.Fatalf("created at version %d: %v", opened.Version, err)
	}
	first, second := opened, opened
	first.Status = "sold"
	if _, err := st.SaveBooth(ctx, first, 0); err != nil {
		t.Fatal(err)
	}
	second.Width = 6
	if _, err := st.SaveBooth(ctx, second, 0); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save based on an old version: %v, want ErrConflict", err)
	}
	got, err := st.Booth(ctx, id)
	if err != nil || got.Version != 2 || got.Status != "sold" || got.Width != 3 {
		t.Errorf("after the refused save: %+v, %v", got, err)
	}
	if audit, err := st.RecentAudit(ctx, 5, "booth."); err != nil || len(audit) != 2 {
		t.Errorf("audit after the refused save: %+v %v, want 2 entries", audit, err)
	}
}
