package store_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

// addBooth inserts an available booth in hall and returns its id.
func addBooth(t *testing.T, pool *pgxpool.Pool, hall, number string) int64 {
	t.Helper()
	var id int64
	if err := pool.QueryRow(context.Background(), `INSERT INTO booths (hall, number, x, y, width, depth, type)
		VALUES ($1, $2, 0, 0, 3, 3, 'standard') RETURNING id`, hall, number).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func boothStatus(t *testing.T, pool *pgxpool.Pool, id int64) string {
	t.Helper()
	var s string
	if err := pool.QueryRow(context.Background(), `SELECT status FROM booths WHERE id = $1`, id).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func sampleApplication(boothID *int64) store.Application {
	a := store.Application{Lang: "zh", CompanyZH: "沈阳博文教学设备有限公司", Contact: "王丽", Mobile: "13812345678",
		Email: "wang@example.cn", BoothType: "standard", BoothID: boothID, Categories: []string{"laboratory"}}
	if boothID == nil {
		area := 36
		a.Area = &area
	}
	return a
}

func TestCreateApplicationHoldsTheBoothOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	booth := addBooth(t, pool, "1", "1A05")

	a, err := st.CreateApplication(ctx, sampleApplication(&booth), 2027)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("LNEE-2027-%04d", a.ID); a.Reference != want {
		t.Errorf("reference %q, want %q", a.Reference, want)
	}
	if !regexp.MustCompile(`^[a-z2-7]{26}$`).MatchString(a.Token) {
		t.Errorf("token %q: want 26 base32 characters (128 bits)", a.Token)
	}
	if got := boothStatus(t, pool, booth); got != "held" {
		t.Errorf("booth %s after applying, want held", got)
	}
	if _, err := st.CreateApplication(ctx, sampleApplication(&booth), 2027); !errors.Is(err, store.ErrBoothTaken) {
		t.Errorf("second application for the booth: %v, want ErrBoothTaken", err)
	}
	// Without a booth: an area is asked for, nothing is held.
	b, err := st.CreateApplication(ctx, sampleApplication(nil), 2027)
	if err != nil {
		t.Fatal(err)
	}
	if b.Token == a.Token || b.Reference == a.Reference {
		t.Error("two applications share a token or reference")
	}
	got, err := st.ApplicationByToken(ctx, a.Token)
	if err != nil || got.ID != a.ID || got.Booth == nil || got.Booth.Number != "1A05" || !slices.Equal(got.Categories, []string{"laboratory"}) {
		t.Errorf("ApplicationByToken = %+v, %v", got, err)
	}
	if _, err := st.ApplicationByToken(ctx, "no-such-token"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown token: %v", err)
	}
	var n int
	_ = pool.QueryRow(ctx, `SELECT count(*) FROM booth_applications`).Scan(&n)
	if n != 2 {
		t.Errorf("%d applications stored, want 2", n)
	}
}

func TestCreateApplicationRaceHasOneWinner(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	for round := range 5 {
		booth := addBooth(t, pool, "2", fmt.Sprintf("2B%02d", round))
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Go(func() { _, errs[i] = st.CreateApplication(ctx, sampleApplication(&booth), 2027) })
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case !errors.Is(err, store.ErrBoothTaken):
				t.Errorf("round %d: %v", round, err)
			}
		}
		if won != 1 {
			t.Errorf("round %d: %d applications won the booth, want 1", round, won)
		}
	}
}

