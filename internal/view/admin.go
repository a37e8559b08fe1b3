package view

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/static"
)

// Admin is the frame of a back-office page, in the staff member's language.
type Admin struct {
	*i18n.Printer
	Title    string
	User     *store.User // nil on the sign-in page
	Path     string      // the page's path, for the menu and the language switch
	Langs    []i18n.Lang
	Assets   *static.Assets
	ExpoName string
	Loc      *time.Location // the expo's time zone
	// NewApplications is how many booth applications are new, for the
	// menu's badge (organisers and admins only).
	NewApplications int
	Halls           store.Halls // every hall in order, for their names
}

// HallName is a hall's name in the staff member's language.
func (a *Admin) HallName(code string) string { return a.Halls.Name(code, a.Lang.Code) }

// When formats a moment in the expo's time zone.
func (a *Admin) When(t time.Time) string { return a.DateTime(t.In(a.Loc)) }

// Asset is the content-hashed URL of a static file.
func (a *Admin) Asset(name string) string { return a.Assets.URL(name) }

// Can reports whether the signed-in user has one of roles.
func (a *Admin) Can(roles ...auth.Role) bool {
	if a.User == nil {
		return false
	}
	for _, r := range roles {
		if a.User.Role == r {
			return true
		}
	}
	return false
}

// Login is the sign-in page. Its form's notice says why a sign-in failed;
// next (a hidden field) is where to go after.
type Login struct {
	*Admin
	Form *form.State
}

// Fields are the sign-in form's inputs.
func (l *Login) Fields() []form.Field {
	return []form.Field{
		{Name: "email", Label: l.T("admin.email"), Kind: form.Email, Required: true, Autocomplete: "username", MaxLen: 254},
		{Name: "password", Label: l.T("admin.password"), Kind: form.Password, Required: true, Autocomplete: "current-password", MaxLen: 1024},
	}
}

// Dashboard is the back office's front page.
type Dashboard struct {
	*Admin
	Drafts, Scheduled int
	DraftList         []store.AdminArticle
	ScheduledList     []store.AdminArticle
	Recent            []store.AuditEntry
	Days              []store.VisitDay // the last 30 days, oldest first
	// FailingJobs are background jobs (e-mails above all) that failed and
	// were not done since; shown to admins and organisers.
	FailingJobs []store.FailingJob
}

// JobAbout says what caused a job in the page's language: the outbox
// writes "booth application REF" or "e-ticket CODE" for its logs.
func (d *Dashboard) JobAbout(about string) string {
	for prefix, key := range map[string]string{"booth application ": "admin.jobs.about.application", "e-ticket ": "admin.jobs.about.ticket"} {
		if ref, ok := strings.CutPrefix(about, prefix); ok {
			return d.T(key, ref)
		}
	}
	return about
}

// JobKind names a job's kind for people, or gives it as it is when new.
func (d *Dashboard) JobKind(kind string) string {
	if key := "admin.jobs.kind." + kind; d.T(key) != key {
		return d.T(key)
	}
	return kind
}

// Chart geometry for the dashboard's SVG: one column a day.
const (
	ChartW, ChartH = 600, 200
	chartPad       = 24
)

// ChartMax is the largest daily figure (at least 1, for the scale).
func (d *Dashboard) ChartMax() int64 {
	m := int64(1)
	for _, v := range d.Days {
		m = max(m, v.Views, v.Visitors)
	}
	return m
}

// Bar is the rectangle of day i's unique visitors.
func (d *Dashboard) Bar(i int) (x, y, w, h int) {
	col := (ChartW - chartPad) / max(1, len(d.Days))
	h = int(int64(ChartH-chartPad) * d.Days[i].Visitors / d.ChartMax())
	return chartPad + i*col + 1, ChartH - chartPad - h, max(1, col-2), h
}

// ViewsLine is the polyline of page views.
func (d *Dashboard) ViewsLine() string {
	col := (ChartW - chartPad) / max(1, len(d.Days))
	var b strings.Builder
	for i, v := range d.Days {
		x := chartPad + i*col + col/2
		y := ChartH - chartPad - int(int64(ChartH-chartPad)*v.Views/d.ChartMax())
		fmt.Fprintf(&b, "%d,%d ", x, y)
	}
	return strings.TrimSpace(b.String())
}

// AuditPage is the audit log.
type AuditPage struct {
	*Admin
	Entries []store.AuditEntry
}

