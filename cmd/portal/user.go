package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/config"
	"github.com/expoportal/portal/internal/store"
)

const userUsage = `usage:
  portal user add --email E --role admin|editor|organiser   password from stdin, or generated and printed once
  portal user passwd --email E                              same
  portal user disable|enable --email E
  portal user unlock --email E                              lift a sign-in block after failed attempts`

// userCommand manages staff accounts. It works on the embedded database
// whether or not `portal serve` runs on the same folder (pgembed attaches).
func userCommand(ctx context.Context, args []string, getenv func(string) string, in io.Reader, out io.Writer, log *slog.Logger) error {
	if len(args) == 0 {
		return errors.New(userUsage)
	}
	verb := args[0]
	fs := flag.NewFlagSet("portal user "+verb, flag.ContinueOnError)
	email := fs.String("email", "", "the account's e-mail address")
	role := fs.String("role", "", "admin, editor or organiser (add only)")
	cfg, err := config.Load(fs, args[1:], getenv)
	if err != nil {
		return err
	}
	if *email == "" {
		return errors.New(userUsage)
	}
	st, closeDB, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeDB()
	switch verb {
	case "add":
		r, ok := auth.ParseRole(*role)
		if !ok {
			return fmt.Errorf("--role must be admin, editor or organiser, not %q", *role)
		}
		hash, pw, err := newPassword(in)
		if err != nil {
			return err
		}
		u, err := st.CreateUser(ctx, *email, r, hash)
		if errors.Is(err, store.ErrDuplicate) {
			return fmt.Errorf("an account for %s exists already (use 'portal user passwd')", store.NormalizeEmail(*email))
		} else if err != nil {
			return err
		}
		_ = st.Audit(ctx, 0, "user.add", u.Email, "role "+string(u.Role)+" (command line)")
		fmt.Fprintf(out, "created %s (%s)\n", u.Email, u.Role)
		if pw != "" {
			fmt.Fprintf(out, "password: %s\n(shown once: keep it somewhere safe)\n", pw)
		}
	case "passwd":
		u, err := st.UserByEmail(ctx, *email)
		if err != nil {
			return fmt.Errorf("no account for %s", store.NormalizeEmail(*email))
		}
		hash, pw, err := newPassword(in)
		if err != nil {
			return err
		}
		if err := st.SetPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		// A new password also lifts a sign-in block on the account.
		if err := st.ClearLoginFailures(ctx, []string{"account:" + u.Email}); err != nil {
			return err
		}
		_ = st.Audit(ctx, 0, "user.passwd", u.Email, "password changed (command line)")
		fmt.Fprintf(out, "password changed for %s\n", u.Email)
		if pw != "" {
			fmt.Fprintf(out, "password: %s\n(shown once: keep it somewhere safe)\n", pw)
		}
	case "disable", "enable":
		u, err := st.UserByEmail(ctx, *email)
		if err != nil {
			return fmt.Errorf("no account for %s", store.NormalizeEmail(*email))
		}
		if err := st.SetDisabled(ctx, u.ID, u.Version, verb == "disable"); errors.Is(err, store.ErrLastAdmin) {
			return fmt.Errorf("%s is the last enabled admin: add another admin first", u.Email)
		} else if err != nil {
			return err
		}
		_ = st.Audit(ctx, 0, "user."+verb, u.Email, verb+"d (command line)")
		fmt.Fprintf(out, "%sd %s\n", verb, u.Email)
	case "unlock":
		u, err := st.UserByEmail(ctx, *email)
		if err != nil {
			return fmt.Errorf("no account for %s", store.NormalizeEmail(*email))
		}
		if err := st.ClearLoginFailures(ctx, []string{"account:" + u.Email}); err != nil {
			return err
		}
		_ = st.Audit(ctx, 0, "user.unlock", u.Email, "sign-in block lifted (command line)")
		fmt.Fprintf(out, "unlocked %s\n", u.Email)
	default:
		return errors.New(userUsage)
	}
	return nil
}

// newPassword reads a password from in, or, when in is a terminal or
// empty, generates one (returned so it can be printed once).
func newPassword(in io.Reader) (hash, generated string, err error) {
	pw := ""
	if f, ok := in.(*os.File); !ok || !isTerminal(f) {
		line, err := bufio.NewReader(in).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", "", err
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	if pw == "" {
		pw = auth.GeneratePassword()
		generated = pw
	}
	switch err := auth.CheckPassword(pw); {
	case errors.Is(err, auth.ErrPasswordShort):
		return "", "", fmt.Errorf("the password must have at least %d characters", auth.MinPasswordRunes)
	case errors.Is(err, auth.ErrPasswordCommon):
		return "", "", errors.New("that password is on the list of common passwords: choose another")
	case err != nil:
		return "", "", err
	}
	hash, err = auth.Hash(pw, auth.DefaultParams)
	return hash, generated, err
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
