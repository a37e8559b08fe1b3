package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// VisaRequest is a request for a visa invitation letter from someone who
// comes to the expo from abroad.
type VisaRequest struct {
	ID          int64
	Token       string // the confirmation page's unguessable address
	Lang        string
	Company     string
	Name        string // as in the passport
	Nationality string // ISO 3166 code of the passport
	PassportNo  string // upper case, no spaces
	ArrivesOn   time.Time
	DepartsOn   time.Time
	Email       string
	Address     string
	CreatedAt   time.Time
	FormStamp   string // the public form's stamp that made it; not read back
	FormDigest  string // what that form said (see ErrStampUsed); not read back
}

const visaColumns = `id, token, lang, company, name, nationality, passport_no, arrives_on, departs_on, email, address, created_at`

func scanVisaRequest(row pgx.CollectableRow) (VisaRequest, error) {
	var q VisaRequest
	err := row.Scan(&q.ID, &q.Token, &q.Lang, &q.Company, &q.Name, &q.Nationality, &q.PassportNo, &q.ArrivesOn, &q.DepartsOn,
		&q.Email, &q.Address, &q.CreatedAt)
	return q, err
}

// CreateVisaRequest stores a request and returns it with its id and
// token. then, when given, runs in the same transaction once the row is
// written (the organisers' e-mail is queued there, so it exists exactly
// when the request does). A second post of the same form (its stamp)
// writes nothing and returns ErrDuplicatePost.
func (s *Store) CreateVisaRequest(ctx context.Context, q VisaRequest, then ...func(context.Context, pgx.Tx, VisaRequest) error) (VisaRequest, error) {
	q.Token = newToken()
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO visa_requests (token, lang, company, name, nationality, passport_no,
			arrives_on, departs_on, email, address, form_stamp, form_digest)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		RETURNING id, created_at -- Store.CreateVisaRequest`,
			q.Token, q.Lang, q.Company, q.Name, q.Nationality, q.PassportNo, q.ArrivesOn, q.DepartsOn, q.Email, q.Address,
			stampOrNull(q.FormStamp), stampOrNull(q.FormDigest)).Scan(&q.ID, &q.CreatedAt)
		if err != nil {
			return err
		}
		for _, f := range then {
			if err := f(ctx, tx, q); err != nil {
				return err
			}
		}
		return nil
	})
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == "visa_requests_form_stamp" {
		return q, fmt.Errorf("Store.CreateVisaRequest: %w", ErrDuplicatePost)
	} else if err != nil {
		return q, fmt.Errorf("Store.CreateVisaRequest: %w", err)
	}
	return q, nil
}

// VisaRequestTokenByStamp is ApplicationTokenByStamp for visa requests.
func (s *Store) VisaRequestTokenByStamp(ctx context.Context, stamp, digest string) (string, error) {
	return s.tokenByStamp(ctx, "visa_requests", stamp, digest)
}

// VisaRequestByToken loads the request a confirmation page shows.
func (s *Store) VisaRequestByToken(ctx context.Context, token string) (VisaRequest, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+visaColumns+` FROM visa_requests WHERE token = $1 -- Store.VisaRequestByToken`, token)
	q, err := pgx.CollectExactlyOneRow(rows, scanVisaRequest)
	if errors.Is(err, pgx.ErrNoRows) {
		return q, fmt.Errorf("Store.VisaRequestByToken: %w", ErrNotFound)
	} else if err != nil {
		return q, fmt.Errorf("Store.VisaRequestByToken: %w", err)
	}
	return q, nil
}

// VisaRequests lists the newest requests first, at most limit of them,
// and how many there are in all.
func (s *Store) VisaRequests(ctx context.Context, limit int) ([]VisaRequest, int, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+visaColumns+` FROM visa_requests
		ORDER BY created_at DESC, id DESC LIMIT $1 -- Store.VisaRequests`, limit)
	list, err := pgx.CollectRows(rows, scanVisaRequest)
	if err != nil {
		return nil, 0, fmt.Errorf("Store.VisaRequests: %w", err)
	}
	total := len(list)
	if total == limit {
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM visa_requests -- Store.VisaRequests`).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("Store.VisaRequests: %w", err)
		}
	}
	return list, total, nil
}
