package view

import (
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// RegisterForm is the visitor's pre-registration form, blank or as typed.
type RegisterForm struct {
	*Page
	Values url.Values
	Errors form.Errors
	Notice string // a form.err.* key about the whole form (robot, stale, too many)
	Stamp  string
	Days   []time.Time // the dates on offer (midnight UTC)
	// MailsTickets: the site sends e-mail, so an address given gets the
	// e-ticket link (the field's hint says so).
	MailsTickets bool
}

// Err is the translated error of a field, or "".
func (f *RegisterForm) Err(field string) string {
	if k := f.Errors[field]; k != "" {
		return f.T(k)
	}
	return ""
}

// Roles are the choices of the role select.
func (f *RegisterForm) Roles() []string { return store.RegistrationRoles }

// Checked reports whether day d is ticked.
func (f *RegisterForm) Checked(d time.Time) bool {
	return slices.Contains(f.Values["days"], d.Format(time.DateOnly))
}

// DayLabel is a date with its weekday, as the checkboxes and tickets show it.
func (f *RegisterForm) DayLabel(d time.Time) string { return DayLabel(f.Page, d) }

// DayLabel writes a visit day with its weekday: "2027年4月16日（星期五）".
func DayLabel(p *Page, d time.Time) string {
	return p.T("register.day", p.Date(d), p.T("register.weekday."+strconv.Itoa(int(d.Weekday()))))
}

// SummaryItem is one line of the error summary: the field's id, its label
// and its message.
type SummaryItem struct {
	ID, Label, Message string
}

// Summary lists the fields with errors in the order of the form, each
// linking to the input to fix. fields are (name, label key) pairs.
func (f *RegisterForm) Summary(fields ...string) []SummaryItem {
	var out []SummaryItem
	for i := 0; i+1 < len(fields); i += 2 {
		name := fields[i]
		if msg := f.Err(name); msg != "" {
			id := name
			if name == "days" {
				id = "days-0"
			}
			out = append(out, SummaryItem{ID: id, Label: f.T(fields[i+1]), Message: msg})
		}
	}
	return out
}

// GroupForm is the delegation form: the leader's fields and the member
// file's problems, row by row.
type GroupForm struct {
	RegisterForm
	FileError string // a key: the file as a whole could not be read
	RowErrors []form.RowError
	FileName  string // the file that was sent, to name in the note
}

// HasFileProblem reports whether the file must be fixed.
func (g *GroupForm) HasFileProblem() bool { return g.FileError != "" || len(g.RowErrors) > 0 }

// Column is a member file column's name in the page's language.
func (g *GroupForm) Column(c string) string {
	if c == "" {
		return "–"
	}
	return g.T("register.group.col." + c)
}

// Ticket is one e-ticket: the visitor, the expo's facts, and the QR code of
// the ticket's address.
type Ticket struct {
	Reg  store.Registration
	URL  string // absolute: what the QR code holds
	QR   QRCode
	Code string // the ticket number as printed, with its dash
}

// NewTicket draws r's ticket; url is its absolute address.
func NewTicket(r store.Registration, url string) (Ticket, error) {
	q, err := NewQRCode(url)
	if err != nil {
		return Ticket{}, err
	}
	return Ticket{Reg: r, URL: url, QR: q, Code: store.FormatTicketCode(r.Code)}, nil
}

// Tickets is the e-ticket page, or a delegation's tickets to print, one per
// sheet.
type Tickets struct {
	*Page
	Tickets []Ticket
	Group   *store.VisitorGroup // set on the delegation's print view
	Back    string              // the delegation page, on its print view
}

// DayLabel is a visit day with its weekday.
func (t *Tickets) DayLabel(d time.Time) string { return DayLabel(t.Page, d) }

// Hours is the daily opening time, with the closing day's earlier end.
func (t *Tickets) Hours() string {
	return t.T("home.hours", t.Site.DailyOpens, t.Site.DailyCloses, t.Local(t.Site.ClosesAt).Format("15:04"))
}

// GroupPage lists a delegation's members, each with a link to their ticket.
type GroupPage struct {
	*Page
	Group   store.VisitorGroup
	Members []store.Registration
	Created bool // just registered: say so
}

// Code is a ticket number as printed.
func (g *GroupPage) Code(r store.Registration) string { return store.FormatTicketCode(r.Code) }

// DayLabel is a visit day with its weekday.
func (g *GroupPage) DayLabel(d time.Time) string { return DayLabel(g.Page, d) }
