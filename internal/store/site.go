package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Site is the expo's key facts in one language.
type Site struct {
	Lang              string     `db:"lang"` // the language the words are in
	ExpoName          string     `db:"expo_name"`
	Venue             string     `db:"venue"`
	Hall              string     `db:"hall"`
	Address           string     `db:"address"`
	Organisers        string     `db:"organisers"`
	OpensAt           time.Time  `db:"opens_at"`
	ClosesAt          time.Time  `db:"closes_at"`
	TimeZone          string     `db:"time_zone"`
	Hotline           string     `db:"hotline"`
	Fax               string     `db:"fax"`
	Email             string     `db:"email"`
	CopyrightSince    int        `db:"copyright_since"`
	VisitorCountStart int64      `db:"visitor_count_start"`
	DailyOpens        string     `db:"daily_opens"`  // "09:00", local time
	DailyCloses       string     `db:"daily_closes"` // the last day closes at ClosesAt instead
	NextOpensAt       *time.Time `db:"next_opens_at"`
	Edition           *int       `db:"edition"`
	ICPNumber         string     `db:"icp_number"`
	// For visitors from abroad: a number they can dial, chat IDs, and the
	// exhibitor manual (a /media/ path).
	IntlPhone string `db:"intl_phone"`
	WeChatID  string `db:"wechat_id"`
	WhatsApp  string `db:"whatsapp"`
	ManualURL string `db:"manual_url"`
}

// Site returns the site settings with words in lang, or in the first
// language that has them when lang has none yet.
func (s *Store) Site(ctx context.Context, lang string) (Site, error) {
	rows, _ := s.pool.Query(ctx, `-- Store.Site
		SELECT i.lang, i.expo_name, i.venue, i.hall, i.address, i.organisers,
		       s.opens_at, s.closes_at, s.time_zone, s.hotline, s.fax, s.email,
		       s.copyright_since, s.visitor_count_start,
		       to_char(s.daily_opens, 'HH24:MI') AS daily_opens, to_char(s.daily_closes, 'HH24:MI') AS daily_closes,
		       s.next_opens_at, s.edition, s.icp_number,
		       s.intl_phone, s.wechat_id, s.whatsapp, s.manual_url
		FROM site_settings s
		JOIN site_settings_i18n i ON true
		JOIN languages l ON l.code = i.lang
		ORDER BY i.lang = $1 DESC, l.position
		LIMIT 1`, lang)
	site, err := oneRow(rows, pgx.RowToStructByName[Site])
	if err != nil {
		return Site{}, fmt.Errorf("Store.Site(%q): %w", lang, err)
	}
	return site, nil
}

// SiteWords are the per-language facts a SaveSite call writes.
type SiteWords struct {
	Lang, ExpoName, Venue, Hall, Address, Organisers string
}

// SiteFacts are the language-neutral facts.
type SiteFacts struct {
	OpensAt, ClosesAt       time.Time
	Hotline, Fax, Email     string
	CopyrightSince          int
	VisitorCountStart       int64
	DailyOpens, DailyCloses string // "09:00"; empty keeps the default on insert
	NextOpensAt             *time.Time
	Edition                 *int
	ICPNumber               string
	// IntlPhone, WeChatID, WhatsApp and ManualURL: see Site.
	IntlPhone, WeChatID, WhatsApp, ManualURL string
}

// HasSite reports whether the site settings have been written.
func (s *Store) HasSite(ctx context.Context) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM site_settings) -- Store.HasSite").Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("Store.HasSite: %w", err)
	}
	return ok, nil
}

// InsertSiteIfMissing writes the settings unless they exist: it never
// overwrites what an admin saved.
func (s *Store) InsertSiteIfMissing(ctx context.Context, f SiteFacts, words []SiteWords) error {
	return s.inTx(ctx, "Store.InsertSiteIfMissing", func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `-- Store.InsertSiteIfMissing
			INSERT INTO site_settings (opens_at, closes_at, hotline, fax, email, copyright_since, visitor_count_start,
				intl_phone, wechat_id, whatsapp, manual_url)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
			ON CONFLICT (id) DO NOTHING`,
			f.OpensAt, f.ClosesAt, f.Hotline, f.Fax, f.Email, f.CopyrightSince, f.VisitorCountStart,
			f.IntlPhone, f.WeChatID, f.WhatsApp, f.ManualURL); err != nil {
			return err
		}
		for _, w := range words {
			if _, err := tx.Exec(ctx, `-- Store.InsertSiteIfMissing
				INSERT INTO site_settings_i18n (lang, expo_name, venue, hall, address, organisers)
				VALUES ($1, $2, $3, $4, $5, $6)
				ON CONFLICT (lang) DO NOTHING`,
				w.Lang, w.ExpoName, w.Venue, w.Hall, w.Address, w.Organisers); err != nil {
				return err
			}
		}
		return nil
	})
}

// SiteSettings are all the settings, every language's words included, for
// the settings editor.
type SiteSettings struct {
	Facts SiteFacts
	Words map[string]SiteWords // by language
	// Version is the settings' version as loaded, or the one a save is
	// based on.
	Version int
}

// SiteForEdit loads the settings with the words of every language.
func (s *Store) SiteForEdit(ctx context.Context) (SiteSettings, error) {
	st, err := siteForEdit(ctx, s.pool, "")
	if err != nil {
		return st, fmt.Errorf("Store.SiteForEdit: %w", err)
	}
	return st, nil
}

