// Package legacy imports a mirror of an expo's old site (the GBK-era ASP
// sites organisers move from): it decodes each page whatever its meta tag
// claims, repairs text saved twice through the wrong encoding, pulls out
// the articles and content pages, and keeps the old addresses as redirects.
package legacy

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encodings as the report names them.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8 with BOM"
	EncUTF16   = "utf-16"
	EncGBK     = "gbk"
	EncGB18030 = "gb18030"
	EncBig5    = "big5"
	EncLatin1  = "windows-1252"
)

// Why a file cannot be decoded.
var (
	ErrTruncated    = errors.New("truncated")
	ErrUndecodable  = errors.New("undecodable: neither UTF-8 nor GB18030 nor its declared charset")
	errInvalidBytes = errors.New("invalid byte sequence")
)

// Decoded is a file's text and how it was read.
type Decoded struct {
	Text     string
	Encoding string // one of the Enc constants
	Declared string // the charset the page's meta named, lower case, "" if none
	Repaired int    // characters restored from double-encoded mojibake
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// declaredCharset reads the charset a page's meta tag names: a hint only,
// since old sites were often re-saved without changing it.
func declaredCharset(raw []byte) string {
	head := raw[:min(len(raw), 2048)]
	if m := metaCharset.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// Decode finds the text of an old page. The byte-order mark wins, then
// valid UTF-8 (real Chinese UTF-8 is never valid GBK by accident at page
// length, and GBK almost never valid UTF-8), then GB18030 (a superset of
// GB2312 and GBK), then Big5 or a single-byte charset if the page declares
// one. UTF-8 text is then searched for GBK mojibake.
func Decode(raw []byte) (Decoded, error) {
	d := Decoded{Declared: declaredCharset(raw)}
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
		if !utf8.Valid(raw) {
			return d, ErrUndecodable
		}
		d.Encoding, d.Text = EncUTF8BOM, string(raw)
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		s, err := decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), raw)
		if err != nil {
			return d, ErrUndecodable
		}
		d.Encoding, d.Text = EncUTF16, s
	case utf8.Valid(raw):
		d.Encoding, d.Text = EncUTF8, string(raw)
	default:
		s, four, err := decodeGB18030(raw)
		switch {
		case err == nil:
			d.Encoding, d.Text = EncGBK, s
			if four {
				d.Encoding = EncGB18030
			}
			return d, nil
		case errors.Is(err, ErrTruncated):
			return d, err
		}
		switch d.Declared {
		case "big5", "big5-hkscs", "cp950":
			if s, err := decodeWith(traditionalchinese.Big5, raw); err == nil && !strings.ContainsRune(s, utf8.RuneError) {
				d.Encoding, d.Text = EncBig5, s
				return d, nil
			}
		case "iso-8859-1", "latin1", "windows-1252", "cp1252", "us-ascii":
			s, _ := decodeWith(charmap.Windows1252, raw)
			d.Encoding, d.Text = EncLatin1, s
			return d, nil
		}
		return d, ErrUndecodable
	}
	d.Text, d.Repaired = RepairMojibake(d.Text)
	return d, nil
}

func decodeWith(e encoding.Encoding, raw []byte) (string, error) {
	b, err := e.NewDecoder().Bytes(raw)
	return string(b), err
}

// decodeGB18030 decodes raw strictly: x/text quietly turns a bad sequence
// into U+FFFD, which would import a damaged page as if whole. four tells
// whether it needed GB18030's four-byte sequences (characters GBK lacks).
// Bad bytes only at the very end mean the file was cut short.
func decodeGB18030(raw []byte) (string, bool, error) {
	four := false
	for i := 0; i < len(raw); {
		n := gbSeqLen(raw[i:])
		switch {
		case n > 0:
			four = four || n == 4
			i += n
		case n < 0: // a sequence begun at the end of the file
			return "", false, ErrTruncated
		default:
			return "", false, errInvalidBytes
		}
	}
	s, err := decodeWith(simplifiedchinese.GB18030, raw)
	if err != nil || strings.ContainsRune(s, utf8.RuneError) {
		return "", false, errInvalidBytes
	}
	return s, four, nil
}

