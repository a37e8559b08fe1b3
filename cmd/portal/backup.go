package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/expoportal/portal/internal/backup"
	"github.com/expoportal/portal/internal/config"
	"github.com/expoportal/portal/internal/db"
)

// backupCommand is `portal backup FILE`: the database, media included, in
// one file.
func backupCommand(ctx context.Context, args []string, getenv func(string) string, out io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("portal backup", flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), "usage: portal backup [flags] FILE") }
	cfg, err := config.Load(fs, args, getenv)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: portal backup [flags] FILE")
	}
	_, conn, closeDB, err := connect(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := backup.Write(ctx, conn, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(out, "backup written to %s\n", fs.Arg(0))
	return nil
}

// restoreCommand is `portal restore [--force] FILE`.
func restoreCommand(ctx context.Context, args []string, getenv func(string) string, out io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("portal restore", flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), "usage: portal restore [--force] [flags] FILE") }
	force := fs.Bool("force", false, "replace the site the database holds")
	cfg, err := config.Load(fs, args, getenv)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: portal restore [--force] [flags] FILE")
	}
	pool, conn, closeDB, err := connect(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := backup.Restore(ctx, pool, conn, fs.Arg(0), *force); errors.Is(err, backup.ErrNotEmpty) {
		return fmt.Errorf("%w\nnothing was changed; run portal restore --force %s to replace it", err, fs.Arg(0))
	} else if err != nil {
		return err
	}
	// A backup of an older portal is brought up to this one's schema.
	if err := db.Migrate(ctx, pool); err != nil {
		return err
	}
	fmt.Fprintf(out, "restored from %s\n", fs.Arg(0))
	return nil
}
