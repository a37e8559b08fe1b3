package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// ChargeKinds are the price list's groups, in the order it shows them.
var ChargeKinds = []string{"booth", "space", "surcharge", "advertising", "service", "other"}

// ChargeUnits are what a price is for.
var ChargeUnits = []string{"booth", "sqm", "item", "day", "piece", "kw", "line"}

// Charge is an item of the price list. Prices are minor units: fen and
// cents. ValidFrom and ValidUntil are calendar days (inclusive) in the
// expo's time zone, held as midnight UTC; nil means open-ended.
type Charge struct {
	ID         int64
	Kind       string
	Unit       string
	PriceCNY   int64
	PriceUSD   *int64
	ValidFrom  *time.Time
	ValidUntil *time.Time
	Sort       int
	UpdatedAt  time.Time
	Texts      map[string]ChargeText // by language
	// Version counts saves: an update names the version it was based on.
	Version int
	// Then is the item that takes over the day after this one ends (the
	// regular price after an early-bird one), when ChargesInForce finds one.
	Then *ChargePrice
}

// ChargePrice is an item's prices.
type ChargePrice struct {
	CNY int64
	USD *int64
}

// ChargeText is an item's name and note in one language.
type ChargeText struct {
	Lang, Name, Note string
}

// chargeColumns is what every query of charge_items reads, in scan order;
// texts come as a JSON object {lang: {"name":..., "note":...}}.
const chargeColumns = `c.id, c.kind, c.unit, c.price_cny, c.price_usd, c.valid_from, c.valid_until, c.sort, c.updated_at, c.version,
	coalesce((SELECT jsonb_object_agg(t.lang, jsonb_build_object('Lang', t.lang, 'Name', t.name, 'Note', t.note))
	          FROM charge_item_texts t WHERE t.item_id = c.id), '{}')`

// chargeOrder sorts by the kinds' order, then the staff's sort, then age.
const chargeOrder = `array_position(ARRAY['booth','space','surcharge','advertising','service','other'], c.kind), c.sort, c.id`

func scanCharge(row pgx.CollectableRow) (Charge, error) {
	var c Charge
	err := row.Scan(&c.ID, &c.Kind, &c.Unit, &c.PriceCNY, &c.PriceUSD, &c.ValidFrom, &c.ValidUntil, &c.Sort, &c.UpdatedAt, &c.Version, &c.Texts)
	return c, err
}

// ChargesInForce lists the items whose window holds day (a calendar date in
// the expo's time zone), in price-list order.
func (s *Store) ChargesInForce(ctx context.Context, day time.Time) ([]Charge, error) {
	rows, _ := s.pool.Query(ctx, chargesInForceSQL, dateOf(day))
	list, err := pgx.CollectRows(rows, scanChargeInForce)
	if err != nil {
		return nil, fmt.Errorf("Store.ChargesInForce(%s): %w", dateOf(day), err)
	}
	return list, nil
}

// chargesInForceSQL also finds each item's successor: the item of the same
// kind and unit that starts the day after it ends, whose price is the one
// an early-bird price saves on.
const chargesInForceSQL = `SELECT ` + chargeColumns + `, n.price_cny, n.price_usd FROM charge_items c
		LEFT JOIN LATERAL (SELECT x.price_cny, x.price_usd FROM charge_items x
			WHERE x.kind = c.kind AND x.unit = c.unit AND x.valid_from = c.valid_until + 1 ORDER BY x.sort, x.id LIMIT 1) n ON true
		WHERE (c.valid_from IS NULL OR c.valid_from <= $1::date) AND (c.valid_until IS NULL OR c.valid_until >= $1::date)
		ORDER BY ` + chargeOrder + ` -- Store.ChargesInForce`

func scanChargeInForce(row pgx.CollectableRow) (Charge, error) {
	var c Charge
	var then ChargePrice
	var thenCNY *int64
	err := row.Scan(&c.ID, &c.Kind, &c.Unit, &c.PriceCNY, &c.PriceUSD, &c.ValidFrom, &c.ValidUntil, &c.Sort, &c.UpdatedAt, &c.Version, &c.Texts,
		&thenCNY, &then.USD)
	if thenCNY != nil {
		then.CNY = *thenCNY
		c.Then = &then
	}
	return c, err
}

