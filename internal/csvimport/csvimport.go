// Package csvimport reads the spreadsheets staff upload and writes the ones
// they download. Files saved by Excel or WPS in China are often GBK or
// GB18030, sometimes UTF-8 with a byte-order mark, sometimes "Unicode text"
// (UTF-16 with tabs); Read takes them all and says which it found, so a
// mis-decoded file is visible in the preview rather than stored.
package csvimport

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encodings Read recognises, as shown to staff.
const (
	UTF8        = "UTF-8"
	UTF8BOM     = "UTF-8 (BOM)"
	UTF16LE     = "UTF-16LE"
	UTF16BE     = "UTF-16BE"
	GBK         = "GBK"
	GB18030     = "GB18030"
	MaxRows     = 5000
	MaxFileSize = 4 << 20
)

// Errors Read returns; the caller translates them.
var (
	ErrEmpty     = errors.New("csvimport: the file is empty")
	ErrTooLarge  = errors.New("csvimport: the file is too large")
	ErrTooMany   = errors.New("csvimport: too many rows")
	ErrEncoding  = errors.New("csvimport: the file is not UTF-8, GBK or GB18030 text")
	ErrMalformed = errors.New("csvimport: the file is not a readable table")
)

// Table is a decoded file: its header and data rows, trimmed, with the line
// each row starts on (for errors staff can find in their spreadsheet).
type Table struct {
	Encoding  string
	Separator rune
	Header    []string
	Rows      []Row
}

// Row is one data row.
type Row struct {
	Line   int
	Fields []string
}

// Read decodes and parses data. Blank rows are skipped; rows with fewer
// fields than the header are padded so callers can look fields up by name.
func Read(data []byte) (*Table, error) {
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	text, enc, err := decode(data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	t := &Table{Encoding: enc, Separator: separator(text)}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = t.Separator
	r.FieldsPerRecord = -1
	r.LazyQuotes = true // hand-edited files have stray quotes; keep them as text
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		line, _ := r.FieldPos(0)
		blank := true
		for i := range rec {
			rec[i] = undefuse(strings.TrimSpace(rec[i]))
			blank = blank && rec[i] == ""
		}
		if blank {
			continue
		}
		if t.Header == nil {
			t.Header = rec
			continue
		}
		if len(t.Rows) == MaxRows {
			return nil, ErrTooMany
		}
		for len(rec) < len(t.Header) {
			rec = append(rec, "")
		}
		t.Rows = append(t.Rows, Row{Line: line, Fields: rec})
	}
	if t.Header == nil {
		return nil, ErrEmpty
	}
	return t, nil
}

// decode turns the file into UTF-8 text and names the encoding it had.
func decode(data []byte) (string, string, error) {
	var dec *encoding.Decoder
	enc := ""
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, enc = data[3:], UTF8BOM
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		dec, enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), UTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec, enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), UTF16BE
	case utf8.Valid(data):
		enc = UTF8
	default:
		// GB18030 decodes every GBK file too; the label says which the
		// file needed, as staff know their files by that name.
		dec, enc = simplifiedchinese.GB18030.NewDecoder(), GBK
		if hasFourByteGB18030(data) {
			enc = GB18030
		}
	}
	if dec != nil {
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", ErrEncoding
		}
		data = out
	}
	text := string(data)
	// Decoders put U+FFFD where bytes made no sense: the guess was wrong.
	if !utf8.ValidString(text) || strings.ContainsRune(text, utf8.RuneError) && enc != UTF8 && enc != UTF8BOM {
		return "", "", ErrEncoding
	}
	if strings.ContainsRune(text, 0) {
		return "", "", ErrEncoding
	}
	return text, enc, nil
}

// hasFourByteGB18030 reports a four-byte sequence, which GBK lacks: a lead
// byte 0x81–0xFE followed by a digit byte.
func hasFourByteGB18030(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		switch {
		case b[i] < 0x80:
		case b[i] >= 0x81 && b[i] <= 0xFE && b[i+1] >= 0x30 && b[i+1] <= 0x39:
			return true
		default:
			i++ // skip the trail byte of a two-byte character
		}
	}
	return false
}

// separator picks tab, semicolon or comma, whichever the header line uses
// most outside quotes (European Excel writes semicolons).
func separator(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == '\t' || r == ',' || r == ';'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{'\t', ';'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// Write writes a UTF-8 CSV with a byte-order mark and CRLF line ends, which
// Excel opens with the right encoding by double-click. Cells that a
// spreadsheet would run as a formula are prefixed with an apostrophe.
func Write(w io.Writer, header []string, rows [][]string) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, cell := range row {
			safe[i] = defuse(cell)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// defuse keeps a cell from being taken as a formula (CSV injection).
func defuse(cell string) string {
	if formula(cell) || cell != "" && strings.ContainsRune("\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// undefuse reverses defuse, so an exported file imports unchanged.
func undefuse(cell string) string {
	if strings.HasPrefix(cell, "'") && formula(cell[1:]) {
		return cell[1:]
	}
	return cell
}

// formula reports a cell a spreadsheet would run, or one that undefuse
// would shorten ('=x): that one needs its own apostrophe to come back whole.
func formula(cell string) bool {
	s := strings.TrimLeft(cell, "'")
	return s != "" && strings.ContainsRune("=+-@", rune(s[0]))
}
