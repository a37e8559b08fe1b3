package web

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/ical/icaltest"
	"github.com/expoportal/portal/internal/store"
)

func clearSchedule(t *testing.T, site *testSite) {
	t.Helper()
	if _, err := site.pool.Exec(context.Background(), "DELETE FROM schedule_events; DELETE FROM schedule_changes"); err != nil {
		t.Fatal(err)
	}
}

func addEvent(t *testing.T, site *testSite, kind string, start, end time.Time, zh, en string) store.Event {
	t.Helper()
	texts := map[string]store.EventText{"zh": {Title: zh, Venue: "一号馆"}}
	if en != "" {
		texts["en"] = store.EventText{Title: en, Venue: "Hall 1"}
	}
	e, err := store.New(site.pool).SaveEvent(context.Background(), store.Event{Kind: kind, StartsAt: start, EndsAt: end, Texts: texts}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestScheduleGroupsByLocalDayAcrossMidnight(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearSchedule(t, site)
	d := site.doc(t, "/en/exhibit/schedule", http.StatusOK)
	if d.Find(`[data-testid=schedule-empty]`).Length() != 1 || d.Find(`[data-testid=schedule-day]`).Length() != 0 {
		t.Fatal("an empty schedule should say so calmly")
	}
	// Entered out of order; times in UTC on purpose.
	addEvent(t, site, "other", time.Date(2027, 4, 16, 14, 0, 0, 0, time.UTC), time.Date(2027, 4, 16, 17, 0, 0, 0, time.UTC), "夜场交流会", "Evening meet-up")    // 22:00–01:00 local
	addEvent(t, site, "forum", time.Date(2027, 4, 15, 16, 30, 0, 0, time.UTC), time.Date(2027, 4, 15, 17, 30, 0, 0, time.UTC), "凌晨论坛", "Small-hours forum") // 00:30 on the 16th local, the 15th in UTC
	addEvent(t, site, "other", time.Date(2027, 4, 15, 23, 0, 0, 0, cst), time.Date(2027, 4, 15, 23, 45, 0, 0, cst), "前夜准备会", "")                            // no English: falls back
	addEvent(t, site, "award", time.Date(2027, 4, 17, 23, 0, 0, 0, cst), time.Date(2027, 4, 18, 0, 0, 0, 0, cst), "午夜颁奖", "Midnight awards")                // ends at midnight exactly

	for lang, want := range map[string][]string{
		"en": {
			"2027-04-15|23:00–23:45 前夜准备会",
			"2027-04-16|00:30–01:30 Small-hours forum|22:00–17 April 2027 01:00 Evening meet-up",
			"2027-04-17|23:00–00:00 Midnight awards",
		},
		"zh": {
			"2027-04-15|23:00–23:45 前夜准备会",
			"2027-04-16|00:30–01:30 凌晨论坛|22:00–2027年4月17日 01:00 夜场交流会",
			"2027-04-17|23:00–00:00 午夜颁奖",
		},
	} {
		d := site.doc(t, "/"+lang+"/exhibit/schedule", http.StatusOK)
		var got []string
		d.Find(`[data-testid=schedule-day]`).Each(func(_ int, day *goquery.Selection) {
			row := []string{day.Find("h2 time").AttrOr("datetime", "")}
			day.Find(`[data-testid=schedule-event]`).Each(func(_ int, ev *goquery.Selection) {
				row = append(row, strings.Join(strings.Fields(ev.Find(`[data-testid=schedule-time]`).Text()), " ")+" "+ev.Find("h3").Text())
			})
			got = append(got, strings.Join(row, "|"))
		})
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s days:\n%s\nwant\n%s", lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if lang == "en" {
			ids := map[string]bool{}
			d.Find(`[data-testid=schedule-event]`).Each(func(_ int, ev *goquery.Selection) {
				id := ev.AttrOr("id", "")
				if id == "" || ids[id] {
					t.Errorf("event anchor %q missing or repeated", id)
				}
				ids[id] = true
			})
			if got := d.Find("h3:contains('前夜准备会')").AttrOr("lang", ""); got != "zh" {
				t.Errorf("a fallback title is marked lang=%q, want zh", got)
			}
			if !strings.Contains(d.Find(`[data-testid=schedule-day]`).First().Find("h2").Text(), "Thursday 15 April 2027") {
				t.Errorf("day heading %q", d.Find(`[data-testid=schedule-day] h2`).First().Text())
			}
		} else if !strings.Contains(d.Find(`[data-testid=schedule-day] h2`).First().Text(), "2027年4月15日（星期四）") {
			t.Errorf("day heading %q", d.Find(`[data-testid=schedule-day] h2`).First().Text())
		}
		// The start carries its zone, so a machine reads the right moment.
		if dt := d.Find(`[data-testid=schedule-time] time`).First().AttrOr("datetime", ""); dt != "2027-04-15T23:00:00+08:00" {
			t.Errorf("datetime %q", dt)
		}
	}
}

func TestSchedulePageLinksAndLabels(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	for _, lang := range []string{"zh", "en"} {
		d := site.doc(t, "/"+lang+"/exhibit/schedule", http.StatusOK)
		if d.Find("h1").Length() != 1 || d.Find(`[data-testid=schedule-day]`).Length() != 5 {
			t.Errorf("%s: %d h1, %d days (demo: 14–18 April)", lang, d.Find("h1").Length(), d.Find(`[data-testid=schedule-day]`).Length())
		}
		if d.Find(`[data-testid=schedule-tz]`).Text() == "" {
			t.Error("the time zone is not stated")
		}
		if href := d.Find(`head link[rel=alternate][type="application/atom+xml"]`).AttrOr("href", ""); href != "/feeds/"+lang+"/schedule.atom" {
			t.Errorf("%s: feed link in head %q", lang, href)
		}
		if href := d.Find(`[data-testid=schedule-ics]`).AttrOr("href", ""); href != "/schedule.ics?lang="+lang {
			t.Errorf("%s: ics link %q", lang, href)
		}
		events := d.Find(`[data-testid=schedule-event]`)
		links := d.Find(`[data-testid=event-ics]`)
		if events.Length() < 12 || links.Length() != events.Length() {
			t.Errorf("%s: %d events, %d calendar links", lang, events.Length(), links.Length())
		}
		// Every link the page shows answers.
		for _, href := range []string{d.Find(`[data-testid=schedule-ics]`).AttrOr("href", ""), links.First().AttrOr("href", ""), "/feeds/" + lang + "/schedule.atom"} {
			res := site.get(t, href)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s: %d", href, res.StatusCode)
			}
		}
	}
}

