package view

import (
	"github.com/expoportal/portal/internal/form"
	"strconv"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/store"
)

// RegistrationsAdmin is the organisers' overview: the figures, the filters
// and one page of the visitors they admit.
type RegistrationsAdmin struct {
	*Admin
	Stats store.RegistrationStats
	Days  []time.Time // the days the day filter offers
	Roles []string
	// The filters as chosen (Day as 2006-01-02), and as a query string
	// (already escaped) for the pager and the export.
	Day, Role, Arrived, Q string
	Query                 string
	Items                 []store.RegistrationEntry
	Total                 int // admitted by the filters
	Page, Pages           int
}

// Filtered reports whether any filter is set.
func (v *RegistrationsAdmin) Filtered() bool { return v.Query != "" }

// Href is the URL of page n with the filters.
func (v *RegistrationsAdmin) Href(n int) string {
	return Pager{Current: v.Page, Pages: v.Pages, Base: "/admin/registrations", Extra: v.Query}.Href(n)
}

// ExportHref downloads what the filters admit.
func (v *RegistrationsAdmin) ExportHref() string {
	if v.Query == "" {
		return "/admin/registrations/export"
	}
	return "/admin/registrations/export?" + v.Query
}

// DayValue is a day as the filter's select writes it.
func DayValue(d time.Time) string { return d.Format(time.DateOnly) }

// DayList writes a visitor's days in the staff member's language.
func (a *Admin) DayList(days []time.Time) string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = a.Date(d)
	}
	return strings.Join(out, a.T("registrations.days_sep"))
}

// ShortDays writes a visitor's days without the year, for the list: the
// expo's days all fall in one year.
func (a *Admin) ShortDays(days []time.Time) string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = a.T("format.day_month", strconv.Itoa(d.Year()), strconv.Itoa(int(d.Month())), strconv.Itoa(d.Day()), d.Month().String()[:3])
	}
	return strings.Join(out, a.T("registrations.days_sep"))
}

// Share is n as a whole percentage of most, for the bars; at least 1 for
// any n > 0, so a city of one visitor still shows.
func Share(n, most int) int {
	if n <= 0 || most <= 0 {
		return 0
	}
	return max(1, n*100/most)
}

// DayMost is the largest figure of the day table, the scale of its bars.
func (v *RegistrationsAdmin) DayMost() int {
	m := 0
	for _, d := range v.Stats.Days {
		m = max(m, d.Registered, d.CheckedIn)
	}
	return m
}

// RoleMost is the scale of the role bars.
func (v *RegistrationsAdmin) RoleMost() int {
	m := 0
	for _, g := range v.Stats.Roles {
		m = max(m, g.Count)
	}
	return m
}

// CityMost is the scale of the city bars, "other" included.
func (v *RegistrationsAdmin) CityMost() int {
	m := max(v.Stats.OtherCities, v.Stats.NoCity)
	for _, g := range v.Stats.Cities {
		m = max(m, g.Count)
	}
	return m
}

// CheckInPage is the door's page: the input, and the last scan's result.
type CheckInPage struct {
	*Admin
	Result   *store.CheckInResult // nil before the first scan
	Entered  string               // what was scanned, shown with an unknown result
	Empty    bool                 // the form came with nothing in it
	NotToday bool                 // admitted, though registered for other days
	Today    time.Time            // in the expo's time zone
	Arrived  int                  // checked in today
}

// TicketField is the scanner's input: a code or a ticket's address, typed
// or read by a barcode scanner that ends with Enter.
func (c *CheckInPage) TicketField() form.Field {
	describes := ""
	if c.Result != nil {
		describes = "checkin-result"
	}
	return form.Field{Name: "ticket", Label: c.T("checkin.input"), Hint: c.T("checkin.hint"), Kind: form.Text, MaxLen: 512, Required: true,
		Autocomplete: "off", Describes: describes,
		Attrs: map[string]string{"autofocus": "", "autocapitalize": "characters", "spellcheck": "false", "enterkeyhint": "go"}}
}

// TicketState is the scanner form's state: empty, or the empty post's error.
func (c *CheckInPage) TicketState() *form.State {
	st := form.NewState(nil)
	if c.Empty {
		st.Fail("ticket", "checkin.empty")
	}
	return st
}

// Outcome is the result's outcome, or "".
func (c *CheckInPage) Outcome() string {
	if c.Result == nil {
		return ""
	}
	return c.Result.Outcome
}
