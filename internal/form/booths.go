package form

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/expoportal/portal/internal/store"
)

// boothNumber is what the booths table accepts as a number.
var boothNumber = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{0,15}$`)

// BoothValues fills the booth editor from a stored booth.
func BoothValues(b store.Booth) url.Values {
	return url.Values{
		"hall": {b.Hall}, "number": {b.Number}, "x": {strconv.Itoa(b.X)}, "y": {strconv.Itoa(b.Y)},
		"width": {strconv.Itoa(b.Width)}, "depth": {strconv.Itoa(b.Depth)}, "type": {b.Type}, "status": {b.Status},
	}
}

// ParseBooth checks the booth editor's form. Numbers are kept in capitals,
// as printed on the floor plan; full-width digits and letters from a
// Chinese input method count as the plain ones. halls are the codes of
// the halls there are. Whether the booth overlaps another or its number is
// taken is the store's to say.
func ParseBooth(v url.Values, halls []string) (store.Booth, Errors) {
	errs := Errors{}
	get := func(k string) string { return strings.TrimSpace(width.Fold.String(v.Get(k))) }
	b := store.Booth{Hall: get("hall"), Number: strings.ToUpper(get("number")), Type: get("type"), Status: get("status")}
	if !slices.Contains(halls, b.Hall) {
		errs["hall"] = "exhibitors.err.hall"
	}
	if !boothNumber.MatchString(b.Number) {
		errs["number"] = "booths.err.number"
	}
	metres := func(k string, lo, hi int, key string) int {
		n, err := strconv.Atoi(get(k))
		if err != nil || n < lo || n > hi {
			errs[k] = key
		}
		return n
	}
	b.X = metres("x", 0, 1000, "booths.err.position")
	b.Y = metres("y", 0, 1000, "booths.err.position")
	b.Width = metres("width", 1, 200, "booths.err.size")
	b.Depth = metres("depth", 1, 200, "booths.err.size")
	if !slices.Contains(store.BoothTypes, b.Type) {
		errs["type"] = "booths.err.type"
	}
	if !slices.Contains(store.BoothStatuses, b.Status) {
		errs["status"] = "booths.err.status"
	}
	return b, errs
}
