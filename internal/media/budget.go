package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"runtime"
	"time"
)

// MaxDecodeBytes bounds the memory one image may take while it is decoded
// and resized, as estimated from its header before any of it is allocated.
// A file's size says little: a 311 KB PNG of 12000×3333 zero pixels at 16
// bits a channel decodes to 320 MB. 192 MiB still takes the large photos
// staff upload: a 24-megapixel 8-bit JPEG needs 40-80 MB (by its chroma
// subsampling), or about 180 MB when it is progressive with the usual 4:2:0
// (Go's decoder keeps 4 bytes per DCT coefficient until the last scan), and a
// 24-megapixel RGBA PNG about 100 MB. With at most two decoded at a time
// (decodeSlots), all uploads together hold at most about 400 MB.
const MaxDecodeBytes = 192 << 20

// footprint is what decoding takes, in bytes: the decoded image, and the
// most held at once while decoding (the image with the decoder's scratch).
type footprint struct {
	image, peak int64
}

// memoryNeeded estimates the bytes held at once to decode the image and
// draw its renditions at sizes.
func memoryNeeded(fp footprint, w, h int, sizes []image.Point) int64 {
	render := 16 * int64(w) // one source row as float32 RGBA
	for _, s := range sizes {
		// The rendition, its scaler's rows and weights, and its JPEG
		// (generously as much again as its pixels).
		render += scalerBytes(s, image.Pt(w, h)) + int64(s.X)*int64(s.Y)
	}
	return max(fp.peak, fp.image+render)
}

// pngFootprint reads the bit depth, colour type and interlacing from IHDR
// (the first chunk, as DecodeConfig has checked) and looks for a tRNS chunk
// before the pixel data: Go's decoder returns grey with transparency as
// NRGBA.
func pngFootprint(data []byte, w, h int) (footprint, error) {
	if len(data) < 8+8+13 {
		return footprint{}, fmt.Errorf("%w: PNG header too short", ErrCorrupt)
	}
	ihdr := data[16:29]
	depth, colour, interlaced := ihdr[8], ihdr[9], ihdr[12] == 1
	sample := int64(1) // bytes a channel once decoded
	if depth == 16 {
		sample = 2
	}
	var bpp int64
	switch colour {
	case 0: // grey: Gray or Gray16, or with tRNS NRGBA or NRGBA64
		bpp = sample
		if pngHasChunk(data, "tRNS") {
			bpp = 4 * sample
		}
	case 3: // palette: one index a pixel, whatever the depth
		bpp = 1
	default: // RGB, grey with alpha, RGBA: four channels
		bpp = 4 * sample
	}
	img := int64(w) * int64(h) * bpp
	fp := footprint{image: img, peak: img + 2*(int64(w)*8+1)} // two rows of filtered bytes
	if interlaced {
		fp.peak += img // the seven passes are decoded into images of their own first
	}
	return fp, nil
}

// pngHasChunk reports whether a chunk of type typ comes before the first
// IDAT.
func pngHasChunk(data []byte, typ string) bool {
	for i := 8; i+8 <= len(data); {
		n := int64(binary.BigEndian.Uint32(data[i:]))
		t := string(data[i+4 : i+8])
		if t == typ {
			return true
		}
		if t == "IDAT" || n > int64(len(data)) {
			return false
		}
		i += 12 + int(n)
	}
	return false
}

