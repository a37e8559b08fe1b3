// Package store is the portal's only door to PostgreSQL: one Store, one file
// per table or aggregate, plain SQL.
package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNotFound is returned when the row asked for does not exist.
var ErrNotFound = errors.New("not found")

// Store wraps the connection pool.
type Store struct {
	pool *pgxpool.Pool
}

// New returns a Store on pool.
func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Ping checks the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.pool.QueryRow(ctx, "SELECT 1 -- Store.Ping").Scan(&one); err != nil {
		return fmt.Errorf("Store.Ping: %w", err)
	}
	return nil
}

// inTx runs fn in one transaction; a failure says which method it was.
func (s *Store) inTx(ctx context.Context, method string, fn func(pgx.Tx) error) error {
	if err := pgx.BeginFunc(ctx, s.pool, fn); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}

// fillIfEmpty runs fill in one transaction only when the query "used"
// finds nothing: demo content goes into an empty table and never
// overwrites or re-adds what staff saved or deleted. The table is locked
// so two instances starting at once do not both fill it.
func (s *Store) fillIfEmpty(ctx context.Context, table, used string, fill func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "LOCK TABLE "+table+" IN SHARE ROW EXCLUSIVE MODE -- Store.fillIfEmpty"); err != nil {
			return err
		}
		var has bool
		if err := tx.QueryRow(ctx, "SELECT EXISTS ("+used+") -- Store.fillIfEmpty").Scan(&has); err != nil || has {
			return err
		}
		return fill(tx)
	})
}

// oneRow is the one row rows holds, scanned; ErrNotFound when there is none.
func oneRow[T any](rows pgx.Rows, scan pgx.RowToFunc[T]) (T, error) {
	row, err := pgx.CollectExactlyOneRow(rows, scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return row, ErrNotFound
	}
	return row, err
}

// versioned is a record an editor changes by version.
type versioned interface{ version() int }

func (b Booth) version() int     { return b.Version }
func (c Charge) version() int    { return c.Version }
func (e Exhibitor) version() int { return e.Version }
func (h Hall) version() int      { return h.Version }

// lockedAt is the one row rows holds, read FOR UPDATE before a change
// based on version: ErrNotFound when there is none, ErrConflict when it
// has changed since.
func lockedAt[T versioned](rows pgx.Rows, scan pgx.RowToFunc[T], version int) (T, error) {
	row, err := oneRow(rows, scan)
	if err == nil && row.version() != version {
		err = ErrConflict
	}
	return row, err
}

// langsOf is the languages a record has texts in before or after a
// change, in order, for its audit line.
func langsOf[T any](before, after map[string]T) []string {
	langs := maps.Clone(before)
	if langs == nil {
		langs = map[string]T{}
	}
	maps.Copy(langs, after)
	return slices.Sorted(maps.Keys(langs))
}
