package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Hall is one hall (or outdoor area) of the show: its code, which booth
// numbers usually start with, its name in each language, its place in
// the order, and its outline and doors on the booths' metre grid.
type Hall struct {
	Code     string
	Names    map[string]string // by language; a missing language has no entry
	Position int
	// Width and Depth are the outline in metres; 0 when none is drawn
	// yet, and the map is drawn round the booths.
	Width, Depth int
	Doors        []Entrance
	Version      int // counts saves; the editor refuses a save based on an old one
}

// Drawn reports whether the hall has an outline.
func (h Hall) Drawn() bool { return h.Width > 0 && h.Depth > 0 }

// Name is the hall's name in lang, else in another language (by code, so
// the choice is stable), else its code.
func (h Hall) Name(lang string) string {
	if n := h.Names[lang]; n != "" {
		return n
	}
	for _, l := range slices.Sorted(maps.Keys(h.Names)) {
		if h.Names[l] != "" {
			return h.Names[l]
		}
	}
	return h.Code
}

// Halls are the halls in their order.
type Halls []Hall

// Codes lists the halls' codes in order.
func (hs Halls) Codes() []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Code
	}
	return out
}

// Find is the hall with code.
func (hs Halls) Find(code string) (Hall, bool) {
	for _, h := range hs {
		if h.Code == code {
			return h, true
		}
	}
	return Hall{}, false
}

// Name is the name of the hall with code in lang; a code no hall has is
// shown as it is.
func (hs Halls) Name(code, lang string) string {
	if h, ok := hs.Find(code); ok {
		return h.Name(lang)
	}
	return code
}

// HallPlan is a hall's outline and doors, in metres, as the demo draws it.
type HallPlan struct {
	Hall      string
	Width     int
	Depth     int
	Entrances []Entrance
}

// Entrance is a door in a hall's wall: Side n, s, w or e; At metres from
// the wall's left or top end.
type Entrance struct {
	Side  string
	At    int
	Width int
}

// DoorSides are the walls a door can be in: top, bottom, left, right.
var DoorSides = []string{"n", "s", "w", "e"}

// HallConflict is why a hall cannot be saved or removed as asked: Field is
// the editor's field it belongs to, Reason what is wrong, Other the booth
// or exhibitor it runs into.
type HallConflict struct {
	Field  string // "code", "width", "depth"
	Reason string // "taken", "outside"
	Other  string
}

func (c *HallConflict) Error() string {
	return fmt.Sprintf("hall %s: %s %s", c.Field, c.Reason, c.Other)
}

const hallsSQL = `SELECT h.code, h.position, coalesce(h.width, 0), coalesce(h.depth, 0), h.version,
		coalesce((SELECT jsonb_object_agg(n.lang, n.name) FROM hall_names n WHERE n.hall = h.code), '{}'),
		coalesce((SELECT jsonb_agg(jsonb_build_object('Side', d.side, 'At', d.at, 'Width', d.width) ORDER BY d.side, d.at)
		          FROM hall_doors d WHERE d.hall = h.code), '[]')
		FROM halls h`

func scanHall(row pgx.CollectableRow) (Hall, error) {
	var h Hall
	err := row.Scan(&h.Code, &h.Position, &h.Width, &h.Depth, &h.Version, &h.Names, &h.Doors)
	return h, err
}

// Halls lists every hall in order.
func (s *Store) Halls(ctx context.Context) (Halls, error) {
	rows, _ := s.pool.Query(ctx, hallsSQL+" ORDER BY h.position, h.code -- Store.Halls")
	hs, err := pgx.CollectRows(rows, scanHall)
	if err != nil {
		return nil, fmt.Errorf("Store.Halls: %w", err)
	}
	return hs, nil
}

// Hall finds a hall by code.
func (s *Store) Hall(ctx context.Context, code string) (Hall, error) {
	rows, _ := s.pool.Query(ctx, hallsSQL+" WHERE h.code = $1 -- Store.Hall", code)
	h, err := oneRow(rows, scanHall)
	if err != nil {
		return Hall{}, fmt.Errorf("Store.Hall(%q): %w", code, err)
	}
	return h, nil
}

// HallUse is how many booths and exhibitors are in each hall, by code.
type HallUse struct{ Booths, Exhibitors int }

// HallUses counts the booths and exhibitors of every hall that has any.
func (s *Store) HallUses(ctx context.Context) (map[string]HallUse, error) {
	rows, _ := s.pool.Query(ctx, `SELECT h.code,
		(SELECT count(*) FROM booths b WHERE b.hall = h.code),
		(SELECT count(*) FROM exhibitors e WHERE e.hall_ref = h.code) FROM halls h -- Store.HallUses`)
	out := map[string]HallUse{}
	var code string
	var u HallUse
	if _, err := pgx.ForEachRow(rows, []any{&code, &u.Booths, &u.Exhibitors}, func() error { out[code] = u; return nil }); err != nil {
		return nil, fmt.Errorf("Store.HallUses: %w", err)
	}
	return out, nil
}

