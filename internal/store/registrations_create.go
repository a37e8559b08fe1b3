package store

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// VisitorGroup is a school delegation registered at once: the leader's
// details and the token of the page that lists every member's ticket.
type VisitorGroup struct {
	ID           int64
	Token        string
	Lang         string
	Organisation string
	LeaderName   string
	LeaderPhone  string
	LeaderEmail  string
	CreatedAt    time.Time
	FormStamp    string // the public form's stamp that made it; not read back
	FormDigest   string // what that form said (see ErrStampUsed); not read back
}

// tokenEncoding writes the 16 random bytes of a token as 26 lower-case
// letters and digits: safe in a URL path, and short enough for a QR code
// that a phone reads from a printed page.
var tokenEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// codeAlphabet is Crockford's base32: digits and capitals without I, L, O
// and U, so a code read aloud or copied from paper is not mistyped.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// CodeLength is how many characters a ticket number has. Codes are stored
// bare ("7K3MQ9XA"); FormatTicketCode adds the dash people see.
const CodeLength = 8

// newToken is 128 random bits: the address of a ticket, a group or an
// application's confirmation, which nobody can guess or count up to.
func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	return tokenEncoding.EncodeToString(b)
}

// newCode is 8 random Crockford characters (40 bits): enough that codes
// rarely collide (and a collision is retried), few enough to type at the
// door. It does not open the ticket page; only the token does.
var newCode = func() string {
	b := make([]byte, CodeLength)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[b[i]&31] // 256 is a multiple of 32: no bias
	}
	return string(b)
}

// FormatTicketCode writes a stored code as printed: "7K3M-Q9XA".
func FormatTicketCode(code string) string {
	if len(code) != CodeLength {
		return code
	}
	return code[:4] + "-" + code[4:]
}

// maxTokenTries bounds the retries on a collision of token or code, which
// with 128 and 40 random bits is all but impossible: a loop that keeps
// failing is a bug, not bad luck.
const maxTokenTries = 5

// insertRegistration writes r with a fresh token and code, trying again
// with new ones when either is taken (ON CONFLICT DO NOTHING returns no row,
// and leaves the transaction usable, unlike a unique violation).
func insertRegistration(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}, r Registration) (Registration, error) {
	days := make([]string, len(r.Days))
	for i, d := range r.Days {
		days[i] = d.Format(time.DateOnly)
	}
	for range maxTokenTries {
		token, code := newToken(), newCode()
		err := q.QueryRow(ctx, `INSERT INTO registrations (token, code, group_id, lang, name, organisation, role, city, phone, email, days, form_stamp, form_digest, address)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date[], $12, $13, $14)
			ON CONFLICT DO NOTHING RETURNING id, created_at -- Store.insertRegistration`,
			token, code, r.GroupID, r.Lang, r.Name, r.Organisation, r.Role, r.City, r.Phone, r.Email, days,
			stampOrNull(r.FormStamp), stampOrNull(r.FormDigest), r.Address).Scan(&r.ID, &r.CreatedAt)
		if errors.Is(err, pgx.ErrNoRows) && r.FormStamp != "" {
			// Taken may be the stamp, not the token: then this form made a
			// ticket already, which is the answer only to the same post.
			var made string
			var digest *string
			err := q.QueryRow(ctx, "SELECT token, form_digest FROM registrations WHERE form_stamp = $1 -- Store.insertRegistration", r.FormStamp).Scan(&made, &digest)
			if err == nil {
				if err := sameSubmission(digest, r.FormDigest); errors.Is(err, ErrStampUsed) {
					return Registration{}, err
				}
				return Registration{Token: made}, ErrDuplicatePost
			} else if !errors.Is(err, pgx.ErrNoRows) {
				return r, err
			}
		}
		if errors.Is(err, pgx.ErrNoRows) {
			continue
		}
		if err != nil {
			return r, err
		}
		r.Token, r.Code = token, code
		return r, nil
	}
	return r, errors.New("no free ticket token or code after retries")
}

// CreateRegistration issues one visitor's e-ticket: it fills in the token
// and code and returns the stored row. then, when given, runs in the same
// transaction once the ticket is written (its e-mail is queued there).
func (s *Store) CreateRegistration(ctx context.Context, r Registration, then ...func(context.Context, pgx.Tx, Registration) error) (Registration, error) {
	r.GroupID = nil
	if len(then) == 0 {
		r, err := insertRegistration(ctx, s.pool, r)
		if err != nil {
			return r, fmt.Errorf("Store.CreateRegistration: %w", err)
		}
		return r, nil
	}
	var made Registration
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var err error
		if made, err = insertRegistration(ctx, tx, r); err != nil {
			return err
		}
		for _, f := range then {
			if err := f(ctx, tx, made); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return made, fmt.Errorf("Store.CreateRegistration: %w", err) // on a duplicate, the first post's token
	}
	return made, nil
}

