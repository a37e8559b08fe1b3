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

// GroupTokenByStamp is ApplicationTokenByStamp for a delegation's list.
func (s *Store) GroupTokenByStamp(ctx context.Context, stamp, digest string) (string, error) {
	return s.tokenByStamp(ctx, "visitor_groups", stamp, digest)
}

// tokenByStamp finds the row of table (a constant) that the form with
// stamp made, and tells whether the same submission made it.
func (s *Store) tokenByStamp(ctx context.Context, table, stamp, digest string) (string, error) {
	var token string
	var made *string
	err := s.pool.QueryRow(ctx, "SELECT token, form_digest FROM "+table+" WHERE form_stamp = $1 -- Store.tokenByStamp", stamp).Scan(&token, &made)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("Store.tokenByStamp(%s): %w", table, err)
	}
	if err := sameSubmission(made, digest); errors.Is(err, ErrStampUsed) {
		return "", fmt.Errorf("Store.tokenByStamp(%s): %w", table, err)
	}
	return token, nil
}

// stampOrNull stores an empty stamp (rows not made by a public form) as NULL.
func stampOrNull(stamp string) *string {
	if stamp == "" {
		return nil
	}
	return &stamp
}

// CountFormPost records a post of a public form from address that makes n
// rows (a delegation's tickets; 1 for most forms) and reports whether it
// stays within limit rows per window; a post that would pass it is refused
// whole and not recorded. Posts of one address are counted one at a time
// (an advisory lock on the pair), so a burst of parallel posts cannot all
// slip under the limit.
func (s *Store) CountFormPost(ctx context.Context, scope, address string, n, limit int, window time.Duration) (allowed bool, err error) {
	if n < 1 {
		return false, fmt.Errorf("Store.CountFormPost: %d rows", n)
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1 || ' ' || $2, 0)) -- Store.CountFormPost`, scope, address); err != nil {
			return err
		}
		// Older posts are left for the periodic clean-up (PurgeFormPosts),
		// which runs once for every instance instead of on each post.
		var made int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM form_posts WHERE scope = $1 AND address = $2
				AND at >= now() - $3::interval -- Store.CountFormPost`,
			scope, address, window).Scan(&made); err != nil {
			return err
		}
		if allowed = made+n <= limit; !allowed {
			return nil
		}
		// A row per thing made, so the count above stays a plain count
		// (a few hundred rows an address at most).
		_, err := tx.Exec(ctx, `INSERT INTO form_posts (scope, address) SELECT $1, $2 FROM generate_series(1, $3::int) -- Store.CountFormPost`,
			scope, address, n)
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

// PurgeFormPosts deletes the rate-limit rows older than window, so
// addresses that never come back do not pile up, and the form stamps and
// digests older than stampAge from what the forms made: a stale stamp is
// refused before anything is looked up by it.
func (s *Store) PurgeFormPosts(ctx context.Context, window, stampAge time.Duration) error {
	_, err := s.pool.Exec(ctx, `-- Store.PurgeFormPosts
		WITH p AS (DELETE FROM form_posts WHERE at < now() - $1::interval),
		a AS (UPDATE booth_applications SET form_stamp = NULL, form_digest = NULL
			WHERE form_stamp IS NOT NULL AND created_at < now() - $2::interval),
		r AS (UPDATE registrations SET form_stamp = NULL, form_digest = NULL
			WHERE form_stamp IS NOT NULL AND created_at < now() - $2::interval)
		UPDATE visitor_groups SET form_stamp = NULL, form_digest = NULL
			WHERE form_stamp IS NOT NULL AND created_at < now() - $2::interval`, window, stampAge)
	if err != nil {
		return fmt.Errorf("Store.PurgeFormPosts: %w", err)
	}
	return nil
}
