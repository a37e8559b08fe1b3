package store_test

import (
	"context"
	"encoding/base32"
	"errors"
	"math/bits"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

var (
	tokenShape = regexp.MustCompile(`^[a-z2-7]{26}$`)
	codeShape  = regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{8}$`)
)

func visitor(name string, days ...string) store.Registration {
	r := store.Registration{Lang: "zh", Name: name, Organisation: "沈阳市第二十中学", Role: "teacher", City: "沈阳", Phone: "13812345678"}
	for _, d := range days {
		r.Days = append(r.Days, *day(d))
	}
	return r
}

func TestCreateRegistrationIssuesATicket(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	r, err := st.CreateRegistration(ctx, visitor("王丽", "2027-04-16", "2027-04-18"))
	if err != nil {
		t.Fatal(err)
	}
	if !tokenShape.MatchString(r.Token) || !codeShape.MatchString(r.Code) {
		t.Fatalf("token %q, code %q: not the documented shapes", r.Token, r.Code)
	}
	if got := store.FormatTicketCode(r.Code); got != r.Code[:4]+"-"+r.Code[4:] {
		t.Errorf("FormatTicketCode = %q", got)
	}
	got, err := st.RegistrationByToken(ctx, r.Token)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "王丽" || got.Code != r.Code || got.GroupID != nil || len(got.Days) != 2 ||
		got.Days[0].Format(time.DateOnly) != "2027-04-16" || got.Days[1].Format(time.DateOnly) != "2027-04-18" {
		t.Errorf("read back %+v", got)
	}
	// One character off is another (missing) ticket, not a near match.
	altered := []byte(r.Token)
	altered[10] = map[bool]byte{true: 'b', false: 'a'}[altered[10] == 'a']
	if _, err := st.RegistrationByToken(ctx, string(altered)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("altered token: %v, want ErrNotFound", err)
	}
	if _, err := st.RegistrationByToken(ctx, r.Code); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the ticket number opened the ticket: %v", err)
	}
}

// Tokens are 128 random bits: 1000 of them are all different, and nothing
// links one to the next (no shared prefix, no steady step, half the bits set).
func TestTicketTokensAreUnguessable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	members := make([]store.Registration, 1000)
	for i := range members {
		members[i] = visitor("学生"+strconv.Itoa(i), "2027-04-17")
		members[i].Role = "student"
	}
	_, made, err := st.CreateGroup(ctx, store.VisitorGroup{Lang: "zh", Organisation: "沈阳市实验学校", LeaderName: "李老师"}, members)
	if err != nil {
		t.Fatal(err)
	}
	enc := base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)
	tokens, codes := map[string]bool{}, map[string]bool{}
	ones, prefix := 0, 0
	var prev []byte
	for _, r := range made {
		raw, err := enc.DecodeString(r.Token)
		if err != nil || len(raw) != 16 {
			t.Fatalf("token %q is not 16 bytes of base32: %v", r.Token, err)
		}
		tokens[r.Token], codes[r.Code] = true, true
		for _, b := range raw {
			ones += bits.OnesCount8(b)
		}
		if prev != nil && raw[0] == prev[0] && raw[1] == prev[1] {
			prefix++
		}
		prev = raw
	}
	if len(tokens) != 1000 || len(codes) != 1000 {
		t.Fatalf("%d distinct tokens and %d codes of 1000", len(tokens), len(codes))
	}
	// 128,000 fair bits: 64,000 ± 1,000 is over 5.5 standard deviations.
	if ones < 63000 || ones > 65000 {
		t.Errorf("%d of 128000 bits set: not random", ones)
	}
	// Two random tokens share their first 16 bits 1 time in 65,536.
	if prefix > 2 {
		t.Errorf("%d consecutive tokens share a 16-bit prefix: sequential", prefix)
	}
}

// A ticket number already taken is drawn again, not an error for the visitor.
// Not parallel: it swaps the code source.
func TestCreateRegistrationRetriesATakenCode(t *testing.T) {
	ctx := context.Background()
	st := store.New(testdb.New(t))
	codes := []string{"AAAA1111", "AAAA1111", "BBBB2222"}
	restore := store.SwapNewCode(func() string { c := codes[0]; codes = codes[1:]; return c })
	defer restore()
	first, err := st.CreateRegistration(ctx, visitor("甲", "2027-04-16"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := st.CreateRegistration(ctx, visitor("乙", "2027-04-16"))
	if err != nil {
		t.Fatal(err)
	}
	if first.Code != "AAAA1111" || second.Code != "BBBB2222" {
		t.Errorf("codes %s, %s; want AAAA1111, BBBB2222", first.Code, second.Code)
	}
}

// A delegation is written whole or not at all.
func TestCreateGroupIsAllOrNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	g := store.VisitorGroup{Lang: "en", Organisation: "No. 20 Middle School", LeaderName: "Ms Li", LeaderPhone: "13912345678"}
	bad := []store.Registration{visitor("A", "2027-04-16"), visitor("   ", "2027-04-16"), visitor("C", "2027-04-16")}
	if _, _, err := st.CreateGroup(ctx, g, bad); err == nil {
		t.Fatal("a member with a blank name was accepted")
	}
	var groups, regs int
	if err := pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM visitor_groups), (SELECT count(*) FROM registrations)").Scan(&groups, &regs); err != nil {
		t.Fatal(err)
	}
	if groups != 0 || regs != 0 {
		t.Fatalf("after a failed group: %d groups and %d tickets left behind", groups, regs)
	}

	good := []store.Registration{visitor("A", "2027-04-16"), visitor("B", "2027-04-17"), visitor("C", "2027-04-18")}
	made, members, err := st.CreateGroup(ctx, g, good)
	if err != nil {
		t.Fatal(err)
	}
	if !tokenShape.MatchString(made.Token) || made.ID == 0 {
		t.Fatalf("group %+v", made)
	}
	got, list, err := st.GroupByToken(ctx, made.Token)
	if err != nil {
		t.Fatal(err)
	}
	if got.LeaderName != "Ms Li" || got.Organisation != "No. 20 Middle School" || len(list) != 3 {
		t.Fatalf("group %+v with %d members", got, len(list))
	}
	for i, m := range list {
		if m.Name != good[i].Name || m.Token != members[i].Token || m.GroupID == nil || *m.GroupID != made.ID {
			t.Errorf("member %d: %+v", i, m)
		}
	}
	if _, _, err := st.GroupByToken(ctx, members[0].Token); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a ticket's token opened a group: %v", err)
	}
}
