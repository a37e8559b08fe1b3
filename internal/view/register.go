package view

import (
	"strconv"
	"time"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// RegisterForm is the visitor's pre-registration form, blank or as typed.
type RegisterForm struct {
	*Page
	Form  *form.State
	Stamp string
	Days  []time.Time // the dates on offer (midnight UTC)
	// MailsTickets: the site sends e-mail, so an address given gets the
	// e-ticket link (the field's hint says so).
	MailsTickets bool
}

// Fields are the visitor's inputs in page order.
func (f *RegisterForm) Fields() []form.Field {
	email := f.T("register.hint.email")
	if f.MailsTickets {
		email = f.T("register.hint.email_ticket")
	}
	roles := []form.Option{{Value: "", Label: f.T("register.choose")}}
	for _, r := range store.RegistrationRoles {
		roles = append(roles, form.Option{Value: r, Label: f.T("register.role." + r)})
	}
	return []form.Field{
		{Name: "name", Label: f.T("register.field.name"), Kind: form.Text, Required: true, Autocomplete: "name"},
		{Name: "organisation", Label: f.T("register.field.organisation"), Kind: form.Text, Required: true, Autocomplete: "organization"},
		{Name: "role", Label: f.T("register.field.role"), Kind: form.Select, Required: true, Options: roles},
		{Name: "city", Label: f.T("register.field.city"), Kind: form.Text, Autocomplete: "address-level2"},
		{Name: "phone", Label: f.T("register.field.phone"), Kind: form.Tel, Required: true, Autocomplete: "tel", Hint: f.T("register.hint.phone")},
		{Name: "email", Label: f.T("register.field.email"), Kind: form.Email, Autocomplete: "email", Hint: email},
		f.daysField(),
	}
}

// Field is one of Fields by name.
func (f *RegisterForm) Field(name string) form.Field { return fieldNamed(f.Fields(), name) }

// daysField is the visit days, one box a day on offer.
func (f *RegisterForm) daysField() form.Field {
	days := form.Field{Name: "days", Label: f.T("register.field.days"), Kind: form.Checkboxes, Required: true, Hint: f.T("register.hint.days")}
	for _, d := range f.Days {
		days.Options = append(days.Options, form.Option{Value: d.Format(time.DateOnly), Label: DayLabel(f.Page, d)})
	}
	return days
}

// DayLabel writes a visit day with its weekday: "2027年4月16日（星期五）".
func DayLabel(p *Page, d time.Time) string {
	return p.T("register.day", p.Date(d), p.T("register.weekday."+strconv.Itoa(int(d.Weekday()))))
}

// GroupForm is the delegation form: the leader's fields and the member
// file's problems, row by row.
type GroupForm struct {
	RegisterForm
	RowErrors []form.RowError
	FileName  string // the file that was sent, to name in the note
}

// ChooseAgain reports whether to ask for the file again: it was sent, and
// must be fixed, and a browser never keeps a file input's choice.
func (g *GroupForm) ChooseAgain() bool { return g.FileName != "" && g.Form.Err("members") != "" }

// Fields are the delegation's inputs in page order: the school, its
// leader, the days and the member file.
func (g *GroupForm) Fields() []form.Field {
	email := ""
	if g.MailsTickets {
		email = g.T("register.group.hint.email_link")
	}
	file := form.Field{Name: "members", Label: g.T("register.group.field.file"), Kind: form.File, Required: true,
		Accept: ".csv,.txt,text/csv", Hint: g.T("register.group.file_hint", form.MaxGroupMembers), Describes: "members-template"}
	if g.ChooseAgain() {
		file.Describes = "members-again members-template"
	}
	return []form.Field{
		{Name: "organisation", Label: g.T("register.group.field.organisation"), Kind: form.Text, Required: true, Autocomplete: "organization"},
		{Name: "name", Label: g.T("register.group.field.name"), Kind: form.Text, Required: true, Autocomplete: "name", Hint: g.T("register.group.leader_ticket")},
		{Name: "phone", Label: g.T("register.group.field.phone"), Kind: form.Tel, Required: true, Autocomplete: "tel", Hint: g.T("register.hint.phone")},
		{Name: "email", Label: g.T("register.group.field.email"), Kind: form.Email, Autocomplete: "email", Hint: email},
		{Name: "city", Label: g.T("register.field.city"), Kind: form.Text, Autocomplete: "address-level2"},
		g.daysField(),
		file,
	}
}

// Field is one of Fields by name.
func (g *GroupForm) Field(name string) form.Field { return fieldNamed(g.Fields(), name) }

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
	Again   bool                // the visitor registered again and is shown the ticket they had
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
