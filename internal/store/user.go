package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/auth"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// User is a staff account.
type User struct {
	ID           int64     `db:"id"`
	Email        string    `db:"email"`
	Role         auth.Role `db:"role"`
	PasswordHash string    `db:"password_hash"`
	Disabled     bool      `db:"disabled"`
	CreatedAt    time.Time `db:"created_at"`
	// Version moves on with each change to the role or the disabled flag,
	// the two things the accounts page edits.
	Version int `db:"version"`
	// Lang is the back office's language for this account: set at the
	// first sign-in from the language the sign-in page was in, changed in
	// the header's switch; "" until then.
	Lang string `db:"lang"`
}

// ErrDuplicate is returned when a unique value (an e-mail) is taken.
var ErrDuplicate = errors.New("already exists")

// NormalizeEmail is how e-mail addresses are compared and stored.
func NormalizeEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

// CreateUser adds an account.
func (s *Store) CreateUser(ctx context.Context, email string, role auth.Role, hash string) (User, error) {
	rows, _ := s.pool.Query(ctx, `-- Store.CreateUser
		INSERT INTO users (email, role, password_hash) VALUES ($1, $2, $3)
		RETURNING id, email, role, password_hash, disabled, created_at, version, coalesce(lang, '') AS lang`, NormalizeEmail(email), role, hash)
	u, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[User])
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return User{}, fmt.Errorf("Store.CreateUser(%q): %w", email, ErrDuplicate)
	} else if err != nil {
		return User{}, fmt.Errorf("Store.CreateUser(%q): %w", email, err)
	}
	return u, nil
}

// UserByEmail finds an account, disabled or not.
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	return s.user(ctx, "email = $1", NormalizeEmail(email))
}

// UserByID finds an account, disabled or not.
func (s *Store) UserByID(ctx context.Context, id int64) (User, error) {
	return s.user(ctx, "id = $1", id)
}

