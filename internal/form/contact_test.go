package form

import "testing"

func TestParsePhone(t *testing.T) {
	for _, c := range []struct{ in, want, key string }{
		{"13812345678", "13812345678", ""},
		{"138 1234 5678", "13812345678", ""},
		{"138-1234-5678", "13812345678", ""},
		{"+86 138 1234 5678", "13812345678", ""},
		{"0086-13812345678", "13812345678", ""},
		{"１３８１２３４５６７８", "13812345678", ""},
		{"+44 20 7946 0958", "+442079460958", ""},
		{"0044 20 7946 0958", "+442079460958", ""},
		{"+1 (415) 555-0100", "+14155550100", ""},
		{"", "", "form.err.phone_needed"},
		{"12812345678", "", "form.err.phone"},   // 12x is no mobile prefix
		{"1381234567", "", "form.err.phone"},    // 10 digits
		{"138123456789", "", "form.err.phone"},  // 12 digits
		{"024-8888 8888", "", "form.err.phone"}, // a Shenyang landline
		{"+86 24 8888 8888", "", "form.err.phone"},
		{"4420 7946 0958", "", "form.err.phone"}, // foreign without +
		{"+44 20", "", "form.err.phone"},
		{"+0123456789", "", "form.err.phone"},
		{"138 1234 567x", "", "form.err.phone"},
		{"+1234567890123456", "", "form.err.phone"},
	} {
		got, key := ParsePhone(c.in)
		if got != c.want || key != c.key {
			t.Errorf("ParsePhone(%q) = %q, %q; want %q, %q", c.in, got, key, c.want, c.key)
		}
	}
}

func TestParseEmail(t *testing.T) {
	for _, c := range []struct{ in, want, key string }{
		{"Li.Ming@Example.org", "li.ming@example.org", ""},
		{" zhang@school.edu.cn ", "zhang@school.edu.cn", ""},
		{"ｌｉ＠ｅｘａｍｐｌｅ．ｏｒｇ", "li@example.org", ""},
		{"", "", "form.err.email_needed"},
		{"li@localhost", "", "form.err.email"},
		{"Li Ming <li@example.org>", "", "form.err.email"},
		{"li@", "", "form.err.email"},
		{"li example.org", "", "form.err.email"},
	} {
		got, key := ParseEmail(c.in)
		if got != c.want || key != c.key {
			t.Errorf("ParseEmail(%q) = %q, %q; want %q, %q", c.in, got, key, c.want, c.key)
		}
	}
}

func TestBadText(t *testing.T) {
	for _, c := range []struct {
		in        string
		multiline bool
		want      bool
	}{
		{"沈阳博文教学设备有限公司", false, false},
		{"a\tb", false, true},
		{"Bowen\r\nBcc: x@example.org", false, true},
		{"第一行\n第二行", true, false},
		{"bell\a", true, true},
		{"del\x7f", false, true},
		{"\xff\xfe", true, true},
	} {
		if got := BadText(c.in, c.multiline); got != c.want {
			t.Errorf("BadText(%q, %v) = %v", c.in, c.multiline, got)
		}
	}
}
