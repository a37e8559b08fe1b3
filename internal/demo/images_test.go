package demo

import (
	"bytes"
	"image"
	_ "image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

func decodeDemo(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if format != "jpeg" {
		t.Fatalf("format = %q, want jpeg", format)
	}
	return img
}

func TestDemoImageSize(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{1600, 900}, {640, 360}, {400, 400}, {90, 160}, {1, 1}, {7, 3}} {
		img := decodeDemo(t, demoImage("expo-hall", sz.w, sz.h))
		if b := img.Bounds(); b.Dx() != sz.w || b.Dy() != sz.h {
			t.Errorf("%dx%d: got %dx%d", sz.w, sz.h, b.Dx(), b.Dy())
		}
	}
	img := decodeDemo(t, demoImage("x", 0, -5))
	if b := img.Bounds(); b.Dx() != 1 || b.Dy() != 1 {
		t.Errorf("0x-5: got %dx%d, want 1x1", b.Dx(), b.Dy())
	}
}

func TestDemoImageDeterministic(t *testing.T) {
	for _, key := range []string{"", "smart-classroom", "lab-safety", "随便什么"} {
		a := demoImage(key, 320, 180)
		b := demoImage(key, 320, 180)
		if !bytes.Equal(a, b) {
			t.Errorf("key %q: two calls differ", key)
		}
	}
}

// meanDiff is the mean absolute difference per channel, 0..255.
func meanDiff(a, b image.Image) float64 {
	bd := a.Bounds()
	var sum, n float64
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			for _, d := range [3]int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8)} {
				if d < 0 {
					d = -d
				}
				sum += float64(d)
			}
			n += 3
		}
	}
	return sum / n
}

func TestDemoImageKeysDiffer(t *testing.T) {
	pairs := [][2]string{
		{"expo-hall-a", "expo-hall-b"},
		{"smart-classroom", "lab-safety"},
		{"news-1", "news-2"},
	}
	for _, pr := range pairs {
		a := demoImage(pr[0], 320, 180)
		b := demoImage(pr[1], 320, 180)
		if bytes.Equal(a, b) {
			t.Errorf("%q and %q give the same bytes", pr[0], pr[1])
			continue
		}
		if d := meanDiff(decodeDemo(t, a), decodeDemo(t, b)); d < 8 {
			t.Errorf("%q and %q look almost the same (mean difference %.1f)", pr[0], pr[1], d)
		}
	}
}

// Every scene draws something: the picture is not one flat colour.
func TestDemoImageScenesNotFlat(t *testing.T) {
	for i, sw := range sceneWords {
		key := sw.words[0]
		img := decodeDemo(t, demoImage(key, 160, 90))
		var lo, hi uint32 = 1 << 16, 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				v := (r + g + bl) / 3
				lo, hi = min(lo, v), max(hi, v)
			}
		}
		if hi-lo < 40<<8 {
			t.Errorf("scene %d (%q): too little contrast", i, key)
		}
	}
}

// TestDemoImageWrite writes sample pictures to $DEMO_IMAGE_DIR for a person to
// look at; without it the test is skipped.
func TestDemoImageWrite(t *testing.T) {
	dir := os.Getenv("DEMO_IMAGE_DIR")
	if dir == "" {
		t.Skip("set DEMO_IMAGE_DIR to write sample pictures")
	}
	keys := []string{"expo-hall", "forum-stage", "lab-safety", "robot-stem", "sport-track", "library-books", "smart-classroom", "abstract", "misc-1", "misc-2"}
	for _, a := range sampleArticles {
		if a.Cover != "" {
			keys = append(keys, a.Cover)
		}
		for _, p := range a.Photos {
			keys = append(keys, p.Image)
		}
	}
	for _, k := range keys {
		if err := os.WriteFile(filepath.Join(dir, k+".jpg"), demoImage(k, 800, 450), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkDemoImage1600x900(b *testing.B) {
	for _, sw := range sceneWords {
		b.Run(sw.words[0], func(b *testing.B) {
			for b.Loop() {
				demoImage(sw.words[0], 1600, 900)
			}
		})
	}
}

func TestDemoClip(t *testing.T) {
	if len(demoClip) < 1024 || len(demoClip) > 400<<10 {
		t.Fatalf("demo clip is %d bytes", len(demoClip))
	}
	// An MP4 opens with its ftyp box; with faststart, the moov box comes
	// before the media data.
	if string(demoClip[4:8]) != "ftyp" {
		t.Fatalf("demo clip does not start with an ftyp box: % x", demoClip[:8])
	}
	moov, mdat := bytes.Index(demoClip, []byte("moov")), bytes.Index(demoClip, []byte("mdat"))
	if moov < 0 || mdat < 0 || moov > mdat {
		t.Fatalf("demo clip is not faststart: moov at %d, mdat at %d", moov, mdat)
	}
}

// Every picture the sample news refers to can be made.
func TestDemoImageArticleKeys(t *testing.T) {
	for _, a := range sampleArticles {
		keys := []string{a.Cover}
		for _, p := range a.Photos {
			keys = append(keys, p.Image)
		}
		for _, k := range keys {
			if k == "" {
				continue
			}
			img := decodeDemo(t, demoImage(k, 64, 36))
			if b := img.Bounds(); b.Dx() != 64 || b.Dy() != 36 {
				t.Errorf("%q: got %v", k, b)
			}
		}
	}
}
