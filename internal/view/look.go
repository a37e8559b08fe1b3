package view

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/expoportal/portal/internal/store"
)

// PhoneBand is the banner's height on a phone as a share of the screen's
// width (a 4:3 band): the photograph is cropped to it around its focal point.
const PhoneBand = 75

// SrcSet is a picture's renditions as an srcset of widths. Renditions are
// drawn at their own size for a smaller image, so the original (perhaps a
// camera's 6000-pixel file) is never needed, unless there are none.
func SrcSet(p store.Picture) string {
	files := p.Sizes
	if len(files) == 0 {
		files = []store.PictureFile{p.Original}
	}
	var parts []string
	seen := map[int]bool{}
	for _, f := range files {
		if !seen[f.Width] {
			seen[f.Width] = true
			parts = append(parts, f.URL+" "+strconv.Itoa(f.Width)+"w")
		}
	}
	return strings.Join(parts, ", ")
}

// BannerSizes tells the browser how wide the banner is drawn before any CSS
// is read: the page's width on a wide screen (at most the main column's 74rem), and
// on a phone the width the 4:3 band crops from, wider than the screen for a
// landscape photograph.
func BannerSizes(p store.Picture) string {
	phone := 100
	if w, h := p.Original.Width, p.Original.Height; h > 0 {
		phone = max(phone, (PhoneBand*w+h-1)/h)
	}
	return fmt.Sprintf("(min-width: 76rem) 74rem, (min-width: 48rem) 100vw, %dvw", phone)
}

// FocalClass is the class that sets one axis of the banner's focal point
// (--fx or --fy, read by object-position in site.css), to the nearest 5%:
// the page's CSP allows no style attribute, and 21 steps an axis are finer
// than anyone places a focal point.
func FocalClass(axis string, percent int) string {
	return fmt.Sprintf("%s-%d", axis, (min(max(percent, 0), 100)+2)/5*5)
}

// Px is a size attribute's value (width, height).
func Px(n int) string { return strconv.Itoa(n) }
