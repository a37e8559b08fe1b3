package view

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/currency"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/store"
)

// BoothItem is one booth as the map and the list show it.
type BoothItem struct {
	store.Booth
	Label  string // the accessible name: "1A05, 3 m × 3 m, 9 m², standard booth, ¥12,800, available"
	Size   string // "3 m × 3 m"
	Area   string // "9 m²"
	Kind   string // "standard booth"
	Price  string // "¥12,800", or "price on request"
	State  string // "available"
	Href   string // where the booth leads (the application, or the editor); "" for none
	Holder string // back office: the application that holds it
}

// Apply reports whether the booth can be applied for.
func (b BoothItem) Apply() bool { return b.Status == "available" }

// HallMap is one hall drawn as SVG, in metres.
type HallMap struct {
	Hall      string
	Label     string // "Map of Hall 1"
	Width     int    // the hall's outline
	Depth     int
	Doors     []Door
	Booths    []BoothItem
	Public    bool // available booths are the application's links (data-booth)
	DoorLabel string
}

// Door is an entrance drawn over the wall, with its label inside the hall.
type Door struct {
	X, Y, W, H   float64 // the gap in the wall
	TextX, TextY float64
	Anchor       string // text-anchor
}

// Text sizes on the map, in metres.
const (
	boothFont = 0.9
	subFont   = 0.75
)

// ViewBox is the SVG's viewBox: the hall and a metre round it for the walls.
func (m *HallMap) ViewBox() string {
	return "-1 -1 " + strconv.Itoa(m.Width+2) + " " + strconv.Itoa(m.Depth+2)
}

// Fits reports whether the booth's number fits inside its rectangle (a
// character is about 0.6 of the font size wide).
func (m *HallMap) Fits(b BoothItem) bool {
	return float64(utf8.RuneCountInString(b.Number))*0.6*boothFont <= float64(b.Width)-0.4 && b.Depth >= 2
}

// ShowArea reports whether a raw-space island has room for its area under
// the number.
func (m *HallMap) ShowArea(b BoothItem) bool {
	return b.Type == "raw" && m.Fits(b) && b.Depth >= 5 && float64(utf8.RuneCountInString(b.Area))*0.6*subFont <= float64(b.Width)-0.4
}

