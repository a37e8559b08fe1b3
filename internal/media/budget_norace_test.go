//go:build !race

package media

// These tests build and decode pictures of up to 24 megapixels (and stream a
// 320 MB PNG through zlib to make one) and measure what the process
// allocates. Under the race detector that took some 7 minutes of a 2-CPU
// machine and checks nothing the detector could: they are single-goroutine.
// `make test` runs this package a second time without -race for them.

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"testing"
	"time"
)

// The upload of issue 14: a 311 KB PNG that passes the side and pixel
// limits but decodes to 320 MB. It is refused from its header alone.
// Not parallel: MemStats are process-wide.
func TestProcessImageRefusesDecodeBombFromHeader(t *testing.T) {
	data := zeroPNG(t, pngSpec{w: 12000, h: 3333, depth: 16, colour: 6})
	t.Logf("12000×3333 16-bit RGBA zero PNG: %d bytes", len(data))
	var err error
	var elapsed time.Duration
	grew := allocated(func() {
		start := time.Now()
		_, err = ProcessImage(context.Background(), data)
		elapsed = time.Since(start)
	})
	if !errors.Is(err, ErrMemoryBudget) || !errors.Is(err, ErrTooLarge) {
		t.Errorf("error = %v, want ErrMemoryBudget and ErrTooLarge", err)
	}
	if grew > 50<<20 {
		t.Errorf("allocated %d MB refusing it, want < 50 MB: it was decoded", grew>>20)
	}
	if elapsed > time.Second {
		t.Errorf("took %v to refuse it, want well under a second", elapsed)
	}
	t.Logf("%v", err)
}

// The estimate from the header is what Go's decoders then allocate. Not
// parallel: MemStats are process-wide.
func TestFootprintMatchesDecoder(t *testing.T) {
	// Component ids 'R', 'G', 'B' in the frame and scan headers (and no
	// JFIF marker, which Go does not write): decoded to a separate RGBA.
	rgbJPEG := encodeJPEG(t, gradient(1000, 750))
	sof, sos := bytes.Index(rgbJPEG, []byte{0xff, 0xc0}), bytes.Index(rgbJPEG, []byte{0xff, 0xda})
	if sof < 0 || sos < 0 {
		t.Fatal("no SOF0 or SOS in Go's JPEG")
	}
	for i, id := range []byte("RGB") {
		rgbJPEG[sof+10+3*i], rgbJPEG[sos+5+2*i] = id, id
	}
	tests := []struct {
		name  string
		data  []byte
		bound bool // the estimate is an upper bound only
	}{
		{"png rgba 8", zeroPNG(t, pngSpec{w: 2000, h: 1500, depth: 8, colour: 6}), false},
		{"png rgb 16", zeroPNG(t, pngSpec{w: 2000, h: 1500, depth: 16, colour: 2}), false},
		{"png grey 8", zeroPNG(t, pngSpec{w: 2000, h: 1500, depth: 8, colour: 0}), false},
		{"png grey 8 with tRNS", zeroPNG(t, pngSpec{w: 2000, h: 1500, depth: 8, colour: 0, transparent: true}), false},
		{"png grey 16 with tRNS", zeroPNG(t, pngSpec{w: 2000, h: 1500, depth: 16, colour: 0, transparent: true}), false},
		{"png palette 4", zeroPNG(t, pngSpec{w: 2000, h: 1500, depth: 4, colour: 3}), false},
		{"png rgba 8 interlaced", zeroPNG(t, pngSpec{w: 2000, h: 1500, depth: 8, colour: 6, interlaced: true}), false},
		{"jpeg ycbcr 4:2:0", encodeJPEG(t, gradient(1600, 1200)), false},
		{"jpeg grey", encodeJPEG(t, image.NewGray(image.Rect(0, 0, 2000, 1500))), false},
		{"jpeg rgb", rgbJPEG, false},
		{"jpeg progressive grey", dcOnlyJPEG(2000, 1500, 1, 1, 1), false},
		{"jpeg progressive 4:2:0", dcOnlyJPEG(2000, 1500, 3, 2, 2), false},
		{"jpeg progressive 4:4:4", dcOnlyJPEG(2000, 1500, 3, 1, 1), false},
		// Counted as if interlaced, which costs a second copy.
		{"gif", encodeGIF(t, gradient(1000, 750)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := sniff(tt.data)
			if !ok {
				t.Fatal("not sniffed")
			}
			cfg, err := f.decodeConfig(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			fp, err := f.footprint(tt.data, cfg.Width, cfg.Height)
			if err != nil {
				t.Fatal(err)
			}
			var img image.Image
			got := allocated(func() { img, err = f.decode(tt.data) })
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			// Decoders also allocate a little besides the pixels (tables,
			// Huffman and zlib state).
			lo, hi := float64(fp.peak)*0.95, float64(fp.peak)*1.05+1<<20
			if tt.bound {
				lo = 0
			}
			if float64(got) < lo || float64(got) > hi {
				t.Errorf("decoding %T allocated %d bytes, estimate %d", img, got, fp.peak)
			}
		})
	}
}

// Ordinary large pictures fit the budget, and processing them allocates no
// more than the estimate. Not parallel: MemStats are process-wide.
func TestProcessImageLargePhotosFitTheBudget(t *testing.T) {
	photo := func(w, h int) []byte { // a 24-megapixel 4:2:0 JPEG, as cameras write them
		img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
		for i := range img.Y {
			img.Y[i] = uint8(i % 251)
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	tests := []struct {
		name string
		data []byte
	}{
		// Portrait: the tallest source, so the most rows to scale down.
		{"jpeg 4000×6000", photo(4000, 6000)},
		{"progressive jpeg 6000×4000", dcOnlyJPEG(6000, 4000, 3, 2, 2)},
		{"png rgba 4000×6000", zeroPNG(t, pngSpec{w: 4000, h: 6000, depth: 8, colour: 6})},
		// x/image/draw's Scale would have kept 1200×12000 float64 RGBA pixels.
		{"png rgb 1201×12000", zeroPNG(t, pngSpec{w: 1201, h: 12000, depth: 8, colour: 2})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := sniff(tt.data)
			cfg, _ := f.decodeConfig(tt.data)
			fp, _ := f.footprint(tt.data, cfg.Width, cfg.Height)
			var sizes []image.Point
			for _, r := range Renditions {
				sizes = append(sizes, fitWidth(cfg.Width, cfg.Height, r.MaxWidth))
			}
			need := memoryNeeded(fp, cfg.Width, cfg.Height, sizes)
			var err error
			got := allocated(func() { _, err = ProcessImage(context.Background(), tt.data) })
			if err != nil {
				t.Fatalf("ProcessImage: %v", err)
			}
			t.Logf("estimated %d MB, allocated %d MB", need>>20, got>>20)
			// A progressive JPEG's coefficients are garbage before the
			// renditions are drawn, so the two are not held at once.
			if fp.peak == fp.image && float64(got) > float64(need)*1.05 {
				t.Errorf("allocated %d bytes, more than the estimate %d", got, need)
			}
		})
	}
}
