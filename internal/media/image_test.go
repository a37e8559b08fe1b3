package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"
)

// gradient returns a w×h opaque image with varied content, so that encoded
// files are not trivially compressible (truncation then hits pixel data).
func gradient(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for x := range w {
			row[4*x+0] = uint8(x * 255 / w)
			row[4*x+1] = uint8(y * 255 / h)
			row[4*x+2] = uint8(rng.Uint32())
			row[4*x+3] = 255
		}
	}
	return img
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeGIF(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader builds a PNG consisting of a signature, an IHDR chunk (with a
// correct CRC) declaring w×h 8-bit RGBA, and IEND. It has no pixel data.
func pngHeader(w, h uint32) []byte {
	chunk := func(typ string, data []byte) []byte {
		var b []byte
		b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
		b = append(b, typ...)
		b = append(b, data...)
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		return binary.BigEndian.AppendUint32(b, crc.Sum32())
	}
	var ihdr []byte
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // bit depth 8, colour type RGBA, deflate, filter 0, no interlace
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, chunk("IHDR", ihdr)...)
	return append(out, chunk("IEND", nil)...)
}

// gifHeader builds a GIF whose logical screen is w×h, with no global colour
// table and no frames.
func gifHeader(w, h uint16) []byte {
	b := []byte("GIF89a")
	b = binary.LittleEndian.AppendUint16(b, w)
	b = binary.LittleEndian.AppendUint16(b, h)
	b = append(b, 0, 0, 0) // flags, background index, aspect ratio
	return append(b, ';')  // trailer
}

func TestProcessImageValid(t *testing.T) {
	t.Parallel()
	type size struct{ w, h int }
	tests := []struct {
		name     string
		data     []byte
		wantType string
		orig     size
		thumb    size
		article  size
	}{
		{"png 2000x1000", encodePNG(t, gradient(2000, 1000)), "image/png", size{2000, 1000}, size{480, 240}, size{1200, 600}},
		{"jpeg 2000x1000", encodeJPEG(t, gradient(2000, 1000)), "image/jpeg", size{2000, 1000}, size{480, 240}, size{1200, 600}},
		{"png 300x200 not upscaled", encodePNG(t, gradient(300, 200)), "image/png", size{300, 200}, size{300, 200}, size{300, 200}},
		{"jpeg 300x200 not upscaled", encodeJPEG(t, gradient(300, 200)), "image/jpeg", size{300, 200}, size{300, 200}, size{300, 200}},
		{"jpeg 800x1200 portrait", encodeJPEG(t, gradient(800, 1200)), "image/jpeg", size{800, 1200}, size{480, 720}, size{800, 1200}},
		{"gif 640x320 keeps type", encodeGIF(t, gradient(640, 320)), "image/gif", size{640, 320}, size{480, 240}, size{640, 320}},
		{"png 5000x1 tall rounding", encodePNG(t, gradient(5000, 1)), "image/png", size{5000, 1}, size{480, 1}, size{1200, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ProcessImage(t.Context(), tt.data)
			if err != nil {
				t.Fatalf("ProcessImage: %v", err)
			}
			o := got.Original
			if !bytes.Equal(o.Data, tt.data) || o.ContentType != tt.wantType || o.Width != tt.orig.w || o.Height != tt.orig.h {
				t.Errorf("Original = %s %dx%d (data equal: %v), want %s %dx%d",
					o.ContentType, o.Width, o.Height, bytes.Equal(o.Data, tt.data), tt.wantType, tt.orig.w, tt.orig.h)
			}
			if len(got.Renditions) != len(Renditions) {
				t.Errorf("got %d renditions, want %d", len(got.Renditions), len(Renditions))
			}
			for name, want := range map[string]size{"thumb": tt.thumb, "article": tt.article} {
				r, ok := got.Renditions[name]
				if !ok {
					t.Errorf("rendition %q missing", name)
					continue
				}
				if r.ContentType != "image/jpeg" || r.Width != want.w || r.Height != want.h {
					t.Errorf("rendition %q = %s %dx%d, want image/jpeg %dx%d", name, r.ContentType, r.Width, r.Height, want.w, want.h)
				}
				// The bytes must really be a JPEG of the stated size.
				cfg, format, err := image.DecodeConfig(bytes.NewReader(r.Data))
				if err != nil || format != "jpeg" || cfg.Width != want.w || cfg.Height != want.h {
					t.Errorf("rendition %q decodes as %s %dx%d (err %v), want jpeg %dx%d",
						name, format, cfg.Width, cfg.Height, err, want.w, want.h)
				}
			}
			// Renditions sharing a size must not share backing arrays.
			a, b := got.Renditions["thumb"].Data, got.Renditions["article"].Data
			if len(a) > 0 && len(b) > 0 && &a[0] == &b[0] {
				t.Error("renditions share a backing array")
			}
		})
	}
}

// checkColor decodes a JPEG rendition and checks the pixel at (x, y) is
// within tol of want on each channel.
func checkColor(t *testing.T, name string, data []byte, x, y int, want color.RGBA, tol int) {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: decoding rendition: %v", name, err)
	}
	r, g, b, _ := img.At(x, y).RGBA()
	got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
	exp := [3]int{int(want.R), int(want.G), int(want.B)}
	for i := range got {
		if d := got[i] - exp[i]; d > tol || d < -tol {
			t.Errorf("%s: pixel (%d,%d) = %v, want %v ±%d", name, x, y, got, exp, tol)
			return
		}
	}
}