// dateOf is day's calendar date as written where day is.
func dateOf(day time.Time) string {
	return time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// Charges lists every item, past and future ones too, for the back office.
func (s *Store) Charges(ctx context.Context) ([]Charge, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+chargeColumns+` FROM charge_items c ORDER BY `+chargeOrder+` -- Store.Charges`)
	list, err := pgx.CollectRows(rows, scanCharge)
	if err != nil {
		return nil, fmt.Errorf("Store.Charges: %w", err)
	}
	return list, nil
}

// Charge loads one item.
func (s *Store) Charge(ctx context.Context, id int64) (Charge, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+chargeColumns+` FROM charge_items c WHERE c.id = $1 -- Store.Charge`, id)
	c, err := oneRow(rows, scanCharge)
	if err != nil {
		return c, fmt.Errorf("Store.Charge(%d): %w", id, err)
	}
	return c, nil
}

// ChargesUpdatedAt is when the price list last changed, for the sitemap;
// false when it is empty.
func (s *Store) ChargesUpdatedAt(ctx context.Context) (time.Time, bool, error) {
	var at *time.Time
	if err := s.pool.QueryRow(ctx, "SELECT max(updated_at) FROM charge_items -- Store.ChargesUpdatedAt").Scan(&at); err != nil {
		return time.Time{}, false, fmt.Errorf("Store.ChargesUpdatedAt: %w", err)
	}
	if at == nil {
		return time.Time{}, false, nil
	}
	return *at, true, nil
}

// SaveCharge creates (ID 0) or updates an item with its words (a language
// left out is removed) and an audit entry, in one transaction. It returns
// the item's id. An update based on another version than the saved one
// writes nothing and returns ErrConflict.
func (s *Store) SaveCharge(ctx context.Context, c Charge, userID int64) (int64, error) {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		action := "charge.create"
		var before *Charge
		if c.ID == 0 {
			if err := tx.QueryRow(ctx, `INSERT INTO charge_items (kind, unit, price_cny, price_usd, valid_from, valid_until, sort)
				VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id -- Store.SaveCharge`,
				c.Kind, c.Unit, c.PriceCNY, c.PriceUSD, c.ValidFrom, c.ValidUntil, c.Sort).Scan(&c.ID); err != nil {
				return err
			}
		} else {
			action = "charge.update"
			// Locked so that two saves at once audit what each really replaced.
			rows, _ := tx.Query(ctx, `SELECT `+chargeColumns+` FROM charge_items c WHERE c.id = $1 FOR UPDATE -- Store.SaveCharge`, c.ID)
			b, err := lockedAt(rows, scanCharge, c.Version)
			if err != nil {
				return err
			}
			before = &b
			if _, err := tx.Exec(ctx, `UPDATE charge_items SET kind = $2, unit = $3, price_cny = $4, price_usd = $5,
				valid_from = $6, valid_until = $7, sort = $8, updated_at = now(), version = version + 1 WHERE id = $1 -- Store.SaveCharge`,
				c.ID, c.Kind, c.Unit, c.PriceCNY, c.PriceUSD, c.ValidFrom, c.ValidUntil, c.Sort); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "DELETE FROM charge_item_texts WHERE item_id = $1 -- Store.SaveCharge", c.ID); err != nil {
				return err
			}
		}
		for _, t := range c.Texts {
			if _, err := tx.Exec(ctx, `INSERT INTO charge_item_texts (item_id, lang, name, note) VALUES ($1, $2, $3, $4) -- Store.SaveCharge`,
				c.ID, t.Lang, t.Name, t.Note); err != nil {
				return err
			}
		}
		return auditTx(ctx, tx, userID, action, chargeSubject(c), chargeChanges(before, c))
	})
	if err != nil {
		return 0, fmt.Errorf("Store.SaveCharge(%d): %w", c.ID, err)
	}
	return c.ID, nil
}

