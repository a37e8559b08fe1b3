// Package static embeds the CSS, scripts and images and serves them under
// content-hashed URLs, so browsers may cache them forever: a changed file gets
// a new URL.
package static

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/expoportal/portal/internal/precompress"
)

//go:embed css img js
var files embed.FS

// Prefix is where assets are served.
const Prefix = "/static/"

type asset struct {
	body        []byte
	variants    func() precompress.Variants // compressed on first use, once
	contentType string
	hash        string
}

// Assets maps logical names ("css/site.css") to hashed URLs and back.
type Assets struct {
	urls   map[string]string // logical name -> hashed URL
	byPath map[string]asset  // hashed name -> content
}

// New hashes every embedded file once.
func New() (*Assets, error) {
	a := &Assets{urls: map[string]string{}, byPath: map[string]asset{}}
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])[:12]
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hash + ext
		a.urls[name] = Prefix + hashed
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = http.DetectContentType(body)
		}
		f := asset{body: body, contentType: ct, hash: hash}
		if compressible(ct) {
			// Not at start: every test server would pay for every file.
			f.variants = sync.OnceValue(func() precompress.Variants { return precompress.Make(body) })
		}
		a.byPath[hashed] = f
		return nil
	})
	return a, err
}

// URL returns the hashed URL of a logical name. An unknown name panics:
// it is a typo in a template, caught by the first test that renders it.
func (a *Assets) URL(name string) string {
	u, ok := a.urls[name]
	if !ok {
		panic("static: no asset " + name)
	}
	return u
}

// ServeHTTP serves a hashed asset with immutable caching; expects the
// request path with Prefix stripped.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := a.byPath[strings.TrimPrefix(r.URL.Path, "/")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Vary", "Accept-Encoding")
	enc, body := precompress.Identity, f.body
	if f.variants != nil && r.Header.Get("Range") == "" { // a range is of the identity bytes
		v := f.variants()
		enc = v.Choose(r.Header.Get("Accept-Encoding"))
		body = v[enc]
	}
	h.Set("ETag", `"`+f.hash+precompress.ETagSuffix[enc]+`"`)
	if enc != precompress.Identity {
		h.Set("Content-Encoding", precompress.Name(enc))
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// compressible: text, whose encodings are much smaller (images are
// compressed already, but for SVG, which is text).
func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || strings.Contains(contentType, "javascript") ||
		strings.Contains(contentType, "json") || strings.HasPrefix(contentType, "image/svg")
}
