package web

import (
	"context"
	"errors"
	"github.com/expoportal/portal/internal/paths"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/store"
)

// maxRanges is the most byte ranges one media request may ask for.
const maxRanges = 8

var mediaName = regexp.MustCompile(`^([0-9a-f]{64})(\.[a-z0-9]{1,5})?$`)

// serveMedia answers /media/{hash}.{ext} from PostgreSQL. The hash names
// the bytes, so they are cached forever; a Range request (a video player
// seeking) reads only the chunks it covers.
func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request) error {
	m := mediaName.FindStringSubmatch(chi.URLParam(r, "file"))
	if m == nil {
		return errNotFound
	}
	media, err := s.store.MediaByHash(r.Context(), m[1])
	if err != nil {
		return err
	}
	if m[2] != "" && m[2] != paths.MediaExt(media.ContentType) {
		return errNotFound
	}
	h := w.Header()
	h.Set("Content-Type", media.ContentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", `"`+media.Hash+`"`)
	// Players ask for one range, sometimes two; many small ranges alternating
	// between chunks would make the database read far more than is sent.
	if strings.Count(r.Header.Get("Range"), ",") >= maxRanges {
		h.Set("Content-Range", "bytes */"+strconv.FormatInt(media.Size, 10))
		w.WriteHeader(http.StatusRequestedRangeNotSatisfiable)
		return nil
	}
	if isHead(r) {
		// ServeContent skips reading the body only for a request that says HEAD.
		head := *r
		head.Method = http.MethodHead
		r = &head
	}
	rs := &chunkReader{ctx: r.Context(), store: s.store, media: media}
	http.ServeContent(w, r, "", time.Time{}, rs)
	if rs.err != nil && !errors.Is(rs.err, context.Canceled) {
		s.log.Error("media read failed", "hash", media.Hash, "err", rs.err)
	}
	return nil
}

// chunkReader reads a media file chunk by chunk, fetching a chunk only when
// a read reaches it.
type chunkReader struct {
	ctx   context.Context
	store *store.Store
	media store.Media
	off   int64
	idx   int // the chunk in buf, -1 when none
	buf   []byte
	err   error
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if c.off >= c.media.Size {
		return 0, io.EOF
	}
	size := int64(c.media.ChunkSize)
	idx := int(c.off / size)
	if c.buf == nil || c.idx != idx {
		data, err := c.store.MediaChunk(c.ctx, c.media.ID, idx)
		if err != nil {
			c.err = err
			return 0, err
		}
		c.buf, c.idx = data, idx
	}
	n := copy(p, c.buf[c.off-int64(idx)*size:])
	c.off += int64(n)
	return n, nil
}

func (c *chunkReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += c.off
	case io.SeekEnd:
		offset += c.media.Size
	}
	if offset < 0 {
		return 0, errors.New("chunkReader: negative offset")
	}
	c.off = offset
	return offset, nil
}
