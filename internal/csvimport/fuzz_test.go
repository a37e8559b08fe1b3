package csvimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// hostileFiles are uploads that broke importers elsewhere.
var hostileFiles = []string{
	"", "\x00", "\xff\xfe", "\xfe\xff", "\xef\xbb\xbf", "\xef\xbb\xbf\x00", "\xff\xfe\x00", "\xff\xfea\x00\x00\xd8",
	"a\x00b,c\n", "名称\xff,x\n1,2\n", "\x81\x30", "\x81", "\x80,\x80\n", ",,,\n\n,,\n", "\r\r\r", "\"", "\"\"\"", "a\tb\n\"x",
	"a,b\r\n\"unterminated\r\n", "a,b\n\"x\"y\",z\n", "a;b\tc,d\n1;2\t3,4\n", "\"a;b\";c;d\n1;2;3\n",
	"name\n=cmd|'/c calc'!A0\n'=cmd|'/c calc'!A0\n+1\n-1\n@SUM(A1)\n'\n''=x\n",
	"name,n\n１２３,99999999999999999999999999\n\uFEFF,\u3000\n", strings.Repeat("a,", 1000) + "\n",
	"h\n" + strings.Repeat("x\n", MaxRows+1),
}

// FuzzRead checks what Read promises for any bytes at all.
func FuzzRead(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(sample)
	gb18030, _ := simplifiedchinese.GB18030.NewEncoder().String(sample)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(sample, ",", "\t"))
	for _, s := range append([]string{sample, "\uFEFF" + sample, gbk, gb18030, u16}, hostileFiles...) {
		f.Add([]byte(s))
	}
	encodings := []string{UTF8, UTF8BOM, UTF16LE, UTF16BE, GBK, GB18030}
	sentinels := []error{ErrEmpty, ErrTooLarge, ErrTooMany, ErrEncoding, ErrMalformed}
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Read(data)
		if err != nil {
			// Whole-file errors only, each one the caller can translate.
			if tab != nil || !containsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
				t.Fatalf("Read: %v, %v", tab, err)
			}
			return
		}
		if !containsFunc(encodings, func(e string) bool { return e == tab.Encoding }) || !strings.ContainsRune("\t;,", tab.Separator) {
			t.Fatalf("encoding %q, separator %q", tab.Encoding, tab.Separator)
		}
		if len(tab.Header) == 0 || len(tab.Rows) > MaxRows {
			t.Fatalf("header %q, %d rows", tab.Header, len(tab.Rows))
		}
		checkCells(t, tab.Header)
		line := 0
		for _, r := range tab.Rows {
			// Lines go up, so a row's error points at one place in the file.
			if r.Line <= line || len(r.Fields) < len(tab.Header) {
				t.Fatalf("row at line %d after line %d, %d fields for %d columns", r.Line, line, len(r.Fields), len(tab.Header))
			}
			line = r.Line
			checkCells(t, r.Fields)
			if strings.Join(r.Fields, "") == "" {
				t.Fatalf("blank row at line %d kept", r.Line)
			}
		}
		again, err := Read(data)
		if err != nil || !reflect.DeepEqual(again, tab) {
			t.Fatalf("the same file read twice gives %+v, %v", again, err)
		}
	})
}

// checkCells fails on a cell that cannot be stored or was not trimmed.
func checkCells(t *testing.T, cells []string) {
	t.Helper()
	for _, c := range cells {
		if !utf8.ValidString(c) || strings.ContainsRune(c, 0) || c != strings.TrimSpace(c) {
			t.Fatalf("cell %q", c)
		}
	}
}

func containsFunc[T any](s []T, f func(T) bool) bool {
	for _, v := range s {
		if f(v) {
			return true
		}
	}
	return false
}

