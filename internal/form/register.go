package form

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/csvimport"
	"github.com/expoportal/portal/internal/store"
)

// Field limits of the registration forms: longer is a paste gone wrong.
const (
	maxPersonName   = 60
	maxOrganisation = 120
	maxCity         = 60
	// MaxGroupMembers is the most people one group upload registers; a
	// bigger delegation sends more than one file.
	MaxGroupMembers = 200
)

// RegistrationDays are the dates a visitor can choose: every day from the
// opening to the closing one in the expo's time zone, as midnight UTC
// (how the database's dates come back).
func RegistrationDays(opens, closes, today time.Time) []time.Time {
	var out []time.Time
	first := time.Date(opens.Year(), opens.Month(), opens.Day(), 0, 0, 0, 0, time.UTC)
	// Days gone by are not on offer: after the expo, none is.
	if t := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC); t.After(first) {
		first = t
	}
	last := time.Date(closes.Year(), closes.Month(), closes.Day(), 0, 0, 0, 0, time.UTC)
	for d := first; !d.After(last) && len(out) < 31; d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

// regText reads a one-line field: trimmed, required when missingKey is set, at most max
// characters, valid UTF-8 without control characters.
func regText(v url.Values, errs Errors, field string, max int, missingKey string) string {
	s := strings.TrimSpace(v.Get(field))
	switch {
	case BadText(s, false):
		errs[field] = "form.bad_text"
	case s == "" && missingKey != "":
		errs[field] = missingKey
	case utf8.RuneCountInString(s) > max:
		errs[field] = "form.too_long"
	}
	return s
}

// regDays reads the checked days, which must be among allowed.
func regDays(v url.Values, allowed []time.Time, errs Errors) []time.Time {
	var out []time.Time
	for _, d := range allowed {
		if slices.Contains(v["days"], d.Format(time.DateOnly)) {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		errs["days"] = "register.err.days"
	}
	return out
}

// ParseRegistration checks the visitor's form; days are the dates on offer.
func ParseRegistration(v url.Values, days []time.Time) (store.Registration, Errors) {
	errs := Errors{}
	r := store.Registration{
		Name:         regText(v, errs, "name", maxPersonName, "register.err.name"),
		Organisation: regText(v, errs, "organisation", maxOrganisation, "register.err.organisation"),
		Role:         strings.TrimSpace(v.Get("role")),
		City:         regText(v, errs, "city", maxCity, ""),
	}
	if !slices.Contains(store.RegistrationRoles, r.Role) {
		errs["role"] = "register.err.role"
	}
	var key string
	if r.Phone, key = ParsePhone(v.Get("phone")); key != "" {
		errs["phone"] = key
	}
	if strings.TrimSpace(v.Get("email")) != "" {
		if r.Email, key = ParseEmail(v.Get("email")); key != "" {
			errs["email"] = key
		}
	}
	r.Days = regDays(v, days, errs)
	return r, errs
}

// Group is the delegation form's own fields, before the member list.
type Group struct {
	Group store.VisitorGroup
	City  string
	Days  []time.Time
}

// ParseGroup checks the leader's part of the group form.
func ParseGroup(v url.Values, days []time.Time) (Group, Errors) {
	errs := Errors{}
	g := Group{Group: store.VisitorGroup{
		Organisation: regText(v, errs, "organisation", maxOrganisation, "register.err.school"),
		LeaderName:   regText(v, errs, "name", maxPersonName, "register.err.leader"),
	}, City: regText(v, errs, "city", maxCity, "")}
	var key string
	if g.Group.LeaderPhone, key = ParsePhone(v.Get("phone")); key != "" {
		errs["phone"] = key
	}
	if strings.TrimSpace(v.Get("email")) != "" {
		if g.Group.LeaderEmail, key = ParseEmail(v.Get("email")); key != "" {
			errs["email"] = key
		}
	}
	g.Days = regDays(v, days, errs)
	return g, errs
}

// MemberColumns are the member file's columns, in the template's order.
var MemberColumns = []string{"name", "role", "phone", "email"}

// MemberVocabulary tells what a member file's words mean, each keyed by
// Fold: headers and role labels in any language, and the slugs.
type MemberVocabulary struct {
	Columns map[string]string // header -> name, role, phone, email
	Roles   map[string]string // label or slug -> role
}

// RowError is one problem of a member file: its line, the column (a
// MemberColumns name, "" for the whole row) and the message key.
type RowError struct {
	Line   int
	Column string
	Key    string
}

// Errors of a member file as a whole; the caller translates them.
var (
	ErrNoMemberName = errors.New("form: no name column in the member list")
	ErrNoMembers    = errors.New("form: the member list has no one in it")
	ErrTooManyRows  = errors.New("form: too many members")
)

// ReadMembers reads a delegation's member file into one registration per
// row (organisation, city and days come from the group form). Any problem
// of a row is listed; the caller writes nothing unless the list is empty.
func ReadMembers(t *csvimport.Table, voc MemberVocabulary) ([]store.Registration, []RowError, error) {
	col := map[string]int{}
	for i, h := range t.Header {
		if c, ok := voc.Columns[Fold(h)]; ok {
			if _, dup := col[c]; !dup {
				col[c] = i
			}
		}
	}
	if _, ok := col["name"]; !ok {
		return nil, nil, ErrNoMemberName
	}
	if len(t.Rows) == 0 {
		return nil, nil, ErrNoMembers
	}
	if len(t.Rows) > MaxGroupMembers {
		return nil, nil, ErrTooManyRows
	}
	cell := func(row csvimport.Row, c string) string {
		if i, ok := col[c]; ok && i < len(row.Fields) {
			return strings.TrimSpace(row.Fields[i])
		}
		return ""
	}
	var members []store.Registration
	var errs []RowError
	for _, row := range t.Rows {
		fail := func(col, key string) { errs = append(errs, RowError{row.Line, col, key}) }
		role := "student"
		if s := cell(row, "role"); s != "" {
			if role = voc.Roles[Fold(s)]; role == "" {
				fail("role", "register.err.member_role")
				role = "student" // one error for the row's role, not another for its phone
			}
		}
		members = append(members, checkMember(cell(row, "name"), role, cell(row, "phone"), cell(row, "email"), fail))
	}
	for _, i := range repeatedPhones(members) {
		errs = append(errs, RowError{t.Rows[i].Line, "phone", "register.group.err.dup_phone"})
	}
	slices.SortStableFunc(errs, func(a, b RowError) int { return a.Line - b.Line })
	return members, errs, nil
}

// ParseFindTicket reads the lost-ticket form: the name and mobile number
// given when registering.
func ParseFindTicket(v url.Values) (name, phone string, errs Errors) {
	errs = Errors{}
	name = strings.TrimSpace(v.Get("name"))
	if name == "" {
		errs["name"] = "register.err.name"
	}
	var key string
	if phone, key = ParsePhone(v.Get("phone")); key != "" {
		errs["phone"] = key
	}
	return name, phone, errs
}
