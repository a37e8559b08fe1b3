// Package paths builds the site's URLs that stored things live at, in one
// place: the store reads rows, the web layer answers requests, and both
// ask here where an article or a media file is.
package paths

import (
	"mime"
	"strconv"
)

// Article is an article's path after /{lang}: its id, then its slug.
func Article(id int64, slug string) string {
	p := "/news/" + strconv.FormatInt(id, 10)
	if slug != "" {
		p += "-" + slug
	}
	return p
}

// Media is where a media file is served: its hash makes the URL immutable.
func Media(hash, contentType string) string {
	return "/media/" + hash + MediaExt(contentType)
}

// MediaExt is the file extension a content type is served with.
func MediaExt(contentType string) string {
	switch contentType {
	case "image/jpeg":
		return ".jpg"
	case "image/png":
		return ".png"
	case "image/gif":
		return ".gif"
	case "video/mp4":
		return ".mp4"
	case "video/webm":
		return ".webm"
	}
	if exts, _ := mime.ExtensionsByType(contentType); len(exts) > 0 {
		return exts[0]
	}
	return ""
}
