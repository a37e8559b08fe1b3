package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Booth types: what a booth is sold as, and so which price-list kind
// prices it (standard: the 'booth' price per booth; raw: the 'space' price
// per square metre).
var BoothTypes = []string{"standard", "raw"}

// Booth statuses: available to apply for, held while an application for it
// is open, sold once one is approved.
var BoothStatuses = []string{"available", "held", "sold"}

// Booth is one booth on a hall's grid, in whole metres from the hall's
// top-left corner.
type Booth struct {
	ID        int64
	Hall      string
	Number    string
	X, Y      int
	Width     int
	Depth     int
	Type      string
	Status    string
	UpdatedAt time.Time
	Version   int // counts saves; the editor refuses a save based on an old one
}

// Area is the booth's floor space in square metres.
func (b Booth) Area() int { return b.Width * b.Depth }

// PriceKind is the price-list kind (store.Charge.Kind) the booth is sold under.
func (b Booth) PriceKind() string {
	if b.Type == "raw" {
		return "space"
	}
	return "booth"
}

const boothColumns = "id, hall, number, x, y, width, depth, type, status, updated_at, version"

func scanBooth(row pgx.CollectableRow) (Booth, error) {
	var b Booth
	err := row.Scan(&b.ID, &b.Hall, &b.Number, &b.X, &b.Y, &b.Width, &b.Depth, &b.Type, &b.Status, &b.UpdatedAt, &b.Version)
	return b, err
}

const boothsSQL = "SELECT " + boothColumns + " FROM booths ORDER BY hall, number -- Store.Booths"

// Booths lists every booth, by hall and number.
func (s *Store) Booths(ctx context.Context) ([]Booth, error) {
	rows, _ := s.pool.Query(ctx, boothsSQL)
	bs, err := pgx.CollectRows(rows, scanBooth)
	if err != nil {
		return nil, fmt.Errorf("Store.Booths: %w", err)
	}
	return bs, nil
}

// BoothByNumber finds a booth by its number ("1A01").
func (s *Store) BoothByNumber(ctx context.Context, number string) (Booth, error) {
	rows, _ := s.pool.Query(ctx, "SELECT "+boothColumns+" FROM booths WHERE number = $1 -- Store.BoothByNumber", number)
	b, err := pgx.CollectExactlyOneRow(rows, scanBooth)
	if errors.Is(err, pgx.ErrNoRows) {
		return Booth{}, fmt.Errorf("Store.BoothByNumber(%s): %w", number, ErrNotFound)
	}
	if err != nil {
		return Booth{}, fmt.Errorf("Store.BoothByNumber(%s): %w", number, err)
	}
	return b, nil
}

// Booth finds a booth by id.
func (s *Store) Booth(ctx context.Context, id int64) (Booth, error) {
	rows, _ := s.pool.Query(ctx, "SELECT "+boothColumns+" FROM booths WHERE id = $1 -- Store.Booth", id)
	b, err := pgx.CollectExactlyOneRow(rows, scanBooth)
	if errors.Is(err, pgx.ErrNoRows) {
		return Booth{}, fmt.Errorf("Store.Booth(%d): %w", id, ErrNotFound)
	}
	if err != nil {
		return Booth{}, fmt.Errorf("Store.Booth(%d): %w", id, err)
	}
	return b, nil
}

// HallMap is what a hall map is drawn from besides the halls (which the
// page frame keeps): every booth (by hall and number) and the prices in
// force on day, read in one round trip (a batch of Booths and
// ChargesInForce).
func (s *Store) HallMap(ctx context.Context, day time.Time) (booths []Booth, inForce []Charge, err error) {
	b := &pgx.Batch{}
	b.Queue(boothsSQL).Query(func(rows pgx.Rows) (err error) {
		booths, err = pgx.CollectRows(rows, scanBooth)
		return err
	})
	b.Queue(chargesInForceSQL, dateOf(day)).Query(func(rows pgx.Rows) (err error) {
		inForce, err = pgx.CollectRows(rows, scanChargeInForce)
		return err
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, nil, fmt.Errorf("Store.HallMap: %w", err)
	}
	return booths, inForce, nil
}