func TestProcessImageTransparencyOnWhite(t *testing.T) {
	t.Parallel()
	// Left half fully transparent (with a "dark" colour hidden under zero
	// alpha), right half opaque red.
	alphaPNG := image.NewNRGBA(image.Rect(0, 0, 1000, 400))
	for y := range 400 {
		for x := range 1000 {
			c := color.NRGBA{0, 0, 0, 0}
			if x >= 500 {
				c = color.NRGBA{255, 0, 0, 255}
			}
			alphaPNG.SetNRGBA(x, y, c)
		}
	}
	// Same layout as a paletted GIF with a transparent index.
	pal := color.Palette{color.RGBA{}, color.RGBA{255, 0, 0, 255}}
	alphaGIF := image.NewPaletted(image.Rect(0, 0, 1000, 400), pal)
	for y := range 400 {
		for x := 500; x < 1000; x++ {
			alphaGIF.SetColorIndex(x, y, 1)
		}
	}
	// A GIF whose only frame covers the right half of a larger logical screen:
	// the uncovered left half must also become white.
	frame := image.NewPaletted(image.Rect(500, 0, 1000, 400), palette.Plan9)
	for y := range 400 {
		for x := 500; x < 1000; x++ {
			frame.Set(x, y, color.RGBA{255, 0, 0, 255})
		}
	}
	var offsetGIF bytes.Buffer
	if err := gif.EncodeAll(&offsetGIF, &gif.GIF{
		Image:  []*image.Paletted{frame},
		Delay:  []int{0},
		Config: image.Config{ColorModel: color.Palette(palette.Plan9), Width: 1000, Height: 400},
	}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		data []byte
	}{
		{"png with alpha", encodePNG(t, alphaPNG)},
		{"gif with transparent index", encodeGIF(t, alphaGIF)},
		{"gif frame smaller than screen", offsetGIF.Bytes()},
	}
	white, red := color.RGBA{255, 255, 255, 255}, color.RGBA{255, 0, 0, 255}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ProcessImage(t.Context(), tt.data)
			if err != nil {
				t.Fatalf("ProcessImage: %v", err)
			}
			th := got.Renditions["thumb"] // 480x192
			if th.Width != 480 || th.Height != 192 {
				t.Fatalf("thumb is %dx%d, want 480x192", th.Width, th.Height)
			}
			checkColor(t, "thumb", th.Data, 100, 96, white, 8)
			checkColor(t, "thumb", th.Data, 380, 96, red, 24)
			ar := got.Renditions["article"] // 1000x400, not scaled
			checkColor(t, "article", ar.Data, 200, 200, white, 8)
			checkColor(t, "article", ar.Data, 800, 200, red, 24)
		})
	}
}

