package view

import (
	"fmt"
	"net/url"
	"strings"
	"time"

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
}

// When formats a moment in the expo's time zone.
func (a *Admin) When(t time.Time) string { return a.DateTime(t.In(a.Loc)) }

// FieldError translates the error key of field in errs, or gives "".
func (a *Admin) FieldError(errs map[string]string, field string) string {
	if k, ok := errs[field]; ok {
		return a.T(k)
	}
	return ""
}

// Asset is the content-hashed URL of a static file.
func (a *Admin) Asset(name string) string { return a.Assets.URL(name) }

// Can reports whether the signed-in user has one of roles.
func (a *Admin) Can(roles ...string) bool {
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

// Login is the sign-in page.
type Login struct {
	*Admin
	Email, Next, Error string
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
}

// ArticleEditor is the news editor: both languages side by side.
type ArticleEditor struct {
	*Admin
	ID         int64 // 0 for a new article
	Form       form.Article
	Errors     form.Errors
	Conflict   bool // the save was refused: someone else saved first
	Trashed    bool // ... or moved it to the trash
	Saved      bool
	Status     string
	Categories []string
	Revisions  int
	Deleted    bool              // in the trash
	CoverURL   string            // the cover's thumbnail, when there is one
	Inserted   string            // Markdown of an image just uploaded, to copy into a body
	Preview    map[string]string // by language: the body rendered, when asked
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

// Err is the translated error of a field, or "".
func (e *ArticleEditor) Err(field string) string {
	return e.FieldError(e.Errors, field)
}

// UsersPage is the admins' list of accounts with a form to add one.
type UsersPage struct {
	*Admin
	Users          []store.User
	Email, Role    string // the add form, as typed
	Errors         map[string]string
	NewPassword    string // a generated password, shown once
	NewPasswordFor string
}

// Err is the translated error of a field, or "".
func (u *UsersPage) Err(field string) string {
	return u.FieldError(u.Errors, field)
}

// PagesAdmin lists the content pages.
type PagesAdmin struct {
	*Admin
	Pages []store.PageSummary
}

// PageEditor edits one content page, both languages side by side.
type PageEditor struct {
	*Admin
	Page   store.PageSummary
	Form   form.Page
	Errors form.Errors
	Saved  bool
}

// Err is the translated error of a field, or "".
func (e *PageEditor) Err(field string) string {
	return e.FieldError(e.Errors, field)
}

// SettingsEditor edits the site settings.
type SettingsEditor struct {
	*Admin
	Values url.Values // as stored, or as typed
	Errors form.Errors
	Saved  bool
}

// Err is the translated error of a field, or "".
func (e *SettingsEditor) Err(field string) string {
	return e.FieldError(e.Errors, field)
}
