// Package backup writes the whole site (the database, which holds the
// media too) to one file and reads it back, with PostgreSQL's own pg_dump
// and pg_restore.
package backup

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/expoportal/portal/internal/pgembed"
	"github.com/expoportal/portal/internal/store"
)

// ErrNotEmpty is Restore's refusal of a database that holds a site.
var ErrNotEmpty = errors.New("the database holds a site already")

// Write dumps the database at conn into file, in pg_dump's custom format
// (compressed; pg_restore reads it). The file appears only when the dump is
// whole: it is written beside and renamed.
func Write(ctx context.Context, conn, file string) error {
	pgDump, err := pgembed.Tool("pg_dump")
	if err != nil {
		return err
	}
	tmp := file + ".partial"
	if err := run(ctx, pgDump, "--format=custom", "--no-owner", "--no-privileges", "--file="+tmp, "--dbname="+conn); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup.Write: %w", err)
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup.Write: %w", err)
	}
	return nil
}

// Restore reads file into the database at conn. A database holding a site
// (any content, account or visitor) is refused with ErrNotEmpty unless
// force; then what it held is dropped first. The restore is one
// transaction: a broken file leaves the database as it was.
func Restore(ctx context.Context, pool *pgxpool.Pool, conn, file string, force bool) error {
	if _, err := os.Stat(file); err != nil {
		return fmt.Errorf("backup.Restore: %w", err)
	}
	pgRestore, err := pgembed.Tool("pg_restore")
	if err != nil {
		return err
	}
	// pg_restore --list reads the whole table of contents: a file that is
	// not a dump is refused before anything is dropped.
	if err := run(ctx, pgRestore, "--list", file); err != nil {
		return fmt.Errorf("backup.Restore: %s is not a portal backup: %w", file, err)
	}
	held, err := holdsSite(ctx, pool)
	if err != nil {
		return fmt.Errorf("backup.Restore: %w", err)
	}
	if held != "" && !force {
		return fmt.Errorf("backup.Restore: %w (%s)", ErrNotEmpty, held)
	}
	// Only the portal's own schema goes: the tables migrations made, empty
	// or not, would stand in the restore's way.
	if _, err := pool.Exec(ctx, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public -- backup.Restore"); err != nil {
		return fmt.Errorf("backup.Restore: %w", err)
	}
	pool.Reset() // connections may have cached plans of dropped tables
	if err := run(ctx, pgRestore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname="+conn, file); err != nil {
		return fmt.Errorf("backup.Restore: %w", err)
	}
	return nil
}

// holdsSite says what the database holds that a restore would replace:
// "" when it has no portal tables, or only empty ones.
func holdsSite(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	var tables bool
	if err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'site_settings')`).Scan(&tables); err != nil || !tables {
		return "", err
	}
	counts, err := store.New(pool).ContentCounts(ctx)
	if err != nil {
		return "", err
	}
	var held []string
	for _, k := range store.DemoKinds {
		if counts[k] > 0 {
			held = append(held, fmt.Sprintf("%s: %d rows", k, counts[k]))
		}
	}
	var users int64
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&users); err != nil {
		return "", err
	}
	if users > 0 {
		held = append(held, fmt.Sprintf("users: %d", users))
	}
	return strings.Join(held, ", "), nil
}

// run runs a PostgreSQL program; its error carries what it printed.
func run(ctx context.Context, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(out.String()))
	}
	return nil
}
