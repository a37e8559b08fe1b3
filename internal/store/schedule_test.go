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

func TestScheduleSaveMoveDelete(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	cst := time.FixedZone("CST", 8*3600)
	start := time.Date(2027, 4, 16, 14, 0, 0, 0, cst)
	e, err := st.SaveEvent(ctx, store.Event{Kind: "forum", StartsAt: start, EndsAt: start.Add(2 * time.Hour),
		Texts: map[string]store.EventText{"zh": {Title: "实验教学研讨会", Venue: "一号馆"}, "en": {Title: "Lab teaching", Venue: "Hall 1"}}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || e.UID == "" || e.Sequence != 0 {
		t.Fatalf("created %+v", e)
	}
	uid := e.UID

	// A text edit: same UID and SEQUENCE, a "changed" entry.
	e.Texts["en"] = store.EventText{Title: "Laboratory teaching", Venue: "Hall 1"}
	if e, err = st.SaveEvent(ctx, e, 0); err != nil {
		t.Fatal(err)
	}
	if e.UID != uid || e.Sequence != 0 {
		t.Errorf("after a text edit: uid %q sequence %d", e.UID, e.Sequence)
	}
	// Moving it bumps SEQUENCE, keeps UID.
	e.StartsAt, e.EndsAt = e.StartsAt.Add(20*time.Hour), e.EndsAt.Add(20*time.Hour)
	if e, err = st.SaveEvent(ctx, e, 0); err != nil {
		t.Fatal(err)
	}
	got, err := st.EventForEdit(ctx, e.ID)
	if err != nil || got.UID != uid || got.Sequence != 1 || !got.StartsAt.Equal(start.Add(20*time.Hour)) {
		t.Fatalf("after a move: %+v, %v", got, err)
	}
	// Saving unchanged writes no change entry (and moves the version on,
	// which the next save starts from).
	if got, err = st.SaveEvent(ctx, got, 0); err != nil {
		t.Fatal(err)
	}
	// Removing a language removes its words.
	delete(got.Texts, "en")
	if _, err = st.SaveEvent(ctx, got, 0); err != nil {
		t.Fatal(err)
	}
	if en, err := st.ScheduleEvent(ctx, e.ID, "en"); err != nil || en.Lang != "zh" || en.Title != "实验教学研讨会" {
		t.Errorf("fallback to zh: %+v, %v", en, err)
	}
	if err := st.DeleteEvent(ctx, e.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EventForEdit(ctx, e.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted event: %v", err)
	}
	if err := st.DeleteEvent(ctx, e.ID, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}

	changes, err := st.ScheduleChanges(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var whats []string
	for _, c := range changes {
		whats = append(whats, c.What)
	}
	if got := strings.Join(whats, ","); got != "cancelled,changed,moved,changed,added" {
		t.Fatalf("changes newest first: %s", got)
	}
	moved := changes[2]
	if !moved.OldStartsAt.Equal(start) || !moved.NewStartsAt.Equal(start.Add(20*time.Hour)) || moved.Titles["en"] != "Laboratory teaching" {
		t.Errorf("moved: %+v", moved)
	}
	if title, in := changes[0].Title("en"); title != "实验教学研讨会" || in != "zh" {
		t.Errorf("a cancelled event keeps its title: %q in %s", title, in)
	}

	rows, err := pool.Query(ctx, "SELECT action, summary FROM audit_log ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	var audit []string
	for rows.Next() {
		var a, s string
		if err := rows.Scan(&a, &s); err != nil {
			t.Fatal(err)
		}
		audit = append(audit, a+": "+s)
	}
	if len(audit) != 6 {
		t.Fatalf("audit entries %q", audit)
	}
	for i, want := range []string{
		`schedule.create: new: forum, 2027-04-16 06:00Z–2027-04-16 08:00Z, en "Lab teaching", zh "实验教学研讨会"`,
		`schedule.update: en title "Lab teaching" -> "Laboratory teaching"`,
		`schedule.update: time 2027-04-16 06:00Z–2027-04-16 08:00Z -> 2027-04-17 02:00Z–2027-04-17 04:00Z (sequence 1)`,
		`schedule.update: no change`,
		`schedule.update: en removed`,
		`schedule.delete: deleted: forum, 2027-04-17 02:00Z–2027-04-17 04:00Z, zh "实验教学研讨会"`,
	} {
		if audit[i] != want {
			t.Errorf("audit %d:\n got %s\nwant %s", i, audit[i], want)
		}
	}
}

func TestScheduleRefusesBadRowsWhole(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	at := time.Date(2027, 4, 16, 9, 0, 0, 0, time.UTC)
	// An end before the start, and a language the site lacks: nothing written.
	for _, e := range []store.Event{
		{Kind: "forum", StartsAt: at, EndsAt: at, Texts: map[string]store.EventText{"zh": {Title: "x"}}},
		{Kind: "forum", StartsAt: at, EndsAt: at.Add(time.Hour), Texts: map[string]store.EventText{"zh": {Title: "x"}, "xx": {Title: "y"}}},
		{Kind: "party", StartsAt: at, EndsAt: at.Add(time.Hour), Texts: map[string]store.EventText{"zh": {Title: "x"}}},
	} {
		if _, err := st.SaveEvent(ctx, e, 0); err == nil {
			t.Errorf("saved %+v", e)
		}
	}
	var n int
	if err := pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM schedule_events) + (SELECT count(*) FROM schedule_changes) + (SELECT count(*) FROM audit_log)").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d rows left by refused saves (%v)", n, err)
	}
}

func TestDemoScheduleIsLoadedOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := withDemo(t)
	st := store.New(pool)
	items, err := st.Schedule(ctx, "en")
	if err != nil || len(items) < 12 {
		t.Fatalf("demo schedule: %d events, %v", len(items), err)
	}
	// Staff delete one; loading again neither restores it nor doubles the rest.
	if err := st.DeleteEvent(ctx, items[0].ID, 0); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	again, _ := st.Schedule(ctx, "en")
	if len(again) != len(items)-1 {
		t.Errorf("after reloading the demo: %d events, want %d", len(again), len(items)-1)
	}
	// The demo agrees with the site's hours: 09:00–17:00, 09:00–16:00 on the last day.
	cst := time.FixedZone("CST", 8*3600)
	hours := map[string]string{}
	for _, it := range items {
		if it.Kind == "hours" {
			hours[it.StartsAt.In(cst).Format("01-02")] = it.StartsAt.In(cst).Format("15:04") + "–" + it.EndsAt.In(cst).Format("15:04")
		}
		if it.Lang != "en" {
			t.Errorf("%q has no English", it.Title)
		}
	}
	if hours["04-16"] != "09:00–17:00" || hours["04-17"] != "09:00–17:00" || hours["04-18"] != "09:00–16:00" || len(hours) != 3 {
		t.Errorf("exhibition hours %v", hours)
	}
}

func TestSaveEventRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	at := time.Date(2027, 4, 16, 6, 0, 0, 0, time.UTC)
	e, err := st.SaveEvent(ctx, store.Event{Kind: "forum", StartsAt: at, EndsAt: at.Add(time.Hour),
		Texts: map[string]store.EventText{"zh": {Title: "开幕式"}}}, 0)
	if err != nil || e.Version != 1 {
		t.Fatalf("created at version %d: %v", e.Version, err)
	}
	first, second := e, e
	first.Texts = map[string]store.EventText{"zh": {Title: "开幕典礼"}}
	if first, err = st.SaveEvent(ctx, first, 0); err != nil || first.Version != 2 {
		t.Fatalf("first save: version %d, %v", first.Version, err)
	}
	// The second was opened at version 1, before the first landed.
	second.EndsAt = at.Add(3 * time.Hour)
	if _, err := st.SaveEvent(ctx, second, 0); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save based on an old version: %v, want ErrConflict", err)
	}
	got, err := st.EventForEdit(ctx, e.ID)
	if err != nil || got.Version != 2 || got.Texts["zh"].Title != "开幕典礼" || !got.EndsAt.Equal(at.Add(time.Hour)) {
		t.Errorf("after the refused save: %+v, %v", got, err)
	}
	var changes, audits int
	if err := pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM schedule_changes), (SELECT count(*) FROM audit_log)").Scan(&changes, &audits); err != nil || changes != 2 || audits != 2 {
		t.Errorf("the refused save left %d changes and %d audit rows, want 2 and 2 (%v)", changes, audits, err)
	}
}
