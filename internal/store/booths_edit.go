package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// liveApplication is the SQL condition of an application that holds its
// booth (the same as the booth_applications_live_booth index).
const liveApplication = "status IN ('new', 'contacted', 'approved')"

// BoothConflict is why a booth cannot be saved or deleted as asked: Field
// is the editor's field it belongs to, Reason what is wrong, Other the
// booth number or application reference it clashes with.
type BoothConflict struct {
	Field  string // "hall", "number", "x", "width", "depth", "status", or "" for the whole booth
	Reason string // "no_hall", "duplicate", "overlap", "outside", "held"
	Other  string
}

func (c *BoothConflict) Error() string {
	return fmt.Sprintf("booth %s: %s %s", c.Field, c.Reason, c.Other)
}

// BoothsUpdatedAt is when a booth last changed, for the sitemap; false
// when there are none.
func (s *Store) BoothsUpdatedAt(ctx context.Context) (time.Time, bool, error) {
	var at *time.Time
	if err := s.pool.QueryRow(ctx, "SELECT max(updated_at) FROM booths -- Store.BoothsUpdatedAt").Scan(&at); err != nil {
		return time.Time{}, false, fmt.Errorf("Store.BoothsUpdatedAt: %w", err)
	}
	if at == nil {
		return time.Time{}, false, nil
	}
	return *at, true, nil
}

// BoothHolder is the reference of the live application that holds a booth
// ("LNEE-2026-0042"), or "" when none does: while one does, the booth's
// status follows that application and the editor shows it read-only.
func (s *Store) BoothHolder(ctx context.Context, boothID int64) (string, error) {
	ref, err := boothHolder(ctx, s.pool, boothID)
	if err != nil {
		return "", fmt.Errorf("Store.BoothHolder(%d): %w", boothID, err)
	}
	return ref, nil
}

// BoothHolders maps booth id to the reference of the live application that
// holds it, for the back office's list.
func (s *Store) BoothHolders(ctx context.Context) (map[int64]string, error) {
	rows, _ := s.pool.Query(ctx, "SELECT booth_id, reference FROM booth_applications WHERE booth_id IS NOT NULL AND "+liveApplication+" -- Store.BoothHolders")
	out := map[int64]string{}
	var id int64
	var ref string
	if _, err := pgx.ForEachRow(rows, []any{&id, &ref}, func() error { out[id] = ref; return nil }); err != nil {
		return nil, fmt.Errorf("Store.BoothHolders: %w", err)
	}
	return out, nil
}

type boothQuerier interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}

func boothHolder(ctx context.Context, q boothQuerier, boothID int64) (string, error) {
	var ref string
	err := q.QueryRow(ctx, "SELECT reference FROM booth_applications WHERE booth_id = $1 AND "+liveApplication+" ORDER BY id LIMIT 1 -- boothHolder", boothID).Scan(&ref)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return ref, err
}

