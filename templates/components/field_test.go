package components

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/expoportal/portal/internal/form"
)

// words answers a key with itself in brackets, so a test sees which
// message was used.
type words struct{}

func (words) T(key string, args ...any) string { return "[" + key + "]" }

func render(t *testing.T, st *form.State, fields ...form.Field) *goquery.Document {
	t.Helper()
	return renderIn(t, words{}, st, fields...)
}

// renderIn is render with the page's words w.
func renderIn(t *testing.T, w Words, st *form.State, fields ...form.Field) *goquery.Document {
	t.Helper()
	var b strings.Builder
	if err := ErrorSummary(w, st, fields).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	for _, f := range fields {
		if err := Field(w, st, f).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
	}
	d, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFieldTiesItsNotesToTheInput(t *testing.T) {
	st := form.NewState(url.Values{"email": {"not-an-address"}, "days": {"2027-04-17"}})
	st.Fail("email", "form.err.email")
	st.Fail("days", "register.err.days")
	d := render(t, st,
		form.Field{Name: "name", Label: "Name", Kind: form.Text, Required: true, MaxLen: 50},
		form.Field{Name: "email", Label: "E-mail", Hint: "For the ticket", Kind: form.Email, Autocomplete: "email"},
		form.Field{Name: "days", Label: "Days", Kind: form.Checkboxes, Required: true,
			Options: []form.Option{{Value: "2027-04-16", Label: "Fri"}, {Value: "2027-04-17", Label: "Sat"}}},
	)
	name := d.Find("input#name")
	if name.AttrOr("maxlength", "") != "50" || name.AttrOr("aria-invalid", "none") != "none" || name.AttrOr("aria-describedby", "none") != "none" {
		t.Errorf("a valid field without a hint: %s", outer(name))
	}
	if _, ok := name.Attr("required"); !ok || d.Find(`label[for=name] .field-req`).Length() != 1 {
		t.Error("the required field is not marked required")
	}
	email := d.Find("input#email")
	if email.AttrOr("aria-invalid", "") != "true" || email.AttrOr("aria-describedby", "") != "email-err email-hint" ||
		email.AttrOr("value", "") != "not-an-address" || email.AttrOr("type", "") != "email" {
		t.Errorf("the invalid field: %s", outer(email))
	}
	if d.Find("#email-err").Text() != "[form.err.email]" || d.Find(`label[for=email] .field-opt`).Length() != 1 {
		t.Error("the error is not shown by the field, or the optional field is not marked optional")
	}
	boxes := d.Find(`fieldset input[name=days]`)
	if boxes.Length() != 2 || boxes.Eq(1).AttrOr("checked", "no") == "no" || boxes.Eq(0).AttrOr("checked", "no") != "no" {
		t.Errorf("the checkbox group does not show what was ticked: %d boxes", boxes.Length())
	}
	links := d.Find(`#form-errors li a`)
	if links.Length() != 2 || links.Eq(0).AttrOr("href", "") != "#email" || links.Eq(1).AttrOr("href", "") != "#days-0" {
		t.Errorf("the summary links %d errors, in the wrong order or to the wrong ids", links.Length())
	}
}

func TestFieldShowsWhatIsSavedNowOnAConflict(t *testing.T) {
	st := form.Posted(url.Values{"title": {"Mine"}, "note": {"same"}, "version": {"3"}})
	if st.Version != 3 {
		t.Fatalf("version %d, want 3", st.Version)
	}
	st.Refuse(url.Values{"title": {"Theirs"}, "note": {"same"}}, 4)
	d := render(t, st,
		form.Field{Name: "title", Label: "Title", Kind: form.Text},
		form.Field{Name: "note", Label: "Note", Kind: form.TextArea})
	if st.Version != 4 || !st.Invalid() || d.Find(`[data-testid=form-notice]`).Text() != "[form.err.conflict]" {
		t.Errorf("a refused save: version %d, notice %q", st.Version, d.Find(`[data-testid=form-notice]`).Text())
	}
	if d.Find("#title-stored .field-stored-value").Text() != "Theirs" || d.Find("input#title").AttrOr("value", "") != "Mine" ||
		d.Find("input#title").AttrOr("aria-describedby", "") != "title-stored" {
		t.Error("the changed field does not show both what was typed and what is saved")
	}
	if d.Find("#note-stored").Length() != 0 || d.Find("textarea#note").Text() != "same" {
		t.Error("an unchanged field shows a saved value")
	}
}

func TestFieldShowsASavedChoiceByItsLabel(t *testing.T) {
	st := form.Posted(url.Values{"status": {"available"}, "days": {"fri"}, "version": {"1"}})
	st.Refuse(url.Values{"status": {"sold"}, "days": {"thu", "fri"}}, 2)
	d := render(t, st,
		form.Field{Name: "status", Label: "Status", Kind: form.Select, Options: []form.Option{{Value: "available", Label: "Available"}, {Value: "sold", Label: "Sold"}}},
		form.Field{Name: "days", Label: "Days", Kind: form.Checkboxes, Options: []form.Option{{Value: "thu", Label: "Thursday"}, {Value: "fri", Label: "Friday"}}})
	if got := d.Find("#status-stored .field-stored-value").Text(); got != "Sold" {
		t.Errorf("the saved status shows as %q, want its label Sold", got)
	}
	if got := d.Find("#days-stored .field-stored-value").Text(); got != "Thursday, Friday" {
		t.Errorf("the saved days show as %q, want Thursday, Friday", got)
	}
}

func outer(s *goquery.Selection) string { h, _ := goquery.OuterHtml(s); return h }

// A choice's hint is part of its label, so it is read with the choice.
func TestChoiceHintIsPartOfItsLabel(t *testing.T) {
	d := render(t, form.NewState(nil), form.Field{Name: "booth_type", Label: "Type", Kind: form.Radios,
		Options: []form.Option{{Value: "standard", Label: "Standard", Hint: "Walls and lighting"}, {Value: "raw", Label: "Raw"}}})
	if got := d.Find(`label[for=booth_type-0] .field-choice-hint`).Text(); got != "Walls and lighting" {
		t.Errorf("the first choice's hint %q", got)
	}
	if d.Find(`label[for=booth_type-1] .field-choice-hint`).Length() != 0 {
		t.Error("a choice without a hint shows one")
	}
}

func TestSelectOptionsGroupsAndSavedLabels(t *testing.T) {
	st := form.NewState(url.Values{"role": {"editor"}, "booth": {"1A02"}})
	st.Refuse(url.Values{"role": {"organiser"}, "booth": {"1A02"}}, 2)
	d := render(t, st,
		form.Field{Name: "role", Label: "Role", Kind: form.Select, Required: true,
			Options: []form.Option{{Value: "editor", Label: "Editor"}, {Value: "organiser", Label: "Organiser"}}},
		form.Field{Name: "booth", Label: "Booth", Kind: form.Select, Required: true,
			Options: []form.Option{{Value: "", Label: "None"}, {Value: "1A01", Label: "1A01", Group: "Hall 1"},
				{Value: "1A02", Label: "1A02", Group: "Hall 1"}, {Value: "2B01", Label: "2B01", Group: "Hall 2"}}},
	)
	// HTML lets a select be required only when it opens on an empty choice.
	if _, ok := d.Find("select#role").Attr("required"); ok || d.Find(`label[for=role] .field-req`).Length() != 1 {
		t.Errorf("a select opening on a real choice: %s", outer(d.Find("select#role")))
	}
	if _, ok := d.Find("select#booth").Attr("required"); !ok {
		t.Error("a required select opening on an empty choice lost required")
	}
	if got := d.Find("#role-stored .field-stored-value").Text(); got != "Organiser" {
		t.Errorf("the saved choice shows as %q, want its label", got)
	}
	groups := d.Find("select#booth optgroup")
	if groups.Length() != 2 || groups.First().AttrOr("label", "") != "Hall 1" || groups.First().Find("option").Length() != 2 ||
		d.Find("select#booth > option").Length() != 1 || d.Find(`select#booth option[selected]`).AttrOr("value", "") != "1A02" {
		t.Errorf("options by group: %s", outer(d.Find("select#booth")))
	}
	if d.Find("#booth-stored").Length() != 0 {
		t.Error("an unchanged choice shows a saved value")
	}
}

// datedWords writes days and moments as a page in some language would.
type datedWords struct{ words }

func (datedWords) Date(t time.Time) string     { return t.Format("2 Jan 2006") }
func (datedWords) DateTime(t time.Time) string { return t.Format("2 Jan 2006 15:04") }

// During a conflict a saved day or moment reads as the page writes one,
// not as the input holds it.
func TestStoredDatesReadAsThePageWritesThem(t *testing.T) {
	st := form.NewState(url.Values{"starts_at": {"2026-05-20T10:00"}, "valid_until": {"2026-05-01"}, "released_at": {"x"}})
	st.Refuse(url.Values{"starts_at": {"2026-05-20T09:00"}, "valid_until": {"2026-04-30"}, "released_at": {""}}, 2)
	fields := []form.Field{
		{Name: "starts_at", Label: "Starts", Kind: form.DateTime},
		{Name: "valid_until", Label: "Until", Kind: form.Date},
		{Name: "released_at", Label: "Released", Kind: form.DateTime},
	}
	d := renderIn(t, datedWords{}, st, fields...)
	for id, want := range map[string]string{"starts_at": "20 May 2026 09:00", "valid_until": "30 Apr 2026"} {
		if got := d.Find("#" + id + "-stored .field-stored-value").Text(); got != want {
			t.Errorf("%s: saved value shown as %q, want %q", id, got, want)
		}
	}
	if d.Find("#released_at-stored em").Length() != 1 {
		t.Error("an empty saved moment is not shown as empty")
	}
	// Words without dates (a test's, a mail's) show the value as it is.
	if d := render(t, st, fields[0]); d.Find("#starts_at-stored .field-stored-value").Text() != "2026-05-20T09:00" {
		t.Errorf("without dates: %q", d.Find("#starts_at-stored .field-stored-value").Text())
	}
}
