package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func TestRegistrationStatsAndFilters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	n := 0
	add := func(count int, role, city string, days ...string) {
		for range count {
			n++
			addRegistration(t, pool, fmt.Sprintf("tok%023d", n), fmt.Sprintf("C%03d-%04d", n/10000, n), fmt.Sprintf("访客%d", n), role, city, days...)
		}
	}
	// 12 cities, so two of them fall into "other"; " 沈阳市" is 沈阳.
	add(5, "teacher", "沈阳", "2027-04-16")
	add(3, "teacher", " 沈阳市", "2027-04-16", "2027-04-17")
	add(4, "student", "大连", "2027-04-17")
	for _, c := range []string{"鞍山", "抚顺", "本溪", "丹东", "锦州", "营口", "阜新", "辽阳", "盘锦"} {
		add(1, "official", c, "2027-04-18")
	}
	add(2, "buyer", "", "2027-04-18")
	// 23 registrations: 沈阳 8, 大连 4, nine cities of 1, two without a city.
	// Arrivals: two on the 16th in Shenyang, one of them at 23:30 UTC on
	// the 15th (07:30 on the 16th there), and one on the 17th.
	for _, a := range []struct {
		id int
		at string
	}{{1, "2027-04-15T23:30:00Z"}, {2, "2027-04-16T02:00:00Z"}, {9, "2027-04-17T01:00:00Z"}} {
		at, _ := time.Parse(time.RFC3339, a.at)
		if res, err := st.CheckIn(ctx, fmt.Sprintf("tok%023d", a.id), 0, at, "Asia/Shanghai"); err != nil || res.Outcome != store.CheckInAdmitted {
			t.Fatal(res.Outcome, err)
		}
	}
	s, err := st.RegistrationStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Total != 23 || s.CheckedIn != 3 {
		t.Errorf("total %d, checked in %d; want 23, 3", s.Total, s.CheckedIn)
	}
	days := fmt.Sprint(s.Days)
	var want []string
	for _, d := range []struct {
		day       string
		reg, came int
	}{{"2027-04-16", 8, 2}, {"2027-04-17", 7, 1}, {"2027-04-18", 11, 0}} {
		want = append(want, fmt.Sprintf("%s %d %d", d.day, d.reg, d.came))
	}
	var got []string
	for _, d := range s.Days {
		got = append(got, fmt.Sprintf("%s %d %d", d.Day.Format(time.DateOnly), d.Registered, d.CheckedIn))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("days %v (%s), want %v", got, days, want)
	}
	if fmt.Sprint(s.Roles) != "[{teacher 8} {student 4} {official 9} {buyer 2}]" {
		t.Errorf("roles %v", s.Roles)
	}
	if len(s.Cities) != 10 || s.Cities[0] != (store.GroupCount{Key: "沈阳", Count: 8}) || s.Cities[1] != (store.GroupCount{Key: "大连", Count: 4}) {
		t.Errorf("cities %v", s.Cities)
	}
	if s.OtherCities != 1 || s.NoCity != 2 {
		t.Errorf("other %d, none %d; want 1 and 2", s.OtherCities, s.NoCity)
	}

	count := func(f store.RegistrationFilter) int {
		t.Helper()
		list, total, err := st.Registrations(ctx, f, 5, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != min(total, 5) {
			t.Errorf("%+v: a page of %d for %d", f, len(list), total)
		}
		all, err := st.AllRegistrations(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != total {
			t.Errorf("%+v: export has %d, list counts %d", f, len(all), total)
		}
		return total
	}
	d17, _ := time.Parse(time.DateOnly, "2027-04-17")
	for _, tc := range []struct {
		f    store.RegistrationFilter
		want int
	}{
		{store.RegistrationFilter{}, 23},
		{store.RegistrationFilter{Day: &d17}, 7},
		{store.RegistrationFilter{Day: &d17, Role: "teacher"}, 3},
		{store.RegistrationFilter{Role: "buyer"}, 2},
		{store.RegistrationFilter{Arrived: "yes"}, 3},
		{store.RegistrationFilter{Arrived: "no", Role: "teacher"}, 6},
		{store.RegistrationFilter{Q: "访客1"}, 11}, // 1, 10-19
		{store.RegistrationFilter{Q: "第二中学"}, 23},
		{store.RegistrationFilter{Q: "1381234"}, 23},
		{store.RegistrationFilter{Q: "c000-0007"}, 1},
		{store.RegistrationFilter{Q: "C000 OOO7"}, 1}, // typed as read: O for 0
		{store.RegistrationFilter{Q: "100%"}, 0},      // not a pattern
		{store.RegistrationFilter{Q: "_"}, 0},
	} {
		if got := count(tc.f); got != tc.want {
			t.Errorf("%+v: %d, want %d", tc.f, got, tc.want)
		}
	}
	// Pages do not overlap and come newest first.
	p1, _, _ := st.Registrations(ctx, store.RegistrationFilter{}, 5, 0)
	p2, _, _ := st.Registrations(ctx, store.RegistrationFilter{}, 5, 5)
	if len(p2) != 5 || p1[4].ID <= p2[0].ID {
		t.Errorf("pages overlap or out of order: %d then %d", p1[4].ID, p2[0].ID)
	}
}
