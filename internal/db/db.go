// Package db opens the connection pool, applies migrations and runs
// transactions.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

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

// Migrate is Up for callers that only want it done, followed by the job
// queue's own migrations (river's tables: the durable outbox and periodic
// jobs), so every database the portal uses has both.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	m, err := NewMigrator(pool)
	if err != nil {
		return err
	}
	defer m.Close()
	if _, err = m.Up(ctx); err != nil {
		return err
	}
	return MigrateJobs(ctx, pool)
}

// jobsMigrationLock is the advisory lock key that makes instances starting
// together take turns at river's migrations, as goose's session lock does
// for ours (rivermigrate takes no lock of its own).
const jobsMigrationLock = 7_310_017_002

// MigrateJobs applies river's pending migrations.
func MigrateJobs(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("db.MigrateJobs: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(jobsMigrationLock)); err != nil {
		return fmt.Errorf("db.MigrateJobs: %w", err)
	}
	defer func() {
		_, _ = conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", int64(jobsMigrationLock))
	}()
	rm, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("db.MigrateJobs: %w", err)
	}
	if _, err := rm.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("db.MigrateJobs: %w", err)
	}
	return nil
}

// InTx runs fn in a transaction, committing when it returns nil.
func InTx(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, pool, fn)
}