// jpegFootprint walks the JPEG's markers as Go's decoder will: the frame
// header gives the components, their sampling and whether the image is
// progressive; JFIF and Adobe markers decide whether three components are
// converted to a separate RGBA image at the end.
func jpegFootprint(data []byte, w, h int) (footprint, error) {
	type comp struct{ id, h, v int }
	var (
		comps                  []comp
		progressive, jfif      bool
		adobe                  bool
		adobeTransform         byte
		markersAfterScan, done bool
	)
	scanned := false
	for i := 2; i < len(data) && !done; {
		if data[i] != 0xff {
			i++ // junk between segments; Go skips it too
			continue
		}
		for i < len(data) && data[i] == 0xff {
			i++
		}
		if i >= len(data) {
			break
		}
		m := data[i]
		i++
		switch {
		case m == 0xd9: // end of image
			done = true
			continue
		case m == 0x00, m == 0x01, 0xd0 <= m && m <= 0xd7: // no length
			continue
		}
		if i+2 > len(data) {
			break
		}
		n := int(binary.BigEndian.Uint16(data[i:])) - 2
		seg := data[min(i+2, len(data)):min(i+2+max(n, 0), len(data))]
		i += 2 + max(n, 0)
		if scanned && (m == 0xe0 || m == 0xee) {
			markersAfterScan = true
		}
		switch m {
		case 0xc0, 0xc1, 0xc2:
			if comps != nil || len(seg) < 6 {
				return footprint{}, fmt.Errorf("%w: bad JPEG frame header", ErrCorrupt)
			}
			progressive = m == 0xc2
			nc := int(seg[5])
			if len(seg) < 6+3*nc || (nc != 1 && nc != 3 && nc != 4) {
				return footprint{}, fmt.Errorf("%w: bad JPEG frame header", ErrCorrupt)
			}
			for c := range nc {
				hv := seg[7+3*c]
				comps = append(comps, comp{int(seg[6+3*c]), max(int(hv>>4), 1), max(int(hv&0x0f), 1)})
			}
			if nc == 1 { // one component is never interleaved: one block an MCU
				comps[0].h, comps[0].v = 1, 1
			}
		case 0xe0: // APP0
			if len(seg) >= 5 {
				jfif = bytes.Equal(seg[:5], []byte("JFIF\x00"))
			}
		case 0xee: // APP14
			if len(seg) >= 12 && bytes.Equal(seg[:5], []byte("Adobe")) {
				adobe, adobeTransform = true, seg[11]
			}
		case 0xda: // start of scan: skip the entropy-coded data to the next marker
			scanned = true
			for i < len(data) && !(data[i] == 0xff && i+1 < len(data) && data[i+1] != 0 && data[i+1] != 0xff && (data[i+1] < 0xd0 || data[i+1] > 0xd7)) {
				i++
			}
		}
	}
	if comps == nil {
		return footprint{}, fmt.Errorf("%w: JPEG has no frame header", ErrCorrupt)
	}
	hmax, vmax := 1, 1
	for _, c := range comps {
		hmax, vmax = max(hmax, c.h), max(vmax, c.v)
	}
	mxx := int64((w + 8*hmax - 1) / (8 * hmax))
	myy := int64((h + 8*vmax - 1) / (8 * vmax))
	var samples int64
	for _, c := range comps {
		samples += 64 * int64(c.h*c.v) * mxx * myy
	}
	fp := footprint{image: samples, peak: samples}
	if progressive {
		fp.peak += 4 * samples // an int32 per coefficient until the last scan
	}
	rgb := len(comps) == 3 && !jfif && ((adobe && adobeTransform == 0) ||
		(comps[0].id == 'R' && comps[1].id == 'G' && comps[2].id == 'B'))
	if len(comps) == 3 && markersAfterScan {
		rgb = true // a marker between scans may yet change it: assume the worst
	}
	if len(comps) == 4 || rgb {
		fp.image = 4 * int64(w) * int64(h) // CMYK or RGBA, made from the planes at the end
		fp.peak += fp.image
	}
	return fp, nil
}

// gifFootprint: the first frame (no larger than the logical screen) is one
// byte a pixel, and an interlaced one is copied once more to reorder it.
func gifFootprint(_ []byte, w, h int) (footprint, error) {
	px := int64(w) * int64(h)
	return footprint{image: px, peak: 2 * px}, nil
}

// decodeSlots bounds how many images are decoded and resized at once.
// Decoding is CPU-bound, so more at a time than there are CPUs finishes none
// sooner and only multiplies the memory held; two keep one slow upload from
// blocking the rest. It is package state on purpose: the memory it guards is
// the process's, whichever server, loader or command is decoding.
var decodeSlots = make(chan struct{}, max(1, min(2, runtime.GOMAXPROCS(0))))

// maxSlotWait bounds the wait for a slot, leaving the request time to
// answer that the server is busy.
const maxSlotWait = 10 * time.Second

// acquireSlot waits for a decode slot, at most maxSlotWait and as long as
// ctx allows; the caller must call the returned release.
func acquireSlot(ctx context.Context) (release func(), err error) {
	release = func() { <-decodeSlots }
	select {
	case decodeSlots <- struct{}{}:
		return release, nil
	default:
	}
	t := time.NewTimer(maxSlotWait)
	defer t.Stop()
	select {
	case decodeSlots <- struct{}{}:
		return release, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: %w", ErrBusy, ctx.Err())
	case <-t.C:
		return nil, fmt.Errorf("%w: no decode slot free after %v", ErrBusy, maxSlotWait)
	}
}
