package form

import (
	"net/url"
	"testing"
)

func TestGroupRowsShown(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    url.Values
		more bool
		want int
	}{
		{"a new form", url.Values{}, false, GroupRowsStart},
		{"as it was shown", url.Values{GroupRowsField: {"12"}}, false, 12},
		{"add rows", url.Values{GroupRowsField: {"12"}}, true, 17},
		{"add rows near the end", url.Values{GroupRowsField: {"28"}}, true, MaxGroupRows},
		{"a typed row past the count", url.Values{GroupRowsField: {"5"}, "member.9.name": {"Tom"}}, false, 9},
		{"only a role is not a row", url.Values{GroupRowsField: {"5"}, "member.9.role": {"teacher"}}, false, 5},
		{"a count from nowhere", url.Values{GroupRowsField: {"100000"}}, false, MaxGroupRows},
		{"a row from nowhere", url.Values{"member.100000.name": {"x"}, "member.-3.name": {"x"}, "member.x.name": {"x"}, "member.99999999999999999999.name": {"x"}}, false, GroupRowsStart},
	} {
		if got := GroupRows(tc.v, tc.more); got != tc.want {
			t.Errorf("%s: %d rows, want %d", tc.name, got, tc.want)
		}
	}
}

func TestParseMemberRowsLeavesEmptyRowsOut(t *testing.T) {
	v := url.Values{
		"member.1.name": {" Tom "}, "member.2.role": {"teacher"}, "member.4.name": {"Ann"}, "member.4.phone": {"13812345678"},
		"member.4.role": {"teacher"},
	}
	got, errs := ParseMemberRows(v)
	if len(errs) != 0 || len(got) != 2 || got[0].Name != "Tom" || got[0].Role != "student" || got[1].Phone != "13812345678" || got[1].Role != "teacher" {
		t.Errorf("members %+v, errors %v", got, errs)
	}
}
