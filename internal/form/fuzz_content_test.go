package form

import (
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// The expo's time zone, as the server falls back to it.
var fuzzLoc = time.FixedZone("CST", 8*3600)

func FuzzArticle(f *testing.F) {
	addSeeds(f,
		[]string{"expo", "publish", "2027-04-16T09:30", "", "3", "第二十二届辽宁教育装备展开幕", "摘要", "## 展会概况\r\n\r\n**开幕**", "辽宁日报", "Expo opens", "Body"},
		[]string{"photo", "schedule", "2030-01-01T00:00", "12", "0", "", "", "  \n", "", "Only English", ""})
	fields := []string{"category", "action", "released_at", "cover_id", "version",
		"title_zh", "summary_zh", "body_zh", "source_zh", "title_en", "body_en"}
	texts := []string{"title_zh", "summary_zh", "body_zh", "source_zh", "title_en", "body_en"}
	langs := []string{"zh", "en"}
	now := time.Date(2027, 4, 1, 12, 0, 0, 0, fuzzLoc)
	f.Fuzz(func(t *testing.T, category, action, releasedAt, coverID, version, titleZH, summaryZH, bodyZH, sourceZH, titleEN, bodyEN string) {
		v := url.Values{}
		for i, s := range []string{category, action, releasedAt, coverID, version, titleZH, summaryZH, bodyZH, sourceZH, titleEN, bodyEN} {
			v.Set(fields[i], s)
		}
		a := ParseArticle(v, langs, fuzzLoc)
		errs := a.Validate(now)
		checkErrorFields(t, errs, append(fields, "summary_en", "source_en")...)
		checkBadTextFlagged(t, v, errs, texts...)
		if len(errs) != 0 {
			return
		}
		for _, tx := range a.Texts {
			for _, s := range []string{tx.Title, tx.Summary, tx.Body, tx.Source} {
				if !storable(s) {
					t.Fatalf("article passed %q", s)
				}
			}
			if utf8.RuneCountInString(tx.Title) > maxTitle || utf8.RuneCountInString(tx.Body) > maxBody {
				t.Fatalf("article passed a text over its limit: %+v", tx)
			}
		}
		// The editor reopened on what was saved.
		e := a.Apply(store.EditArticle{}, now)
		w := url.Values{"category": {e.Category}, "action": {a.Action}, "version": {strconv.Itoa(e.Version)},
			"released_at": {a.ParsedAt.In(fuzzLoc).Format("2006-01-02T15:04")}}
		if e.CoverID != nil {
			w.Set("cover_id", strconv.FormatInt(*e.CoverID, 10))
		}
		for l, tx := range e.Texts {
			w.Set("title_"+l, tx.Title)
			w.Set("summary_"+l, tx.Summary)
			w.Set("body_"+l, tx.Body)
			w.Set("source_"+l, tx.Source)
		}
		again := ParseArticle(w, langs, fuzzLoc)
		if errs := again.Validate(now); len(errs) != 0 {
			t.Fatalf("article %+v reopened is refused: %v", a, errs)
		}
		if e2 := again.Apply(store.EditArticle{}, now); !reflect.DeepEqual(e2, e) {
			t.Fatalf("article %+v reopened reads as %+v", e, e2)
		}
	})
}

func FuzzPage(f *testing.F) {
	addSeeds(f,
		[]string{"on", "展会概况", "第二十二届", "## 展会概况\r\n\r\n沈阳", "Overview", "", "Text"},
		[]string{"", "", "", "", "Only English", "", ""})
	fields := []string{"published", "title_zh", "summary_zh", "body_zh", "title_en", "summary_en", "body_en"}
	langs := []string{"zh", "en"}
	f.Fuzz(func(t *testing.T, published, titleZH, summaryZH, bodyZH, titleEN, summaryEN, bodyEN string) {
		v := url.Values{}
		for i, s := range []string{published, titleZH, summaryZH, bodyZH, titleEN, summaryEN, bodyEN} {
			v.Set(fields[i], s)
		}
		p := ParsePage(v, langs)
		errs := p.Validate()
		checkErrorFields(t, errs, fields[1:]...)
		checkBadTextFlagged(t, v, errs, fields[1:]...)
		if len(errs) != 0 {
			return
		}
		written := p.Written()
		if len(written) == 0 {
			t.Fatalf("page %+v passed with no language", p)
		}
		w := url.Values{}
		if p.Published {
			w.Set("published", "on")
		}
		for _, tx := range written {
			if !storable(tx.Title) || !storable(tx.Summary) || !storable(tx.Body) || utf8.RuneCountInString(tx.Title) > maxTitle {
				t.Fatalf("page passed %+v", tx)
			}
			w.Set("title_"+tx.Lang, tx.Title)
			w.Set("summary_"+tx.Lang, tx.Summary)
			w.Set("body_"+tx.Lang, tx.Body)
		}
		again := ParsePage(w, langs)
		if errs := again.Validate(); len(errs) != 0 {
			t.Fatalf("page %+v reopened is refused: %v", p, errs)
		}
		if got := again.Written(); !sameElements(got, written) {
			t.Fatalf("page %+v reopened reads as %+v", written, got)
		}
	})
}

// sameElements compares two lists built from a map, in any order.
func sameElements[T any](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	used := make([]bool, len(b))
outer:
	for _, x := range a {
		for i, y := range b {
			if !used[i] && reflect.DeepEqual(x, y) {
				used[i] = true
				continue outer
			}
		}
		return false
	}
	return true
}

func FuzzEvent(f *testing.F) {
	addSeeds(f,
		[]string{"opening", "2027-04-16T09:00", "2027-04-16T10:00", "开幕式", "1号馆", "第二十二届\r\n开幕", "Opening", "Hall 1", ""},
		[]string{"forum", "2027-04-16 14:00", "2027-04-16T16:30:00", "论坛", "", "", "", "", ""},
		[]string{"hours", "2027-04-16T09:00:30", "2027-04-16T09:00:45", "开放", "", "", "", "", ""})
	fields := []string{"kind", "starts_at", "ends_at", "title_zh", "venue_zh", "description_zh", "title_en", "venue_en", "description_en"}
	langs := []string{"zh", "en"}
	f.Fuzz(func(t *testing.T, kind, starts, ends, titleZH, venueZH, descZH, titleEN, venueEN, descEN string) {
		v := url.Values{}
		for i, s := range []string{kind, starts, ends, titleZH, venueZH, descZH, titleEN, venueEN, descEN} {
			v.Set(fields[i], s)
		}
		e, errs := ParseEvent(v, langs, fuzzLoc)
		checkErrorFields(t, errs, fields...)
		checkBadTextFlagged(t, v, errs, fields[3:]...)
		if len(errs) != 0 {
			return
		}
		if !e.EndsAt.After(e.StartsAt) || e.EndsAt.Sub(e.StartsAt) > maxEventLength || e.Texts["zh"].Title == "" {
			t.Fatalf("event passed %+v", e)
		}
		// The editor reopened on what was saved.
		w := EventValues(e, fuzzLoc)
		e2, errs := ParseEvent(w, langs, fuzzLoc)
		if len(errs) != 0 {
			t.Fatalf("event %+v reopened as %v is refused: %v", e, w, errs)
		}
		if !e2.StartsAt.Equal(e.StartsAt) || !e2.EndsAt.Equal(e.EndsAt) || !reflect.DeepEqual(e2.Texts, e.Texts) || e2.Kind != e.Kind {
			t.Fatalf("event %+v reopened reads as %+v", e, e2)
		}
	})
}

func FuzzParseSettings(f *testing.F) {
	addSeeds(f,
		[]string{"2027-04-16T09:00", "2027-04-18T16:00", "09:00", "16:30", "", "22", "024-2345 6789", "", "expo@example.cn",
			"2005", "1,000", "辽ICP备12345678号", "辽宁教育装备展", "沈阳国际展览中心", "Liaoning Educational Equipment Exhibition", "Shenyang"},
		[]string{"2027-04-16T09:00", "2027-04-16T09:00", "9:00", "17:00", "2028-04-14T09:00", "", "", "", "", "1900", "0", "", "展", "", "", ""})
	fields := []string{"opens_at", "closes_at", "daily_opens", "daily_closes", "next_opens_at", "edition", "hotline", "fax",
		"email", "copyright_since", "visitor_count_start", "icp_number", "expo_name_zh", "venue_zh", "expo_name_en", "address_en"}
	var all []string
	all = append(all, SettingsFields...)
	for _, l := range []string{"zh", "en"} {
		for _, w := range SettingsWords {
			all = append(all, w+"_"+l)
		}
	}
	langs := []string{"zh", "en"}
	f.Fuzz(func(t *testing.T, opens, closes, dailyOpens, dailyCloses, next, edition, hotline, fax, email, since, count, icp, expoZH, venueZH, expoEN, addressEN string) {
		v := url.Values{}
		for i, s := range []string{opens, closes, dailyOpens, dailyCloses, next, edition, hotline, fax, email, since, count, icp, expoZH, venueZH, expoEN, addressEN} {
			v.Set(fields[i], s)
		}
		st, errs := ParseSettings(v, langs, fuzzLoc)
		checkErrorFields(t, errs, all...)
		checkBadTextFlagged(t, v, errs, "hotline", "fax", "email", "icp_number", "expo_name_zh", "venue_zh", "expo_name_en", "address_en")
		if len(errs) != 0 {
			return
		}
		fc := st.Facts
		for _, s := range []string{fc.Hotline, fc.Fax, fc.Email, fc.ICPNumber, fc.DailyOpens, fc.DailyCloses} {
			if !storable(s) {
				t.Fatalf("settings passed %q", s)
			}
		}
		for _, w := range st.Words {
			for _, s := range []string{w.ExpoName, w.Venue, w.Hall, w.Address, w.Organisers} {
				if !storable(s) {
					t.Fatalf("settings passed %q", s)
				}
			}
		}
		if fc.ClosesAt.Before(fc.OpensAt) {
			t.Fatalf("settings passed a close before the opening: %+v", fc)
		}
		again, errs := ParseSettings(SettingsValues(st, fuzzLoc), langs, fuzzLoc)
		if len(errs) != 0 || !sameSettings(again, st) {
			t.Fatalf("settings %+v reopened read as %+v, %v", st, again, errs)
		}
	})
}

// sameSettings compares settings with times compared as instants.
func sameSettings(a, b store.SiteSettings) bool {
	same := func(x, y *time.Time) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	if !a.Facts.OpensAt.Equal(b.Facts.OpensAt) || !a.Facts.ClosesAt.Equal(b.Facts.ClosesAt) || !same(a.Facts.NextOpensAt, b.Facts.NextOpensAt) {
		return false
	}
	a.Facts.OpensAt, a.Facts.ClosesAt, a.Facts.NextOpensAt = b.Facts.OpensAt, b.Facts.ClosesAt, b.Facts.NextOpensAt
	return reflect.DeepEqual(a, b)
}

func FuzzExhibitor(f *testing.F) {
	addSeeds(f,
		[]string{"沈阳启航教学设备有限公司", "专业生产实验室设备。\r\n欢迎参观", "Shenyang Qihang", "", "1a08", "1", "https://www.qihang-edu.example.cn", "stem", "laboratory"},
		[]string{"", "", "Acme Co.", "Lab kit", "", "", "http://acme.example/path?q=1#top", "", ""})
	fields := []string{"name_zh", "description_zh", "name_en", "description_en", "booth", "hall", "website", "category"}
	langs := []string{"zh", "en"}
	f.Fuzz(func(t *testing.T, nameZH, descZH, nameEN, descEN, booth, hall, website, cat1, cat2 string) {
		v := url.Values{}
		for i, s := range []string{nameZH, descZH, nameEN, descEN, booth, hall, website} {
			v.Set(fields[i], s)
		}
		v["category"] = []string{cat1, cat2}
		in, errs := ParseExhibitor(v, langs, testHalls)
		checkErrorFields(t, errs, fields...)
		checkBadTextFlagged(t, v, errs, fields[:7]...)
		if len(errs) != 0 {
			return
		}
		checkExhibitorInput(t, in)
		// The editor reopened on what was saved.
		again, errs := ParseExhibitor(exhibitorValues(in), langs, testHalls)
		if len(errs) != 0 || !reflect.DeepEqual(again, in) {
			t.Fatalf("exhibitor %+v reopened reads as %+v, %v", in, again, errs)
		}
	})
}

// exhibitorValues fills the editor's form as the page does from a stored
// exhibitor.
func exhibitorValues(in store.ExhibitorInput) url.Values {
	return ExhibitorValues(store.Exhibitor{Names: in.Names, Descriptions: in.Descriptions, Booth: in.Booth, Hall: in.Hall,
		Website: in.Website, Categories: in.Categories})
}

// checkExhibitorInput checks what the store would be given.
func checkExhibitorInput(t *testing.T, in store.ExhibitorInput) {
	t.Helper()
	if len(in.Names) == 0 {
		t.Fatalf("exhibitor passed with no name: %+v", in)
	}
	for l, n := range in.Names {
		if n == "" || !storable(n) || !storable(in.Descriptions[l]) || strings.ContainsAny(n, "\r\n\t") ||
			utf8.RuneCountInString(n) > maxExhibitorName || utf8.RuneCountInString(in.Descriptions[l]) > maxExhibitorText {
			t.Fatalf("exhibitor passed name %q, description %q", n, in.Descriptions[l])
		}
	}
	if !storable(in.Website) || (in.Website != "" && !validWebsite(in.Website)) {
		t.Fatalf("exhibitor passed website %q", in.Website)
	}
	if in.Booth != "" && !boothPattern.MatchString(in.Booth) || in.Hall != "" && !slices.Contains(testHalls, in.Hall) {
		t.Fatalf("exhibitor passed booth %q hall %q", in.Booth, in.Hall)
	}
	for _, c := range in.Categories {
		if !slices.Contains(store.ExhibitorCategories, c) {
			t.Fatalf("exhibitor passed category %q", c)
		}
	}
}