// NewsAdmin is the editor's list of articles.
type NewsAdmin struct {
	*Admin
	Items                        []store.AdminArticle
	Status, Category, Missing, Q string
	Categories                   []string
	Total                        int   // articles matching the filters
	Pager                        Pager // its Extra keeps the filters across pages
}

// ArticleEditor is the news editor: both languages side by side.
type ArticleEditor struct {
	*Admin
	ID         int64 // 0 for a new article
	Form       *form.State
	Trashed    bool // the save was refused: someone moved it to the trash meanwhile
	Saved      bool
	Status     store.ArticleStatus
	Categories []string
	Revisions  int
	Deleted    bool              // in the trash
	CoverURL   string            // the cover's thumbnail, when there is one
	Inserted   string            // Markdown of an image just uploaded, to copy into a body
	Preview    map[string]string // by language: the body rendered, when asked
}

// Fields are the editor's inputs in the order shown: the article's facts,
// then its words in each language.
func (e *ArticleEditor) Fields() []form.Field {
	var cats []form.Option
	for _, c := range e.Categories {
		cats = append(cats, form.Option{Value: c, Label: e.T("admin.cat." + c)})
	}
	images := "image/jpeg,image/png,image/gif"
	fs := []form.Field{
		{Name: "category", Label: e.T("admin.category"), Kind: form.Select, Required: true, Options: cats},
		{Name: "released_at", Label: e.T("admin.released"), Kind: form.DateTime, Required: true},
		// The kept cover (a hidden field) is said wrong by the upload that
		// replaces it: the summary links there.
		{Name: "cover", Label: e.T("admin.cover"), Kind: form.File, Accept: images},
		{Name: "cover_id", Label: e.T("admin.cover"), ID: "cover"},
		{Name: "image", Label: e.T("admin.insert_image"), Kind: form.File, Accept: images},
		{Name: "action", Label: e.T("admin.actions"), ID: "actions"},
	}
	for i, l := range e.Langs {
		fs = append(fs, textsIn(e.T, l, i == 0, 14, inLang(e.T, l, "source", "admin.source", form.Text))...)
	}
	return fs
}

// Field is one of Fields by name.
func (e *ArticleEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }

// LangField is a per-language field as drawn inside its language's box,
// where the legend already names the language.
func (e *ArticleEditor) LangField(name, lang, key string) form.Field {
	return langField(e.Field(name+"_"+lang), e.T(key))
}

// inLang is the field name_<lang>, labelled with what key names in
// language l.
func inLang(t func(string, ...any) string, l i18n.Lang, name, key string, kind form.Kind) form.Field {
	return form.Field{Name: name + "_" + l.Code, Label: t("admin.title_in", t(key), l.Native), Kind: kind, Lang: l.Code}
}

// textsIn are a text's title, summary and body in language l (the title
// required in the first language), with the fields between summary and
// body.
func textsIn(t func(string, ...any) string, l i18n.Lang, first bool, bodyRows int, between ...form.Field) []form.Field {
	title := inLang(t, l, "title", "admin.title_col", form.Text)
	title.Required = first
	body := inLang(t, l, "body", "admin.body", form.TextArea)
	body.Rows = bodyRows
	fs := append([]form.Field{title, inLang(t, l, "summary", "admin.summary", form.Text)}, between...)
	return append(fs, body)
}

// langField relabels f for a box whose legend names the language: the
// summary keeps the language in its label, the box does not repeat it.
func langField(f form.Field, label string) form.Field {
	f.Label = label
	return f
}

// RevisionList is an article's saved versions.
type RevisionList struct {
	*Admin
	ID        int64
	Revisions []store.Revision
}

// RevisionView shows one saved version, read-only.
type RevisionView struct {
	*Admin
	ID       int64
	Revision store.Revision
}

// UsersPage is the admins' list of accounts with a form to add one.
type UsersPage struct {
	*Admin
	Users []store.User
	// Add is the form adding an account; Row is the form of the one
	// account whose change was refused, shown again as it was posted.
	Add, Row       *form.State
	RowID          int64
	NewPassword    string // a generated password, shown once
	NewPasswordFor string
}

// AddFields are the inputs of the form adding an account.
func (u *UsersPage) AddFields() []form.Field {
	return []form.Field{
		{Name: "email", Label: u.T("admin.email"), Kind: form.Email, Required: true, Autocomplete: "off", MaxLen: 254, ID: "new-email"},
		{Name: "role", Label: u.T("admin.role"), Kind: form.Select, Required: true, Options: u.roles(auth.RoleEditor, auth.RoleOrganiser, auth.RoleAdmin), ID: "new-role"},
	}
}

