package form

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/expoportal/portal/internal/store"
)

// Hall editor limits: a code is short, as booth numbers start with it.
const (
	MaxHallCode = 8
	MaxHallName = 60
	// MaxDoors is how many door rows the editor reads.
	MaxDoors = 40
)

// hallCode is what the editor accepts as a new hall's code: capitals,
// digits and hyphens ("3", "W", "OUT-1").
var hallCode = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{0,7}$`)

// DoorKeys are a door row's field names.
func DoorKeys(i int) (side, at, wide string) {
	n := strconv.Itoa(i)
	return "door_side_" + n, "door_at_" + n, "door_width_" + n
}

// HallValues fills the hall editor from a stored hall.
func HallValues(h store.Hall) url.Values {
	v := url.Values{"code": {h.Code}, "position": {strconv.Itoa(h.Position)}}
	if h.Drawn() {
		v.Set("width", strconv.Itoa(h.Width))
		v.Set("depth", strconv.Itoa(h.Depth))
	}
	for l, n := range h.Names {
		v.Set("name_"+l, n)
	}
	for i, d := range h.Doors {
		side, at, wide := DoorKeys(i)
		v.Set(side, d.Side)
		v.Set(at, strconv.Itoa(d.At))
		v.Set(wide, strconv.Itoa(d.Width))
	}
	return v
}

// DoorRows is how many door rows v fills: the highest row with something
// typed in it, plus one. Empty rows after it are left for new doors.
func DoorRows(v url.Values) int {
	n := 0
	for k, vals := range v {
		for _, p := range []string{"door_side_", "door_at_", "door_width_"} {
			if rest, ok := strings.CutPrefix(k, p); ok && strings.TrimSpace(strings.Join(vals, "")) != "" {
				if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < MaxDoors {
					n = max(n, i+1)
				}
			}
		}
	}
	return n
}

// ParseHall checks the hall editor's form for langs (the first one's name
// is required). The code is read only when create is true: a hall's code
// stays, as its booths refer to it. Width and depth are both given or both
// left empty (no outline yet: the map is drawn round the booths); doors
// need an outline and must lie on their wall, not over another door.
// Whether a booth ends up outside the walls is the store's to say.
func ParseHall(v url.Values, langs []string, create bool) (store.Hall, Errors) {
	errs := Errors{}
	get := func(k string) string { return strings.TrimSpace(width.Fold.String(v.Get(k))) }
	h := store.Hall{Names: map[string]string{}}
	if create {
		h.Code = strings.ToUpper(get("code"))
		if !hallCode.MatchString(h.Code) {
			errs["code"] = "halls.err.code"
		}
	}
	for i, l := range langs {
		n := strings.TrimSpace(v.Get("name_" + l))
		switch {
		case !utf8.ValidString(n) || strings.ContainsAny(n, "\x00\r\n\t"):
			errs["name_"+l] = "form.bad_text"
		case utf8.RuneCountInString(n) > MaxHallName:
			errs["name_"+l] = "form.too_long"
		case n == "" && i == 0:
			errs["name_"+l] = "halls.err.name"
		}
		if n != "" {
			h.Names[l] = n
		}
	}
	whole := func(k string, lo, hi int, key string) (int, bool) {
		s := get(k)
		if s == "" {
			return 0, false
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < lo || n > hi {
			errs[k] = key
			return 0, false
		}
		return n, true
	}
	if p, ok := whole("position", 0, 999, "halls.err.position"); ok {
		h.Position = p
	} else if get("position") == "" {
		errs["position"] = "halls.err.position"
	}
	w, wok := whole("width", 1, 1200, "halls.err.size")
	d, dok := whole("depth", 1, 1200, "halls.err.size")
	switch {
	case wok && dok:
		h.Width, h.Depth = w, d
	case get("width") == "" && get("depth") != "":
		errs["width"] = "halls.err.size_pair"
	case get("depth") == "" && get("width") != "":
		errs["depth"] = "halls.err.size_pair"
	}
	drawn := h.Drawn()
	sized := drawn || (get("width") == "" && get("depth") == "")
	for i := range DoorRows(v) {
		sideK, atK, wideK := DoorKeys(i)
		side := get(sideK)
		if side == "" && get(atK) == "" && get(wideK) == "" {
			continue // an empty row, left for a door to be added
		}
		if !slices.Contains(store.DoorSides, side) {
			errs[sideK] = "halls.err.door_side"
		}
		at, atOK := whole(atK, 0, 1200, "halls.err.door_at")
		if !atOK && errs[atK] == "" {
			errs[atK] = "halls.err.door_at"
		}
		wide, wideOK := whole(wideK, 1, 100, "halls.err.door_width")
		if !wideOK && errs[wideK] == "" {
			errs[wideK] = "halls.err.door_width"
		}
		if errs[sideK] != "" || !atOK || !wideOK {
			continue
		}
		if !drawn {
			if sized {
				errs[sideK] = "halls.err.door_outline"
			}
			continue
		}
		wall := h.Width
		if side == "w" || side == "e" {
			wall = h.Depth
		}
		if at+wide > wall {
			errs[atK] = "halls.err.door_outside"
			continue
		}
		door := store.Entrance{Side: side, At: at, Width: wide}
		if slices.ContainsFunc(h.Doors, func(o store.Entrance) bool {
			return o.Side == side && o.At < at+wide && at < o.At+o.Width
		}) {
			errs[atK] = "halls.err.door_overlap"
			continue
		}
		h.Doors = append(h.Doors, door)
	}
	return h, errs
}
