// Package db opens the connection pool, applies migrations and runs
// transactions.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/expoportal/portal/migrations"
)

// Open connects a pool and checks the server answers.
func Open(ctx context.Context, connString string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		return nil, fmt.Errorf("db.Open: %w", err)
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "portal"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("db.Open: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("db.Open: %w", err)
	}
	return pool, nil
}

// Migrator applies the embedded migrations. A Postgres session lock makes
// instances that start together take turns instead of racing.
type Migrator struct {
	db       *sql.DB
	provider *goose.Provider
}

// NewMigrator wraps pool for goose, which speaks database/sql.
func NewMigrator(pool *pgxpool.Pool) (*Migrator, error) {
	return newMigrator(pool, migrations.FS)
}

func newMigrator(pool *pgxpool.Pool, files fs.FS) (*Migrator, error) {
	sqlDB := stdlib.OpenDBFromPool(pool)
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, fmt.Errorf("db.NewMigrator: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, files, goose.WithSessionLocker(locker))
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("db.NewMigrator: %w", err)
	}
	return &Migrator{db: sqlDB, provider: p}, nil
}

// Up applies every pending migration and returns those it applied.
func (m *Migrator) Up(ctx context.Context) ([]*goose.MigrationResult, error) {
	res, err := m.provider.Up(ctx)
	if err != nil {
		return res, fmt.Errorf("db.Migrator.Up: %w", err)
	}
	return res, nil
}

// Status lists every migration, applied or pending.
func (m *Migrator) Status(ctx context.Context) ([]*goose.MigrationStatus, error) {
	st, err := m.provider.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("db.Migrator.Status: %w", err)
	}
	return st, nil
}

// Close releases the database/sql wrapper (not the pool).
func (m *Migrator) Close() error { return m.db.Close() }

// Migrate is Up for callers that only want it done.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	m, err := NewMigrator(pool)
	if err != nil {
		return err
	}
	defer m.Close()
	_, err = m.Up(ctx)
	return err
}

// InTx runs fn in a transaction, committing when it returns nil.
func InTx(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, pool, fn)
}
