package form

import (
	"net/url"
	"reflect"
	"testing"

	"github.com/expoportal/portal/internal/store"
)

func TestParseHall(t *testing.T) {
	langs := []string{"zh", "en"}
	good := url.Values{"code": {" ｗ-１ "}, "name_zh": {" 室外展区 "}, "name_en": {""}, "position": {"４"}, "width": {"40"}, "depth": {"20"},
		"door_side_0": {"s"}, "door_at_0": {"2"}, "door_width_0": {"4"},
		"door_side_1": {""}, "door_at_1": {""}, "door_width_1": {""}, // an empty row is no door
		"door_side_2": {"e"}, "door_at_2": {"16"}, "door_width_2": {"4"}}
	h, errs := ParseHall(good, langs, true)
	want := store.Hall{Code: "W-1", Names: map[string]string{"zh": "室外展区"}, Position: 4, Width: 40, Depth: 20,
		Doors: []store.Entrance{{Side: "s", At: 2, Width: 4}, {Side: "e", At: 16, Width: 4}}}
	if len(errs) != 0 || !reflect.DeepEqual(h, want) {
		t.Fatalf("good form: %+v %v", h, errs)
	}
	// What the editor fills in reads back the same (the code is not asked
	// of a saved hall).
	back, errs := ParseHall(HallValues(h), langs, false)
	want.Code = ""
	if len(errs) != 0 || !reflect.DeepEqual(back, want) {
		t.Errorf("round trip: %+v %v", back, errs)
	}
	if DoorRows(HallValues(h)) != 2 || DoorRows(good) != 3 {
		t.Errorf("door rows %d %d", DoorRows(HallValues(h)), DoorRows(good))
	}

	for _, tc := range []struct {
		change     url.Values
		field, key string
		createOnly bool
	}{
		{url.Values{"code": {"w 1"}}, "code", "halls.err.code", true},
		{url.Values{"code": {"ABCDEFGHI"}}, "code", "halls.err.code", true},
		{url.Values{"name_zh": {""}}, "name_zh", "halls.err.name", false},
		{url.Values{"name_en": {"a\nb"}}, "name_en", "form.bad_text", false},
		{url.Values{"position": {""}}, "position", "halls.err.position", false},
		{url.Values{"position": {"1000"}}, "position", "halls.err.position", false},
		{url.Values{"width": {"0"}}, "width", "halls.err.size", false},
		{url.Values{"width": {""}}, "width", "halls.err.size_pair", false},
		{url.Values{"depth": {""}}, "depth", "halls.err.size_pair", false},
		{url.Values{"door_side_0": {"x"}}, "door_side_0", "halls.err.door_side", false},
		{url.Values{"door_at_0": {"-1"}}, "door_at_0", "halls.err.door_at", false},
		{url.Values{"door_width_0": {""}}, "door_width_0", "halls.err.door_width", false},
		// The east wall is the depth long: 18 + 4 > 20.
		{url.Values{"door_at_2": {"18"}}, "door_at_2", "halls.err.door_outside", false},
		{url.Values{"door_side_2": {"s"}, "door_at_2": {"5"}}, "door_at_2", "halls.err.door_overlap", false},
		{url.Values{"width": {""}, "depth": {""}}, "door_side_0", "halls.err.door_outline", false},
	} {
		v := url.Values{}
		for k, vs := range good {
			v[k] = vs
		}
		for k, vs := range tc.change {
			v[k] = vs
		}
		_, errs := ParseHall(v, langs, true)
		if errs[tc.field] != tc.key {
			t.Errorf("%v: %s is %q, want %q (all: %v)", tc.change, tc.field, errs[tc.field], tc.key, errs)
		}
		if tc.createOnly {
			if _, errs := ParseHall(v, langs, false); errs[tc.field] != "" {
				t.Errorf("%v: a saved hall's code was read", tc.change)
			}
		}
	}
}