// FuzzReadEncodings saves one text in each encoding Excel and WPS use and
// checks that the table read is the same.
func FuzzReadEncodings(f *testing.F) {
	for _, s := range []string{sample, "名称,展位\n沈阳,1A08\n", "Name;Booth\nÄpfel GmbH;1A08\n", "a\tb\n€,𠀀\n",
		"English only,1\n", "名称\n＝ｃｍｄ\n=cmd|'/c calc'!A0\n", "x\r\n\"多\r\n行\",y\r\n", "𠀀𠀁\n🙂\n", "\u00a0名称\u3000\n值\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// The guess stops where the encodings overlap: a file that is valid
		// UTF-8 is read as UTF-8, and a decoder's U+FFFD means a wrong guess.
		if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) || strings.HasPrefix(s, "\uFEFF") || len(s) > MaxFileSize/4 {
			return
		}
		want, wantErr := Read([]byte("\uFEFF" + s))
		check := func(name string, data []byte) {
			t.Helper()
			got, err := Read(data)
			if !sameError(err, wantErr) {
				t.Fatalf("%s: %v; as UTF-8: %v", name, err, wantErr)
			}
			if err == nil && (got.Separator != want.Separator || !reflect.DeepEqual(got.Header, want.Header) || !reflect.DeepEqual(got.Rows, want.Rows)) {
				t.Fatalf("%s reads as %+v; as UTF-8 %+v", name, got, want)
			}
		}
		for _, e := range []struct {
			name string
			enc  *unicode.Endianness
		}{{UTF16LE, ptr(unicode.LittleEndian)}, {UTF16BE, ptr(unicode.BigEndian)}} {
			b, err := unicode.UTF16(*e.enc, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			check(e.name, b)
		}
		if b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s)); err == nil && !utf8.Valid(b) &&
			!bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
			check(GB18030, b)
		}
	})
}

func ptr[T any](v T) *T { return &v }

// sameError: the same sentinel, or both nil.
func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	for _, s := range []error{ErrEmpty, ErrTooLarge, ErrTooMany, ErrEncoding, ErrMalformed} {
		if errors.Is(a, s) != errors.Is(b, s) {
			return false
		}
	}
	return true
}

// FuzzWriteRead checks that an export imports unchanged: cells that a
// spreadsheet would run as formulas are defused on the way out and restored
// on the way in, and nothing else changes.
func FuzzWriteRead(f *testing.F) {
	for _, c := range [][3]string{
		{"沈阳启航", "1A08", "https://qihang.example.cn"},
		{"=cmd|'/c calc'!A0", "+1", "-1"}, {"@SUM(A1)", "'=x", "''=x"}, {"'", "'@", "=\"a,b\""},
		{"多\n行", "a\r\nb", "tab\tin"}, {"\uFEFF", "\x00", "\xff"}, {"", "", "x"}, {"", "", ""},
		{"；分号", "a;b", "\"quoted\""}, {"１２３", "99999999999999999999999999", "\u3000x"},
	} {
		f.Add(c[0], c[1], c[2])
	}
	header := []string{"name_zh", "booth", "website"}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		rows := [][]string{{a, b, c}, {c, a, b}}
		var buf bytes.Buffer
		if err := Write(&buf, header, rows); err != nil {
			t.Fatal(err)
		}
		for _, cell := range []string{a, b, c} {
			// What no import could give back: text that is not UTF-8 or
			// holds NUL, which Read refuses, and spaces around a cell,
			// which it trims. CSV writes a lone CR as nothing.
			if !utf8.ValidString(cell) || strings.ContainsAny(cell, "\x00\r") || cell != strings.TrimSpace(cell) {
				return
			}
		}
		tab, err := Read(buf.Bytes())
		if err != nil {
			t.Fatalf("Read(Write(%q)): %v", rows, err)
		}
		var want [][]string
		for _, r := range rows {
			if strings.Join(r, "") != "" {
				want = append(want, r)
			}
		}
		var got [][]string
		for _, r := range tab.Rows {
			got = append(got, r.Fields)
		}
		if !reflect.DeepEqual(tab.Header, header) || !reflect.DeepEqual(got, want) {
			t.Fatalf("wrote %q, read back %q %q", rows, tab.Header, got)
		}
		// Nothing in the written file starts a cell as a formula.
		written, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range written[1:] {
			for _, cell := range r {
				if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
					t.Fatalf("written cell %q starts a formula", cell)
				}
			}
		}
	})
}
