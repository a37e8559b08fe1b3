package form

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// State is a form as shown to the person filling it in: what they typed,
// what is wrong with it, and which version of the record it edits. Every
// form, public and back office, is shown from one; the handlers fill it
// and the templates' Field component reads it.
type State struct {
	Values url.Values
	Errors Errors
	// Notice is a message key about the form as a whole (a robot check,
	// too many posts, the record changed), shown above the fields.
	Notice string
	// Version is the version of the record the form was opened on, sent
	// back with the post; 0 for a new record or a form that edits none.
	Version int
	// Stored holds the record as saved now when a save was refused because
	// it changed since the form was opened: each field shows it beside
	// what was typed, so nothing typed is lost and nothing saved is hidden.
	Stored url.Values
}

// VersionField is the hidden input that carries State.Version.
const VersionField = "version"

// NewState is a form showing values, with no errors.
func NewState(values url.Values) *State {
	if values == nil {
		values = url.Values{}
	}
	return &State{Values: values, Errors: Errors{}}
}

// Posted is the state of a posted form: its values and the version it was
// opened on.
func Posted(values url.Values) *State {
	st := NewState(values)
	// The columns are 32-bit; a version they cannot hold is a form from
	// nowhere, which the save then refuses as stale (0 matches no version).
	if n, err := strconv.ParseInt(values.Get(VersionField), 10, 32); err == nil {
		st.Version = int(n)
	}
	return st
}

// Get is what the field holds.
func (s *State) Get(name string) string { return s.Values.Get(name) }

// Has reports whether value is among the field's (a checkbox group).
func (s *State) Has(name, value string) bool { return slices.Contains(s.Values[name], value) }

// Err is the message key of the field's error, or "".
func (s *State) Err(name string) string { return s.Errors[name] }

// Fail records a field's error; the first one found stays.
func (s *State) Fail(name, key string) {
	if s.Errors == nil {
		s.Errors = Errors{}
	}
	if _, ok := s.Errors[name]; !ok {
		s.Errors[name] = key
	}
}

// Invalid reports whether the form must be shown again instead of saved.
func (s *State) Invalid() bool { return len(s.Errors) > 0 || s.Notice != "" }

// Conflict reports whether the save was refused for a newer version.
func (s *State) Conflict() bool { return s.Stored != nil }

// StoredValue is the field's saved value when it differs from what was
// typed during a conflict; ok is false when there is nothing to show.
func (s *State) StoredValue(name string) (value string, ok bool) {
	if s.Stored == nil {
		return "", false
	}
	saved, typed := s.Stored[name], s.Values[name]
	if strings.TrimSpace(strings.Join(saved, "\n")) == strings.TrimSpace(strings.Join(typed, "\n")) {
		return "", false
	}
	return strings.Join(saved, ", "), true
}

// Refuse marks the state as based on an old version: current is the record
// as saved now, at version. The typed values stay; the version moves on, so
// saving again is a deliberate choice to replace the other person's change.
func (s *State) Refuse(current url.Values, version int) {
	s.Stored = current
	if s.Stored == nil {
		s.Stored = url.Values{}
	}
	s.Version = version
	s.Notice = "form.err.conflict"
}

// Kind is the kind of input a Field draws.
type Kind string

// The input kinds.
const (
	Text       Kind = "text"
	Number     Kind = "number"
	Decimal    Kind = "decimal" // a text input with a decimal keyboard (prices)
	Tel        Kind = "tel"
	Email      Kind = "email"
	Date       Kind = "date"
	DateTime   Kind = "datetime-local"
	Time       Kind = "time" // a time of day, 09:00
	Password   Kind = "password"
	URL        Kind = "url"
	Select     Kind = "select"
	Checkboxes Kind = "checkboxes"
	Radios     Kind = "radios"
	Checkbox   Kind = "checkbox" // one box, value "1"
	TextArea   Kind = "textarea"
	File       Kind = "file"
)

// Field describes one input for the Field component. Words are already in
// the reader's language.
type Field struct {
	Name     string
	Label    string
	Hint     string
	Kind     Kind
	Required bool
	// Quiet leaves out the required/optional marker, for inputs whose rule
	// a note beside them states once (a group's member rows).
	Quiet bool
	// Autocomplete is the autocomplete token ("name", "tel", "off").
	Autocomplete string
	MaxLen       int
	Min, Max     string // number and date bounds
	Step         string
	Rows         int      // textarea height
	Options      []Option // select, checkboxes, radios
	Accept       string   // file types
	Lang         string   // the language the value is written in, when not the page's
	// Describes names other elements that explain the field too, such as a
	// note shared by several fields.
	Describes string
	// ID overrides the element id when one name is used twice on a page.
	ID string
	// Attrs are further attributes of the input that only some fields need
	// (autofocus, autocapitalize, enterkeyhint on the door's scanner field);
	// an empty value is a boolean attribute.
	Attrs map[string]string
}

// Option is one choice of a select, checkbox group or radio group.
type Option struct {
	Value, Label string
	Lang         string // the label's language, when not the page's
	// Hint explains the choice under its label (what a booth type
	// includes); it is part of the label, so it is read with it.
	Hint string
	// Group heads a select's run of options with the same group (an
	// optgroup), so a long list reads part by part.
	Group string
}

// InputID is the element id of the field.
func (f Field) InputID() string {
	if f.ID != "" {
		return f.ID
	}
	return f.Name
}

// Group reports whether the field is a group of inputs with a legend.
func (f Field) Group() bool { return f.Kind == Checkboxes || f.Kind == Radios }