// SaveBooth creates (ID 0) or updates a booth with an audit entry, in one
// transaction, and returns its id. It refuses, with a *BoothConflict, a
// number another booth has, a booth that overlaps another in its hall or
// sticks out of the hall's plan, and a change of status while a live
// application holds the booth (then the application decides it). A
// booth saved with no status keeps the one it has when the row is locked.
// An update based on another version than the saved one writes nothing and
// returns ErrConflict.
func (s *Store) SaveBooth(ctx context.Context, b Booth, userID int64) (int64, error) {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Two organisers placing booths in one hall at once must not both
		// pass the overlap check: saves in the same hall take turns.
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended('booths.hall ' || $1, 0)) -- Store.SaveBooth", b.Hall); err != nil {
			return err
		}
		var before *Booth
		if b.ID != 0 {
			rows, _ := tx.Query(ctx, "SELECT "+boothColumns+" FROM booths WHERE id = $1 FOR UPDATE -- Store.SaveBooth", b.ID)
			old, err := lockedAt(rows, scanBooth, b.Version)
			if err != nil {
				return err
			}
			before = &old
			if b.Status == "" {
				b.Status = old.Status // the status is the application's to keep
			}
			if old.Status != b.Status {
				ref, err := boothHolder(ctx, tx, b.ID)
				if err != nil {
					return err
				}
				if ref != "" {
					return &BoothConflict{Field: "status", Reason: "held", Other: ref}
				}
			}
		}
		if err := checkBooth(ctx, tx, b); err != nil {
			return err
		}
		action := "booth.create"
		if before == nil {
			err := tx.QueryRow(ctx, `INSERT INTO booths (hall, number, x, y, width, depth, type, status)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id -- Store.SaveBooth`,
				b.Hall, b.Number, b.X, b.Y, b.Width, b.Depth, b.Type, b.Status).Scan(&b.ID)
			if err != nil {
				return duplicateNumber(err, b.Number)
			}
		} else {
			action = "booth.update"
			_, err := tx.Exec(ctx, `UPDATE booths SET hall = $2, number = $3, x = $4, y = $5, width = $6, depth = $7,
				type = $8, status = $9, updated_at = now(), version = version + 1 WHERE id = $1 -- Store.SaveBooth`,
				b.ID, b.Hall, b.Number, b.X, b.Y, b.Width, b.Depth, b.Type, b.Status)
			if err != nil {
				return duplicateNumber(err, b.Number)
			}
		}
		return auditTx(ctx, tx, userID, action, boothSubject(b), boothChanges(before, b))
	})
	if err != nil {
		return 0, fmt.Errorf("Store.SaveBooth(%d %s): %w", b.ID, b.Number, err)
	}
	return b.ID, nil
}

// checkBooth finds what stops b from standing where it is asked to.
func checkBooth(ctx context.Context, tx pgx.Tx, b Booth) error {
	var other string
	err := tx.QueryRow(ctx, "SELECT number FROM booths WHERE number = $1 AND id <> $2 -- checkBooth", b.Number, b.ID).Scan(&other)
	if err == nil {
		return &BoothConflict{Field: "number", Reason: "duplicate", Other: other}
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	var w, d int
	var drawn bool
	err = tx.QueryRow(ctx, "SELECT coalesce(width, 0), coalesce(depth, 0), width IS NOT NULL FROM halls WHERE code = $1 -- checkBooth", b.Hall).Scan(&w, &d, &drawn)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return &BoothConflict{Field: "hall", Reason: "no_hall", Other: b.Hall}
	case err != nil:
		return err
	case !drawn: // no outline: the map is drawn around the booths
	case b.X+b.Width > w:
		return &BoothConflict{Field: "width", Reason: "outside", Other: fmt.Sprintf("%d×%d", w, d)}
	case b.Y+b.Depth > d:
		return &BoothConflict{Field: "depth", Reason: "outside", Other: fmt.Sprintf("%d×%d", w, d)}
	}
	// Rectangles overlap when each starts before the other ends; booths
	// that only touch (back to back, side by side) do not.
	err = tx.QueryRow(ctx, `SELECT number FROM booths WHERE hall = $1 AND id <> $2
		AND x < $3::int + $5::int AND $3::int < x + width AND y < $4::int + $6::int AND $4::int < y + depth
		ORDER BY number LIMIT 1 -- checkBooth`, b.Hall, b.ID, b.X, b.Y, b.Width, b.Depth).Scan(&other)
	if err == nil {
		return &BoothConflict{Field: "x", Reason: "overlap", Other: other}
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	return nil
}

// duplicateNumber turns the unique index's refusal into a conflict (a
// number taken in another hall between the check and the write).
func duplicateNumber(err error, number string) error {
	var pg *pgconn.PgError
	if errors.As(err, &pg) && pg.Code == "23505" && pg.ConstraintName == "booths_number" {
		return &BoothConflict{Field: "number", Reason: "duplicate", Other: number}
	}
	return err
}

// DeleteBooth removes a booth with an audit entry. While a live application
// holds it, it is refused with a *BoothConflict naming the application: the
// application must be settled first.
func (s *Store) DeleteBooth(ctx context.Context, id, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Applications first, then the booth: the order a status move
		// takes its locks in, so the two cannot deadlock.
		if _, err := tx.Exec(ctx, "SELECT id FROM booth_applications WHERE booth_id = $1 ORDER BY id FOR UPDATE -- Store.DeleteBooth", id); err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, "SELECT "+boothColumns+" FROM booths WHERE id = $1 FOR UPDATE -- Store.DeleteBooth", id)
		b, err := oneRow(rows, scanBooth)
		if err != nil {
			return err
		}
		// With the row locked FOR UPDATE, an application for it cannot be
		// written in between: its foreign key needs a share lock on this row.
		ref, err := boothHolder(ctx, tx, id)
		if err != nil {
			return err
		}
		if ref != "" {
			return &BoothConflict{Reason: "held", Other: ref}
		}
		// Settled applications for the booth lose their link to it (ON DELETE
		// SET NULL); one that asked for this booth and no area keeps the
		// booth's area instead, which their CHECK requires and the inbox shows.
		if _, err := tx.Exec(ctx, "UPDATE booth_applications SET area = $2 WHERE booth_id = $1 AND area IS NULL -- Store.DeleteBooth", id, b.Area()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM booths WHERE id = $1 -- Store.DeleteBooth", id); err != nil {
			return err
		}
		return auditTx(ctx, tx, userID, "booth.delete", boothSubject(b), "deleted: "+boothChanges(nil, b))
	})
	if err != nil {
		return fmt.Errorf("Store.DeleteBooth(%d): %w", id, err)
	}
	return nil
}

