package form

import (
	"net/url"
	"testing"
)

func TestParseMoney(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want int64
		err  string
	}{
		{"12800", 1280000, ""},
		{"12,800", 1280000, ""},
		{"12800.50", 1280050, ""},
		{"12800.5", 1280050, ""},
		{"¥12,800", 1280000, ""},
		{"￥12，800元", 1280000, ""},
		{"US$ 1,900.00", 0, "charges.err.currency"},
		{"$1,900", 0, "charges.err.currency"},
		{"１２８００", 1280000, ""},
		{"ＲＭＢ１２，８００．５", 1280050, ""},
		{"0", 0, ""},
		{"0.05", 5, ""},
		{"1234567.89", 123456789, ""},
		{"100000000", 10000000000, ""},
		{"100000000.01", 0, "charges.err.too_large"},
		{"99999999999999999999", 0, "charges.err.too_large"},
		{"-5", 0, "charges.err.negative"},
		{"12800.505", 0, "charges.err.decimals"},
		{"", 0, "charges.err.money"},
		{"12800.", 0, "charges.err.money"},
		{"1e5", 0, "charges.err.money"},
		{"twelve", 0, "charges.err.money"},
		{".5", 0, "charges.err.money"},
	} {
		got, err := ParseMoney(tc.in, "CNY")
		if got != tc.want || err != tc.err {
			t.Errorf("ParseMoney(%q) = %d, %q; want %d, %q", tc.in, got, err, tc.want, tc.err)
		}
	}
	for _, m := range []int64{0, 5, 50, 1280000, 1280050, 123456789} {
		if usd, err := ParseMoney("US$"+MinorText(m), "USD"); usd != m || err != "" {
			t.Errorf("USD %d came back as %d, %q", m, usd, err)
		}
		if back, err := ParseMoney(MinorText(m), "CNY"); back != m || err != "" {
			t.Errorf("MinorText(%d) = %q does not read back: %d %q", m, MinorText(m), back, err)
		}
	}
}

func TestParseCharge(t *testing.T) {
	t.Parallel()
	langs := []string{"zh", "en"}
	ok := url.Values{"kind": {"booth"}, "unit": {"booth"}, "price_cny": {"11,800"}, "price_usd": {"1900"},
		"valid_from": {""}, "valid_until": {"2027-01-31"}, "sort": {"2"},
		"name_zh": {"标准展位"}, "note_zh": {"3m×3m"}, "name_en": {""}, "note_en": {""}}
	c, errs := ParseCharge(ok, langs)
	if len(errs) != 0 || c.PriceCNY != 1180000 || *c.PriceUSD != 190000 || c.ValidUntil.Format("2006-01-02") != "2027-01-31" ||
		c.ValidFrom != nil || c.Sort != 2 || len(c.Texts) != 1 {
		t.Fatalf("%+v %v", c, errs)
	}
	bad := url.Values{"kind": {"lunch"}, "unit": {"booth"}, "price_cny": {"-1"}, "price_usd": {"1.234"},
		"valid_from": {"2027-02-01"}, "valid_until": {"2027-01-31"}, "sort": {"x"},
		"name_zh": {""}, "name_en": {""}, "note_en": {"a note without a name"}}
	_, errs = ParseCharge(bad, langs)
	want := Errors{"kind": "charges.err.kind", "price_cny": "charges.err.negative", "price_usd": "charges.err.decimals",
		"valid_until": "charges.err.until", "sort": "charges.err.sort", "name_zh": "charges.err.name", "name_en": "charges.err.name"}
	for k, v := range want {
		if errs[k] != v {
			t.Errorf("%s: %q, want %q", k, errs[k], v)
		}
	}
	if len(errs) != len(want) {
		t.Errorf("errors %v, want %v", errs, want)
	}
}