func (s *Store) user(ctx context.Context, where string, arg any) (User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, email, role, password_hash, disabled, created_at, version, coalesce(lang, '') AS lang
		FROM users WHERE `+where+` -- Store.User`, arg)
	u, err := oneRow(rows, pgx.RowToStructByName[User])
	if err != nil {
		return User{}, fmt.Errorf("Store.User(%v): %w", arg, err)
	}
	return u, nil
}

// SetLang keeps the back office's language for an account; code must be
// one of the site's languages (the column refers to them).
func (s *Store) SetLang(ctx context.Context, id int64, code string) error {
	return s.updateUser(ctx, "Store.SetLang", "lang = $2", id, code)
}

// SetPassword replaces an account's password hash.
func (s *Store) SetPassword(ctx context.Context, id int64, hash string) error {
	return s.updateUser(ctx, "Store.SetPassword", "password_hash = $2", id, hash)
}

// SetDisabled enables or disables an account at version; a disabled
// account's sessions stop working at their next request. The last enabled
// admin cannot be disabled; a change based on another version than the
// saved one returns ErrConflict.
func (s *Store) SetDisabled(ctx context.Context, id int64, version int, disabled bool) error {
	tag, err := s.pool.Exec(ctx, `UPDATE users SET disabled = $2, updated_at = now(), version = version + 1
		WHERE id = $1 AND version = $3 AND (NOT $2 OR role <> 'admin' OR `+keepsAnAdmin+`) -- Store.SetDisabled`, id, disabled, version)
	if err != nil {
		return fmt.Errorf("Store.SetDisabled(%d): %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return s.whyUnchanged(ctx, "Store.SetDisabled", id, version)
	}
	return nil
}

// whyUnchanged says why a guarded update of user id at version changed
// nothing: no such user, another version, or else the last admin's guard.
func (s *Store) whyUnchanged(ctx context.Context, name string, id int64, version int) error {
	u, err := s.UserByID(ctx, id)
	if err != nil {
		return err
	}
	if u.Version != version {
		return fmt.Errorf("%s(%d): %w", name, id, ErrConflict)
	}
	return fmt.Errorf("%s(%d): %w", name, id, ErrLastAdmin)
}

func (s *Store) updateUser(ctx context.Context, name, set string, id int64, v any) error {
	tag, err := s.pool.Exec(ctx, "UPDATE users SET "+set+", updated_at = now() WHERE id = $1 -- "+name, id, v)
	if err != nil {
		return fmt.Errorf("%s(%d): %w", name, id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s(%d): %w", name, id, ErrNotFound)
	}
	return nil
}

// CountLoginAttempt counts an attempt against each key before the password
// is checked, in one statement, and reports whether any key is over its
// limit: parallel attempts cannot all slip under it. A success then clears
// the account's count (ClearLoginFailures). Rows of windows long past are
// removed on the way.
func (s *Store) CountLoginAttempt(ctx context.Context, keys []string, limits []int, window time.Duration) (blocked bool, err error) {
	err = s.pool.QueryRow(ctx, `-- Store.CountLoginAttempt
		WITH old AS (
			DELETE FROM login_failures WHERE window_start < now() - 2 * $3::interval
		), counted AS (
			INSERT INTO login_failures (key, failures, window_start)
			SELECT k, 1, now() FROM unnest($1::text[]) AS k
			ON CONFLICT (key) DO UPDATE SET
				failures = CASE WHEN login_failures.window_start > now() - $3::interval THEN login_failures.failures + 1 ELSE 1 END,
				window_start = CASE WHEN login_failures.window_start > now() - $3::interval THEN login_failures.window_start ELSE now() END
			RETURNING key, failures
		)
		SELECT EXISTS (SELECT 1 FROM counted c JOIN unnest($1::text[], $2::int[]) AS l (key, lim) ON l.key = c.key
		               WHERE c.failures > l.lim)`, keys, limits, window).Scan(&blocked)
	if err != nil {
		return false, fmt.Errorf("Store.CountLoginAttempt: %w", err)
	}
	return blocked, nil
}

// ForgiveLoginAttempt takes back a successful attempt: the account starts
// afresh, and the address loses the one attempt (an office of many staff
// behind one address is not blocked by their sign-ins).
func (s *Store) ForgiveLoginAttempt(ctx context.Context, accountKey, addressKey string) error {
	_, err := s.pool.Exec(ctx, `-- Store.ForgiveLoginAttempt
		WITH a AS (DELETE FROM login_failures WHERE key = $1)
		UPDATE login_failures SET failures = greatest(failures - 1, 0) WHERE key = $2`, accountKey, addressKey)
	if err != nil {
		return fmt.Errorf("Store.ForgiveLoginAttempt: %w", err)
	}
	return nil
}

// ClearLoginFailures forgets the failures of keys (after a success).
func (s *Store) ClearLoginFailures(ctx context.Context, keys []string) error {
	if _, err := s.pool.Exec(ctx, "DELETE FROM login_failures WHERE key = ANY($1) -- Store.ClearLoginFailures", keys); err != nil {
		return fmt.Errorf("Store.ClearLoginFailures: %w", err)
	}
	return nil
}

// AuditEntry is one change made by staff.
type AuditEntry struct {
	ID      int64     `db:"id"`
	At      time.Time `db:"at"`
	Email   *string   `db:"email"`
	Action  string    `db:"action"`
	Subject string    `db:"subject"`
	Summary string    `db:"summary"`
}

// Audit records a change; userID 0 is the system (a command line).
func (s *Store) Audit(ctx context.Context, userID int64, action, subject, summary string) error {
	if err := auditTx(ctx, s.pool, userID, action, subject, summary); err != nil {
		return fmt.Errorf("Store.Audit: %w", err)
	}
	return nil
}

// auditTx is Audit inside a transaction (or on the pool), so the entry
// commits with the change it describes.
func auditTx(ctx context.Context, db interface {
	Exec(context.Context, string, ...any) (pgconn.CommandTag, error)
}, userID int64, action, subject, summary string) error {
	var uid *int64
	if userID != 0 {
		uid = &userID
	}
	_, err := db.Exec(ctx, "INSERT INTO audit_log (user_id, action, subject, summary) VALUES ($1, $2, $3, $4) -- auditTx",
		uid, action, subject, summary)
	return err
}

// changeList words a save for the audit log: "field old -> new" for each
// field that changed, or "field value" for every field of a new row.
type changeList struct {
	fresh bool // no before: describe the row as saved
	parts []string
}

func (c *changeList) add(field, old, now string) {
	if c.fresh {
		c.parts = append(c.parts, field+" "+now)
	} else if old != now {
		c.parts = append(c.parts, fmt.Sprintf("%s %s -> %s", field, old, now))
	}
}

// note adds a change said in words ("zh removed").
func (c *changeList) note(s string) { c.parts = append(c.parts, s) }

func (c *changeList) String() string {
	if len(c.parts) == 0 {
		return "no change"
	}
	return strings.Join(c.parts, "; ")
}

// RecentAudit is the latest n changes, newest first; prefixes, when
// given, keep only actions that start with one of them ("article.").
func (s *Store) RecentAudit(ctx context.Context, n int, prefixes ...string) ([]AuditEntry, error) {
	rows, _ := s.pool.Query(ctx, `-- Store.RecentAudit
		SELECT a.id, a.at, u.email, a.action, a.subject, a.summary
		FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
		WHERE coalesce(cardinality($2::text[]), 0) = 0 OR EXISTS (SELECT 1 FROM unnest($2::text[]) p WHERE starts_with(a.action, p))
		ORDER BY a.at DESC, a.id DESC LIMIT $1`, n, prefixes)
	list, err := pgx.CollectRows(rows, pgx.RowToStructByName[AuditEntry])
	if err != nil {
		return nil, fmt.Errorf("Store.RecentAudit: %w", err)
	}
	return list, nil
}

// Users lists every account, by e-mail.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, email, role, password_hash, disabled, created_at, version, coalesce(lang, '') AS lang
		FROM users ORDER BY email -- Store.Users`)
	list, err := pgx.CollectRows(rows, pgx.RowToStructByName[User])
	if err != nil {
		return nil, fmt.Errorf("Store.Users: %w", err)
	}
	return list, nil
}

// ErrLastAdmin is returned when a change would leave no enabled admin.
var ErrLastAdmin = errors.New("the last enabled admin")

// keepsAnAdmin is true when the change to user $1 leaves another enabled admin.
const keepsAnAdmin = `EXISTS (SELECT 1 FROM users o WHERE o.role = 'admin' AND NOT o.disabled AND o.id <> $1)`

// SetRole changes an account's role at version; the last enabled admin
// stays one, and a change based on another version than the saved one
// returns ErrConflict.
func (s *Store) SetRole(ctx context.Context, id int64, version int, role auth.Role) error {
	tag, err := s.pool.Exec(ctx, `UPDATE users SET role = $2, updated_at = now(), version = version + 1
		WHERE id = $1 AND version = $3 AND ($2 = 'admin' OR role <> 'admin' OR disabled OR `+keepsAnAdmin+`) -- Store.SetRole`, id, role, version)
	if err != nil {
		return fmt.Errorf("Store.SetRole(%d): %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return s.whyUnchanged(ctx, "Store.SetRole", id, version)
	}
	return nil
}
