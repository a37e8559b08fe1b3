package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// RegistrationStats are the organisers' headline figures.
type RegistrationStats struct {
	Total, CheckedIn int
	Days             []DayCount   // every visit day registered for or arrived on, in date order
	Roles            []GroupCount // by role, in RegistrationRoles order, roles nobody chose left out
	Cities           []GroupCount // the ten largest cities, largest first
	OtherCities      int          // the visitors of every further city
	NoCity           int          // visitors who gave none
}

// DayCount is one day of the expo: who registered for it, who arrived on it.
type DayCount struct {
	Day        time.Time // midnight UTC, read as a date
	Registered int
	CheckedIn  int
}

// GroupCount is how many registrations share a value.
type GroupCount struct {
	Key   string
	Count int
}

// topCities is how many cities the overview names before "other".
const topCities = 10

// cityKey is how a city is grouped: "沈阳" and " 沈阳市" are one city.
const cityKey = `regexp_replace(btrim(city), '市$', '')`

// RegistrationStats counts the registrations, and the arrivals on each day
// at the door (the expo's local date, as the check-in recorded it).
func (s *Store) RegistrationStats(ctx context.Context) (RegistrationStats, error) {
	var st RegistrationStats
	wrap := func(err error) (RegistrationStats, error) {
		return RegistrationStats{}, fmt.Errorf("Store.RegistrationStats: %w", err)
	}
	// One snapshot, so the figures add up while the door is busy.
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT count(*), count(checked_in_at) FROM registrations -- Store.RegistrationStats`).
			Scan(&st.Total, &st.CheckedIn); err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, `WITH registered AS (SELECT unnest(days) AS day, count(*) AS n FROM registrations GROUP BY 1),
			arrived AS (SELECT day, count(*) AS n FROM checkins GROUP BY 1)
			SELECT day, coalesce(registered.n, 0), coalesce(arrived.n, 0)
			FROM registered FULL JOIN arrived USING (day) ORDER BY day -- Store.RegistrationStats`)
		var err error
		st.Days, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (DayCount, error) {
			var d DayCount
			return d, row.Scan(&d.Day, &d.Registered, &d.CheckedIn)
		})
		if err != nil {
			return err
		}
		rows, _ = tx.Query(ctx, `SELECT role, count(*) FROM registrations GROUP BY role -- Store.RegistrationStats`)
		roles, err := pgx.CollectRows(rows, scanGroupCount)
		if err != nil {
			return err
		}
		for _, r := range RegistrationRoles {
			if i := slices.IndexFunc(roles, func(g GroupCount) bool { return g.Key == r }); i >= 0 {
				st.Roles = append(st.Roles, roles[i])
			}
		}
		rows, _ = tx.Query(ctx, `SELECT `+cityKey+` AS city, count(*) FROM registrations
			GROUP BY 1 ORDER BY (`+cityKey+` = ''), 2 DESC, 1 -- Store.RegistrationStats`)
		cities, err := pgx.CollectRows(rows, scanGroupCount)
		if err != nil {
			return err
		}
		for _, c := range cities {
			switch {
			case c.Key == "":
				st.NoCity = c.Count
			case len(st.Cities) < topCities:
				st.Cities = append(st.Cities, c)
			default:
				st.OtherCities += c.Count
			}
		}
		return nil
	})
	if err != nil {
		return wrap(err)
	}
	return st, nil
}

func scanGroupCount(row pgx.CollectableRow) (GroupCount, error) {
	var g GroupCount
	return g, row.Scan(&g.Key, &g.Count)
}

// RegistrationFilter narrows the organisers' list and its export; zero
// values do not filter.
type RegistrationFilter struct {
	Day     *time.Time // registered for this date
	Role    string
	Arrived string // "yes": checked in; "no": not yet
	Q       string // part of the name, organisation, phone or ticket code
}

// where builds the filter's SQL condition and arguments.
func (f RegistrationFilter) where() (string, []any) {
	conds := []string{"true"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Day != nil {
		conds = append(conds, "days @> ARRAY["+arg(f.Day.Format(time.DateOnly))+"::date]")
	}
	if f.Role != "" {
		conds = append(conds, "role = "+arg(f.Role))
	}
	switch f.Arrived {
	case "yes":
		conds = append(conds, "checked_in_at IS NOT NULL")
	case "no":
		conds = append(conds, "checked_in_at IS NULL")
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := arg("%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(q) + "%")
		or := []string{"name ILIKE " + like, "organisation ILIKE " + like, "phone ILIKE " + like, "code ILIKE " + like}
		// A code typed as on the ticket (any case, dash or not) finds it too.
		if ref := ParseTicketInput(q); ref.Code != "" {
			or = append(or, "upper(replace(code, '-', '')) = "+arg(ref.Code))
		} else if ref.Token != "" {
			or = append(or, "token = "+arg(ref.Token))
		}
		conds = append(conds, "("+strings.Join(or, " OR ")+")")
	}
	return strings.Join(conds, " AND "), args
}

// RegistrationEntry is a registration as the organisers see it.
type RegistrationEntry struct {
	Registration
	CheckedInByEmail string // "" when nobody, or the account is gone
}

// Registrations lists one page of the registrations that f admits, newest
// first, and how many f admits in all.
func (s *Store) Registrations(ctx context.Context, f RegistrationFilter, limit, offset int) ([]RegistrationEntry, int, error) {
	where, args := f.where()
	var total int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM registrations WHERE "+where+" -- Store.Registrations", args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("Store.Registrations: %w", err)
	}
	n := len(args)
	args = append(args, limit, offset)
	list, err := s.registrationEntries(ctx, "SELECT "+registrationColumns+" FROM registrations WHERE "+where+
		fmt.Sprintf(" ORDER BY created_at DESC, id DESC LIMIT $%d OFFSET $%d -- Store.Registrations", n+1, n+2), args)
	if err != nil {
		return nil, 0, fmt.Errorf("Store.Registrations: %w", err)
	}
	return list, total, nil
}

// AllRegistrations lists every registration that f admits, for the export:
// by organisation, then name, so a delegation stays together.
func (s *Store) AllRegistrations(ctx context.Context, f RegistrationFilter) ([]RegistrationEntry, error) {
	where, args := f.where()
	list, err := s.registrationEntries(ctx, "SELECT "+registrationColumns+" FROM registrations WHERE "+where+
		" ORDER BY organisation, name, id -- Store.AllRegistrations", args)
	if err != nil {
		return nil, fmt.Errorf("Store.AllRegistrations: %w", err)
	}
	return list, nil
}

// registrationEntries runs a query of registrationColumns and adds who
// checked each one in.
func (s *Store) registrationEntries(ctx context.Context, query string, args []any) ([]RegistrationEntry, error) {
	rows, _ := s.pool.Query(ctx, query, args...)
	regs, err := pgx.CollectRows(rows, scanRegistration)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, g := range regs {
		if g.CheckedInBy != nil {
			ids = append(ids, *g.CheckedInBy)
		}
	}
	emails := map[int64]string{}
	if len(ids) > 0 {
		rows, _ := s.pool.Query(ctx, "SELECT id, email FROM users WHERE id = ANY($1) -- Store.registrationEntries", ids)
		var id int64
		var email string
		if _, err := pgx.ForEachRow(rows, []any{&id, &email}, func() error { emails[id] = email; return nil }); err != nil {
			return nil, err
		}
	}
	out := make([]RegistrationEntry, len(regs))
	for i, g := range regs {
		out[i].Registration = g
		if g.CheckedInBy != nil {
			out[i].CheckedInByEmail = emails[*g.CheckedInBy]
		}
	}
	return out, nil
}

// DemoGroup is a sample school delegation and its members.
type DemoGroup struct {
	Token, Lang, Organisation, LeaderName, LeaderPhone, LeaderEmail string
	Members                                                         []Registration
}

// InsertRegistrationsIfEmpty writes sample visitors, single and in
// delegations, when nobody has registered yet; all or nothing.
func (s *Store) InsertRegistrationsIfEmpty(ctx context.Context, single []Registration, groups []DemoGroup) error {
	err := s.fillIfEmpty(ctx, "registrations", "SELECT 1 FROM registrations", func(tx pgx.Tx) error {
		insert := func(g Registration, group *int64) error {
			_, err := tx.Exec(ctx, `INSERT INTO registrations (token, code, group_id, lang, name, organisation, role, city, phone, email, days, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) -- Store.InsertRegistrationsIfEmpty`,
				g.Token, g.Code, group, g.Lang, g.Name, g.Organisation, g.Role, g.City, g.Phone, g.Email, g.Days, g.CreatedAt)
			return err
		}
		for _, grp := range groups {
			var id int64
			if err := tx.QueryRow(ctx, `INSERT INTO visitor_groups (token, lang, organisation, leader_name, leader_phone, leader_email)
				VALUES ($1, $2, $3, $4, $5, $6) RETURNING id -- Store.InsertRegistrationsIfEmpty`,
				grp.Token, grp.Lang, grp.Organisation, grp.LeaderName, grp.LeaderPhone, grp.LeaderEmail).Scan(&id); err != nil {
				return err
			}
			for _, g := range grp.Members {
				if err := insert(g, &id); err != nil {
					return err
				}
			}
		}
		for _, g := range single {
			if err := insert(g, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("Store.InsertRegistrationsIfEmpty: %w", err)
	}
	return nil
}