// gbSeqLen is the length of the GB18030 sequence starting b: 1, 2 or 4, 0
// when invalid, -1 when b ends inside a sequence.
func gbSeqLen(b []byte) int {
	c := b[0]
	switch {
	case c < 0x80:
		return 1
	case c == 0x80 || c == 0xFF:
		return 0
	case len(b) < 2:
		return -1
	case b[1] >= 0x30 && b[1] <= 0x39:
		if len(b) < 4 {
			return -1
		}
		if b[2] >= 0x81 && b[2] <= 0xFE && b[3] >= 0x30 && b[3] <= 0x39 {
			return 4
		}
		return 0
	case gbTrail(b[1]):
		return 2
	}
	return 0
}

func gbTrail(c byte) bool { return c >= 0x40 && c <= 0xFE && c != 0x7F }

// cp1252 maps the Windows-1252 characters in 0x80-0x9F back to their bytes:
// mojibake made by a Windows-1252 read holds these where a Latin-1 read
// holds C1 controls.
var cp1252 = func() map[rune]byte {
	m := map[rune]byte{}
	for b := 0x80; b <= 0x9F; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r != utf8.RuneError && r != rune(b) {
			m[r] = byte(b)
		}
	}
	return m
}()

// asByte is the byte a Latin-1 or Windows-1252 read turned into r.
func asByte(r rune) (byte, bool) {
	if r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252[r]
	return b, ok
}

// RepairMojibake restores GBK text that was read as Latin-1 or
// Windows-1252 and saved again as UTF-8 ("È«Ê¡" for "全省", "£º" for
// "："), and returns how many characters it restored. Text that is not
// such mojibake is returned unchanged: runs of Latin-1 characters are
// restored only when every byte pairs into a GB2312-range character
// (GBK's extra characters count only next to those), so "Müller" or
// "café" stay as they are. A no-break space (0xA0, never a GB2312 byte)
// separates runs instead of being paired, so &nbsp; runs decoded to
// U+00A0 do not shift the pairing of the characters after them.
func RepairMojibake(s string) (string, int) {
	// Quick exit: no character a Latin-1 read of GBK's lead bytes makes.
	if !strings.ContainsFunc(s, func(r rune) bool { b, ok := asByte(r); return ok && b >= 0x81 && b != 0xA0 }) {
		return s, 0
	}
	var out strings.Builder
	total := 0
	var seg []byte
	var orig []rune // seg's characters as they were
	flush := func() {
		if len(seg) > 0 {
			total += repairSegment(&out, seg, orig)
			seg, orig = seg[:0], orig[:0]
		}
	}
	for _, r := range s {
		if b, ok := asByte(r); ok {
			seg, orig = append(seg, b), append(orig, r)
			continue
		}
		flush()
		out.WriteRune(r)
	}
	flush()
	// One pair alone ("×÷" is 作) is no evidence; GBK text has more.
	if total < 2 {
		return s, 0
	}
	return out.String(), total
}

// repairSegment writes seg (bytes recovered from mojibake-able characters)
// to out, each run of high bytes either restored as GBK or left as the
// characters it was (orig, one per byte).
func repairSegment(out *strings.Builder, seg []byte, orig []rune) int {
	gbk := simplifiedchinese.GBK.NewDecoder()
	restored := 0
	for i := 0; i < len(seg); {
		c := seg[i]
		if c < 0x80 || c == 0xA0 {
			out.WriteRune(orig[i]) // ASCII and the no-break space as they were
			i++
			continue
		}
		// A run: pairs until an ASCII byte or a no-break space where a
		// lead byte would be.
		start, ok, common := i, true, 0
		var run []rune
		for i < len(seg) && seg[i] >= 0x80 && seg[i] != 0xA0 {
			if i+1 >= len(seg) || seg[i] < 0x81 || seg[i] == 0xFF || !gbTrail(seg[i+1]) {
				ok = false
				i++
				continue
			}
			pair := seg[i : i+2]
			dec, err := gbk.Bytes(pair)
			gbk.Reset()
			r, _ := utf8.DecodeRune(dec)
			switch {
			case err != nil || r == utf8.RuneError || len(dec) == 0 || isPrivate(r):
				ok = false
			case pair[0] >= 0xA1 && pair[1] >= 0xA1:
				common++
			case !unicode.Is(unicode.Han, r):
				ok = false // a GBK extension symbol: not plausible text
			}
			run = append(run, r)
			i += 2
		}
		if ok && common > 0 {
			for _, r := range run {
				out.WriteRune(r)
			}
			restored += len(run)
			continue
		}
		for _, r := range orig[start:i] {
			out.WriteRune(r)
		}
	}
	return restored
}

func isPrivate(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }
