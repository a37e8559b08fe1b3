// Package media validates and resizes images uploaded by staff (news covers,
// inline images, photo stories). Images are processed once, at upload time.
package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"slices"
)

// Errors returned by ProcessImage. Returned errors wrap one of these, so use
// errors.Is; the message says what exactly was wrong.
var (
	// ErrNotImage: the bytes are not a JPEG, PNG or GIF (judged by their
	// magic bytes only, never by a file name or a declared content type).
	ErrNotImage = errors.New("media: not a JPEG, PNG or GIF image")
	// ErrCorrupt: the image is truncated or cannot be decoded.
	ErrCorrupt = errors.New("media: corrupt or truncated image")
	// ErrTooLarge: the file is too big, or its declared dimensions are
	// absurd (for example a decompression bomb).
	ErrTooLarge = errors.New("media: image too large")
	// ErrMemoryBudget: decoding and resizing the image would take more
	// than MaxDecodeBytes of memory. Errors wrapping it also wrap
	// ErrTooLarge.
	ErrMemoryBudget = errors.New("media: image needs too much memory to process")
	// ErrBusy: other images took every decode slot for longer than the
	// caller could wait. Trying again later may succeed.
	ErrBusy = errors.New("media: too many images being processed")
)

// Limits enforced by ProcessImage.
const (
	MaxImageBytes = 20 << 20   // maximum file size in bytes (20 MB)
	MaxPixels     = 40_000_000 // maximum declared width*height
	MaxSide       = 12_000     // maximum declared width or height
)

// renditionQuality is the JPEG quality used for every rendition.
const renditionQuality = 82

// Image is one encoded image.
type Image struct {
	Data          []byte
	ContentType   string // "image/jpeg", "image/png" or (originals only) "image/gif"
	Width, Height int
}

// Rendition describes a resized variant produced at upload.
type Rendition struct {
	Name     string
	MaxWidth int
}

// Renditions are the variants ProcessImage produces. It is read, never
// written, by this package; do not modify it while ProcessImage may run.
var Renditions = []Rendition{{"thumb", 480}, {"article", 1200}}

// ProcessedImage is the result of ProcessImage.
type ProcessedImage struct {
	Original   Image            // the uploaded bytes, unchanged, with their sniffed type and size
	Renditions map[string]Image // by Rendition.Name; always JPEG
}

const (
	typeJPEG = "image/jpeg"
	typePNG  = "image/png"
	typeGIF  = "image/gif"
)

// format ties a sniffed content type to its decoder.
type format struct {
	contentType  string
	decodeConfig func([]byte) (image.Config, error)
	footprint    func(data []byte, w, h int) (footprint, error) // from the header, before decode
	decode       func([]byte) (image.Image, error)
}

var (
	pngMagic  = []byte("\x89PNG\r\n\x1a\n")
	jpegMagic = []byte{0xFF, 0xD8, 0xFF}
)

// sniff identifies the format from the leading magic bytes only.
func sniff(data []byte) (format, bool) {
	switch {
	case bytes.HasPrefix(data, jpegMagic):
		return format{
			contentType:  typeJPEG,
			decodeConfig: func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) },
			footprint:    jpegFootprint,
			decode:       func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) },
		}, true
	case bytes.HasPrefix(data, pngMagic):
		return format{
			contentType:  typePNG,
			decodeConfig: func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) },
			footprint:    pngFootprint,
			decode:       func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) },
		}, true
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return format{
			contentType:  typeGIF,
			decodeConfig: func(b []byte) (image.Config, error) { return gif.DecodeConfig(bytes.NewReader(b)) },
			footprint:    gifFootprint,
			// gif.Decode returns the first frame only; animated GIF
			// renditions are a still of that frame.
			decode: func(b []byte) (image.Image, error) { return gif.Decode(bytes.NewReader(b)) },
		}, true
	}
	return format{}, false
}

// ProcessImage validates an uploaded image and produces its renditions.
//
// Checks, in order: file size (ErrTooLarge), magic bytes (ErrNotImage),
// declared dimensions read from the header alone, before any pixel buffer is
// allocated (ErrTooLarge, or ErrCorrupt if the header is unreadable), the
// memory that decoding and resizing will take, estimated from the same
// header (ErrMemoryBudget, which is also ErrTooLarge), then a full decode
// (ErrCorrupt). At most a few images are decoded at once: ProcessImage waits
// for its turn as long as ctx allows, up to maxSlotWait, then gives up with
// ErrBusy.
//
// Each rendition is scaled down to its MaxWidth with Catmull-Rom, keeping the
// aspect ratio (never upscaled: smaller images are re-encoded at their own
// size), composited onto white (for transparent PNGs and GIFs) and encoded as
// JPEG at quality 82.
//
// JPEG EXIF orientation is deliberately NOT honoured: renditions keep the
// stored pixel orientation, and the Original's Width/Height are the stored
// (unrotated) dimensions. Camera photos tagged as rotated will appear sideways
// in renditions until this is added.
//
// Original.Data is data itself (not a copy); the caller must not modify it
// afterwards. ProcessImage is safe for concurrent use.
func ProcessImage(ctx context.Context, data []byte) (ProcessedImage, error) {
	return ProcessImageSizes(ctx, data, Renditions)
}

