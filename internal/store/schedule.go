package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// EventKinds are the kinds of schedule event, in the order forms list them.
var EventKinds = []string{"opening", "forum", "hours", "award", "other"}

// EventText is an event's words in one language.
type EventText struct {
	Lang        string `json:"-"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Venue       string `json:"venue"`
}

// Event is a schedule event with its words in every language.
type Event struct {
	ID        int64
	Kind      string
	StartsAt  time.Time
	EndsAt    time.Time
	UID       string // iCalendar UID, fixed at creation
	Sequence  int    // iCalendar SEQUENCE, bumped when the time moves
	UpdatedAt time.Time
	Texts     map[string]EventText // by language
	// Version counts saves; the editor sends back the one it opened, and a
	// save based on an older one is refused (ErrConflict).
	Version int
}

// ScheduleItem is an event in one language, for the public schedule.
type ScheduleItem struct {
	ID          int64     `db:"id"`
	Kind        string    `db:"kind"`
	StartsAt    time.Time `db:"starts_at"`
	EndsAt      time.Time `db:"ends_at"`
	UID         string    `db:"uid"`
	Sequence    int       `db:"sequence"`
	UpdatedAt   time.Time `db:"updated_at"`
	Lang        string    `db:"lang"` // the language of the words below
	Title       string    `db:"title"`
	Description string    `db:"description"`
	Venue       string    `db:"venue"`
}

// scheduleItems picks each event's words in lang, else in the first
// language (by position) that has them.
const scheduleItems = `
	SELECT e.id, e.kind, e.starts_at, e.ends_at, e.uid, e.sequence, e.updated_at,
	       t.lang, t.title, t.description, t.venue
	FROM schedule_events e
	CROSS JOIN LATERAL (
		SELECT t.lang, t.title, t.description, t.venue FROM schedule_event_texts t
		JOIN languages l ON l.code = t.lang
		WHERE t.event_id = e.id ORDER BY t.lang = $1 DESC, l.position LIMIT 1) t`

// Schedule lists every event in lang, in time order.
func (s *Store) Schedule(ctx context.Context, lang string) ([]ScheduleItem, error) {
	rows, _ := s.pool.Query(ctx, "-- Store.Schedule"+scheduleItems+" ORDER BY e.starts_at, e.ends_at, e.id", lang)
	list, err := pgx.CollectRows(rows, pgx.RowToStructByName[ScheduleItem])
	if err != nil {
		return nil, fmt.Errorf("Store.Schedule(%q): %w", lang, err)
	}
	return list, nil
}

// ScheduleEvent is one event in lang.
func (s *Store) ScheduleEvent(ctx context.Context, id int64, lang string) (ScheduleItem, error) {
	rows, _ := s.pool.Query(ctx, "-- Store.ScheduleEvent"+scheduleItems+" WHERE e.id = $2", lang, id)
	it, err := oneRow(rows, pgx.RowToStructByName[ScheduleItem])
	if err != nil {
		return it, fmt.Errorf("Store.ScheduleEvent(%d): %w", id, err)
	}
	return it, nil
}

// EventForEdit loads an event with its words in every language.
func (s *Store) EventForEdit(ctx context.Context, id int64) (Event, error) {
	e, err := eventForEdit(ctx, s.pool, id, false)
	if err != nil {
		return e, fmt.Errorf("Store.EventForEdit(%d): %w", id, err)
	}
	return e, nil
}

type querier interface {
	QueryRow(context.Context, string, ...any) pgx.Row
	Query(context.Context, string, ...any) (pgx.Rows, error)
}

// eventForEdit reads an event; lock holds its row until the transaction ends.
func eventForEdit(ctx context.Context, q querier, id int64, lock bool) (Event, error) {
	e := Event{ID: id, Texts: map[string]EventText{}}
	sql := "SELECT kind, starts_at, ends_at, uid, sequence, updated_at, version FROM schedule_events WHERE id = $1"
	if lock {
		sql += " FOR UPDATE"
	}
	err := q.QueryRow(ctx, sql+" -- Store.EventForEdit", id).Scan(&e.Kind, &e.StartsAt, &e.EndsAt, &e.UID, &e.Sequence, &e.UpdatedAt, &e.Version)
	if errors.Is(err, pgx.ErrNoRows) {
		return e, ErrNotFound
	} else if err != nil {
		return e, err
	}
	rows, _ := q.Query(ctx, "SELECT lang, title, description, venue FROM schedule_event_texts WHERE event_id = $1 -- Store.EventForEdit", id)
	var t EventText
	_, err = pgx.ForEachRow(rows, []any{&t.Lang, &t.Title, &t.Description, &t.Venue}, func() error {
		e.Texts[t.Lang] = t
		return nil
	})
	return e, err
}

// SaveEvent creates (ID 0) or updates an event in one transaction: its
// fields, its words (a language without a title is removed), a change for
// the feed when the time or the words changed, and the audit log. The
// SEQUENCE goes up when the time moves; the UID never changes. An update
// based on another version than the saved one writes nothing and returns
// ErrConflict.
func (s *Store) SaveEvent(ctx context.Context, e Event, userID int64) (Event, error) {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var before *Event
		if e.ID != 0 {
			b, err := eventForEdit(ctx, tx, e.ID, true)
			if err != nil {
				return err
			}
			if b.Version != e.Version {
				return ErrConflict
			}
			before = &b
		}
		if before == nil {
			if err := tx.QueryRow(ctx, `INSERT INTO schedule_events (kind, starts_at, ends_at) VALUES ($1, $2, $3)
				RETURNING id, uid, sequence, updated_at, version -- Store.SaveEvent`, e.Kind, e.StartsAt, e.EndsAt).
				Scan(&e.ID, &e.UID, &e.Sequence, &e.UpdatedAt, &e.Version); err != nil {
				return err
			}
		} else {
			moved := !before.StartsAt.Equal(e.StartsAt) || !before.EndsAt.Equal(e.EndsAt)
			if err := tx.QueryRow(ctx, `UPDATE schedule_events SET kind = $2, starts_at = $3, ends_at = $4,
				sequence = sequence + CASE WHEN $5 THEN 1 ELSE 0 END, updated_at = now(), version = version + 1
				WHERE id = $1 RETURNING uid, sequence, updated_at, version -- Store.SaveEvent`, e.ID, e.Kind, e.StartsAt, e.EndsAt, moved).
				Scan(&e.UID, &e.Sequence, &e.UpdatedAt, &e.Version); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "DELETE FROM schedule_event_texts WHERE event_id = $1 -- Store.SaveEvent", e.ID); err != nil {
				return err
			}
		}
		texts := map[string]EventText{}
		for l, t := range e.Texts {
			if t.Title == "" {
				continue
			}
			t.Lang = l
			texts[l] = t
			if _, err := tx.Exec(ctx, `INSERT INTO schedule_event_texts (event_id, lang, title, description, venue)
				VALUES ($1, $2, $3, $4, $5) -- Store.SaveEvent`, e.ID, l, t.Title, t.Description, t.Venue); err != nil {
				return err
			}
		}
		e.Texts = texts
		what, summary := eventChange(before, e)
		if what != "" {
			var oldStart, oldEnd *time.Time
			if before != nil {
				oldStart, oldEnd = &before.StartsAt, &before.EndsAt
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schedule_changes (event_id, what, old_starts_at, old_ends_at, new_starts_at, new_ends_at, titles)
				VALUES ($1, $2, $3, $4, $5, $6, $7) -- Store.SaveEvent`,
				e.ID, what, oldStart, oldEnd, e.StartsAt, e.EndsAt, titles(e.Texts)); err != nil {
				return err
			}
		}
		action := "schedule.update"
		if before == nil {
			action = "schedule.create"
		}
		return auditTx(ctx, tx, userID, action, fmt.Sprintf("event %d", e.ID), summary)
	})
	if err != nil {
		return e, fmt.Errorf("Store.SaveEvent(%d): %w", e.ID, err)
	}
	return e, nil
}

