package view

import (
	"strconv"
	"strings"

	"rsc.io/qr"
)

// qrQuietZone is the light margin around a QR code, in modules: the
// standard asks for four, and scanners fail on codes printed without it.
const qrQuietZone = 4

// QRCode is a QR code drawn as one SVG path in module units: a viewBox of
// Size x Size (quiet zone included), each dark run of a row one rectangle.
// Drawn by the server, it needs no script and no third-party host, and it
// stays crisp at any zoom and on paper.
type QRCode struct {
	Size int
	Path string
}

// NewQRCode encodes text with medium error correction (15% of the code may
// be smudged or folded and it still reads).
func NewQRCode(text string) (QRCode, error) {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return QRCode{}, err
	}
	var b strings.Builder
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; {
			if !c.Black(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < c.Size && c.Black(x+run, y) {
				run++
			}
			// A rectangle run wide and one module high: "M x y h run v1 h -run z".
			b.WriteString("M" + strconv.Itoa(x+qrQuietZone) + " " + strconv.Itoa(y+qrQuietZone) +
				"h" + strconv.Itoa(run) + "v1h-" + strconv.Itoa(run) + "z")
			x += run
		}
	}
	return QRCode{Size: c.Size + 2*qrQuietZone, Path: b.String()}, nil
}

// ViewBox is the SVG's viewBox attribute.
func (q QRCode) ViewBox() string {
	n := strconv.Itoa(q.Size)
	return "0 0 " + n + " " + n
}
