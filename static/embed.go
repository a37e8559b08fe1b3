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
	"time"
)

//go:embed css img js
var files embed.FS

// Prefix is where assets are served.
const Prefix = "/static/"

type asset struct {
	body        []byte
	contentType string
	etag        string
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
		a.byPath[hashed] = asset{body: body, contentType: ct, etag: `"` + hash + `"`}
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
	h.Set("ETag", f.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
}
