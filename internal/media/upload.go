package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/expoportal/portal/internal/store"
)

// MaxVideoBytes bounds an uploaded video.
const MaxVideoBytes = 200 << 20

// ErrNotVideo is returned for a video upload that is not MP4 or WebM.
var ErrNotVideo = errors.New("not an MP4 or WebM video")

// Saver stores a file and its renditions in one transaction.
type Saver interface {
	SaveMedia(ctx context.Context, original store.MediaFile, renditions []store.MediaFile) (store.Media, error)
}

// SaveImage checks and resizes an uploaded image, then stores it with its
// renditions. Nothing is written when the image is refused.
func SaveImage(ctx context.Context, s Saver, data []byte) (store.Media, error) {
	p, err := ProcessImage(ctx, data)
	if err != nil {
		return store.Media{}, err
	}
	return SaveProcessed(ctx, s, p, Renditions)
}

// SaveProcessed stores an image ProcessImageSizes accepted, with the
// renditions it was given: a form with several uploads checks them all
// before it writes any.
func SaveProcessed(ctx context.Context, s Saver, p ProcessedImage, renditions []Rendition) (store.Media, error) {
	orig := store.MediaFile{Kind: "image", ContentType: p.Original.ContentType, Data: p.Original.Data,
		Width: p.Original.Width, Height: p.Original.Height}
	var rends []store.MediaFile
	for _, r := range renditions {
		img, ok := p.Renditions[r.Name]
		if !ok {
			continue
		}
		rends = append(rends, store.MediaFile{Kind: "image", ContentType: img.ContentType, Data: img.Data,
			Width: img.Width, Height: img.Height, Rendition: r.Name})
	}
	return s.SaveMedia(ctx, orig, rends)
}

// SaveVideo checks an uploaded video by its bytes and stores it in chunks.
func SaveVideo(ctx context.Context, s Saver, data []byte) (store.Media, error) {
	if len(data) > MaxVideoBytes {
		return store.Media{}, fmt.Errorf("%w: video is %d bytes, more than %d", ErrTooLarge, len(data), MaxVideoBytes)
	}
	ct := sniffVideo(data)
	if ct == "" {
		return store.Media{}, ErrNotVideo
	}
	return s.SaveMedia(ctx, store.MediaFile{Kind: "video", ContentType: ct, Data: data}, nil)
}

// sniffVideo tells MP4 (an ISO BMFF "ftyp" box first) and WebM (an EBML
// header) apart from anything else.
func sniffVideo(b []byte) string {
	switch {
	case len(b) >= 12 && bytes.Equal(b[4:8], []byte("ftyp")):
		return "video/mp4"
	case len(b) >= 4 && bytes.Equal(b[:4], []byte{0x1A, 0x45, 0xDF, 0xA3}):
		return "video/webm"
	}
	return ""
}