// CreateGroup writes the delegation and a ticket for every member in one
// transaction: either all of them exist afterwards or none does. Each then
// runs in that transaction after the writes (to queue the e-mails that
// carry the tickets' links), and its error undoes them.
func (s *Store) CreateGroup(ctx context.Context, g VisitorGroup, members []Registration, then ...func(context.Context, pgx.Tx, VisitorGroup, []Registration) error) (VisitorGroup, []Registration, error) {
	out := make([]Registration, 0, len(members))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		out = out[:0]
		var err error
		for range maxTokenTries {
			g.Token = newToken()
			err = tx.QueryRow(ctx, `INSERT INTO visitor_groups (token, lang, organisation, leader_name, leader_phone, leader_email, form_stamp, form_digest)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id, created_at -- Store.CreateGroup`,
				g.Token, g.Lang, g.Organisation, g.LeaderName, g.LeaderPhone, g.LeaderEmail,
				stampOrNull(g.FormStamp), stampOrNull(g.FormDigest)).Scan(&g.ID, &g.CreatedAt)
			if errors.Is(err, pgx.ErrNoRows) && g.FormStamp != "" {
				var made string
				var digest *string
				err := tx.QueryRow(ctx, "SELECT token, form_digest FROM visitor_groups WHERE form_stamp = $1 -- Store.CreateGroup", g.FormStamp).Scan(&made, &digest)
				if err == nil {
					if err := sameSubmission(digest, g.FormDigest); errors.Is(err, ErrStampUsed) {
						g = VisitorGroup{}
						return err
					}
					g = VisitorGroup{Token: made}
					return ErrDuplicatePost
				} else if !errors.Is(err, pgx.ErrNoRows) {
					return err
				}
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				break
			}
		}
		if err != nil {
			return err
		}
		for _, m := range members {
			m.GroupID = &g.ID
			m, err := insertRegistration(ctx, tx, m)
			if err != nil {
				return err
			}
			out = append(out, m)
		}
		for _, f := range then {
			if err := f(ctx, tx, g, out); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, ErrDuplicatePost) || errors.Is(err, ErrStampUsed) {
		return g, nil, fmt.Errorf("Store.CreateGroup: %w", err) // on a duplicate, g holds the first post's token
	} else if err != nil {
		return VisitorGroup{}, nil, fmt.Errorf("Store.CreateGroup(%d members): %w", len(members), err)
	}
	return g, out, nil
}

// RegistrationByToken loads the ticket at token; ErrNotFound when none.
func (s *Store) RegistrationByToken(ctx context.Context, token string) (Registration, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+registrationColumns+` FROM registrations WHERE token = $1 -- Store.RegistrationByToken`, token)
	r, err := oneRow(rows, scanRegistration)
	if err != nil {
		return r, fmt.Errorf("Store.RegistrationByToken: %w", err)
	}
	return r, nil
}

// GroupByToken loads the delegation at token with its members' tickets, in
// the order they were listed; ErrNotFound when none.
func (s *Store) GroupByToken(ctx context.Context, token string) (VisitorGroup, []Registration, error) {
	var g VisitorGroup
	err := s.pool.QueryRow(ctx, `SELECT id, token, lang, organisation, leader_name, leader_phone, leader_email, created_at
		FROM visitor_groups WHERE token = $1 -- Store.GroupByToken`, token).Scan(
		&g.ID, &g.Token, &g.Lang, &g.Organisation, &g.LeaderName, &g.LeaderPhone, &g.LeaderEmail, &g.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return g, nil, fmt.Errorf("Store.GroupByToken: %w", ErrNotFound)
	} else if err != nil {
		return g, nil, fmt.Errorf("Store.GroupByToken: %w", err)
	}
	rows, _ := s.pool.Query(ctx, `SELECT `+registrationColumns+` FROM registrations WHERE group_id = $1 ORDER BY id -- Store.GroupByToken`, g.ID)
	members, err := pgx.CollectRows(rows, scanRegistration)
	if err != nil {
		return g, nil, fmt.Errorf("Store.GroupByToken: %w", err)
	}
	return g, members, nil
}

// samePerson matches a registration to a mobile number ($1) and a name
// ($2), the name ignoring case and spaces ("王 晓梅" is 王晓梅).
const samePerson = `phone = $1 AND lower(regexp_replace(name, '\s', '', 'g')) = lower(regexp_replace($2, '\s', '', 'g'))`

// SameVisitor finds a ticket already issued to the person r describes, on
// at least one of r's days, made by another form than r's (the same form
// sent twice is a double tap, which CreateRegistration answers). A teacher
// who lost the page and registers again is given that ticket instead of a
// second one. Everything the ticket shows must match what r says (mobile
// number, name, organisation, role, e-mail): someone who knows only a
// teacher's name and number gets a ticket of their own, never hers.
// found is false when there is none.
func (s *Store) SameVisitor(ctx context.Context, r Registration) (token string, found bool, err error) {
	if r.Phone == "" {
		return "", false, nil
	}
	err = s.pool.QueryRow(ctx, `SELECT token FROM registrations
		WHERE `+samePerson+` AND days && $3::date[] AND form_stamp IS DISTINCT FROM $4
		  AND lower(btrim(organisation)) = lower(btrim($5)) AND role = $6 AND lower(email) = lower($7)
		ORDER BY id LIMIT 1 -- Store.SameVisitor`, r.Phone, r.Name, r.Days, stampOrNull(r.FormStamp),
		r.Organisation, r.Role, r.Email).Scan(&token)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	} else if err != nil {
		return "", false, fmt.Errorf("Store.SameVisitor: %w", err)
	}
	return token, true, nil
}

// ResendTickets runs then, in one transaction, with the tickets issued to
// a mobile number under a name (ignoring case and spaces) that carry an
// e-mail address, so the e-mails that send them again are queued with the
// read. It returns how many there were.
func (s *Store) ResendTickets(ctx context.Context, phone, name string, then func(context.Context, pgx.Tx, []Registration) error) (int, error) {
	var n int
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+registrationColumns+` FROM registrations
			WHERE `+samePerson+` AND email <> ''
			ORDER BY id LIMIT 5 -- Store.ResendTickets`, phone, name)
		list, err := pgx.CollectRows(rows, scanRegistration)
		if err != nil {
			return err
		}
		n = len(list)
		if n == 0 {
			return nil
		}
		return then(ctx, tx, list)
	})
	if err != nil {
		return 0, fmt.Errorf("Store.ResendTickets: %w", err)
	}
	return n, nil
}