// InsertBoothsIfEmpty writes the demo halls' outlines and doors and their
// booths when there are no booths yet, in one transaction. A hall staff
// have drawn already keeps its outline.
func (s *Store) InsertBoothsIfEmpty(ctx context.Context, plans []HallPlan, booths []Booth) error {
	err := s.fillIfEmpty(ctx, "booths", "SELECT 1 FROM booths", func(tx pgx.Tx) error {
		for i, p := range plans {
			tag, err := tx.Exec(ctx, `INSERT INTO halls (code, position, width, depth) VALUES ($1, $2, $3, $4)
				ON CONFLICT (code) DO UPDATE SET width = excluded.width, depth = excluded.depth WHERE halls.width IS NULL
				-- Store.InsertBoothsIfEmpty`, p.Hall, i+1, p.Width, p.Depth)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				continue // staff drew this hall already
			}
			for _, e := range p.Entrances {
				if _, err := tx.Exec(ctx, "INSERT INTO hall_doors (hall, side, at, width) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING -- Store.InsertBoothsIfEmpty",
					p.Hall, e.Side, e.At, e.Width); err != nil {
					return err
				}
			}
		}
		for _, b := range booths {
			if _, err := tx.Exec(ctx, `INSERT INTO booths (hall, number, x, y, width, depth, type, status)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) -- Store.InsertBoothsIfEmpty`,
				b.Hall, b.Number, b.X, b.Y, b.Width, b.Depth, b.Type, b.Status); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.InsertBoothsIfEmpty: %w", err)
	}
	return nil
}

// boothSubject names a booth in the audit log.
func boothSubject(b Booth) string { return fmt.Sprintf("#%d %s", b.ID, b.Number) }

// boothChanges says what a save changed, before -> after; with no before,
// it describes the booth as saved.
func boothChanges(before *Booth, b Booth) string {
	var o Booth
	if before != nil {
		o = *before
	}
	c := changeList{fresh: before == nil}
	c.add("hall", o.Hall, b.Hall)
	c.add("number", o.Number, b.Number)
	c.add("at", fmt.Sprintf("%d,%d", o.X, o.Y), fmt.Sprintf("%d,%d", b.X, b.Y))
	c.add("size", fmt.Sprintf("%dx%d", o.Width, o.Depth), fmt.Sprintf("%dx%d", b.Width, b.Depth))
	c.add("type", o.Type, b.Type)
	c.add("status", o.Status, b.Status)
	return c.String()
}