// icsEvents fetches a calendar file and returns its events, checking the
// headers and that it parses strictly.
func icsEvents(t *testing.T, site *testSite, path string) []*icaltest.Component {
	t.Helper()
	res := site.get(t, path)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", path, res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="`) || !strings.HasSuffix(cd, `.ics"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	cal, err := icaltest.Parse(body)
	if err != nil {
		t.Fatalf("%s: %v\n%s", path, err, body)
	}
	for name, want := range map[string]string{"VERSION": "2.0", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH"} {
		if cal.Get(name) != want {
			t.Errorf("%s = %q", name, cal.Get(name))
		}
	}
	if cal.Get("PRODID") == "" || cal.Get("X-WR-CALNAME") == "" {
		t.Error("no PRODID or X-WR-CALNAME")
	}
	for _, ev := range cal.Children {
		for _, p := range []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY", "URL"} {
			if ev.Count(p) != 1 {
				t.Errorf("%s: %d %s", ev.Get("SUMMARY"), ev.Count(p), p)
			}
		}
		for _, p := range []string{"DTSTAMP", "DTSTART", "DTEND", "LAST-MODIFIED"} {
			if _, err := time.Parse("20060102T150405Z", ev.Get(p)); err != nil {
				t.Errorf("%s %s: not UTC: %q", ev.Get("SUMMARY"), p, ev.Get(p))
			}
		}
	}
	return cal.Children
}

func text(t *testing.T, ev *icaltest.Component, name string) string {
	t.Helper()
	s, err := icaltest.Text(ev.Get(name))
	if err != nil {
		t.Errorf("%s: %v", name, err)
	}
	return s
}