// AddField is one of AddFields by name.
func (u *UsersPage) AddField(name string) form.Field { return fieldNamed(u.AddFields(), name) }

// RoleField is the role input of account id's row.
func (u *UsersPage) RoleField(id int64) form.Field {
	return form.Field{Name: "role", Label: u.T("admin.role"), Kind: form.Select, Required: true,
		Options: u.roles(auth.Roles...), ID: "role-" + strconv.FormatInt(id, 10)}
}

// RowFields are the inputs of the refused row, for the error summary.
func (u *UsersPage) RowFields() []form.Field { return []form.Field{u.RoleField(u.RowID)} }

// RowState is the form of account x's row: as posted when its change was
// refused, else as saved.
func (u *UsersPage) RowState(x store.User) *form.State {
	if u.Row != nil && u.RowID == x.ID {
		return u.Row
	}
	st := form.NewState(url.Values{"role": {string(x.Role)}})
	st.Version = x.Version
	return st
}

func (u *UsersPage) roles(roles ...auth.Role) []form.Option {
	var out []form.Option
	for _, r := range roles {
		out = append(out, form.Option{Value: string(r), Label: u.T("admin.role." + string(r))})
	}
	return out
}

// PagesAdmin lists the content pages.
type PagesAdmin struct {
	*Admin
	Pages []store.PageSummary
}

// PageEditor edits one content page, both languages side by side.
type PageEditor struct {
	*Admin
	Page  store.PageSummary
	Form  *form.State
	Saved bool
	// Inserted is the Markdown line of an image just uploaded.
	Inserted string
}

// Fields are the editor's inputs in the order shown.
func (e *PageEditor) Fields() []form.Field {
	fs := []form.Field{{Name: "published", Label: e.T("admin.published"), Kind: form.Checkbox},
		{Name: "image", Label: e.T("admin.insert_image"), Kind: form.File, Accept: "image/jpeg,image/png,image/gif"}}
	for i, l := range e.Langs {
		fs = append(fs, textsIn(e.T, l, i == 0, 16)...)
	}
	return fs
}

// Field is one of Fields by name.
func (e *PageEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }

// LangField is a per-language field as drawn inside its language's box.
func (e *PageEditor) LangField(name, lang, key string) form.Field {
	return langField(e.Field(name+"_"+lang), e.T(key))
}

// SettingsEditor edits the site settings.
type SettingsEditor struct {
	*Admin
	Form  *form.State
	Saved bool
}

// Fields are the editor's inputs in the order shown: the facts, then the
// words in each language (every language needs the expo's name).
func (e *SettingsEditor) Fields() []form.Field {
	kinds := map[string]form.Kind{"opens_at": form.DateTime, "closes_at": form.DateTime, "next_opens_at": form.DateTime,
		"daily_opens": form.Time, "daily_closes": form.Time, "email": form.Email, "edition": form.Number,
		"copyright_since": form.Number, "visitor_count_start": form.Number, "hotline": form.Tel, "fax": form.Tel,
		"intl_phone": form.Tel, "whatsapp": form.Tel}
	required := map[string]bool{"opens_at": true, "closes_at": true, "daily_opens": true, "daily_closes": true,
		"copyright_since": true, "visitor_count_start": true, "expo_name": true}
	label := map[string]string{"next_opens_at": "settings.next_opens"}
	var fs []form.Field
	for _, k := range form.SettingsFields {
		kind := kinds[k]
		if kind == "" {
			kind = form.Text
		}
		key := label[k]
		if key == "" {
			key = "settings." + k
		}
		f := form.Field{Name: k, Label: e.T(key), Kind: kind, Required: required[k]}
		if intlSettingHints[k] {
			f.Hint = e.T("settings." + k + "_hint")
		}
		fs = append(fs, f)
	}
	for _, l := range e.Langs {
		for _, k := range form.SettingsWords {
			fs = append(fs, form.Field{Name: k + "_" + l.Code, Label: e.T("admin.title_in", e.T("settings."+k), l.Native),
				Kind: form.Text, Required: required[k], Lang: l.Code})
		}
	}
	return fs
}

// intlSettingHints are the settings for visitors from abroad, whose form
// says what the site does with them.
var intlSettingHints = map[string]bool{"intl_phone": true, "wechat_id": true, "whatsapp": true, "manual_url": true}

// Field is one of Fields by name.
func (e *SettingsEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }

// LangField is a per-language field as drawn inside its language's box.
func (e *SettingsEditor) LangField(name, lang string) form.Field {
	return langField(e.Field(name+"_"+lang), e.T("settings."+name))
}