// BannerRenditions are the widths a home banner is drawn at: it spans the
// page, so a phone, a laptop and a large screen each get a file near their
// own width instead of the original.
var BannerRenditions = []Rendition{{"thumb", 480}, {"banner-s", 800}, {"article", 1200}, {"banner-m", 1600}, {"banner-l", 2400}}

// ProcessImageSizes is ProcessImage with other renditions than Renditions.
func ProcessImageSizes(ctx context.Context, data []byte, renditions []Rendition) (ProcessedImage, error) {
	if len(data) > MaxImageBytes {
		return ProcessedImage{}, fmt.Errorf("%w: file is %d bytes, more than the %d-byte limit",
			ErrTooLarge, len(data), MaxImageBytes)
	}
	f, ok := sniff(data)
	if !ok {
		if len(data) == 0 {
			return ProcessedImage{}, fmt.Errorf("%w: file is empty", ErrNotImage)
		}
		return ProcessedImage{}, fmt.Errorf("%w: unrecognised file signature % x", ErrNotImage, data[:min(len(data), 8)])
	}

	// Header only: no pixel buffers are allocated here.
	cfg, err := f.decodeConfig(data)
	if err != nil {
		return ProcessedImage{}, fmt.Errorf("%w: reading %s header: %w", ErrCorrupt, f.contentType, err)
	}
	if err := checkDimensions(cfg.Width, cfg.Height); err != nil {
		return ProcessedImage{}, err
	}
	sizes := make([]image.Point, 0, len(renditions))
	for _, r := range renditions {
		if r.MaxWidth <= 0 {
			return ProcessedImage{}, fmt.Errorf("media: rendition %q has invalid MaxWidth %d", r.Name, r.MaxWidth)
		}
		if s := fitWidth(cfg.Width, cfg.Height, r.MaxWidth); !slices.Contains(sizes, s) {
			sizes = append(sizes, s) // renditions of the same size (e.g. a small source) are drawn once
		}
	}
	fp, err := f.footprint(data, cfg.Width, cfg.Height)
	if err != nil {
		return ProcessedImage{}, err
	}
	if need := memoryNeeded(fp, cfg.Width, cfg.Height, sizes); need > MaxDecodeBytes {
		return ProcessedImage{}, fmt.Errorf("%w: %w: %s of %d×%d pixels needs about %d MiB to decode and resize, more than the %d MiB limit",
			ErrTooLarge, ErrMemoryBudget, f.contentType, cfg.Width, cfg.Height, need>>20, MaxDecodeBytes>>20)
	}

	release, err := acquireSlot(ctx)
	if err != nil {
		return ProcessedImage{}, err
	}
	defer release()
	src, err := f.decode(data)
	if err != nil {
		return ProcessedImage{}, fmt.Errorf("%w: decoding %s: %w", ErrCorrupt, f.contentType, err)
	}
	canvas := image.Rect(0, 0, cfg.Width, cfg.Height)
	if !src.Bounds().In(canvas) {
		return ProcessedImage{}, fmt.Errorf("%w: decoded %s bounds %v do not fit declared size %dx%d",
			ErrCorrupt, f.contentType, src.Bounds(), cfg.Width, cfg.Height)
	}

	out := ProcessedImage{
		Original: Image{
			Data:        data,
			ContentType: f.contentType,
			Width:       cfg.Width,
			Height:      cfg.Height,
		},
		Renditions: make(map[string]Image, len(renditions)),
	}

	drawn := renderOnWhite(src, canvas, sizes)
	encoded := make(map[image.Point][]byte)
	for _, r := range renditions {
		size := fitWidth(cfg.Width, cfg.Height, r.MaxWidth)
		buf, ok := encoded[size]
		if ok {
			buf = bytes.Clone(buf) // callers get independent slices
		} else {
			var b bytes.Buffer
			if err := jpeg.Encode(&b, drawn[slices.Index(sizes, size)], &jpeg.Options{Quality: renditionQuality}); err != nil {
				return ProcessedImage{}, fmt.Errorf("media: encoding rendition %q: %w", r.Name, err)
			}
			buf = b.Bytes()
			encoded[size] = buf
		}
		out.Renditions[r.Name] = Image{Data: buf, ContentType: typeJPEG, Width: size.X, Height: size.Y}
	}
	return out, nil
}

// checkDimensions validates declared dimensions against the limits.
func checkDimensions(w, h int) error {
	switch {
	case w <= 0 || h <= 0:
		return fmt.Errorf("%w: image declares non-positive size %d×%d", ErrCorrupt, w, h)
	case w > MaxSide || h > MaxSide:
		return fmt.Errorf("%w: image is %d×%d pixels, a side is longer than the %d-pixel limit",
			ErrTooLarge, w, h, MaxSide)
	case int64(w)*int64(h) > MaxPixels:
		return fmt.Errorf("%w: image is %d×%d pixels, more than the %d-pixel limit",
			ErrTooLarge, w, h, MaxPixels)
	}
	return nil
}

// fitWidth returns the size of a w×h image scaled down to at most maxW wide,
// keeping the aspect ratio (rounded, at least 1 pixel high). It never upscales.
func fitWidth(w, h, maxW int) image.Point {
	if w <= maxW {
		return image.Pt(w, h)
	}
	nh := int((int64(h)*int64(maxW) + int64(w)/2) / int64(w))
	return image.Pt(maxW, max(nh, 1))
}
