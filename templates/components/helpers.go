// Package components are the pieces every page shares.
package components

import (
	"strings"
)

// crumbWidth is the most columns a breadcrumb takes (a CJK character is
// two): a long article title is shortened there, whole in its h1.
const crumbWidth = 40

// telDigits keeps what a tel: URL may hold ("400 885 6191" -> "4008856191").
func telDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= '0' && r <= '9') || r == '+' {
			return r
		}
		return -1
	}, s)
}
