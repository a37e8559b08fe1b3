package demo

import (
	"context"
	"fmt"

	"github.com/expoportal/portal/internal/store"
)

// KindCount is one kind of content: the rows the database holds and the
// rows the demo left there.
type KindCount struct {
	Kind, Label string
	Rows        int64
	Demo        int64 // as recorded when the demo last wrote this kind
	Recorded    bool  // the demo wrote this kind
}

// Foreign is how many rows people added or removed: a recorded kind whose
// count moved, or every row of a kind the demo never wrote.
func (k KindCount) Foreign() int64 {
	if !k.Recorded {
		return k.Rows
	}
	return max(k.Rows-k.Demo, k.Demo-k.Rows)
}

// Fills says the demo would write its samples into this kind: it is empty.
func (k KindCount) Fills() bool { return k.Rows == 0 }

// kindLabels name the kinds for the operator.
var kindLabels = map[string]string{
	"site_settings": "site settings", "pages": "content pages", "charge_items": "price list lines",
	"articles": "news articles", "schedule_events": "schedule events", "exhibitors": "exhibitors",
	"booths": "booths", "booth_applications": "booth applications", "registrations": "visitor registrations",
}

// Survey counts each kind of content beside what the demo wrote of it.
func Survey(ctx context.Context, st *store.Store) ([]KindCount, error) {
	rows, err := st.ContentCounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo.Survey: %w", err)
	}
	demo, err := st.DemoCounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo.Survey: %w", err)
	}
	var out []KindCount
	for _, k := range store.DemoKinds {
		n, recorded := demo[k]
		out = append(out, KindCount{Kind: k, Label: kindLabels[k], Rows: rows[k], Demo: n, Recorded: recorded})
	}
	return out, nil
}

// recordLoad notes, after a load, the rows of each kind the demo wrote
// into an empty table or that still held only its own rows.
func recordLoad(ctx context.Context, st *store.Store, before []KindCount) error {
	after, err := st.ContentCounts(ctx)
	if err != nil {
		return err
	}
	for _, k := range before {
		if k.Rows == 0 || k.Recorded && k.Foreign() == 0 {
			if err := st.RecordDemo(ctx, k.Kind, after[k.Kind]); err != nil {
				return err
			}
		}
	}
	return nil
}
