package demo

import (
	"context"
	"fmt"

	"github.com/expoportal/portal/internal/store"
)

// The sample halls, laid out like a real one on a grid of whole metres:
// rows of 3 m × 3 m shell-scheme booths back to back (a row is 6 m deep),
// 3 m aisles between rows and round the walls, a cross aisle, raw-space
// islands for the big stands on one side, and a foyer with the doors at the
// front. Each lettered row numbers its top line left to right, then its
// bottom line (1A01..1A09, 1A10..1A18).
type sampleRow struct {
	prefix string // "1A"
	y      int    // the top line's y; the bottom line is 3 m below
	blocks [][2]int
}

// sampleHall is one hall: its outline, doors, rows and islands.
type sampleHall struct {
	plan    store.HallPlan
	rows    []sampleRow
	islands []store.Booth // raw space
}

var sampleHalls = []sampleHall{
	{
		// Hall 1: 60 m × 45 m; four rows of 18 booths left, islands right.
		plan: store.HallPlan{Hall: "1", Width: 60, Depth: 45, Entrances: []store.Entrance{
			{Side: "s", At: 8, Width: 6}, {Side: "s", At: 36, Width: 6}, {Side: "e", At: 36, Width: 4},
		}},
		rows: []sampleRow{
			{"1A", 3, [][2]int{{3, 5}, {21, 4}}},
			{"1B", 12, [][2]int{{3, 5}, {21, 4}}},
			{"1C", 21, [][2]int{{3, 5}, {21, 4}}},
			{"1D", 30, [][2]int{{3, 5}, {21, 4}}},
		},
		islands: []store.Booth{
			{Number: "1E01", X: 36, Y: 3, Width: 9, Depth: 12},
			{Number: "1E02", X: 48, Y: 3, Width: 9, Depth: 9},
			{Number: "1E03", X: 36, Y: 18, Width: 9, Depth: 9},
			{Number: "1E04", X: 48, Y: 15, Width: 6, Depth: 6},
			{Number: "1E05", X: 48, Y: 24, Width: 9, Depth: 6},
			{Number: "1E06", X: 36, Y: 30, Width: 9, Depth: 6},
		},
	},
	{
		// Hall 2: 60 m × 54 m; five rows of 16 booths left, islands right.
		plan: store.HallPlan{Hall: "2", Width: 60, Depth: 54, Entrances: []store.Entrance{
			{Side: "s", At: 12, Width: 6}, {Side: "s", At: 40, Width: 6}, {Side: "w", At: 24, Width: 4},
		}},
		rows: []sampleRow{
			{"2A", 3, [][2]int{{3, 4}, {18, 4}}},
			{"2B", 12, [][2]int{{3, 4}, {18, 4}}},
			{"2C", 21, [][2]int{{3, 4}, {18, 4}}},
			{"2D", 30, [][2]int{{3, 4}, {18, 4}}},
			{"2E", 39, [][2]int{{3, 4}, {18, 4}}},
		},
		islands: []store.Booth{
			{Number: "2F01", X: 33, Y: 3, Width: 9, Depth: 12},
			{Number: "2F02", X: 45, Y: 3, Width: 12, Depth: 9},
			{Number: "2F03", X: 33, Y: 18, Width: 6, Depth: 6},
			{Number: "2F04", X: 45, Y: 15, Width: 9, Depth: 9},
			{Number: "2F05", X: 33, Y: 30, Width: 9, Depth: 9},
			{Number: "2F06", X: 45, Y: 30, Width: 9, Depth: 6},
		},
	},
}

// sampleBooths lays out every sample hall; the booths the sample
// exhibitors stand on are sold, the rest available.
func sampleBooths() ([]store.HallPlan, []store.Booth) {
	taken := map[string]bool{}
	for _, e := range sampleExhibitors {
		taken[e.Booth] = true
	}
	status := func(number string) string {
		if taken[number] {
			return "sold"
		}
		return "available"
	}
	var plans []store.HallPlan
	var booths []store.Booth
	for _, h := range sampleHalls {
		plans = append(plans, h.plan)
		for _, r := range h.rows {
			n := 0
			for _, y := range []int{r.y, r.y + 3} {
				for _, blk := range r.blocks {
					for i := range blk[1] {
						n++
						number := fmt.Sprintf("%s%02d", r.prefix, n)
						booths = append(booths, store.Booth{Hall: h.plan.Hall, Number: number, X: blk[0] + 3*i, Y: y,
							Width: 3, Depth: 3, Type: "standard", Status: status(number)})
					}
				}
			}
		}
		for _, b := range h.islands {
			b.Hall, b.Type, b.Status = h.plan.Hall, "raw", status(b.Number)
			booths = append(booths, b)
		}
	}
	return plans, booths
}

// loadBooths fills an empty hall map.
func loadBooths(ctx context.Context, st *store.Store) error {
	plans, booths := sampleBooths()
	if err := st.InsertBoothsIfEmpty(ctx, plans, booths); err != nil {
		return fmt.Errorf("booths: %w", err)
	}
	return nil
}
