// Package demo loads sample content so that a fresh portal shows a complete
// expo site. Loading is idempotent and never overwrites what staff saved.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/expoportal/portal/internal/store"
)

// Load writes the sample site settings, content pages and news where none
// exist.
func Load(ctx context.Context, st *store.Store) error {
	before, err := Survey(ctx, st)
	if err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	marks, err := st.DemoMarks(ctx)
	if err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	if err := load(ctx, st); err != nil {
		return err
	}
	if err := recordLoad(ctx, st, before); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	// Row by row, so that portal demo --remove takes exactly these away.
	if err := st.RecordDemoRows(ctx, marks); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	return nil
}

// The demo's made-up contact details: the launch checklist asks for real
// ones while the settings still hold these.
const (
	Hotline   = "400-885-6191"
	Email     = "expo@lnjyzb.example.cn"
	IntlPhone = "+86 24 2281 6191"
)

func load(ctx context.Context, st *store.Store) error {
	shanghai := time.FixedZone("CST", 8*3600)
	facts := store.SiteFacts{
		OpensAt:           time.Date(2027, time.April, 16, 9, 0, 0, 0, shanghai),
		ClosesAt:          time.Date(2027, time.April, 18, 16, 0, 0, 0, shanghai),
		Hotline:           Hotline,
		Fax:               "024-2281-6190",
		Email:             Email,
		CopyrightSince:    2006,
		VisitorCountStart: 549426,
		// Made up too, like the hotline: what foreign exhibitors are shown.
		IntlPhone: IntlPhone,
		WeChatID:  "lnjyzb-expo",
		WhatsApp:  "+86 139 4000 6191",
	}
	words := []store.SiteWords{{
		Lang:       "zh",
		ExpoName:   "2027辽宁教育装备展示会",
		Venue:      "辽宁工业展览馆",
		Hall:       "一号馆、二号馆",
		Address:    "辽宁省沈阳市和平区市府大路262甲",
		Organisers: "辽宁省教育装备行业协会",
	}, {
		Lang:       "en",
		ExpoName:   "Liaoning Educational Equipment Exhibition 2027",
		Venue:      "Liaoning Industrial Exhibition Hall",
		Hall:       "Halls 1 and 2",
		Address:    "262A Shifu Avenue, Heping District, Shenyang, Liaoning",
		Organisers: "Liaoning Educational Equipment Industry Association",
	}}
	if err := st.InsertSiteIfMissing(ctx, facts, words); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	for _, p := range samplePages {
		var texts []store.PageText
		for _, lang := range []string{"zh", "en"} {
			t := p.Text[lang]
			texts = append(texts, store.PageText{Lang: lang, Title: t.Title, Summary: t.Summary, Body: t.Body})
		}
		if err := st.InsertPageIfMissing(ctx, p.Path, p.Sort, texts); err != nil {
			return fmt.Errorf("demo.Load: %w", err)
		}
	}
	if err := loadCharges(ctx, st); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	if err := loadNews(ctx, st); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	if err := loadSchedule(ctx, st); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	if err := loadExhibitors(ctx, st); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	if err := loadRegistrations(ctx, st, facts.OpensAt, facts.ClosesAt); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	if err := loadBooths(ctx, st); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	if err := loadApplications(ctx, st, facts.OpensAt.Year()); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	if err := loadLook(ctx, st); err != nil {
		return fmt.Errorf("demo.Load: %w", err)
	}
	// The demo's tables are too small for autovacuum ever to sample them,
	// and without statistics the planner guesses one row a table: the news
	// list ran 53 index scans for one page.
	return st.Analyze(ctx)
}
