package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/unicode/norm"
)

// TicketRef is what the door scanned or typed, reduced to one way of
// finding the ticket: its token (from the QR code's URL) or its code.
// Both empty: the input is neither.
type TicketRef struct {
	Token string // 26 characters, lower case
	Code  string // 8 characters, Crockford base32 in upper case, no dash
}

// Valid reports whether the input could name a ticket at all.
func (t TicketRef) Valid() bool { return t.Token != "" || t.Code != "" }

const (
	ticketTokenLen = 26
	ticketCodeLen  = 8
	crockford      = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
)

// ParseTicketInput reads what a scanner or a person entered at the door: the
// e-ticket's URL (any host, /{lang}/tickets/{token}, with or without a query
// or a trailing slash), a bare token, or the printed code in any case, with
// or without its dash and spaces. Full-width characters (a Chinese input
// method's ＡＢ１２) are folded, and so are the letters Crockford base32
// reads as digits (O as 0, I and L as 1), since people type what they see.
func ParseTicketInput(s string) TicketRef {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if i := strings.LastIndex(strings.ToLower(s), "/tickets/"); i >= 0 {
		tok := s[i+len("/tickets/"):]
		if j := strings.IndexAny(tok, "/?#"); j >= 0 {
			tok = tok[:j]
		}
		if tok = strings.ToLower(tok); isTicketToken(tok) {
			return TicketRef{Token: tok}
		}
		return TicketRef{}
	}
	plain := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) {
			return -1
		}
		return r
	}, s)
	switch len(plain) {
	case ticketTokenLen:
		if tok := strings.ToLower(plain); isTicketToken(tok) {
			return TicketRef{Token: tok}
		}
	case ticketCodeLen:
		code := strings.Map(func(r rune) rune {
			switch r = unicode.ToUpper(r); r {
			case 'O':
				return '0'
			case 'I', 'L':
				return '1'
			}
			return r
		}, plain)
		for _, r := range code {
			if !strings.ContainsRune(crockford, r) {
				return TicketRef{}
			}
		}
		return TicketRef{Code: code}
	}
	return TicketRef{}
}

// isTicketToken: lower-case letters and digits, so a token of either base32
// alphabet passes and nothing that could upset a URL or a query does.
func isTicketToken(s string) bool {
	if len(s) != ticketTokenLen {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Check-in outcomes.
const (
	CheckInAdmitted = "admitted"
	CheckInUsed     = "used"
	CheckInUnknown  = "unknown"
)

// CheckInResult is what the door is told.
type CheckInResult struct {
	Outcome      string       // CheckInAdmitted, CheckInUsed or CheckInUnknown
	Registration Registration // the ticket's visitor (not for unknown)
	At           time.Time    // used: when the ticket was admitted today
	By           string       // used: the e-mail of who admitted it today; "" when that account is gone
}

// CheckIn admits the visitor whose ticket input names, once a day: a ticket
// for three days opens the door on each of them, and is "used" for the rest
// of a day it was admitted on. The day is at's date in zone (the expo's).
// The insert of the (visitor, day) row settles two staff scanning one ticket
// at the same moment: the second waits for the first's row, finds the key
// taken, and is told when and by whom. at is the server's clock, so the time
// stamped, the day and today's count agree. The registration keeps its
// first arrival in checked_in_at.
func (s *Store) CheckIn(ctx context.Context, input string, userID int64, at time.Time, zone string) (CheckInResult, error) {
	ref := ParseTicketInput(input)
	if !ref.Valid() {
		return CheckInResult{Outcome: CheckInUnknown}, nil
	}
	where, key := "token = $1", ref.Token
	if ref.Code != "" {
		where, key = "upper(replace(code, '-', '')) = $1", ref.Code // the expression index of 0019
	}
	rows, _ := s.pool.Query(ctx, `WITH ticket AS (SELECT id FROM registrations WHERE `+where+`),
		admitted AS (
			INSERT INTO checkins (registration_id, day, at, by_user)
			SELECT id, ($2::timestamptz AT TIME ZONE $4)::date, $2, NULLIF($3, 0) FROM ticket
			ON CONFLICT (registration_id, day) DO NOTHING
			RETURNING registration_id
		)
		UPDATE registrations SET checked_in_at = coalesce(checked_in_at, $2),
			checked_in_by = CASE WHEN checked_in_at IS NULL THEN NULLIF($3, 0) ELSE checked_in_by END
		WHERE id IN (SELECT registration_id FROM admitted)
		RETURNING `+registrationColumns+` -- Store.CheckIn`, key, at, userID, zone)
	g, err := pgx.CollectExactlyOneRow(rows, scanRegistration)
	if err == nil {
		return CheckInResult{Outcome: CheckInAdmitted, Registration: g}, nil
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return CheckInResult{}, fmt.Errorf("Store.CheckIn(%s): %w", key, err)
	}
	rows, _ = s.pool.Query(ctx, `SELECT `+registrationColumns+` FROM registrations WHERE `+where+` -- Store.CheckIn`, key)
	g, err = pgx.CollectExactlyOneRow(rows, scanRegistration)
	if errors.Is(err, pgx.ErrNoRows) {
		return CheckInResult{Outcome: CheckInUnknown}, nil
	} else if err != nil {
		return CheckInResult{}, fmt.Errorf("Store.CheckIn(%s): %w", key, err)
	}
	res := CheckInResult{Outcome: CheckInUsed, Registration: g}
	err = s.pool.QueryRow(ctx, `SELECT c.at, coalesce(u.email, '') FROM checkins c LEFT JOIN users u ON u.id = c.by_user
		WHERE c.registration_id = $1 AND c.day = ($2::timestamptz AT TIME ZONE $3)::date -- Store.CheckIn`, g.ID, at, zone).Scan(&res.At, &res.By)
	if err != nil {
		return CheckInResult{}, fmt.Errorf("Store.CheckIn(%s): %w", key, err)
	}
	return res, nil
}

// CheckedInBetween counts the visitors admitted in [from, to): today's
// arrivals at the door.
func (s *Store) CheckedInBetween(ctx context.Context, from, to time.Time) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM checkins WHERE at >= $1 AND at < $2 -- Store.CheckedInBetween`,
		from, to).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("Store.CheckedInBetween: %w", err)
	}
	return n, nil
}
