package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/expoportal/portal/internal/config"
	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/legacy"
	"github.com/expoportal/portal/internal/store"
)

const importUsage = "usage: portal import legacy [--dry-run] [--lang zh|en] [flags] DIR"

// importCommand is `portal import legacy DIR`: an old site's mirror (as
// wget --mirror saved it) into articles, draft pages and redirects.
func importCommand(ctx context.Context, args []string, getenv func(string) string, out io.Writer, log *slog.Logger) error {
	if len(args) == 0 || args[0] != "legacy" {
		return errors.New(importUsage)
	}
	fs := flag.NewFlagSet("portal import legacy", flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), importUsage); fs.PrintDefaults() }
	dry := fs.Bool("dry-run", false, "read the mirror and report what would change, writing nothing")
	lang := fs.String("lang", "zh", "language of the pages outside an en/ or zh/ folder: zh or en")
	cfg, err := config.Load(fs, args[1:], getenv)
	if err != nil {
		return err
	}
	// Flags may follow DIR too: "portal import legacy ./mirror --dry-run".
	if fs.NArg() < 1 {
		return errors.New(importUsage)
	}
	dir := fs.Arg(0)
	if err := fs.Parse(fs.Args()[1:]); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return errors.New(importUsage)
	}
	if *lang != "zh" && *lang != "en" {
		return fmt.Errorf("--lang %q: zh or en", *lang)
	}
	if st, err := os.Stat(dir); err != nil {
		return err
	} else if !st.IsDir() {
		return fmt.Errorf("%s is not a folder", dir)
	}
	pool, closeDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeDB()
	if !*dry {
		if err := db.Migrate(ctx, pool); err != nil {
			return err
		}
	}
	st := store.New(pool)
	loc := time.UTC
	if site, err := st.Site(ctx, *lang); err == nil {
		if l, err := time.LoadLocation(site.TimeZone); err == nil {
			loc = l
		}
	}
	opts := legacy.Options{Dir: dir, Lang: *lang, DryRun: *dry, Location: loc}
	// A progress bar only where someone watches it.
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		opts.Progress = os.Stderr
	}
	rep, err := legacy.Import(ctx, st, opts)
	if pgErr := (*pgconn.PgError)(nil); errors.As(err, &pgErr) && pgErr.Code == "42P01" {
		// A dry run migrates nothing: a database behind this portal says so.
		return fmt.Errorf("%w\nthe database's schema is older than this portal: run portal migrate up first", err)
	}
	if rep != nil {
		fmt.Fprintf(out, "portal import legacy %s\n", dir)
		if _, werr := rep.WriteTo(out); werr != nil && err == nil {
			err = werr
		}
	}
	return err
}