// DeleteEvent removes an event, recording it as cancelled for the feed and
// in the audit log, in one transaction.
func (s *Store) DeleteEvent(ctx context.Context, id int64, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		e, err := eventForEdit(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM schedule_events WHERE id = $1 -- Store.DeleteEvent", id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schedule_changes (event_id, what, old_starts_at, old_ends_at, titles)
			VALUES ($1, 'cancelled', $2, $3, $4) -- Store.DeleteEvent`, id, e.StartsAt, e.EndsAt, titles(e.Texts)); err != nil {
			return err
		}
		return auditTx(ctx, tx, userID, "schedule.delete", fmt.Sprintf("event %d", id),
			fmt.Sprintf("deleted: %s, %s, %s", e.Kind, auditSpan(e.StartsAt, e.EndsAt), titleList(e.Texts)))
	})
	if err != nil {
		return fmt.Errorf("Store.DeleteEvent(%d): %w", id, err)
	}
	return nil
}

// ScheduleChange is an entry of the schedule's change feed.
type ScheduleChange struct {
	ID          int64
	EventID     int64
	ChangedAt   time.Time
	What        string // added, moved, changed, cancelled
	OldStartsAt *time.Time
	OldEndsAt   *time.Time
	NewStartsAt *time.Time
	NewEndsAt   *time.Time
	Titles      map[string]string // by language, as they were then
}

// Title is the change's title in lang, else in another language.
func (c ScheduleChange) Title(lang string) (title, in string) {
	if t, ok := c.Titles[lang]; ok {
		return t, lang
	}
	for _, l := range slices.Sorted(maps.Keys(c.Titles)) {
		return c.Titles[l], l
	}
	return "", lang
}

// ScheduleChanges lists the latest n changes, newest first.
func (s *Store) ScheduleChanges(ctx context.Context, n int) ([]ScheduleChange, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, event_id, changed_at, what, old_starts_at, old_ends_at, new_starts_at, new_ends_at, titles
		FROM schedule_changes ORDER BY changed_at DESC, id DESC LIMIT $1 -- Store.ScheduleChanges`, n)
	if err != nil {
		return nil, fmt.Errorf("Store.ScheduleChanges: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ScheduleChange, error) {
		var c ScheduleChange
		err := row.Scan(&c.ID, &c.EventID, &c.ChangedAt, &c.What, &c.OldStartsAt, &c.OldEndsAt, &c.NewStartsAt, &c.NewEndsAt, &c.Titles)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("Store.ScheduleChanges: %w", err)
	}
	return list, nil
}

// InsertScheduleIfEmpty writes the demo events into a schedule that never
// had any (a deleted event left a change behind). It writes no changes:
// the feed is for staff edits.
func (s *Store) InsertScheduleIfEmpty(ctx context.Context, events []Event) error {
	err := s.fillIfEmpty(ctx, "schedule_events", "SELECT 1 FROM schedule_events UNION ALL SELECT 1 FROM schedule_changes", func(tx pgx.Tx) error {
		for _, e := range events {
			var id int64
			if err := tx.QueryRow(ctx, `INSERT INTO schedule_events (kind, starts_at, ends_at) VALUES ($1, $2, $3)
				RETURNING id -- Store.InsertScheduleIfEmpty`, e.Kind, e.StartsAt, e.EndsAt).Scan(&id); err != nil {
				return err
			}
			for l, t := range e.Texts {
				if _, err := tx.Exec(ctx, `INSERT INTO schedule_event_texts (event_id, lang, title, description, venue)
					VALUES ($1, $2, $3, $4, $5) -- Store.InsertScheduleIfEmpty`, id, l, t.Title, t.Description, t.Venue); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.InsertScheduleIfEmpty: %w", err)
	}
	return nil
}

func titles(texts map[string]EventText) map[string]string {
	out := map[string]string{}
	for l, t := range texts {
		out[l] = t.Title
	}
	return out
}

func titleList(texts map[string]EventText) string {
	var parts []string
	for _, l := range slices.Sorted(maps.Keys(texts)) {
		parts = append(parts, fmt.Sprintf("%s %q", l, texts[l].Title))
	}
	return strings.Join(parts, ", ")
}

// auditSpan is a time range as the audit log writes times: UTC.
func auditSpan(a, b time.Time) string {
	return a.UTC().Format("2006-01-02 15:04Z") + "–" + b.UTC().Format("2006-01-02 15:04Z")
}

// eventChange says what a save changed: the feed's kind of change (""
// when nothing a visitor sees changed) and the audit summary, before -> after.
func eventChange(before *Event, after Event) (what, summary string) {
	if before == nil {
		return "added", fmt.Sprintf("new: %s, %s, %s", after.Kind, auditSpan(after.StartsAt, after.EndsAt), titleList(after.Texts))
	}
	var parts []string
	moved := !before.StartsAt.Equal(after.StartsAt) || !before.EndsAt.Equal(after.EndsAt)
	if moved {
		parts = append(parts, fmt.Sprintf("time %s -> %s (sequence %d)", auditSpan(before.StartsAt, before.EndsAt), auditSpan(after.StartsAt, after.EndsAt), after.Sequence))
	}
	if before.Kind != after.Kind {
		parts = append(parts, fmt.Sprintf("kind %s -> %s", before.Kind, after.Kind))
	}
	for _, l := range langsOf(before.Texts, after.Texts) {
		b, had := before.Texts[l]
		a, has := after.Texts[l]
		switch {
		case !has:
			parts = append(parts, l+" removed")
		case !had:
			parts = append(parts, fmt.Sprintf("%s added %q", l, a.Title))
		default:
			if b.Title != a.Title {
				parts = append(parts, fmt.Sprintf("%s title %q -> %q", l, b.Title, a.Title))
			}
			if b.Venue != a.Venue {
				parts = append(parts, fmt.Sprintf("%s venue %q -> %q", l, b.Venue, a.Venue))
			}
			if b.Description != a.Description {
				parts = append(parts, l+" description edited")
			}
		}
	}
	switch {
	case len(parts) == 0:
		return "", "no change"
	case moved:
		what = "moved"
	default:
		what = "changed"
	}
	return what, strings.Join(parts, "; ")
}
