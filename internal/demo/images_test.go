package demo

import (
	"bytes"
	"image"
	_ "image/jpeg"
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
func TestDemoPhotoArticleKeys(t *testing.T) {
	for _, a := range sampleArticles {
		keys := []string{a.Cover}
		for _, p := range a.Photos {
			keys = append(keys, p.Image)
		}
		for _, k := range keys {
			if k == "" {
				continue
			}
			img := decodeDemo(t, photoFor(k, 64, 36))
			if b := img.Bounds(); b.Dx() != 64 || b.Dy() != 36 {
				t.Errorf("%q: got %v", k, b)
			}
		}
	}
}