// siteForEdit reads the settings through q (the pool, or a transaction
// that locks the row with lock "FOR UPDATE").
func siteForEdit(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, lock string) (SiteSettings, error) {
	st := SiteSettings{Words: map[string]SiteWords{}}
	f := &st.Facts
	err := q.QueryRow(ctx, `SELECT opens_at, closes_at, hotline, fax, email, copyright_since, visitor_count_start,
		to_char(daily_opens, 'HH24:MI'), to_char(daily_closes, 'HH24:MI'), next_opens_at, edition, icp_number, version,
		intl_phone, wechat_id, whatsapp, manual_url
		FROM site_settings `+lock+` -- Store.SiteForEdit`).Scan(&f.OpensAt, &f.ClosesAt, &f.Hotline, &f.Fax, &f.Email, &f.CopyrightSince,
		&f.VisitorCountStart, &f.DailyOpens, &f.DailyCloses, &f.NextOpensAt, &f.Edition, &f.ICPNumber, &st.Version,
		&f.IntlPhone, &f.WeChatID, &f.WhatsApp, &f.ManualURL)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, ErrNotFound
	} else if err != nil {
		return st, err
	}
	rows, _ := q.Query(ctx, "SELECT lang, expo_name, venue, hall, address, organisers FROM site_settings_i18n -- Store.SiteForEdit")
	var w SiteWords
	_, err = pgx.ForEachRow(rows, []any{&w.Lang, &w.ExpoName, &w.Venue, &w.Hall, &w.Address, &w.Organisers}, func() error {
		st.Words[w.Lang] = w
		return nil
	})
	return st, err
}

// SaveSite writes all the settings and an audit entry in one transaction.
// A save based on another version than st.Version writes nothing and
// returns ErrConflict.
func (s *Store) SaveSite(ctx context.Context, st SiteSettings, userID int64) error {
	f := st.Facts
	return s.inTx(ctx, "Store.SaveSite", func(tx pgx.Tx) error {
		// Locked so that two saves at once audit what each really replaced.
		before, err := siteForEdit(ctx, tx, "FOR UPDATE")
		if err != nil {
			return err
		}
		if before.Version != st.Version {
			return ErrConflict
		}
		if _, err := tx.Exec(ctx, `UPDATE site_settings SET opens_at = $1, closes_at = $2, hotline = $3, fax = $4, email = $5,
			copyright_since = $6, visitor_count_start = $7, daily_opens = $8::time, daily_closes = $9::time,
			next_opens_at = $10, edition = $11, icp_number = $12, intl_phone = $13, wechat_id = $14, whatsapp = $15,
			manual_url = $16, updated_at = now(), version = version + 1 -- Store.SaveSite`,
			f.OpensAt, f.ClosesAt, f.Hotline, f.Fax, f.Email, f.CopyrightSince, f.VisitorCountStart,
			f.DailyOpens, f.DailyCloses, f.NextOpensAt, f.Edition, f.ICPNumber,
			f.IntlPhone, f.WeChatID, f.WhatsApp, f.ManualURL); err != nil {
			return err
		}
		for _, w := range st.Words {
			if _, err := tx.Exec(ctx, `INSERT INTO site_settings_i18n (lang, expo_name, venue, hall, address, organisers)
				VALUES ($1, $2, $3, $4, $5, $6)
				ON CONFLICT (lang) DO UPDATE SET expo_name = $2, venue = $3, hall = $4, address = $5, organisers = $6,
				    updated_at = now() -- Store.SaveSite`, w.Lang, w.ExpoName, w.Venue, w.Hall, w.Address, w.Organisers); err != nil {
				return err
			}
		}
		return auditTx(ctx, tx, userID, "settings.update", "site", settingsChanges(before, st))
	})
}

// settingsChanges says which settings a save changed, before -> after.
func settingsChanges(before, after SiteSettings) string {
	var parts []string
	diff := func(name string, a, b any) {
		if fmt.Sprint(a) != fmt.Sprint(b) {
			parts = append(parts, fmt.Sprintf("%s %v -> %v", name, a, b))
		}
	}
	bf, af := before.Facts, after.Facts
	diff("opens", bf.OpensAt.UTC().Format(time.RFC3339), af.OpensAt.UTC().Format(time.RFC3339))
	diff("closes", bf.ClosesAt.UTC().Format(time.RFC3339), af.ClosesAt.UTC().Format(time.RFC3339))
	diff("daily", bf.DailyOpens+"-"+bf.DailyCloses, af.DailyOpens+"-"+af.DailyCloses)
	diff("hotline", bf.Hotline, af.Hotline)
	diff("fax", bf.Fax, af.Fax)
	diff("email", bf.Email, af.Email)
	diff("copyright since", bf.CopyrightSince, af.CopyrightSince)
	diff("visitor count start", bf.VisitorCountStart, af.VisitorCountStart)
	diff("ICP", bf.ICPNumber, af.ICPNumber)
	diff("international phone", bf.IntlPhone, af.IntlPhone)
	diff("WeChat", bf.WeChatID, af.WeChatID)
	diff("WhatsApp", bf.WhatsApp, af.WhatsApp)
	diff("manual", bf.ManualURL, af.ManualURL)
	for l, w := range after.Words {
		b := before.Words[l]
		diff(l+" name", b.ExpoName, w.ExpoName)
		diff(l+" venue", b.Venue, w.Venue)
		diff(l+" hall", b.Hall, w.Hall)
		diff(l+" address", b.Address, w.Address)
		diff(l+" organisers", b.Organisers, w.Organisers)
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, "; ")
}
