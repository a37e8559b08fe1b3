package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

// TestSearchSiteFindsEveryKind: pages (and the menu's pages without text),
// exhibitors by either name, booth or category, events and news, in either
// language, each shown in the page's language when it matched there; an
// exact name or booth leads straight to it.
func TestSearchSiteFindsEveryKind(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := testdb.New(t)
	st := store.New(pool)
	now := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := pool.Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if err := st.SavePage(ctx, "/services/hotels", 1, true, []store.PageText{
		{Lang: "zh", Title: "酒店预订", Body: "展馆周边有多家商务酒店。"},
		{Lang: "en", Title: "Hotels", Body: "Several business hotels are near the hall."},
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.SavePage(ctx, "/about/draft", 2, false, []store.PageText{{Lang: "zh", Title: "未发布的酒店页", Body: "酒店"}}); err != nil {
		t.Fatal(err)
	}
	var boxue, dalian int64
	if err := pool.QueryRow(ctx, `INSERT INTO exhibitors (booth, hall, categories) VALUES ('1A02', '1', '{laboratory}') RETURNING id`).Scan(&boxue); err != nil {
		t.Fatal(err)
	}
	if err := pool.QueryRow(ctx, `INSERT INTO exhibitors (booth, hall) VALUES ('1A03', '1') RETURNING id`).Scan(&dalian); err != nil {
		t.Fatal(err)
	}
	exec(`INSERT INTO exhibitor_texts (exhibitor_id, lang, name, description) VALUES
		($1, 'zh', '沈阳博学科技有限公司', '理化生实验室整体方案'), ($1, 'en', 'Boxue Technology Co., Ltd.', 'Whole school labs'),
		($2, 'zh', '大连海洋教具厂', '海洋生物标本')`, boxue, dalian)
	exec(`INSERT INTO booths (hall, number, x, y, width, depth, type) VALUES ('2', '2B09', 10, 10, 3, 3, 'standard')`)
	var opening int64
	if err := pool.QueryRow(ctx, `INSERT INTO schedule_events (kind, starts_at, ends_at) VALUES ('opening', $1, $2) RETURNING id`,
		now.Add(45*24*time.Hour), now.Add(45*24*time.Hour+time.Hour)).Scan(&opening); err != nil {
		t.Fatal(err)
	}
	exec(`INSERT INTO schedule_event_texts (event_id, lang, title, venue) VALUES ($1, 'zh', '开幕式', '一号馆'), ($1, 'en', 'Opening ceremony', 'Hall 1')`, opening)
	if _, err := st.CreateArticle(ctx, store.NewArticle{Category: "expo", Status: "published", ReleasedAt: now.Add(-time.Hour), Texts: []store.ArticleText{
		{Lang: "zh", Title: "酒店协议价格公布", Body: "参展商可享受协议价格。"},
		{Lang: "en", Title: "Hotel rates announced", Body: "Exhibitors get negotiated rates."},
	}}); err != nil {
		t.Fatal(err)
	}
	words := map[string]string{"laboratory": "实验室与科学教学装备 Laboratory and science teaching"}

	find := func(lang, query string) store.SiteResults {
		t.Helper()
		res, err := st.SearchSite(ctx, store.SiteQuery{Query: query, Lang: lang, Now: now, Limit: 20, Preview: 5, CategoryWords: words})
		if err != nil {
			t.Fatalf("%s %q: %v", lang, query, err)
		}
		return res
	}
	// first describes a kind's first hit as path/lang.
	first := func(res store.SiteResults, kind string) string {
		if len(res.Hits[kind]) == 0 {
			return ""
		}
		return res.Hits[kind][0].Path + "/" + res.Hits[kind][0].Lang
	}
	for _, tc := range []struct {
		lang, q                         string
		pages, exhibitors, events, news int
		firstPage, firstEvent           string
	}{
		{"zh", "酒店", 1, 0, 0, 1, "/services/hotels/zh", ""},
		{"en", "酒店", 1, 0, 0, 1, "/services/hotels/zh", ""}, // matched in Chinese only: shown so
		{"zh", "hotel", 1, 0, 0, 1, "/services/hotels/en", ""},
		{"en", "HOTELS", 1, 0, 0, 0, "/services/hotels/en", ""},
		{"zh", "收费", 1, 0, 0, 0, "/exhibit/charges/zh", ""}, // a menu page with no text of its own
		{"en", "charges", 1, 0, 0, 0, "/exhibit/charges/en", ""},
		{"zh", "实验室", 0, 1, 0, 0, "", ""},
		{"en", "laboratory", 0, 1, 0, 0, "", ""}, // by its category
		{"en", "1a0", 0, 2, 0, 0, "", ""},
		{"zh", "开幕", 0, 0, 1, 0, "", fmt.Sprintf("/exhibit/schedule#event-%d/zh", opening)},
		{"zh", "opening ceremony", 0, 0, 1, 0, "", fmt.Sprintf("/exhibit/schedule#event-%d/en", opening)},
		{"en", "一号馆", 0, 0, 1, 0, "", fmt.Sprintf("/exhibit/schedule#event-%d/zh", opening)},
		{"zh", "robot", 0, 0, 0, 0, "", ""},
	} {
		res := find(tc.lang, tc.q)
		got := [4]int{res.Counts[store.KindPages], res.Counts[store.KindExhibitors], res.Counts[store.KindEvents], res.Counts[store.KindNews]}
		if want := [4]int{tc.pages, tc.exhibitors, tc.events, tc.news}; got != want {
			t.Errorf("%s %q: pages, exhibitors, events, news = %v, want %v", tc.lang, tc.q, got, want)
		}
		if p := first(res, store.KindPages); p != tc.firstPage {
			t.Errorf("%s %q: first page %q, want %q", tc.lang, tc.q, p, tc.firstPage)
		}
		if e := first(res, store.KindEvents); e != tc.firstEvent {
			t.Errorf("%s %q: first event %q, want %q", tc.lang, tc.q, e, tc.firstEvent)
		}
		if res.Straight != nil {
			t.Errorf("%s %q: leads straight to %+v", tc.lang, tc.q, *res.Straight)
		}
		if len(res.News) != tc.news {
			t.Errorf("%s %q: %d articles shown, want %d", tc.lang, tc.q, len(res.News), tc.news)
		}
	}

	// Straight to an exhibitor by booth or either exact name, or to a booth
	// nobody has yet.
	boxuePath := fmt.Sprintf("/exhibitors/%d-boxue-technology-co-ltd", boxue)
	for _, tc := range []struct{ lang, q, kind, path, hall string }{
		{"zh", "1A02", "exhibitors", boxuePath, "1"},
		{"en", " 1a02 ", "exhibitors", boxuePath, "1"},
		{"en", "boxue technology co., ltd.", "exhibitors", boxuePath, "1"},
		{"en", "沈阳博学科技有限公司", "exhibitors", boxuePath, "1"},
		{"en", "大连海洋教具厂", "exhibitors", fmt.Sprintf("/exhibitors/%d", dalian), "1"},
		{"zh", "２Ｂ０９", "booth", "", "2"}, // full-width, as some input methods type it
	} {
		res := find(tc.lang, tc.q)
		if s := res.Straight; s == nil || s.Kind != tc.kind || s.Path != tc.path || s.Hall != tc.hall {
			t.Errorf("%s %q: straight to %+v, want %s %q in hall %s", tc.lang, tc.q, s, tc.kind, tc.path, tc.hall)
		}
	}

	// One kind paged, the others still counted.
	var seen []int64
	for page := range 2 {
		res, err := st.SearchSite(ctx, store.SiteQuery{Query: "1a0", Lang: "zh", Now: now, Kind: store.KindExhibitors, Limit: 1, Offset: page, CategoryWords: words})
		if err != nil {
			t.Fatal(err)
		}
		h := res.Hits[store.KindExhibitors]
		if len(h) != 1 || res.Counts[store.KindExhibitors] != 2 || len(res.Hits[store.KindPages]) != 0 {
			t.Fatalf("exhibitors' page %d: %+v of %d", page+1, res.Hits, res.Counts[store.KindExhibitors])
		}
		seen = append(seen, h[0].ID)
	}
	if seen[0] == seen[1] {
		t.Errorf("both pages show exhibitor %d", seen[0])
	}
	res := find("zh", "")
	if res.Searched {
		t.Errorf("an empty query searched: %+v", res)
	}
}