// TestApplicationWorkflow tries every status change from every status: the
// workflow's table decides which succeed, and after each attempt the
// booth's status is the one the application's status implies.
func TestApplicationWorkflow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	u, err := st.CreateUser(ctx, "org@example.org", "organiser", "x")
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{
		"new>contacted": true, "new>approved": true, "new>rejected": true, "new>withdrawn": true,
		"contacted>approved": true, "contacted>rejected": true, "contacted>withdrawn": true,
		"approved>withdrawn": true, "approved>contacted": true,
		"rejected>new": true, "withdrawn>new": true,
	}
	i := 0
	for _, from := range store.ApplicationStatuses {
		for _, to := range store.ApplicationStatuses {
			t.Run(string(from)+">"+string(to), func(t *testing.T) {
				i++
				booth := addBooth(t, pool, "1", fmt.Sprintf("1W%02d", i))
				a, err := st.CreateApplication(ctx, sampleApplication(&booth), 2027)
				if err != nil {
					t.Fatal(err)
				}
				// Put the application and its booth in the starting state.
				if _, err := pool.Exec(ctx, `UPDATE booth_applications SET status = $2 WHERE id = $1`, a.ID, from); err != nil {
					t.Fatal(err)
				}
				if _, err := pool.Exec(ctx, `UPDATE booths SET status = $2 WHERE id = $1`, booth, store.BoothStatusFor(from)); err != nil {
					t.Fatal(err)
				}
				err = st.MoveApplication(ctx, a.ID, to, nil, u.ID)
				want := from
				if allowed[string(from)+">"+string(to)] {
					want = to
					if err != nil {
						t.Fatalf("allowed change refused: %v", err)
					}
				} else if !errors.Is(err, store.ErrMoveNotAllowed) {
					t.Fatalf("illegal change: %v, want ErrMoveNotAllowed", err)
				}
				got, _, err := st.Application(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.Status != want {
					t.Errorf("status %s, want %s", got.Status, want)
				}
				if bs := boothStatus(t, pool, booth); bs != store.BoothStatusFor(want) {
					t.Errorf("booth %s while the application is %s, want %s", bs, want, store.BoothStatusFor(want))
				}
			})
		}
	}
	var audited int
	_ = pool.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action = 'application.status' AND user_id = $1`, u.ID).Scan(&audited)
	if audited != len(allowed) {
		t.Errorf("%d status changes audited, want %d", audited, len(allowed))
	}
}

func TestApplicationBoothAssignmentAndReopen(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	held := addBooth(t, pool, "1", "1A01")
	other := addBooth(t, pool, "2", "2A01")
	third := addBooth(t, pool, "2", "2A02")

	// Approving an application without a booth needs one.
	noBooth, err := st.CreateApplication(ctx, sampleApplication(nil), 2027)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MoveApplication(ctx, noBooth.ID, "approved", nil, 0); !errors.Is(err, store.ErrBoothNeeded) {
		t.Errorf("approve without a booth: %v, want ErrBoothNeeded", err)
	}
	if err := st.MoveApplication(ctx, noBooth.ID, "approved", &third, 0); err != nil {
		t.Fatal(err)
	}
	if s := boothStatus(t, pool, third); s != "sold" {
		t.Errorf("assigned booth %s, want sold", s)
	}

	// Another booth than the one held: the old one is released.
	a, err := st.CreateApplication(ctx, sampleApplication(&held), 2027)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MoveApplication(ctx, a.ID, "approved", &third, 0); !errors.Is(err, store.ErrBoothTaken) {
		t.Errorf("assigning a sold booth: %v, want ErrBoothTaken", err)
	}
	if err := st.MoveApplication(ctx, a.ID, "approved", &other, 0); err != nil {
		t.Fatal(err)
	}
	if s1, s2 := boothStatus(t, pool, held), boothStatus(t, pool, other); s1 != "available" || s2 != "sold" {
		t.Errorf("after switching booths: old %s, new %s; want available, sold", s1, s2)
	}

	// Withdrawn, its booth taken by another company, then reopened: a clear
	// error and nothing changes.
	if err := st.MoveApplication(ctx, a.ID, "withdrawn", nil, 0); err != nil {
		t.Fatal(err)
	}
	if s := boothStatus(t, pool, other); s != "available" {
		t.Errorf("withdrawn application's booth %s, want available", s)
	}
	b, err := st.CreateApplication(ctx, sampleApplication(&other), 2027)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MoveApplication(ctx, a.ID, "new", nil, 0); !errors.Is(err, store.ErrBoothTaken) {
		t.Errorf("reopen with the booth taken: %v, want ErrBoothTaken", err)
	}
	if got, _, _ := st.Application(ctx, a.ID); got.Status != "withdrawn" {
		t.Errorf("status %s after the refused reopen", got.Status)
	}
	// With another booth chosen, reopening works.
	if err := st.MoveApplication(ctx, a.ID, "new", &held, 0); err != nil {
		t.Fatal(err)
	}
	if s := boothStatus(t, pool, held); s != "held" {
		t.Errorf("reopened on another booth: %s, want held", s)
	}
	// b rejected: its booth is released, and a reopen re-holds it.
	if err := st.MoveApplication(ctx, b.ID, "rejected", nil, 0); err != nil {
		t.Fatal(err)
	}
	if err := st.MoveApplication(ctx, b.ID, "new", nil, 0); err != nil {
		t.Fatal(err)
	}
	if s := boothStatus(t, pool, other); s != "held" {
		t.Errorf("reopened with its booth free: %s, want held", s)
	}
	if err := st.MoveApplication(ctx, 999999, "contacted", nil, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("no such application: %v", err)
	}
}

func TestApplicationInboxQueriesAndNotes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	u, err := st.CreateUser(ctx, "org@example.org", "organiser", "x")
	if err != nil {
		t.Fatal(err)
	}
	h1 := addBooth(t, pool, "1", "1A01")
	h2 := addBooth(t, pool, "2", "2A01")
	a1, _ := st.CreateApplication(ctx, sampleApplication(&h1), 2027)
	a2, _ := st.CreateApplication(ctx, sampleApplication(&h2), 2027)
	a3, _ := st.CreateApplication(ctx, sampleApplication(nil), 2027)
	if err := st.MoveApplication(ctx, a2.ID, "contacted", nil, u.ID); err != nil {
		t.Fatal(err)
	}
	ids := func(f store.ApplicationFilter) []int64 {
		list, err := st.Applications(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, a := range list {
			out = append(out, a.ID)
		}
		return out
	}
	for _, c := range []struct {
		f    store.ApplicationFilter
		want []int64
	}{
		{store.ApplicationFilter{}, []int64{a3.ID, a2.ID, a1.ID}},
		{store.ApplicationFilter{Status: "new"}, []int64{a3.ID, a1.ID}},
		{store.ApplicationFilter{Hall: "2"}, []int64{a2.ID}},
		{store.ApplicationFilter{Status: "new", Hall: "2"}, nil},
	} {
		if got := ids(c.f); !slices.Equal(got, c.want) {
			t.Errorf("Applications(%+v) = %v, want %v", c.f, got, c.want)
		}
	}
	counts, err := st.ApplicationCounts(ctx, "")
	if err != nil || counts["new"] != 2 || counts["contacted"] != 1 || counts["approved"] != 0 || len(counts) != 5 {
		t.Errorf("ApplicationCounts = %v, %v", counts, err)
	}
	if n, err := st.NewApplicationCount(ctx); n != 2 || err != nil {
		t.Errorf("NewApplicationCount = %d, %v", n, err)
	}
	if halls, err := st.BoothHalls(ctx); !slices.Equal(halls, []string{"1", "2"}) || err != nil {
		t.Errorf("BoothHalls = %v, %v", halls, err)
	}
	if err := st.AddApplicationNote(ctx, a1.ID, u.ID, "已电话联系，周五寄合同"); err != nil {
		t.Fatal(err)
	}
	if err := st.AddApplicationNote(ctx, a1.ID, u.ID, "Contract sent"); err != nil {
		t.Fatal(err)
	}
	_, notes, err := st.Application(ctx, a1.ID)
	if err != nil || len(notes) != 2 || notes[0].Body != "已电话联系，周五寄合同" || notes[0].Author == nil || *notes[0].Author != "org@example.org" {
		t.Errorf("notes = %+v, %v", notes, err)
	}
	if err := st.AddApplicationNote(ctx, 999999, u.ID, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("note on no application: %v", err)
	}
}

// The demo's applications go through the real steps once: their booths
// follow them, and a second load adds nothing.
func TestDemoApplicationsMoveTheirBooths(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := withDemo(t) // loaded once
	st := store.New(pool)
	if err := demo.Load(ctx, st); err != nil { // and again
		t.Fatal(err)
	}
	counts, err := st.ApplicationCounts(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(counts) != "map[approved:1 contacted:1 new:2 rejected:0 withdrawn:1]" {
		t.Errorf("inbox after two loads: %v", counts)
	}
	for number, want := range map[string]string{"1A15": "held", "1B12": "held", "2A12": "sold", "1D16": "available"} {
		b, err := st.BoothByNumber(ctx, number)
		if err != nil || b.Status != want {
			t.Errorf("booth %s: %q (%v), want %s", number, b.Status, err, want)
		}
	}
	var mismatched int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM booth_applications a JOIN booths b ON b.id = a.booth_id
		WHERE a.status IN ('new', 'contacted') AND b.status <> 'held' OR a.status = 'approved' AND b.status <> 'sold'`).Scan(&mismatched); err != nil || mismatched != 0 {
		t.Errorf("%d applications whose booth disagrees (%v)", mismatched, err)
	}
}

