package view

import (
	"fmt"
	"time"
)

// Phase is where the expo stands, as the home page tells it.
type Phase string

const (
	Before Phase = "before" // counting down to the opening
	During Phase = "during" // open: today's hours, how to get there
	After  Phase = "after"  // closed: thanks, the review, next year's date
)

// Home is the home page's view model.
type Home struct {
	*Page
	Phase                Phase
	Days, Hours, Minutes int    // until the opening (Before)
	TodayHours           string // "09:00–17:00" (During)
	NextOpens            *time.Time
	News                 []HomeNews // latest expo and industry news
}

// NewHome places p.Now against the expo's dates (in the site's time zone):
// before the opening day, from its midnight to the end of the closing day
// (the opening morning shows today's hours, not a countdown), after.
func NewHome(p *Page) *Home {
	h := &Home{Page: p}
	opens, closes, now := p.Local(p.Site.OpensAt), p.Local(p.Site.ClosesAt), p.Now
	firstDay := time.Date(opens.Year(), opens.Month(), opens.Day(), 0, 0, 0, 0, opens.Location())
	lastDayEnd := time.Date(closes.Year(), closes.Month(), closes.Day(), 0, 0, 0, 0, closes.Location()).AddDate(0, 0, 1)
	switch {
	case now.Before(firstDay):
		h.Phase = Before
	case now.Before(lastDayEnd):
		h.Phase = During
	default:
		h.Phase = After
	}
	if now.Before(opens) {
		left := opens.Sub(now)
		h.Days = int(left / (24 * time.Hour))
		h.Hours = int(left % (24 * time.Hour) / time.Hour)
		h.Minutes = int(left % time.Hour / time.Minute)
	}
	if h.Phase == During {
		closing := p.Site.DailyCloses
		if sameDay(now, closes) {
			closing = closes.Format("15:04")
		}
		h.TodayHours = fmt.Sprintf("%s–%s", p.Site.DailyOpens, closing)
	}
	if n := p.Site.NextOpensAt; n != nil && n.After(closes) {
		local := p.Local(*n)
		h.NextOpens = &local
	}
	return h
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}
