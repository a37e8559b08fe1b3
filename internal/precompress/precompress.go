// Package precompress makes a body's compressed encodings once (gzip,
// brotli, zstd) and picks the one a client takes, so what is served many
// times is compressed only once.
package precompress

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// The encodings, in the order of Variants.
const (
	Identity = iota
	Gzip
	Brotli
	Zstd
	count
)

var names = [count]string{"", "gzip", "br", "zstd"}

// ETagSuffix tells the encodings of one body apart in an ETag.
var ETagSuffix = [count]string{"", "-gz", "-br", "-zst"}

// Variants are one body in each encoding; nil where not made.
type Variants [count][]byte

// MinSize is the smallest body worth compressing: below it, the saving is
// less than the headers that say so.
const MinSize = 512

// Make compresses body in every encoding. It runs on every page-cache fill,
// and every fill after a publish at once, so the encoders are reused and
// their windows sized for pages: a fresh brotli level 9 or zstd "best"
// encoder allocates 30 to 50 MB, which is what a burst of fills did to the
// resident size. The levels chosen give within 3 % of the best ones' bytes
// on our pages.
func Make(body []byte) Variants {
	var v Variants
	v[Identity] = body
	if len(body) < MinSize {
		return v
	}
	v[Gzip] = compress(body, &gzips)
	v[Brotli] = compress(body, &brotlis)
	v[Zstd] = zstdEncoder.EncodeAll(body, make([]byte, 0, len(body)/3))
	for i := Gzip; i < count; i++ {
		if len(v[i]) >= len(body) {
			v[i] = nil // incompressible: identity is smaller
		}
	}
	return v
}

// Size is the bytes all variants hold.
func (v Variants) Size() int {
	n := 0
	for _, b := range v {
		n += len(b)
	}
	return n
}

// Name is the Content-Encoding of encoding enc ("" for identity).
func Name(enc int) string { return names[enc] }

// writer is a reusable compressor.
type writer interface {
	io.WriteCloser
	Reset(io.Writer)
}

var (
	gzips = sync.Pool{New: func() any {
		z, _ := gzip.NewWriterLevel(io.Discard, gzip.BestCompression)
		return z
	}}
	// A 256 KB window covers any page; the default 4 MB one costs its size
	// in every encoder.
	brotlis = sync.Pool{New: func() any {
		return brotli.NewWriterOptions(io.Discard, brotli.WriterOptions{Quality: 6, LGWin: 18})
	}}
	// EncodeAll may be called from many goroutines at once on one encoder.
	zstdEncoder, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression),
		zstd.WithEncoderConcurrency(2), zstd.WithWindowSize(1<<18))
)

func compress(body []byte, pool *sync.Pool) []byte {
	z := pool.Get().(writer)
	defer func() {
		z.Reset(io.Discard) // the pool must not keep the page alive
		pool.Put(z)
	}()
	b := bytes.NewBuffer(make([]byte, 0, len(body)/3))
	z.Reset(b)
	if _, err := z.Write(body); err != nil {
		return nil
	}
	if err := z.Close(); err != nil {
		return nil
	}
	return b.Bytes()
}

// Choose picks, of the variants made, what Accept-Encoding takes: brotli,
// then zstd, then gzip (smallest first on our pages), else identity.
func (v Variants) Choose(accept string) int {
	var takes [count]bool
	for part := range strings.SplitSeq(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if q, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(q, 64); err == nil && f == 0 {
				continue
			}
		}
		for i, n := range names {
			if n != "" && (name == n || name == "*") {
				takes[i] = true
			}
		}
	}
	for _, enc := range []int{Brotli, Zstd, Gzip} {
		if takes[enc] && v[enc] != nil {
			return enc
		}
	}
	return Identity
}

// ETagMatch reads If-None-Match: a list of tags, weak or strong, or "*".
func ETagMatch(header, etag string) bool {
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == etag || tag == "*" {
			return true
		}
	}
	return false
}
