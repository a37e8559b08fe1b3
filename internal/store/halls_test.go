package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

// The migration leaves the two halls the code used to know, named as the
// catalog named them, in their old order.
func TestMigrationKeepsTheTwoHalls(t *testing.T) {
	t.Parallel()
	st := store.New(testdb.New(t))
	hs, err := st.Halls(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := hs.Codes(); !slices.Equal(got, []string{"1", "2"}) {
		t.Fatalf("halls %v", got)
	}
	if hs.Name("1", "zh") != "一号馆" || hs.Name("2", "en") != "Hall 2" || hs[0].Drawn() {
		t.Errorf("halls %+v", hs)
	}
}

func TestHallsAddRenameReorderAndRemove(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)

	w := store.Hall{Code: "W", Names: map[string]string{"zh": "室外展区", "en": "Outdoor area"}, Position: 3, Width: 40, Depth: 20,
		Doors: []store.Entrance{{Side: "s", At: 2, Width: 4}}}
	if err := st.SaveHall(ctx, w, true, 0); err != nil {
		t.Fatal(err)
	}
	// The same code again is refused, by its field.
	err := st.SaveHall(ctx, store.Hall{Code: "W", Names: map[string]string{"en": "Again"}}, true, 0)
	var hc *store.HallConflict
	if !errors.As(err, &hc) || hc.Field != "code" || hc.Reason != "taken" {
		t.Fatalf("a taken code: %v", err)
	}

	// Renamed in English only; moved before hall 1.
	got, err := st.Hall(ctx, "W")
	if err != nil || got.Version != 1 || len(got.Doors) != 1 {
		t.Fatalf("%+v %v", got, err)
	}
	got.Names = map[string]string{"zh": "室外展区", "en": "Open-air area"}
	got.Position = 0
	if err := st.SaveHall(ctx, got, false, 0); err != nil {
		t.Fatal(err)
	}
	hs, err := st.Halls(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c := hs.Codes(); !slices.Equal(c, []string{"W", "1", "2"}) {
		t.Errorf("order %v", c)
	}
	if hs.Name("W", "en") != "Open-air area" || hs.Name("W", "zh") != "室外展区" {
		t.Errorf("names %+v", hs[0].Names)
	}

	// A save based on the version before the rename is refused and
	// writes nothing.
	stale := got // still version 1
	stale.Names = map[string]string{"en": "Car park"}
	if err := st.SaveHall(ctx, stale, false, 0); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale save: %v", err)
	}
	if now, _ := st.Hall(ctx, "W"); now.Name("en") != "Open-air area" || now.Version != 2 {
		t.Errorf("after a stale save %+v", now)
	}

	// A booth in it: shrinking past the booth names it; removing the hall
	// is refused while the booth or an exhibitor is there.
	if _, err := st.SaveBooth(ctx, store.Booth{Hall: "W", Number: "W01", X: 30, Y: 2, Width: 6, Depth: 6, Type: "raw", Status: "available"}, 0); err != nil {
		t.Fatal(err)
	}
	now, _ := st.Hall(ctx, "W")
	now.Width = 32
	err = st.SaveHall(ctx, now, false, 0)
	if !errors.As(err, &hc) || hc.Field != "width" || hc.Reason != "outside" || hc.Other != "W01" {
		t.Fatalf("shrink past a booth: %v", err)
	}
	now.Width, now.Depth = 40, 7
	if err := st.SaveHall(ctx, now, false, 0); !errors.As(err, &hc) || hc.Field != "depth" || hc.Other != "W01" {
		t.Fatalf("shrink past a booth's depth: %v", err)
	}
	if h, _ := st.Hall(ctx, "W"); h.Width != 40 || h.Depth != 20 {
		t.Errorf("a refused outline was written: %+v", h)
	}
	// A booth past the walls is refused by the booth editor as before.
	_, err = st.SaveBooth(ctx, store.Booth{Hall: "W", Number: "W02", X: 38, Y: 2, Width: 3, Depth: 3, Type: "standard", Status: "available"}, 0)
	var bc *store.BoothConflict
	if !errors.As(err, &bc) || bc.Reason != "outside" {
		t.Errorf("booth past the walls: %v", err)
	}

	var inUse *store.HallInUse
	if err := st.DeleteHall(ctx, "W", 0); !errors.As(err, &inUse) || inUse.Booths != 1 || inUse.Booth != "W01" {
		t.Fatalf("delete with a booth: %v", err)
	}
	b, err := st.BoothByNumber(ctx, "W01")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteBooth(ctx, b.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveExhibitor(ctx, 0, 0, store.ExhibitorInput{Names: map[string]string{"en": "Tent Co"}, Hall: "W"}, nil, false); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteHall(ctx, "W", 0); !errors.As(err, &inUse) || inUse.Exhibitors != 1 || inUse.Exhibitor != "Tent Co" {
		t.Fatalf("delete with an exhibitor: %v", err)
	}
	if _, err := pool.Exec(ctx, "UPDATE exhibitors SET hall = ''"); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteHall(ctx, "W", 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Hall(ctx, "W"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted hall still there: %v", err)
	}
	var doors int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM hall_doors WHERE hall = 'W'").Scan(&doors); err != nil || doors != 0 {
		t.Errorf("doors left %d %v", doors, err)
	}
	// A booth in a hall that does not exist is refused by its field.
	_, err = st.SaveBooth(ctx, store.Booth{Hall: "W", Number: "W03", X: 0, Y: 0, Width: 3, Depth: 3, Type: "standard", Status: "available"}, 0)
	if !errors.As(err, &bc) || bc.Field != "hall" {
		t.Errorf("booth in a removed hall: %v", err)
	}
}
