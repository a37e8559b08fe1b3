package media

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/jpeg"
	"runtime"
	"sync"
	"testing"
	"time"
)

// pngSpec describes a PNG whose pixels are all zero.
type pngSpec struct {
	w, h        int
	depth       byte // bits a sample
	colour      byte // 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
	interlaced  bool // Adam7
	transparent bool // with a tRNS chunk
}

// zeroPNG builds the PNG p describes. The rows are streamed into the
// compressor, so even the 12000×3333 16-bit RGBA image of issue 14 (320 MB
// of pixels) holds one row in memory; it comes out at about 310 KB.
func zeroPNG(t testing.TB, p pngSpec) []byte {
	t.Helper()
	channels := map[byte]int{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[p.colour]
	bits := channels * int(p.depth)
	// The filtered data is a filter byte and the packed samples per row, for
	// each Adam7 pass when interlaced; zero bytes are valid either way.
	passes := [][4]int{{0, 0, 1, 1}} // x offset, y offset, x step, y step
	if p.interlaced {
		passes = [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	}
	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	for _, ps := range passes {
		pw, ph := (p.w-ps[0]+ps[2]-1)/ps[2], (p.h-ps[1]+ps[3]-1)/ps[3]
		if pw <= 0 || ph <= 0 {
			continue
		}
		row := make([]byte, 1+(pw*bits+7)/8)
		for range ph {
			if _, err := zw.Write(row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	chunk := func(out []byte, typ string, data []byte) []byte {
		out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
		out = append(out, typ...)
		out = append(out, data...)
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		return binary.BigEndian.AppendUint32(out, crc.Sum32())
	}
	var ihdr []byte
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(p.w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(p.h))
	interlace := byte(0)
	if p.interlaced {
		interlace = 1
	}
	ihdr = append(ihdr, p.depth, p.colour, 0, 0, interlace)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = chunk(out, "IHDR", ihdr)
	if p.colour == 3 {
		out = chunk(out, "PLTE", []byte{0, 0, 0})
	}
	if p.transparent {
		out = chunk(out, "tRNS", make([]byte, map[byte]int{0: 2, 2: 6, 3: 1}[p.colour]))
	}
	out = chunk(out, "IDAT", idat.Bytes())
	return chunk(out, "IEND", nil)
}

// dcOnlyJPEG builds a progressive w×h JPEG with one (grey) or three (YCbCr,
// luma sampled yh×yv) components whose only scan holds the DC coefficients,
// all zero: a mid-grey picture. Go cannot encode progressive JPEGs, and its
// decoder keeps every coefficient of such a file until the last scan.
func dcOnlyJPEG(w, h, comps, yh, yv int) []byte {
	b := []byte{0xff, 0xd8}
	seg := func(marker byte, p []byte) {
		b = append(b, 0xff, marker, byte((len(p)+2)>>8), byte(len(p)+2))
		b = append(b, p...)
	}
	seg(0xdb, append([]byte{0}, bytes.Repeat([]byte{1}, 64)...)) // quantisation table 0
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), byte(comps)}
	for c := range comps {
		hv := byte(0x11)
		if c == 0 {
			hv = byte(yh<<4 | yv)
		}
		sof = append(sof, byte(c+1), hv, 0)
	}
	seg(0xc2, sof)
	// DC table 0 has one code, "0", for a difference of 0.
	seg(0xc4, append(append([]byte{0x00, 1}, make([]byte, 15)...), 0))
	sos := []byte{byte(comps)}
	for c := range comps {
		sos = append(sos, byte(c+1), 0x00)
	}
	seg(0xda, append(sos, 0, 0, 0)) // spectral selection 0-0: DC only
	mcus, blocks := ((w+7)/8)*((h+7)/8), 1
	if comps == 3 {
		mcus, blocks = ((w+8*yh-1)/(8*yh))*((h+8*yv-1)/(8*yv)), yh*yv+2
	}
	b = append(b, make([]byte, (mcus*blocks+7)/8)...) // one 0 bit a block
	return append(b, 0xff, 0xd9)
}

// allocated reports the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

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

// When every decode slot is taken, ProcessImage waits as long as its context
// allows, then answers ErrBusy. Not parallel: it takes the process's slots.
func TestProcessImageWaitsForADecodeSlot(t *testing.T) {
	data := encodePNG(t, gradient(600, 400))
	for range cap(decodeSlots) {
		decodeSlots <- struct{}{}
	}
	freed := false
	free := func() {
		if !freed {
			for range cap(decodeSlots) {
				<-decodeSlots
			}
			freed = true
		}
	}
	defer free()

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := ProcessImage(ctx, data); !errors.Is(err, ErrBusy) {
		t.Fatalf("with every slot taken: %v, want ErrBusy", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("gave up after %v, want about the context's 50ms", d)
	}
	// Refusals from the header need no slot.
	if _, err := ProcessImage(context.Background(), pngHeader(100_000, 100_000)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a bomb while busy: %v, want ErrTooLarge", err)
	}

	var wg sync.WaitGroup
	var err error
	wg.Go(func() { _, err = ProcessImage(context.Background(), data) })
	time.Sleep(100 * time.Millisecond)
	free()
	wg.Wait()
	if err != nil {
		t.Fatalf("after a slot came free: %v", err)
	}
}