// F writes a length in metres for an SVG attribute.
func F(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// I writes whole metres for an SVG attribute.
func I(v int) string { return strconv.Itoa(v) }

// Mid is the centre of the booth; with an area line under the number, the
// number moves up.
func (m *HallMap) Mid(b BoothItem) (x, y float64) {
	x, y = float64(b.X)+float64(b.Width)/2, float64(b.Y)+float64(b.Depth)/2
	if m.ShowArea(b) {
		y -= 0.6
	}
	return x, y
}

// BoothPrice is what a booth costs under the price list in force: the first
// item of the booth's price kind, per booth for a standard booth and per
// square metre for raw space; ok is false when none is in force.
func BoothPrice(b store.Booth, inForce []store.Charge) (fen int64, ok bool) {
	for _, c := range inForce {
		if c.Kind != b.PriceKind() {
			continue
		}
		if b.Type == "raw" {
			return c.PriceCNY * int64(b.Area()), true
		}
		return c.PriceCNY, true
	}
	return 0, false
}

// NewBoothItems describes booths in p's language with prices from inForce;
// href gives each its link ("" for none).
func NewBoothItems(p *i18n.Printer, booths []store.Booth, inForce []store.Charge, href func(store.Booth) string) []BoothItem {
	out := make([]BoothItem, 0, len(booths))
	for _, b := range booths {
		it := BoothItem{Booth: b,
			Size:  p.T("hallmap.size", b.Width, b.Depth),
			Area:  p.T("hallmap.area", b.Area()),
			Kind:  p.T("hallmap.kind." + b.Type),
			State: p.T("hallmap.state." + b.Status),
			Href:  href(b),
		}
		if fen, ok := BoothPrice(b, inForce); ok {
			it.Price = p.Money(fen, currency.CNY)
		} else {
			it.Price = p.T("hallmap.on_request")
		}
		it.Label = p.T("hallmap.booth_label", b.Number, it.Size, it.Area, it.Kind, it.Price, it.State)
		out = append(out, it)
	}
	return out
}

// NewHallMap draws hall from its outline, or, without one, round its booths.
func NewHallMap(p *i18n.Printer, hall store.Hall, items []BoothItem, public bool) *HallMap {
	m := &HallMap{Hall: hall.Code, Label: p.T("hallmap.map_label", hall.Name(p.Lang.Code)), Booths: items,
		Public: public, DoorLabel: p.T("hallmap.entrance")}
	m.Width, m.Depth = hall.Width, hall.Depth
	// A booth placed past the walls still shows (the editors refuse it,
	// but the database may have been edited by hand).
	pad := 3 // an aisle round the booths when there is no outline
	if hall.Drawn() {
		pad = 0
	}
	for _, b := range items {
		m.Width = max(m.Width, b.X+b.Width+pad)
		m.Depth = max(m.Depth, b.Y+b.Depth+pad)
	}
	if !hall.Drawn() {
		return m
	}
	const wall, inset = 0.8, 1.4
	for _, e := range hall.Doors {
		at, w := float64(e.At), float64(e.Width)
		d := Door{}
		switch e.Side {
		case "n":
			d = Door{X: at, Y: -wall / 2, W: w, H: wall, TextX: at + w/2, TextY: inset, Anchor: "middle"}
		case "s":
			d = Door{X: at, Y: float64(m.Depth) - wall/2, W: w, H: wall, TextX: at + w/2, TextY: float64(m.Depth) - inset, Anchor: "middle"}
		case "w":
			d = Door{X: -wall / 2, Y: at, W: wall, H: w, TextX: inset - 0.6, TextY: at + w/2, Anchor: "start"}
		case "e":
			d = Door{X: float64(m.Width) - wall/2, Y: at, W: wall, H: w, TextX: float64(m.Width) - inset + 0.6, TextY: at + w/2, Anchor: "end"}
		}
		m.Doors = append(m.Doors, d)
	}
	return m
}

// HallTab is one hall in the hall switch.
type HallTab struct {
	Hall, Label, Href string
	Current           bool
}

// Booths is the public hall map page.
type Booths struct {
	*Page
	Tabs          []HallTab
	Unknown       string // the hall asked for, when there is no such hall
	Empty         bool   // the hall has neither an outline nor a booth yet: no map
	Map           *HallMap
	List          []BoothItem // the list under the map: all, or the available ones
	Total         int
	Available     int
	OnlyAvailable bool
	AllHref       string // the list with every booth
	AvailableHref string // the list with available booths only
}

// BoothsAdmin is the back office's hall map: one hall, its counts, its map
// and list.
type BoothsAdmin struct {
	*Admin
	Tabs    []HallTab
	Hall    string
	Map     *HallMap
	Booths  []BoothItem
	Counts  map[string]int // by status
	Deleted bool
}

// Statuses are the booth statuses in order, for the counts.
func (a *BoothsAdmin) Statuses() []string { return store.BoothStatuses }

// BoothEditor creates or edits a booth, or confirms its deletion.
type BoothEditor struct {
	*Admin
	ID     int64
	Form   *form.State
	Holder string // the live application holding the booth: status read-only
	Status string // the saved status, shown read-only while held
	// Other is what a refusal by the store names: the booth overlapped or
	// whose number was taken, the hall's size, the holding application.
	Other   string
	Saved   bool
	Number  string // the booth's number, for the confirmation
	Refused string // why it cannot be deleted
}

// boothRefusals are the store's refusals, whose messages name Other.
var boothRefusals = []string{"booths.err.no_hall", "booths.err.duplicate", "booths.err.overlap", "booths.err.outside", "booths.err.held"}

// T is the staff member's words; a refusal by the store names what it
// ran into, so the form kit can show it like any field error.
func (e *BoothEditor) T(key string, args ...any) string {
	if len(args) == 0 && e.Other != "" && slices.Contains(boothRefusals, key) {
		return e.Admin.T(key, e.Other)
	}
	return e.Admin.T(key, args...)
}

// Fields are the editor's inputs in order. Metres are text with a numeric
// keyboard: a number input cannot hold what was typed when it is not a
// number, and the form keeps it. While an application holds the booth its
// status is shown, not asked, and has no input.
func (e *BoothEditor) Fields() []form.Field {
	options := func(values []string, prefix string) []form.Option {
		var out []form.Option
		for _, v := range values {
			out = append(out, form.Option{Value: v, Label: e.T(prefix + v)})
		}
		return out
	}
	metres := func(name string) form.Field {
		return form.Field{Name: name, Label: e.T("booths.admin." + name), Kind: form.Decimal, Required: true, Describes: "grid-hint"}
	}
	return []form.Field{
		{Name: "hall", Label: e.T("booths.admin.hall"), Kind: form.Select, Required: true, Options: hallOptions(e.Halls, e.Lang.Code)},
		{Name: "number", Label: e.T("booths.admin.number"), Kind: form.Text, Required: true, Hint: e.T("booths.admin.number_hint"), MaxLen: 16, Autocomplete: "off"},
		metres("x"), metres("y"), metres("width"), metres("depth"),
		{Name: "type", Label: e.T("booths.admin.type"), Kind: form.Select, Required: true, Options: options(store.BoothTypes, "booths.type.")},
		{Name: "status", Label: e.T("booths.admin.status"), Kind: form.Select, Required: true, Options: options(store.BoothStatuses, "booths.status.")},
	}
}

// Field is one of Fields by name.
func (e *BoothEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }

// hallOptions are the halls as a select's options, named in lang.
func hallOptions(halls store.Halls, lang string) []form.Option {
	out := make([]form.Option, 0, len(halls))
	for _, h := range halls {
		out = append(out, form.Option{Value: h.Code, Label: h.Name(lang)})
	}
	return out
}
