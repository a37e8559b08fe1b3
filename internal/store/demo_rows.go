package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// demoTables are the tables whose rows the demo adds, in the order they
// are removed (rows that point at others first), each with whether it has
// an updated_at that a staff edit moves on.
var demoTables = []struct {
	name    string
	updated bool
}{
	{"registrations", false}, {"visitor_groups", false}, {"booth_applications", true},
	{"articles", true}, {"schedule_events", true}, {"exhibitors", true}, {"booths", true},
	{"charge_items", true}, {"pages", true}, {"home_figures", true}, {"home_logos", true}, {"media", false},
}

// DemoMarks is the highest id of each demo table now: rows above it after
// a load are the load's.
func (s *Store) DemoMarks(ctx context.Context) (map[string]int64, error) {
	marks := map[string]int64{}
	for _, t := range demoTables {
		var id int64
		// Table names come from the list above, never from input.
		if err := s.pool.QueryRow(ctx, "SELECT coalesce(max(id), 0) FROM "+t.name+" -- Store.DemoMarks").Scan(&id); err != nil {
			return nil, fmt.Errorf("Store.DemoMarks(%s): %w", t.name, err)
		}
		marks[t.name] = id
	}
	return marks, nil
}

// RecordDemoRows notes every row above marks as the demo's, with its
// updated_at as it is now.
func (s *Store) RecordDemoRows(ctx context.Context, marks map[string]int64) error {
	return s.inTx(ctx, "Store.RecordDemoRows", func(tx pgx.Tx) error {
		for _, t := range demoTables {
			stamp := "NULL::timestamptz"
			if t.updated {
				stamp = "updated_at"
			}
			if _, err := tx.Exec(ctx, "INSERT INTO demo_rows (tbl, id, stamp) SELECT $1, id, "+stamp+" FROM "+t.name+
				" WHERE id > $2 ON CONFLICT DO NOTHING -- Store.RecordDemoRows", t.name, marks[t.name]); err != nil {
				return err
			}
		}
		return nil
	})
}

// demoRow is a row the demo wrote, with its updated_at when the load ended.
type demoRow struct {
	ID    int64
	Stamp *time.Time
}

// DemoRemoval is what RemoveDemo did to one table.
type DemoRemoval struct {
	Table   string
	Removed int
	Edited  int // changed since the demo wrote it: kept
	InUse   int // still used by something people made: kept
}

// RemoveDemo deletes the rows the demo wrote and nobody changed since, in
// one transaction: a row edited after the load (its updated_at moved, a
// page's words saved, a ticket checked in) or still used by a row people
// made is kept and counted. The demo's record of a kind it emptied is
// dropped, so a later portal demo may fill it again.
func (s *Store) RemoveDemo(ctx context.Context) ([]DemoRemoval, error) {
	var out []DemoRemoval
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		out = out[:0]
		for _, t := range demoTables {
			r := DemoRemoval{Table: t.name}
			rows, _ := tx.Query(ctx, "SELECT id, stamp FROM demo_rows WHERE tbl = $1 ORDER BY id -- Store.RemoveDemo", t.name)
			marks, err := pgx.CollectRows(rows, pgx.RowToStructByPos[demoRow])
			if err != nil {
				return err
			}
			for _, m := range marks {
				if edited, err := demoRowEdited(ctx, tx, t.name, t.updated, m.ID, m.Stamp); err != nil {
					return err
				} else if edited {
					r.Edited++
					continue
				}
				// A savepoint, so that a row still referenced is kept and the rest go on.
				var gone int64
				err := pgx.BeginFunc(ctx, tx, func(sp pgx.Tx) error {
					tag, err := sp.Exec(ctx, "DELETE FROM "+t.name+" WHERE id = $1 -- Store.RemoveDemo", m.ID)
					gone = tag.RowsAffected()
					return err
				})
				var pe *pgconn.PgError
				switch {
				case errors.As(err, &pe) && pe.Code == "23503": // foreign_key_violation
					r.InUse++
					continue
				case err != nil:
					return err
				}
				if _, err := tx.Exec(ctx, "DELETE FROM demo_rows WHERE tbl = $1 AND id = $2 -- Store.RemoveDemo", t.name, m.ID); err != nil {
					return err
				}
				// A row staff deleted (or that went with its parent) was not ours to remove.
				r.Removed += int(gone)
			}
			out = append(out, r)
		}
		_, err := tx.Exec(ctx, `DELETE FROM demo_content d WHERE NOT EXISTS (SELECT 1 FROM demo_rows r WHERE r.tbl = d.kind) -- Store.RemoveDemo`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("Store.RemoveDemo: %w", err)
	}
	return out, nil
}

