package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

const (
	testToken = "k7q2m4x9p3r8t6v1w5y0z2a4bc"
	testCode  = "7KQ2-M4X9"
)

func TestParseTicketInput(t *testing.T) {
	t.Parallel()
	tok := store.TicketRef{Token: testToken}
	code := store.TicketRef{Code: "7KQ2M4X9"}
	for _, tc := range []struct {
		in   string
		want store.TicketRef
	}{
		// The QR code's URL, as scanners type it.
		{"https://expo.example.org/zh/tickets/" + testToken, tok},
		{"https://expo.example.org/en/tickets/" + testToken + "/", tok},
		{"https://expo.example.org/zh/tickets/" + testToken + "?utm=qr#top", tok},
		{"http://localhost:8080/en/tickets/" + testToken, tok},
		{"HTTPS://EXPO.EXAMPLE.ORG/ZH/TICKETS/K7Q2M4X9P3R8T6V1W5Y0Z2A4BC", tok}, // QR alphanumeric mode is upper case
		{"expo.example.org/zh/tickets/" + testToken, tok},
		{"  " + testToken + "\n", tok},
		{"https://expo.example.org/zh/tickets/short", store.TicketRef{}},
		{"https://expo.example.org/zh/tickets/" + testToken + "x", store.TicketRef{}},
		{"https://expo.example.org/zh/news/12", store.TicketRef{}},
		// The printed code, typed.
		{"7KQ2-M4X9", code},
		{"7kq2-m4x9", code},
		{"7KQ2M4X9", code},
		{"7KQ2 M4X9", code},
		{" 7kq2 – m4x9 ", code},
		{"７ＫＱ２－Ｍ４Ｘ９", code},                              // full-width, as a Chinese input method types
		{"７ｋｑ２　ｍ４ｘ９", code},                              // with an ideographic space
		{"OI2L-ABCD", store.TicketRef{Code: "0121ABCD"}}, // O reads 0; I and L read 1
		{"oilo-0000", store.TicketRef{Code: "0110" + "0000"}},
		{"7KQ2-M4XU", store.TicketRef{}}, // U is not in the alphabet
		{"7KQ2-M4X", store.TicketRef{}},
		{"7KQ2-M4X99", store.TicketRef{}},
		{"7KQ2*M4X9", store.TicketRef{}},
		{"", store.TicketRef{}},
		{"   ", store.TicketRef{}},
		{"张三", store.TicketRef{}},
		{"'; DROP TABLE registrations; --", store.TicketRef{}},
	} {
		if got := store.ParseTicketInput(tc.in); got != tc.want {
			t.Errorf("ParseTicketInput(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

// addRegistration inserts a visitor with SQL, as the registration form
// would have: the token, the code as printed, and the days.
func addRegistration(t testing.TB, pool *pgxpool.Pool, token, code, name, role, city string, days ...string) int64 {
	t.Helper()
	var id int64
	err := pool.QueryRow(context.Background(), `INSERT INTO registrations (token, code, lang, name, organisation, role, city, phone, days)
		VALUES ($1, $2, 'zh', $3, '沈阳市第二中学', $4, $5, '13812345678', $6::date[]) RETURNING id`,
		token, code, name, role, city, days).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func addStaff(t testing.TB, st *store.Store, email string) store.User {
	t.Helper()
	u, err := st.CreateUser(context.Background(), email, "editor", "x")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestCheckInAdmitsOnceThenRefuses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	addRegistration(t, pool, testToken, testCode, "王晓梅", "teacher", "沈阳", "2027-04-16")
	door := addStaff(t, st, "door@expo.example")
	other := addStaff(t, st, "other@expo.example")
	at := time.Date(2027, 4, 16, 1, 30, 0, 0, time.UTC) // 09:30 in Shenyang

	res, err := st.CheckIn(ctx, "7kq2 m4x9", door.ID, at, "Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != store.CheckInAdmitted || res.Registration.Name != "王晓梅" || res.Registration.CheckedInAt == nil ||
		!res.Registration.CheckedInAt.Equal(at) || *res.Registration.CheckedInBy != door.ID {
		t.Fatalf("first scan: %+v", res)
	}
	// The same ticket again, by URL and by another member of staff.
	res, err = st.CheckIn(ctx, "https://expo.example.org/en/tickets/"+testToken, other.ID, at.Add(time.Hour), "Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != store.CheckInUsed || res.By != "door@expo.example" || !res.At.Equal(at) || !res.Registration.CheckedInAt.Equal(at) {
		t.Fatalf("second scan: %+v", res)
	}
	// 23:59 in Shenyang is still the same day there (15:59 UTC).
	if res, _ = st.CheckIn(ctx, testCode, other.ID, time.Date(2027, 4, 16, 15, 59, 0, 0, time.UTC), "Asia/Shanghai"); res.Outcome != store.CheckInUsed {
		t.Fatalf("late on the same day: %+v", res)
	}
	// The next morning the ticket opens the door again, once; the first
	// arrival stays on the registration.
	next := at.AddDate(0, 0, 1)
	if res, _ = st.CheckIn(ctx, testCode, other.ID, next, "Asia/Shanghai"); res.Outcome != store.CheckInAdmitted || !res.Registration.CheckedInAt.Equal(at) {
		t.Fatalf("next day: %+v", res)
	}
	if res, _ = st.CheckIn(ctx, testCode, door.ID, next.Add(time.Minute), "Asia/Shanghai"); res.Outcome != store.CheckInUsed || res.By != "other@expo.example" || !res.At.Equal(next) {
		t.Fatalf("next day, second scan: %+v", res)
	}
	if stats, err := st.RegistrationStats(ctx); err != nil || fmt.Sprint(stats.Days) != fmt.Sprint([]store.DayCount{
		{Day: time.Date(2027, 4, 16, 0, 0, 0, 0, time.UTC), Registered: 1, CheckedIn: 1},
		{Day: time.Date(2027, 4, 17, 0, 0, 0, 0, time.UTC), Registered: 0, CheckedIn: 1},
	}) {
		t.Fatalf("arrivals by day: %+v, %v", stats.Days, err)
	}
	for _, in := range []string{"ZZZZ-ZZZZ", "not a ticket", "", "https://expo.example.org/zh/tickets/aaaaaaaaaaaaaaaaaaaaaaaaaa"} {
		res, err = st.CheckIn(ctx, in, door.ID, at, "Asia/Shanghai")
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != store.CheckInUnknown {
			t.Errorf("%q: %+v, want unknown", in, res)
		}
	}
	// Today's arrivals at the door count it once.
	n, err := st.CheckedInBetween(ctx, time.Date(2027, 4, 16, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)), time.Date(2027, 4, 17, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	if err != nil || n != 1 {
		t.Errorf("arrivals on 16 April: %d, %v", n, err)
	}
}

func TestCheckInOfAUsedTicketWhoseStaffIsGone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	addRegistration(t, pool, testToken, testCode, "李建国", "official", "大连", "2027-04-17")
	gone := addStaff(t, st, "gone@expo.example")
	// A fixed clock: the two scans must fall on one day in Shenyang, which
	// the machine's clock would not promise just before midnight there.
	at := time.Date(2027, 4, 17, 1, 30, 0, 0, time.UTC)
	if res, err := st.CheckIn(ctx, testToken, gone.ID, at, "Asia/Shanghai"); err != nil || res.Outcome != store.CheckInAdmitted {
		t.Fatal(res, err)
	}
	if _, err := pool.Exec(ctx, "DELETE FROM users WHERE id = $1", gone.ID); err != nil {
		t.Fatal(err)
	}
	res, err := st.CheckIn(ctx, testCode, 0, at.Add(time.Minute), "Asia/Shanghai")
	if err != nil || res.Outcome != store.CheckInUsed || res.By != "" || res.Registration.CheckedInAt == nil {
		t.Errorf("%+v, %v", res, err)
	}
}

// TestCheckInRace scans one ticket at several doors at once, many times:
// exactly one door admits the visitor, the others are told it was used.
func TestCheckInRace(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	staff := addStaff(t, st, "door@expo.example")
	// Every door's clock reads the same: with the machine's, a round that
	// straddled midnight in Shenyang would admit the ticket on both days.
	at := time.Date(2027, 4, 16, 1, 30, 0, 0, time.UTC)
	const rounds, doors = 25, 6
	for round := range rounds {
		token := fmt.Sprintf("race%022d", round)
		code := fmt.Sprintf("R%03d-0000", round)
		addRegistration(t, pool, token, code, "赵磊", "student", "抚顺", "2027-04-16")
		var wg sync.WaitGroup
		outcomes := make([]string, doors)
		errs := make([]error, doors)
		start := make(chan struct{})
		for d := range doors {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				in := token
				if d%2 == 1 {
					in = code
				}
				res, err := st.CheckIn(ctx, in, staff.ID, at, "Asia/Shanghai")
				outcomes[d], errs[d] = res.Outcome, err
			}()
		}
		close(start)
		wg.Wait()
		admitted := 0
		for d := range doors {
			if errs[d] != nil {
				t.Fatal(errors.Join(errs...))
			}
			switch outcomes[d] {
			case store.CheckInAdmitted:
				admitted++
			case store.CheckInUsed:
			default:
				t.Errorf("round %d door %d: %q", round, d, outcomes[d])
			}
		}
		if admitted != 1 {
			t.Fatalf("round %d: %d doors admitted the ticket, want exactly 1 (%v)", round, admitted, outcomes)
		}
	}
}
