package form

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// A small group is typed on the form itself, one member a row, instead of
// uploaded as a file: a teacher on a phone has no spreadsheet at hand.
const (
	// MaxGroupRows is the most members typed as rows; a bigger group sends
	// a file (MaxGroupMembers).
	MaxGroupRows = 30
	// GroupRowsStart is how many empty rows a new form offers, and
	// GroupRowsStep how many each "add rows" press adds.
	GroupRowsStart = 5
	GroupRowsStep  = 5
	// GroupRowsField is the hidden input that says how many rows the form
	// showed, and AddRowsField the button that asks for more.
	GroupRowsField = "member_rows"
	AddRowsField   = "add_row"
)

// MemberField is the name of a row's input: member.3.phone is row 3's mobile.
func MemberField(row int, col string) string {
	return "member." + strconv.Itoa(row) + "." + col
}

// memberRow is the row number of a row input's name, or 0.
func memberRow(name string) int {
	rest, ok := strings.CutPrefix(name, "member.")
	if !ok {
		return 0
	}
	num, _, ok := strings.Cut(rest, ".")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 1 {
		return 0
	}
	return n
}

// rowTyped reports whether anything that makes a member was typed in row
// i: the role alone (a select that always has a value) does not.
func rowTyped(v url.Values, i int) bool {
	for _, col := range []string{"name", "phone", "email"} {
		if strings.TrimSpace(v.Get(MemberField(i, col))) != "" {
			return true
		}
	}
	return false
}

// GroupRows is how many rows to show the form with: as many as it showed
// (GroupRowsField) and at least up to the last typed one, within
// GroupRowsStart and MaxGroupRows; more adds GroupRowsStep (an "add rows"
// press).
func GroupRows(v url.Values, more bool) int {
	n, _ := strconv.Atoi(v.Get(GroupRowsField))
	for name := range v {
		if i := memberRow(name); i > n && i <= MaxGroupRows && rowTyped(v, i) {
			n = i
		}
	}
	if more {
		n += GroupRowsStep
	}
	return min(max(n, GroupRowsStart), MaxGroupRows)
}

// ParseMemberRows reads the members typed as rows: an empty row is left
// out, each problem is an error of the row's input (member.3.phone), and a
// mobile number given twice is refused at its second row. A row past
// MaxGroupRows is an error of the rows as a whole ("rows").
func ParseMemberRows(v url.Values) ([]store.Registration, Errors) {
	errs := Errors{}
	var members []store.Registration
	var rows []int // each member's row
	for name := range v {
		if i := memberRow(name); i > MaxGroupRows && rowTyped(v, i) {
			errs["rows"] = "register.group.err.rows_max"
			return nil, errs
		}
	}
	for i := 1; i <= MaxGroupRows; i++ {
		if !rowTyped(v, i) {
			continue
		}
		get := func(col string) string { return strings.TrimSpace(v.Get(MemberField(i, col))) }
		fail := func(col, key string) {
			if _, ok := errs[MemberField(i, col)]; !ok {
				errs[MemberField(i, col)] = key
			}
		}
		role := get("role")
		if role == "" {
			role = "student"
		} else if !slices.Contains(store.RegistrationRoles, role) {
			fail("role", "register.err.role")
			role = "student"
		}
		members = append(members, checkMember(get("name"), role, get("phone"), get("email"), fail))
		rows = append(rows, i)
	}
	for _, k := range repeatedPhones(members) {
		errs[MemberField(rows[k], "phone")] = "register.group.err.dup_phone"
	}
	return members, errs
}

// checkMember reads one member of a group, from a file's row or a form's:
// the name is needed, the mobile too unless role is student, and the
// e-mail address may be left empty. fail is told each problem's column.
func checkMember(name, role, phone, email string, fail func(col, key string)) store.Registration {
	m := store.Registration{Name: name, Role: role}
	switch {
	case m.Name == "":
		fail("name", "register.err.name")
	case BadText(m.Name, false): // a quoted cell may hold a line break
		fail("name", "form.bad_text")
	case utf8.RuneCountInString(m.Name) > maxPersonName:
		fail("name", "form.too_long")
	}
	var key string
	switch {
	case phone == "" && m.Role == "student":
	case phone == "":
		fail("phone", "register.err.member_phone")
	default:
		if m.Phone, key = ParsePhone(phone); key != "" {
			fail("phone", key)
		}
	}
	if email != "" {
		if m.Email, key = ParseEmail(email); key != "" {
			fail("email", key)
		}
	}
	return m
}

// repeatedPhones are the members (by index) whose mobile number an earlier
// member already gave: two tickets on one number is a row copied twice, and
// a ticket is found again by its number.
func repeatedPhones(members []store.Registration) []int {
	seen := map[string]bool{}
	var out []int
	for i, m := range members {
		if m.Phone == "" {
			continue
		}
		if seen[m.Phone] {
			out = append(out, i)
		}
		seen[m.Phone] = true
	}
	return out
}
