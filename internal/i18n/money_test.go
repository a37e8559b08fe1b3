package i18n

import (
	"testing"

	"golang.org/x/text/currency"
)

// TestMoney pins the price formats. x/text (CLDR) gives the symbols: zh
// "￥" (full width; we use its narrow "¥") and "US$"; en (as en-GB) "CN¥"
// and "US$". Its own currency formatter would print "CN¥ 12,800.00", with a
// space CLDR's zh and en patterns do not have, so Money joins symbol and
// number itself; whole amounts drop ".00" in both languages.
func TestMoney(t *testing.T) {
	t.Parallel()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	zh, _ := c.Lookup("zh")
	en, _ := c.Lookup("en")
	for _, tc := range []struct {
		lang  Lang
		minor int64
		cur   currency.Unit
		want  string
	}{
		{zh, 1280000, currency.CNY, "¥12,800"},
		{zh, 1280050, currency.CNY, "¥12,800.50"},
		{zh, 123456789, currency.CNY, "¥1,234,567.89"},
		{zh, 0, currency.CNY, "¥0"},
		{zh, 5, currency.CNY, "¥0.05"},
		{zh, 190000, currency.USD, "US$1,900"},
		{zh, 123456789, currency.USD, "US$1,234,567.89"},
		{zh, 0, currency.USD, "US$0"},
		{en, 1280000, currency.CNY, "CN¥12,800"},
		{en, 1280050, currency.CNY, "CN¥12,800.50"},
		{en, 123456789, currency.CNY, "CN¥1,234,567.89"},
		{en, 0, currency.CNY, "CN¥0"},
		{en, 7, currency.CNY, "CN¥0.07"},
		{en, 190000, currency.USD, "US$1,900"},
		{en, 123456789, currency.USD, "US$1,234,567.89"},
		{en, 0, currency.USD, "US$0"},
		{en, 99, currency.USD, "US$0.99"},
		{en, -150, currency.USD, "-US$1.50"},
	} {
		if got := c.Printer(tc.lang).Money(tc.minor, tc.cur); got != tc.want {
			t.Errorf("%s Money(%d, %v) = %q, want %q", tc.lang.Code, tc.minor, tc.cur, got, tc.want)
		}
	}
}