func TestProcessImageErrors(t *testing.T) {
	t.Parallel()
	jpegData := encodeJPEG(t, gradient(600, 400))
	pngData := encodePNG(t, gradient(600, 400))
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	random[0] = 0x00 // cannot start with any accepted signature
	oversize := make([]byte, MaxImageBytes+1)
	copy(oversize, pngData)

	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNotImage},
		{"plain text", []byte("hello, this is not an image\n"), ErrNotImage},
		{"html", []byte("<!DOCTYPE html><html><body><img src=x></body></html>"), ErrNotImage},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`), ErrNotImage},
		{"webp", append([]byte("RIFF\x24\x00\x00\x00WEBPVP8 "), make([]byte, 32)...), ErrNotImage},
		{"bmp", append([]byte("BM"), make([]byte, 64)...), ErrNotImage},
		{"random bytes", random, ErrNotImage},
		{"png magic only", pngData[:8], ErrCorrupt},
		{"jpeg magic only", jpegData[:3], ErrCorrupt},
		{"truncated jpeg", jpegData[:len(jpegData)/2], ErrCorrupt},
		{"truncated png", pngData[:len(pngData)/2], ErrCorrupt},
		{"png zero width", pngHeader(0, 10), ErrCorrupt},
		{"png bomb 100000x100000", pngHeader(100_000, 100_000), ErrTooLarge},
		{"png side too long 20000x10", pngHeader(20_000, 10), ErrTooLarge},
		{"png too many pixels 10000x10000", pngHeader(10_000, 10_000), ErrTooLarge},
		{"gif bomb 65535x65535", gifHeader(65535, 65535), ErrTooLarge},
		{"oversize file", oversize, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ProcessImage(t.Context(), tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ProcessImage error = %v, want %v", err, tt.want)
			}
			if got.Renditions != nil || got.Original.Data != nil {
				t.Errorf("non-zero result alongside error: %+v", got.Original)
			}
			t.Logf("%v", err)
		})
	}
}

// cpuTime is the CPU the process has used. Unlike the wall clock it does not
// run on while a busy machine gives the test no CPU, so a bound on it holds
// on any machine.
func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Not parallel: MemStats and CPU time are process-wide, and parallel tests
// are paused while sequential ones run.
func TestProcessImageBombIsCheap(t *testing.T) {
	bombs := []struct {
		name string
		data []byte
	}{
		{"png 100000x100000", pngHeader(100_000, 100_000)},
		{"gif 65535x65535", gifHeader(65535, 65535)},
	}
	const limit = 10 << 20
	for _, b := range bombs {
		t.Run(b.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := cpuTime(t)
			_, err := ProcessImage(t.Context(), b.data)
			spent := cpuTime(t) - start
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error = %v, want ErrTooLarge", err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > limit {
				t.Errorf("allocated %d bytes refusing a bomb, want < %d", alloc, limit)
			}
			if spent > time.Second {
				t.Errorf("spent %v of CPU refusing a bomb", spent)
			}
			allocs := testing.AllocsPerRun(20, func() { _, _ = ProcessImage(context.Background(), b.data) })
			if allocs > 100 {
				t.Errorf("%.0f allocations per bomb, want few", allocs)
			}
		})
	}
}

func TestProcessImageConcurrent(t *testing.T) {
	t.Parallel()
	inputs := [][]byte{
		encodePNG(t, gradient(700, 300)),
		encodeJPEG(t, gradient(1500, 900)),
		encodeGIF(t, gradient(200, 100)),
		pngHeader(100_000, 100_000),
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			data := inputs[i%len(inputs)]
			_, err := ProcessImage(context.Background(), data)
			if i%len(inputs) == 3 {
				if !errors.Is(err, ErrTooLarge) {
					t.Errorf("goroutine %d: error = %v, want ErrTooLarge", i, err)
				}
			} else if err != nil {
				t.Errorf("goroutine %d: %v", i, err)
			}
		})
	}
	wg.Wait()
}