// SaveHall creates (create true) or updates a hall with an audit entry, in
// one transaction: its names, place, outline and doors. An outline that
// leaves a booth outside is refused with a *HallConflict naming the booth;
// so is a new hall's code that another hall has. An update based on
// another version than the saved one writes nothing and returns
// ErrConflict.
func (s *Store) SaveHall(ctx context.Context, h Hall, create bool, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// The booth editor takes the same lock to place a booth in this
		// hall: a booth saved while the hall shrinks cannot slip past the
		// new walls.
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended('booths.hall ' || $1, 0)) -- Store.SaveHall", h.Code); err != nil {
			return err
		}
		var before *Hall
		if create {
			tag, err := tx.Exec(ctx, `INSERT INTO halls (code, position, width, depth) VALUES ($1, $2, nullif($3, 0), nullif($4, 0))
				ON CONFLICT (code) DO NOTHING -- Store.SaveHall`, h.Code, h.Position, h.Width, h.Depth)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				return &HallConflict{Field: "code", Reason: "taken", Other: h.Code}
			}
		} else {
			rows, _ := tx.Query(ctx, hallsSQL+" WHERE h.code = $1 FOR UPDATE OF h -- Store.SaveHall", h.Code)
			old, err := lockedAt(rows, scanHall, h.Version)
			if err != nil {
				return err
			}
			before = &old
			if h.Drawn() {
				if err := boothsInside(ctx, tx, h); err != nil {
					return err
				}
			}
			if _, err := tx.Exec(ctx, `UPDATE halls SET position = $2, width = nullif($3, 0), depth = nullif($4, 0),
				updated_at = now(), version = version + 1 WHERE code = $1 -- Store.SaveHall`, h.Code, h.Position, h.Width, h.Depth); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "DELETE FROM hall_names WHERE hall = $1 -- Store.SaveHall", h.Code); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "DELETE FROM hall_doors WHERE hall = $1 -- Store.SaveHall", h.Code); err != nil {
				return err
			}
		}
		for _, l := range slices.Sorted(maps.Keys(h.Names)) {
			if strings.TrimSpace(h.Names[l]) == "" {
				continue
			}
			if _, err := tx.Exec(ctx, "INSERT INTO hall_names (hall, lang, name) VALUES ($1, $2, $3) -- Store.SaveHall", h.Code, l, h.Names[l]); err != nil {
				return err
			}
		}
		for _, d := range h.Doors {
			if _, err := tx.Exec(ctx, "INSERT INTO hall_doors (hall, side, at, width) VALUES ($1, $2, $3, $4) -- Store.SaveHall",
				h.Code, d.Side, d.At, d.Width); err != nil {
				return err
			}
		}
		action := "hall.create"
		if before != nil {
			action = "hall.update"
		}
		return auditTx(ctx, tx, userID, action, "hall "+h.Code, hallChanges(before, h))
	})
	if err != nil {
		return fmt.Errorf("Store.SaveHall(%q): %w", h.Code, err)
	}
	return nil
}

// boothsInside refuses an outline that would leave one of the hall's
// booths (the first by number) past its walls.
func boothsInside(ctx context.Context, tx pgx.Tx, h Hall) error {
	var number string
	var pastWidth bool
	err := tx.QueryRow(ctx, `SELECT number, x + width > $2 FROM booths WHERE hall = $1 AND (x + width > $2 OR y + depth > $3)
		ORDER BY number LIMIT 1 -- boothsInside`, h.Code, h.Width, h.Depth).Scan(&number, &pastWidth)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	} else if err != nil {
		return err
	}
	field := "depth"
	if pastWidth {
		field = "width"
	}
	return &HallConflict{Field: field, Reason: "outside", Other: number}
}

// DeleteHall removes a hall, its names and doors, with an audit entry.
// While a booth or an exhibitor is in the hall it is refused with a
// *HallConflict naming the first booth (or exhibitor) and how many there
// are: they must move or go first.
func (s *Store) DeleteHall(ctx context.Context, code string, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Locked so no booth or exhibitor can be put in it meanwhile (their
		// references need a share lock on this row).
		var c string
		if err := tx.QueryRow(ctx, "SELECT code FROM halls WHERE code = $1 FOR UPDATE -- Store.DeleteHall", code).Scan(&c); errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		if err := hallUnused(ctx, tx, code); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM halls WHERE code = $1 -- Store.DeleteHall", code); err != nil {
			var pg *pgconn.PgError
			if errors.As(err, &pg) && pg.Code == "23503" { // a reference the check above did not see
				return &HallInUse{}
			}
			return err
		}
		return auditTx(ctx, tx, userID, "hall.delete", "hall "+code, "deleted")
	})
	if err != nil {
		return fmt.Errorf("Store.DeleteHall(%q): %w", code, err)
	}
	return nil
}