// demoRowEdited reports whether someone changed a demo row since the load.
func demoRowEdited(ctx context.Context, tx pgx.Tx, table string, updated bool, id int64, stamp *time.Time) (bool, error) {
	var sql string
	switch {
	case table == "pages":
		// A page's words are saved in page_translations.
		sql = `SELECT p.updated_at IS DISTINCT FROM $2::timestamptz OR EXISTS (SELECT 1 FROM page_translations t
			WHERE t.page_id = p.id AND t.updated_at > $2::timestamptz) FROM pages p WHERE p.id = $1`
	case table == "registrations":
		// The demo checks nobody in: a check-in is the door staff's.
		sql = `SELECT EXISTS (SELECT 1 FROM checkins c WHERE c.registration_id = r.id) FROM registrations r WHERE r.id = $1`
	case table == "booth_applications":
		// An organiser's note is work on it, whether or not the status moved.
		// The demo's own notes are older than its record of the load.
		sql = `SELECT a.updated_at IS DISTINCT FROM $2::timestamptz OR EXISTS (SELECT 1 FROM booth_application_notes n
			WHERE n.application_id = a.id AND n.created_at > coalesce((SELECT d.loaded_at FROM demo_content d
			WHERE d.kind = 'booth_applications'), '-infinity')) FROM booth_applications a WHERE a.id = $1`
	case table == "booths":
		// An application held on it would lose its booth (ON DELETE SET NULL).
		sql = `SELECT b.updated_at IS DISTINCT FROM $2::timestamptz OR EXISTS (SELECT 1 FROM booth_applications a
			WHERE a.booth_id = b.id) FROM booths b WHERE b.id = $1`
	case table == "media":
		// An exhibitor's logo would be unset and a photo story lose a photo,
		// both silently (SET NULL, CASCADE); other uses refuse the delete.
		sql = `SELECT EXISTS (SELECT 1 FROM exhibitors e WHERE e.logo_id = m.id)
			OR EXISTS (SELECT 1 FROM article_photos p WHERE p.media_id = m.id) FROM media m WHERE m.id = $1`
	case table == "visitor_groups":
		// A delegation whose kept ticket would go with it (ON DELETE CASCADE).
		sql = `SELECT EXISTS (SELECT 1 FROM registrations r WHERE r.group_id = g.id) FROM visitor_groups g WHERE g.id = $1`
	case updated:
		sql = "SELECT updated_at IS DISTINCT FROM $2::timestamptz FROM " + table + " WHERE id = $1"
	default:
		return false, nil
	}
	args := []any{id, stamp}
	if !updated {
		args = args[:1]
	}
	var edited bool
	err := tx.QueryRow(ctx, sql+" -- demoRowEdited", args...).Scan(&edited)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil // gone already (removed with its parent)
	}
	return edited, err
}

// DemoLeft counts, by table, the demo's rows that are still there and
// unchanged since it wrote them: what portal demo --remove would take.
func (s *Store) DemoLeft(ctx context.Context) (map[string]int64, error) {
	parts := make([]string, len(demoTables))
	for i, t := range demoTables {
		cond := "true"
		if t.updated {
			cond = "x.updated_at IS NOT DISTINCT FROM d.stamp"
		}
		// Names from the list above, never input.
		parts[i] = fmt.Sprintf("SELECT '%[1]s', count(*) FROM demo_rows d JOIN %[1]s x ON x.id = d.id WHERE d.tbl = '%[1]s' AND %[2]s", t.name, cond)
	}
	return s.countsByKind(ctx, "Store.DemoLeft", strings.Join(parts, " UNION ALL "))
}