func TestScheduleICSRoundTrip(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	items, err := store.New(site.pool).Schedule(context.Background(), "en")
	if err != nil {
		t.Fatal(err)
	}
	all := icsEvents(t, site, "/schedule.ics?lang=en")
	if len(all) != len(items) {
		t.Fatalf("%d events in the file, %d in the schedule", len(all), len(items))
	}
	if text(t, all[0], "SUMMARY") != items[0].Title || all[0].Get("DTSTART") != items[0].StartsAt.UTC().Format("20060102T150405Z") {
		t.Errorf("first event %q at %s", text(t, all[0], "SUMMARY"), all[0].Get("DTSTART"))
	}
	if zh := icsEvents(t, site, "/schedule.ics"); text(t, zh[0], "SUMMARY") == text(t, all[0], "SUMMARY") {
		t.Error("no ?lang= should give Chinese")
	}
	for _, bad := range []string{"/schedule.ics?lang=fr", "/schedule/999999.ics", "/schedule/abc.ics", "/schedule/" + strconv.FormatInt(items[0].ID, 10) + ".ics?lang=xx"} {
		res := site.get(t, bad)
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", bad, res.StatusCode)
		}
	}

	// An organiser moves a forum and rewrites its words.
	addUser(t, site, "org@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "org@expo.example", "Shenyang-Expo-2027")
	var forum store.ScheduleItem
	for _, it := range items {
		if it.Kind == "forum" {
			forum = it
			break
		}
	}
	id := strconv.FormatInt(forum.ID, 10)
	before := icsEvents(t, site, "/schedule/"+id+".ics?lang=zh")
	if len(before) != 1 || before[0].Get("SEQUENCE") != "0" {
		t.Fatalf("before: %d events, SEQUENCE %q", len(before), before[0].Get("SEQUENCE"))
	}
	long := strings.Repeat("本场论坛邀请教育行政部门、学校和企业代表，围绕智慧校园；数字化教学\\评价展开交流。", 6) + "\n第二段：欢迎参加, 免费入场。"
	tricky := "二号馆, 第一会议室; 东侧"
	form := url.Values{
		"kind": {"forum"}, "starts_at": {"2027-04-17T10:00"}, "ends_at": {"2027-04-17T11:30"},
		"title_zh": {"论坛，改期；新时间"}, "venue_zh": {tricky}, "description_zh": {strings.ReplaceAll(long, "\n", "\r\n")},
		"title_en": {"Forum, moved; new time"}, "venue_en": {"Hall 2"},
		"version": {editorVersion(t, b, "/admin/schedule/"+id)},
	}
	if res := b.post(t, "/admin/schedule/"+id, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	after := icsEvents(t, site, "/schedule/"+id+".ics?lang=zh")[0]
	if after.Get("UID") != before[0].Get("UID") || after.Get("UID") != forum.UID {
		t.Errorf("UID changed: %q -> %q", before[0].Get("UID"), after.Get("UID"))
	}
	if after.Get("SEQUENCE") != "1" {
		t.Errorf("SEQUENCE %q after a move, want 1", after.Get("SEQUENCE"))
	}
	if after.Get("DTSTART") != "20270417T020000Z" || after.Get("DTEND") != "20270417T033000Z" {
		t.Errorf("moved to %s–%s", after.Get("DTSTART"), after.Get("DTEND"))
	}
	if got := text(t, after, "DESCRIPTION"); got != long {
		t.Errorf("description does not round-trip:\n%q\n%q", got, long)
	}
	if got := text(t, after, "SUMMARY"); got != "论坛，改期；新时间" {
		t.Errorf("summary %q", got)
	}
	if got := text(t, after, "LOCATION"); !strings.HasPrefix(got, tricky+", 辽宁工业展览馆") {
		t.Errorf("location %q", got)
	}
	if en := icsEvents(t, site, "/schedule/"+id+".ics?lang=en")[0]; text(t, en, "SUMMARY") != "Forum, moved; new time" || en.Get("UID") != forum.UID {
		t.Errorf("en: %q %q", text(t, en, "SUMMARY"), en.Get("UID"))
	}
	// A text-only edit keeps the SEQUENCE.
	form.Set("title_en", "Forum on digital learning")
	form.Set("version", editorVersion(t, b, "/admin/schedule/"+id))
	if res := b.post(t, "/admin/schedule/"+id, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("text edit: %d", res.StatusCode)
	}
	if again := icsEvents(t, site, "/schedule/"+id+".ics?lang=en")[0]; again.Get("SEQUENCE") != "1" || again.Get("UID") != forum.UID {
		t.Errorf("after a text edit: SEQUENCE %q UID %q", again.Get("SEQUENCE"), again.Get("UID"))
	}
}

type scheduleAtom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func scheduleFeedOf(t *testing.T, site *testSite, lang string) scheduleAtom {
	t.Helper()
	res := site.get(t, "/feeds/"+lang+"/schedule.atom")
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var f scheduleAtom
	if err := xml.Unmarshal(body, &f); err != nil {
		t.Fatalf("feed is not Atom XML: %v\n%s", err, body)
	}
	return f
}

func TestScheduleAdminEditorAndFeed(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearSchedule(t, site)
	addUser(t, site, "org@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "org@expo.example", "Shenyang-Expo-2027", "Accept-Language: en")
	if f := scheduleFeedOf(t, site, "en"); len(f.Entries) != 0 || f.Updated == "" {
		t.Fatalf("empty feed: %+v", f)
	}

	// Bad input: 422, everything typed kept, errors by the fields, nothing written.
	bad := url.Values{"kind": {"forum"}, "starts_at": {"2027-04-16T14:00"}, "ends_at": {"2027-04-16T13:00"},
		"title_zh": {""}, "title_en": {"Robotics forum"}, "venue_en": {"Hall 2"}, "description_en": {"Bring <b>laptops</b>"}}
	req, _ := http.NewRequest(http.MethodPost, site.URL+"/admin/schedule/new", strings.NewReader(bad.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", "en")
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := goqueryParse(res)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad input: %d", res.StatusCode)
	}
	if d.Find("#title_en").AttrOr("value", "") != "Robotics forum" || d.Find("#starts_at").AttrOr("value", "") != "2027-04-16T14:00" ||
		d.Find("#description_en").Text() != "Bring <b>laptops</b>" || d.Find("#kind option[selected]").AttrOr("value", "") != "forum" {
		t.Error("the typed input is not kept")
	}
	for field, want := range map[string]string{"ends_at": "The end must come after the start.", "title_zh": "Give a Chinese title: the schedule is published in Chinese first."} {
		if got := d.Find("#" + field + "-err").Text(); got != want {
			t.Errorf("%s error %q, want %q", field, got, want)
		}
		if d.Find("#"+field).AttrOr("aria-invalid", "") != "true" || !strings.Contains(d.Find("#"+field).AttrOr("aria-describedby", ""), field+"-err") {
			t.Errorf("%s is not marked invalid for screen readers", field)
		}
	}
	if d.Find("#title_en").AttrOr("aria-invalid", "") != "" {
		t.Error("a valid field is marked invalid")
	}
	var n int
	site.pool.QueryRow(context.Background(), "SELECT (SELECT count(*) FROM schedule_events) + (SELECT count(*) FROM schedule_changes)").Scan(&n)
	if n != 0 {
		t.Fatalf("a refused form wrote %d rows", n)
	}
	for _, tc := range []struct{ field, value, key string }{
		{"kind", "party", "#kind-err"}, {"starts_at", "tomorrow", "#starts_at-err"}, {"ends_at", "2027-06-30T10:00", "#ends_at-err"},
		{"venue_zh", strings.Repeat("馆", 201), "#venue_zh-err"},
	} {
		f := url.Values{"kind": {"forum"}, "starts_at": {"2027-04-16T14:00"}, "ends_at": {"2027-04-16T15:00"}, "title_zh": {"论坛"}}
		f.Set(tc.field, tc.value)
		req, _ := http.NewRequest(http.MethodPost, site.URL+"/admin/schedule/new", strings.NewReader(f.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, _ := b.Do(req)
		d, _ := goqueryParse(res)
		if res.StatusCode != http.StatusUnprocessableEntity || d.Find(tc.key).Length() != 1 {
			t.Errorf("%s=%q: %d, error shown %v", tc.field, tc.value, res.StatusCode, d.Find(tc.key).Length() == 1)
		}
	}

	// A good save: 303 with the notice, public at once, audited.
	good := url.Values{"kind": {"forum"}, "starts_at": {"2027-04-16T14:00"}, "ends_at": {"2027-04-16T16:00"},
		"title_zh": {"机器人教育论坛"}, "venue_zh": {"二号馆"}, "title_en": {"Robotics forum"}, "venue_en": {"Hall 2"}}
	res = b.post(t, "/admin/schedule/new", good)
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/schedule/") || !strings.HasSuffix(loc, "?saved=1") {
		t.Fatalf("save: %d to %q", res.StatusCode, loc)
	}
	editPath := strings.TrimSuffix(loc, "?saved=1")
	if _, body := b.get(t, loc); parse(t, body).Find(`[data-testid=saved]`).Length() != 1 {
		t.Error("no saved notice")
	}
	if d := site.doc(t, "/en/exhibit/schedule", http.StatusOK); d.Find("h3:contains('Robotics forum')").Length() != 1 {
		t.Error("the new event is not on the public page at once")
	}
	var audit string
	site.pool.QueryRow(context.Background(), "SELECT summary FROM audit_log WHERE action = 'schedule.create'").Scan(&audit)
	if !strings.Contains(audit, `en "Robotics forum"`) || !strings.Contains(audit, "2027-04-16 06:00Z–2027-04-16 08:00Z") {
		t.Errorf("audit %q", audit)
	}
	if _, body := b.get(t, "/admin/schedule"); parse(t, body).Find(`[data-testid=schedule-admin-day] a[href="`+editPath+`"]`).Length() != 1 {
		t.Error("the list does not link to the event")
	}

	// Move it; the feed says so, newest first.
	good.Set("starts_at", "2027-04-17T10:00")
	good.Set("ends_at", "2027-04-17T12:00")
	good.Set("version", editorVersion(t, b, editPath))
	if res := b.post(t, editPath, good); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d", res.StatusCode)
	}
	f := scheduleFeedOf(t, site, "en")
	if len(f.Entries) != 2 {
		t.Fatalf("%d entries after add and move", len(f.Entries))
	}
	if want := "Robotics forum moved: 16 April 2027 14:00–16:00 → 17 April 2027 10:00–12:00"; f.Entries[0].Title != want {
		t.Errorf("entry %q, want %q", f.Entries[0].Title, want)
	}
	if !strings.HasPrefix(f.Entries[1].Title, "Added: Robotics forum") {
		t.Errorf("entry %q", f.Entries[1].Title)
	}
	if zh := scheduleFeedOf(t, site, "zh"); zh.Entries[0].Title != "时间调整：机器人教育论坛，2027年4月16日 14:00–16:00 → 2027年4月17日 10:00–12:00" {
		t.Errorf("zh entry %q", zh.Entries[0].Title)
	}
	ids := map[string]bool{}
	for _, e := range f.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || ids[e.ID] || !strings.HasPrefix(e.ID, "https://expo.example.org/") {
			t.Errorf("entry id %q updated %q", e.ID, e.Updated)
		}
		ids[e.ID] = true
	}

	// Delete: a confirmation first, then the event is gone and reported cancelled.
	_, body := b.get(t, editPath)
	confirm := parse(t, body).Find(`[data-testid=delete-link]`).AttrOr("href", "")
	if confirm != editPath+"/delete" {
		t.Fatalf("delete link %q", confirm)
	}
	_, body = b.get(t, confirm)
	if parse(t, body).Find(`[data-testid=confirm-delete] form[method=post]`).AttrOr("action", "") != confirm {
		t.Fatal("the confirmation has no form that deletes")
	}
	if site.doc(t, "/en/exhibit/schedule", http.StatusOK).Find("h3:contains('Robotics forum')").Length() != 1 {
		t.Fatal("asking to delete deleted")
	}
	if res := b.post(t, confirm, nil); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/schedule?deleted=1" {
		t.Fatalf("delete: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if site.doc(t, "/en/exhibit/schedule", http.StatusOK).Find("h3:contains('Robotics forum')").Length() != 0 {
		t.Error("a deleted event is still public")
	}
	f2 := scheduleFeedOf(t, site, "en")
	if len(f2.Entries) != 3 || f2.Entries[0].Title != "Cancelled: Robotics forum (was 17 April 2027 10:00–12:00)" {
		t.Errorf("after delete: %+v", f2.Entries)
	}
	if f2.Entries[1].ID != f.Entries[0].ID || f2.Entries[2].ID != f.Entries[1].ID {
		t.Error("entry ids are not stable")
	}
	if res, _ := b.get(t, editPath); res.StatusCode != http.StatusNotFound {
		t.Errorf("the deleted event's editor: %d", res.StatusCode)
	}
}

// editorVersion is the version an editor at path opens on (its hidden input).
func editorVersion(t *testing.T, b *staff, path string) string {
	t.Helper()
	v, ok := b.page(t, path, http.StatusOK).Find(`form.editor input[name=version]`).Attr("value")
	if !ok || v == "" || v == "0" {
		t.Fatalf("%s: the editor carries no version (%q)", path, v)
	}
	return v
}

// openedForm is what an editor at path would post if saved as opened.
func openedForm(t *testing.T, b *staff, path string) url.Values {
	t.Helper()
	return editorFormValues(b.page(t, path, http.StatusOK))
}

// formValues is what the editor on d posts: its inputs, selects (the
// selected option), ticked boxes and textareas.
func editorFormValues(d *goquery.Document) url.Values {
	v := url.Values{}
	d.Find(`form.editor input[name], form.editor select[name], form.editor textarea[name]`).Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		switch {
		case goquery.NodeName(s) == "select":
			v.Set(name, s.Find("option[selected]").AttrOr("value", ""))
		case goquery.NodeName(s) == "textarea":
			v.Set(name, s.Text())
		case s.AttrOr("type", "") == "file":
		case s.AttrOr("type", "") == "checkbox" || s.AttrOr("type", "") == "radio":
			if _, on := s.Attr("checked"); on {
				v.Add(name, s.AttrOr("value", "on"))
			}
		default:
			v.Set(name, s.AttrOr("value", ""))
		}
	})
	return v
}

func TestEventEditorRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	clearSchedule(t, site)
	addUser(t, site, "org@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "org@expo.example", "Shenyang-Expo-2027")
	res := b.post(t, "/admin/schedule/new", url.Values{"kind": {"forum"}, "starts_at": {"2027-04-16T14:00"}, "ends_at": {"2027-04-16T16:00"},
		"title_zh": {"机器人论坛"}, "title_en": {"Robotics forum"}, "venue_en": {"Hall 2"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	path := strings.TrimSuffix(res.Header.Get("Location"), "?saved=1")
	first, second := openedForm(t, b, path), openedForm(t, b, path)
	if first.Get("version") != "1" || first.Get("title_zh") != "机器人论坛" {
		t.Fatalf("the editor opened on %v", first)
	}
	first.Set("ends_at", "2027-04-16T17:30")
	if res := b.post(t, path, first); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	second.Set("venue_en", "Hall 3, room 2")
	res, d := b.postDoc(t, path, second)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("a save based on the old version: %d, want 409", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find("#venue_en").AttrOr("value", "") != "Hall 3, room 2" {
		t.Error("the refused form does not say why, or lost what was typed")
	}
	// As the back office writes a moment in the staff member's language,
	// not as the input holds it (2027-04-16T17:30).
	if got := d.Find("#ends_at-stored .field-stored-value").Text(); got != "2027年4月16日 17:30" {
		t.Errorf("the end saved meanwhile shows as %q, want 2027年4月16日 17:30", got)
	}
	if got := d.Find("#venue_en-stored .field-stored-value").Text(); got != "Hall 2" {
		t.Errorf("the venue saved now shows as %q, want Hall 2", got)
	}
	if d.Find("#title_zh-stored").Length() != 0 {
		t.Error("an unchanged field shows a saved value")
	}
	var venue string
	_ = site.pool.QueryRow(context.Background(), "SELECT venue FROM schedule_event_texts WHERE event_id = $1 AND lang = 'en'",
		strings.TrimPrefix(path, "/admin/schedule/")).Scan(&venue)
	if venue != "Hall 2" {
		t.Errorf("the refused save wrote: venue %q", venue)
	}
	// Saving the refused form again is a deliberate choice: it goes through.
	if res := b.post(t, path, editorFormValues(d)); res.StatusCode != http.StatusSeeOther {
		t.Errorf("saving again on purpose: %d", res.StatusCode)
	}
	if got := openedForm(t, b, path); got.Get("venue_en") != "Hall 3, room 2" || got.Get("version") != "3" {
		t.Errorf("after saving again: venue %q, version %q", got.Get("venue_en"), got.Get("version"))
	}
}
