package ical_test

import (
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/ical"
	"github.com/expoportal/portal/internal/ical/icaltest"
)

func TestEncodeRoundTrips(t *testing.T) {
	t.Parallel()
	cst := time.FixedZone("CST", 8*3600)
	long := strings.Repeat("教育数字化转型论坛：智慧课堂、实验教学与校园安全，", 12)
	tricky := "Room 3; Hall 2, east\\west\nsecond line, with ; and \\n literally"
	e := ical.Event{
		UID: "0b7c2a9e-uid", Sequence: 2,
		Stamp: time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC),
		Start: time.Date(2027, 4, 16, 0, 30, 0, 0, cst), End: time.Date(2027, 4, 16, 2, 0, 0, 0, cst),
		Modified: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),
		Summary:  "Forum, day 1; \"open\"", Description: long, Location: tricky,
		Categories: []string{"forum", "a,b"}, URL: "https://expo.example.org/en/exhibit/schedule#event-1",
	}
	data := ical.Calendar{ProdID: "-//Expo//Portal//EN", Name: "日程, 2027", Events: []ical.Event{e}}.Encode()
	cal, err := icaltest.Parse(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if cal.Name != "VCALENDAR" || cal.Get("VERSION") != "2.0" || cal.Get("METHOD") != "PUBLISH" || cal.Get("CALSCALE") != "GREGORIAN" {
		t.Errorf("calendar header: %+v", cal.Props)
	}
	if len(cal.Children) != 1 || cal.Children[0].Name != "VEVENT" {
		t.Fatalf("children %+v", cal.Children)
	}
	ev := cal.Children[0]
	for name, want := range map[string]string{
		"SUMMARY": e.Summary, "DESCRIPTION": long, "LOCATION": tricky,
	} {
		got, err := icaltest.Text(ev.Get(name))
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	if name, _ := icaltest.Text(cal.Get("X-WR-CALNAME")); name != "日程, 2027" {
		t.Errorf("X-WR-CALNAME %q", name)
	}
	// 00:30 in Shanghai is the day before in UTC.
	for name, want := range map[string]string{
		"DTSTART": "20270415T163000Z", "DTEND": "20270415T180000Z", "DTSTAMP": "20270102T030405Z",
		"LAST-MODIFIED": "20270101T000000Z", "SEQUENCE": "2", "UID": "0b7c2a9e-uid", "CATEGORIES": `forum,a\,b`,
		"URL": e.URL,
	} {
		if got := ev.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	// The long Chinese text was folded: many physical lines, none split a
	// character (Parse checks every line is UTF-8 and at most 75 octets).
	if n := strings.Count(string(data), "\r\n "); n < 10 {
		t.Errorf("only %d folds for a %d-octet description", n, len(long))
	}
	if strings.Contains(strings.ReplaceAll(string(data), "\r\n", ""), "\n") {
		t.Error("a bare LF in the output")
	}
}

func TestFoldingEdges(t *testing.T) {
	t.Parallel()
	// Lengths around the limit, in one-, two-, three- and four-octet characters.
	for _, unit := range []string{"a", "é", "展", "𠀋"} {
		for n := 60; n < 90; n++ {
			s := strings.Repeat(unit, n/len(unit)+1)
			data := ical.Calendar{ProdID: "x", Events: []ical.Event{{UID: "u", Summary: s}}}.Encode()
			cal, err := icaltest.Parse(data)
			if err != nil {
				t.Fatalf("%q×%d: %v", unit, n, err)
			}
			if got, _ := icaltest.Text(cal.Children[0].Get("SUMMARY")); got != s {
				t.Fatalf("%q×%d does not round-trip", unit, n)
			}
		}
	}
}

func TestTextDropsControlCharacters(t *testing.T) {
	t.Parallel()
	if got := ical.Text("a\r\nb\x00c\x07d\te"); got != `a\nbcd`+"\te" {
		t.Errorf("Text = %q", got)
	}
}
