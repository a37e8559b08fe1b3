package media

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
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
