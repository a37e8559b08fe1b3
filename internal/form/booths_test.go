package form

import (
	"net/url"
	"testing"
)

// testHalls are the halls the form tests know (the store's are data).
var testHalls = []string{"1", "2"}

func TestParseBooth(t *testing.T) {
	good := url.Values{"hall": {"2"}, "number": {" ２c15 "}, "x": {"３"}, "y": {"0"}, "width": {"9"}, "depth": {"12"}, "type": {"raw"}, "status": {"sold"}}
	b, errs := ParseBooth(good, testHalls)
	if len(errs) != 0 || b.Number != "2C15" || b.Hall != "2" || b.X != 3 || b.Y != 0 || b.Width != 9 || b.Depth != 12 || b.Type != "raw" || b.Status != "sold" {
		t.Fatalf("good form: %+v %v", b, errs)
	}
	if back, errs := ParseBooth(BoothValues(b), testHalls); len(errs) != 0 || back != b {
		t.Errorf("round trip: %+v %v", back, errs)
	}
	for _, tc := range []struct{ field, value, key string }{
		{"hall", "3", "exhibitors.err.hall"},
		{"number", "", "booths.err.number"},
		{"number", "1A 01", "booths.err.number"},
		{"number", "-1A01", "booths.err.number"},
		{"number", "1A0123456789ABCDE", "booths.err.number"}, // 17 characters
		{"x", "-1", "booths.err.position"},
		{"y", "1001", "booths.err.position"},
		{"x", "2.5", "booths.err.position"},
		{"width", "0", "booths.err.size"},
		{"depth", "201", "booths.err.size"},
		{"depth", "", "booths.err.size"},
		{"type", "tent", "booths.err.type"},
		{"status", "reserved", "booths.err.status"},
	} {
		v := url.Values{}
		for k, vs := range good {
			v[k] = vs
		}
		v.Set(tc.field, tc.value)
		_, errs := ParseBooth(v, testHalls)
		if len(errs) != 1 || errs[tc.field] != tc.key {
			t.Errorf("%s=%q: %v, want %s", tc.field, tc.value, errs, tc.key)
		}
	}
}