// DeleteCharge removes an item and its words, with an audit entry saying
// what it was.
func (s *Store) DeleteCharge(ctx context.Context, id, userID int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+chargeColumns+` FROM charge_items c WHERE c.id = $1 FOR UPDATE -- Store.DeleteCharge`, id)
		c, err := oneRow(rows, scanCharge)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM charge_items WHERE id = $1 -- Store.DeleteCharge", id); err != nil {
			return err
		}
		return auditTx(ctx, tx, userID, "charge.delete", chargeSubject(c), "deleted: "+chargeChanges(nil, c))
	})
	if err != nil {
		return fmt.Errorf("Store.DeleteCharge(%d): %w", id, err)
	}
	return nil
}

// InsertChargesIfEmpty writes the demo price list into an empty one.
func (s *Store) InsertChargesIfEmpty(ctx context.Context, items []Charge) error {
	err := s.fillIfEmpty(ctx, "charge_items", "SELECT 1 FROM charge_items", func(tx pgx.Tx) error {
		for _, c := range items {
			var id int64
			if err := tx.QueryRow(ctx, `INSERT INTO charge_items (kind, unit, price_cny, price_usd, valid_from, valid_until, sort)
				VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id -- Store.InsertChargesIfEmpty`,
				c.Kind, c.Unit, c.PriceCNY, c.PriceUSD, c.ValidFrom, c.ValidUntil, c.Sort).Scan(&id); err != nil {
				return err
			}
			for _, t := range c.Texts {
				if _, err := tx.Exec(ctx, `INSERT INTO charge_item_texts (item_id, lang, name, note) VALUES ($1, $2, $3, $4) -- Store.InsertChargesIfEmpty`,
					id, t.Lang, t.Name, t.Note); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.InsertChargesIfEmpty: %w", err)
	}
	return nil
}

// chargeSubject names an item in the audit log: its id and a name.
func chargeSubject(c Charge) string {
	name := ""
	for _, l := range slices.Sorted(maps.Keys(c.Texts)) {
		if name = c.Texts[l].Name; name != "" {
			break
		}
	}
	return fmt.Sprintf("#%d %s", c.ID, name)
}

// chargeChanges says what a save changed, before -> after; with no before,
// it describes the item as saved.
func chargeChanges(before *Charge, c Charge) string {
	var b Charge
	if before != nil {
		b = *before
	}
	ch := changeList{fresh: before == nil}
	ch.add("kind", b.Kind, c.Kind)
	ch.add("unit", b.Unit, c.Unit)
	ch.add("CNY", minorText(&b.PriceCNY), minorText(&c.PriceCNY))
	ch.add("USD", minorText(b.PriceUSD), minorText(c.PriceUSD))
	ch.add("from", dayText(b.ValidFrom), dayText(c.ValidFrom))
	ch.add("until", dayText(b.ValidUntil), dayText(c.ValidUntil))
	ch.add("sort", fmt.Sprint(b.Sort), fmt.Sprint(c.Sort))
	for _, l := range langsOf(b.Texts, c.Texts) {
		o, ok := b.Texts[l]
		n, kept := c.Texts[l]
		switch {
		case before != nil && ok && !kept:
			ch.note(l + " removed")
		case before == nil || o.Name != n.Name:
			ch.add(l+" name", fmt.Sprintf("%q", o.Name), fmt.Sprintf("%q", n.Name))
		}
		if before != nil && kept && ok && o.Note != n.Note {
			ch.note(l + " note edited")
		}
	}
	return ch.String()
}

// minorText writes minor units as a plain decimal for the audit log: 1280000 -> 12800.00.
func minorText(v *int64) string {
	if v == nil {
		return "none"
	}
	return fmt.Sprintf("%d.%02d", *v/100, *v%100)
}

func dayText(d *time.Time) string {
	if d == nil {
		return "open"
	}
	return d.Format(time.DateOnly)
}