// Two organisers move one application to different booths at the same
// moment: the second waits for the first, then works from the booth the
// first left it with (it used to read that booth as empty and crash), and
// every booth ends up agreeing with the application.
func TestConcurrentBoothSwitchesAgree(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	for round := range 8 {
		first := addBooth(t, pool, "1", fmt.Sprintf("1S%02d", round*3))
		b1 := addBooth(t, pool, "1", fmt.Sprintf("1S%02d", round*3+1))
		b2 := addBooth(t, pool, "1", fmt.Sprintf("1S%02d", round*3+2))
		a, err := st.CreateApplication(ctx, sampleApplication(&first), 2027)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for _, m := range []struct {
			to    string
			booth int64
		}{{"contacted", b1}, {"approved", b2}} {
			wg.Go(func() {
				if err := st.MoveApplication(ctx, a.ID, store.ApplicationStatus(m.to), &m.booth, 0); err != nil && !errors.Is(err, store.ErrMoveNotAllowed) {
					t.Errorf("round %d, %s to %d: %v", round, m.to, m.booth, err)
				}
			})
		}
		wg.Wait()
		got, _, err := st.Application(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range []int64{first, b1, b2} {
			want := "available"
			if got.BoothID != nil && *got.BoothID == b {
				want = store.BoothStatusFor(got.Status)
			}
			if s := boothStatus(t, pool, b); s != want {
				t.Errorf("round %d: booth %d is %s, want %s (application %s on %v)", round, b, s, want, got.Status, *got.BoothID)
			}
		}
	}
}
