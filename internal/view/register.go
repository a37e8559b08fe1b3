package view

import (
	"slices"
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

// GroupForm is the delegation form: the leader's fields, the members typed
// as rows, and the member file's problems, row by row.
type GroupForm struct {
	RegisterForm
	RowErrors []form.RowError
	FileName  string // the file that was sent, to name in the note
	Rows      int    // how many member rows to show
}

// ChooseAgain reports whether to ask for the file again: it was sent, and
// must be fixed, and a browser never keeps a file input's choice.
func (g *GroupForm) ChooseAgain() bool { return g.FileName != "" && g.Form.Err("members") != "" }

// LeaderFields are the school's and its leader's inputs and the days, in
// page order.
func (g *GroupForm) LeaderFields() []form.Field {
	email := ""
	if g.MailsTickets {
		email = g.T("register.group.hint.email_link")
	}
	return []form.Field{
		{Name: "organisation", Label: g.T("register.group.field.organisation"), Kind: form.Text, Required: true, Autocomplete: "organization"},
		{Name: "name", Label: g.T("register.group.field.name"), Kind: form.Text, Required: true, Autocomplete: "name", Hint: g.T("register.group.leader_ticket")},
		{Name: "phone", Label: g.T("register.group.field.phone"), Kind: form.Tel, Required: true, Autocomplete: "tel", Hint: g.T("register.hint.phone")},
		{Name: "email", Label: g.T("register.group.field.email"), Kind: form.Email, Autocomplete: "email", Hint: email},
		{Name: "city", Label: g.T("register.field.city"), Kind: form.Text, Autocomplete: "address-level2"},
		g.daysField(),
	}
}

// FileField is the member file, the other way to give the members.
func (g *GroupForm) FileField() form.Field {
	file := form.Field{Name: "members", Label: g.T("register.group.field.file"), Kind: form.File, Quiet: true,
		Accept: ".csv,.txt,text/csv", Hint: g.T("register.group.file_hint", form.MaxGroupMembers), Describes: "members-template"}
	if g.ChooseAgain() {
		file.Describes = "members-again members-template"
	}
	return file
}

// RowsField stands for the member rows as a whole in the error summary
// (none typed, too many): it links to their fieldset.
func (g *GroupForm) RowsField() form.Field {
	return form.Field{Name: "rows", Label: g.T("register.group.rows.title"), ID: "member-rows"}
}

// MemberRow is one member's row: its number and its inputs.
type MemberRow struct {
	N      int
	Fields []form.Field
}

// Invalid reports whether any of the row's inputs has an error in st.
func (m MemberRow) Invalid(st *form.State) bool {
	return slices.ContainsFunc(m.Fields, func(f form.Field) bool { return st.Err(f.Name) != "" })
}

// ID is the row's element id, which the "add rows" button jumps to.
func (m MemberRow) ID() string { return "member-" + strconv.Itoa(m.N) }

// MemberRows are the rows shown. Their inputs have no marker: the rows'
// note says once what a row needs, and an empty row is simply left out.
// Nothing autocompletes: these are other people's names and numbers.
func (g *GroupForm) MemberRows() []MemberRow {
	roles := []form.Option{{Value: "student", Label: g.T("register.role.student")}}
	for _, r := range store.RegistrationRoles {
		if r != "student" {
			roles = append(roles, form.Option{Value: r, Label: g.T("register.role." + r)})
		}
	}
	out := make([]MemberRow, 0, g.Rows)
	for i := 1; i <= g.Rows; i++ {
		name := func(col string) string { return form.MemberField(i, col) }
		out = append(out, MemberRow{N: i, Fields: []form.Field{
			{Name: name("name"), Label: g.T("register.group.col.name"), Kind: form.Text, Quiet: true, Autocomplete: "off"},
			{Name: name("role"), Label: g.T("register.group.col.role"), Kind: form.Select, Quiet: true, Options: roles},
			{Name: name("phone"), Label: g.T("register.group.col.phone"), Kind: form.Tel, Quiet: true, Autocomplete: "off"},
			{Name: name("email"), Label: g.T("register.group.col.email"), Kind: form.Email, Autocomplete: "off"},
		}})
	}
	return out
}

// AddRows is how many rows the "add rows" button adds; 0 when the form
// already shows as many as may be typed.
func (g *GroupForm) AddRows() int { return min(form.GroupRowsStep, form.MaxGroupRows-g.Rows) }

// Fields are every input in page order, for the error summary: a row's
// input is named with its row ("Member 3, Mobile").
func (g *GroupForm) Fields() []form.Field {
	fs := append(g.LeaderFields(), g.RowsField())
	for _, row := range g.MemberRows() {
		for _, f := range row.Fields {
			f.Label = g.T("register.group.row_field", row.N, f.Label)
			fs = append(fs, f)
		}
	}
	return append(fs, g.FileField())
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