// HallInUse says what keeps a hall from going: its booths and exhibitors,
// how many, and the first of each.
type HallInUse struct {
	Booths, Exhibitors int
	Booth, Exhibitor   string // the first booth's number, the first exhibitor's name
}

func (u *HallInUse) Error() string {
	return fmt.Sprintf("hall in use: %d booths (%s), %d exhibitors (%s)", u.Booths, u.Booth, u.Exhibitors, u.Exhibitor)
}

// HallUnused is nil when nothing is in the hall, else a *HallInUse saying
// what is: for the confirmation, which says so before asking.
func (s *Store) HallUnused(ctx context.Context, code string) error {
	if err := hallUnused(ctx, s.pool, code); err != nil {
		return fmt.Errorf("Store.HallUnused(%q): %w", code, err)
	}
	return nil
}

func hallUnused(ctx context.Context, q boothQuerier, code string) error {
	u := &HallInUse{}
	err := q.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM booths WHERE hall = $1),
		coalesce((SELECT min(number) FROM booths WHERE hall = $1), ''),
		(SELECT count(*) FROM exhibitors WHERE hall_ref = $1),
		coalesce((SELECT t.name FROM exhibitors e JOIN exhibitor_texts t ON t.exhibitor_id = e.id
		          WHERE e.hall_ref = $1 ORDER BY e.id, t.lang LIMIT 1), '') -- hallUnused`, code).
		Scan(&u.Booths, &u.Booth, &u.Exhibitors, &u.Exhibitor)
	if err != nil {
		return err
	}
	if u.Booths > 0 || u.Exhibitors > 0 {
		return u
	}
	return nil
}

// hallChanges says what a save changed, before -> after; with no before,
// it describes the hall as saved.
func hallChanges(before *Hall, h Hall) string {
	var o Hall
	if before != nil {
		o = *before
	}
	c := changeList{fresh: before == nil}
	for _, l := range slices.Sorted(maps.Keys(h.Names)) {
		c.add("name "+l, o.Names[l], h.Names[l])
	}
	c.add("position", fmt.Sprint(o.Position), fmt.Sprint(h.Position))
	c.add("size", fmt.Sprintf("%dx%d", o.Width, o.Depth), fmt.Sprintf("%dx%d", h.Width, h.Depth))
	c.add("doors", doorList(o.Doors), doorList(h.Doors))
	return c.String()
}

func doorList(ds []Entrance) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = fmt.Sprintf("%s%d+%d", d.Side, d.At, d.Width)
	}
	return strings.Join(parts, ",")
}

// MoveHall moves a hall one place up (earlier) or down in the order, with
// an audit entry; at either end it stays. The halls are numbered 1, 2, 3...
// afresh, so halls that shared a position get one each.
func (s *Store) MoveHall(ctx context.Context, code string, up bool, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, "SELECT code FROM halls ORDER BY position, code FOR UPDATE -- Store.MoveHall")
		codes, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		i := slices.Index(codes, code)
		if i < 0 {
			return ErrNotFound
		}
		j := i + 1
		if up {
			j = i - 1
		}
		if j < 0 || j >= len(codes) {
			return nil
		}
		codes[i], codes[j] = codes[j], codes[i]
		// Each hall's save counts as a change of its version, so an editor
		// opened before the move does not put the old position back.
		if _, err := tx.Exec(ctx, `UPDATE halls h SET position = o.n, updated_at = now(), version = version + 1
			FROM unnest($1::text[]) WITH ORDINALITY AS o(code, n) WHERE h.code = o.code AND h.position <> o.n -- Store.MoveHall`, codes); err != nil {
			return err
		}
		dir := "down"
		if up {
			dir = "up"
		}
		return auditTx(ctx, tx, userID, "hall.move", "hall "+code, dir+": "+strings.Join(codes, ","))
	})
	if err != nil {
		return fmt.Errorf("Store.MoveHall(%q): %w", code, err)
	}
	return nil
}

// NextHallPosition is the position after the last hall's, for a new one.
func (s *Store) NextHallPosition(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT coalesce(max(position), 0) + 1 FROM halls -- Store.NextHallPosition").Scan(&n); err != nil {
		return 0, fmt.Errorf("Store.NextHallPosition: %w", err)
	}
	return n, nil
}
