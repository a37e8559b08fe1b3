package i18n

import (
	"strings"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Money formats an amount in minor units (fen, cents) of cur for the
// printer's language: zh "¥12,800", "US$1,900.50"; en "CN¥12,800",
// "US$1,900.50".
//
// The symbol and the digit grouping come from x/text (CLDR). Two choices are
// ours, because x/text's own currency formatter falls short here: it puts a
// space between symbol and number ("CN¥ 12,800.00"), which CLDR's patterns
// for zh and en do not, and it formats through a float. So the whole units
// are grouped by number.Decimal and the minor units appended as integers.
// In Chinese the narrow ¥ replaces CLDR's full-width ￥ beside half-width
// digits; in every language whole amounts drop ".00", as price lists do
// (a ".00" on every line only makes the figures harder to compare).
func (p *Printer) Money(minor int64, cur currency.Unit) string {
	tag := p.Lang.Tag
	if tag == language.English {
		// The site writes British English; in plain (US) English "$" alone would
		// stand for US dollars, which a foreign exhibitor may misread.
		tag = language.BritishEnglish
	}
	if p.money == nil {
		p.money = message.NewPrinter(tag)
	}
	mp := p.money
	symbol := mp.Sprint(currency.Symbol(cur))
	if p.Lang.Code == "zh" && cur == currency.CNY {
		symbol = mp.Sprint(currency.NarrowSymbol(cur))
	}
	sign := ""
	if minor < 0 {
		sign, minor = "-", -minor
	}
	scale, _ := currency.Standard.Rounding(cur) // 2 for CNY and USD
	unit := int64(1)
	for range scale {
		unit *= 10
	}
	units, rest := minor/unit, minor%unit
	var b strings.Builder
	b.WriteString(sign)
	b.WriteString(symbol)
	b.WriteString(mp.Sprint(number.Decimal(units)))
	if scale > 0 && rest != 0 {
		b.WriteString(decimalSeparator(mp))
		frac := []byte(strings.Repeat("0", scale))
		for i := scale - 1; i >= 0; i-- {
			frac[i] = byte('0' + rest%10)
			rest /= 10
		}
		b.Write(frac)
	}
	return b.String()
}

// decimalSeparator is the language's decimal mark ("." in zh and en, "," in de).
func decimalSeparator(mp *message.Printer) string {
	s := mp.Sprint(number.Decimal(1.5, number.Scale(1)))
	return strings.TrimSuffix(strings.TrimPrefix(s, "1"), "5")
}
