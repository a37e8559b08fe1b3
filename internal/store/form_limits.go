package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrDuplicatePost: a public form whose stamp already made a row was sent
// again (a double tap, a resend); the row it made comes back with it.
var ErrDuplicatePost = errors.New("form already sent")

// ErrStampUsed: a public form's stamp already made a row from a different
// submission. That row is never shown: the sender opens the form again.
var ErrStampUsed = errors.New("form stamp used by another submission")

// sameSubmission tells the row a stamp made (its digest, NULL for rows made
// before digests) from post: the same post again, or another one.
func sameSubmission(made *string, digest string) error {
	if made != nil && digest != "" && *made == digest {
		return ErrDuplicatePost
	}
	return ErrStampUsed
}

// stampOrNull stores an empty stamp (rows not made by a public form) as NULL.
func stampOrNull(stamp string) *string {
	if stamp == "" {
		return nil
	}
	return &stamp
}

// CountFormPost records one post of a public form from address and reports
// whether it is within limit posts per window. Posts of one address are
// counted one at a time (an advisory lock on the pair), so a burst of
// parallel posts cannot all slip under the limit; a refused post is not
// recorded. Rows older than the window are removed on the way.
func (s *Store) CountFormPost(ctx context.Context, scope, address string, limit int, window time.Duration) (allowed bool, err error) {
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1 || ' ' || $2, 0)) -- Store.CountFormPost`, scope, address); err != nil {
			return err
		}
		// Old posts of every address in this scope go, so addresses that
		// never come back do not pile up.
		if _, err := tx.Exec(ctx, `DELETE FROM form_posts WHERE scope = $1 AND at < now() - $2::interval -- Store.CountFormPost`,
			scope, window); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM form_posts WHERE scope = $1 AND address = $2 -- Store.CountFormPost`,
			scope, address).Scan(&n); err != nil {
			return err
		}
		if allowed = n < limit; !allowed {
			return nil
		}
		_, err := tx.Exec(ctx, `INSERT INTO form_posts (scope, address) VALUES ($1, $2) -- Store.CountFormPost`, scope, address)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("Store.CountFormPost: %w", err)
	}
	return allowed, nil
}

// Secret returns the 32-byte key called name, made at random the first time
// it is asked for and the same for every instance from then on.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, err
	}
	var key []byte
	err := s.pool.QueryRow(ctx, `-- Store.Secret
		WITH made AS (
			INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value
		)
		SELECT value FROM made UNION ALL SELECT value FROM secrets WHERE name = $1
		LIMIT 1`, name, fresh).Scan(&key)
	if errors.Is(err, pgx.ErrNoRows) {
		// Another instance made it at the same moment: its row committed
		// after this statement's snapshot, so read it now.
		err = s.pool.QueryRow(ctx, "SELECT value FROM secrets WHERE name = $1 -- Store.Secret", name).Scan(&key)
	}
	if err != nil {
		return nil, fmt.Errorf("Store.Secret(%s): %w", name, err)
	}
	return key, nil
}
