package demo

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// The demo's photographs are JPEGs of the size asked for, with the range
// of light and colour of a photograph rather than a few flat fills. With
// DEMO_PHOTOS_DIR set they are written there to look at.
func TestDemoPhotosLookLikePhotographs(t *testing.T) {
	for name, data := range map[string][]byte{
		"hall.jpg":     hallPhoto("home banner hall", 960, 540),
		"product.jpg":  productPhoto("product panel", 960, 540),
		"product2.jpg": productPhoto("product laptop x", 960, 540),
	} {
		img, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != 960 || b.Dy() != 540 {
			t.Errorf("%s is %v", name, b)
		}
		if n := distinctColours(img); n < 800 {
			t.Errorf("%s has %d colours: flat, not a photograph", name, n)
		}
		if dir := os.Getenv("DEMO_PHOTOS_DIR"); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := jpeg.Decode(bytes.NewReader(hallPhoto("x", 64, 36))); err != nil {
		t.Errorf("a small hall: %v", err)
	}
}

func distinctColours(img image.Image) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[r>>10<<12|g>>10<<6|bl>>10] = true
		}
	}
	return len(seen)
}
