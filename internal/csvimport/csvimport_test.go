package csvimport

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const sample = "中文名称,英文名称,展位号\r\n沈阳启航教学设备有限公司,\"Shenyang Qihang, Co.\",1A08\r\n\r\n北京𠀀科技,,2C15\r\n"

var want = [][]string{
	{"沈阳启航教学设备有限公司", "Shenyang Qihang, Co.", "1A08"},
	{"北京𠀀科技", "", "2C15"},
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadEncodings(t *testing.T) {
	gbkText := strings.ReplaceAll(sample, "𠀀", "") // GBK has no such character
	gbkWant := [][]string{want[0], {"北京科技", "", "2C15"}}
	for _, tc := range []struct {
		name, enc string
		data      []byte
		want      [][]string
	}{
		{"utf8", UTF8, []byte(sample), want},
		{"utf8 bom", UTF8BOM, append([]byte("\xEF\xBB\xBF"), sample...), want},
		{"gbk", GBK, encode(t, simplifiedchinese.GBK, gbkText), gbkWant},
		{"gb18030", GB18030, encode(t, simplifiedchinese.GB18030, sample), want},
		{"utf16 excel unicode text", UTF16LE, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "中文名称\t英文名称\t展位号\r\n沈阳启航教学设备有限公司\tShenyang Qihang, Co.\t1A08\r\n"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := Read(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if tab.Encoding != tc.enc {
				t.Errorf("encoding %q, want %q", tab.Encoding, tc.enc)
			}
			if !reflect.DeepEqual(tab.Header, []string{"中文名称", "英文名称", "展位号"}) && tc.want != nil {
				t.Errorf("header %q", tab.Header)
			}
			if tc.want == nil {
				// Tab-separated, as Excel saves "Unicode text".
				if tab.Separator != '\t' || tab.Rows[0].Fields[1] != "Shenyang Qihang, Co." {
					t.Errorf("separator %q, row %q", tab.Separator, tab.Rows[0].Fields)
				}
				return
			}
			var got [][]string
			for _, r := range tab.Rows {
				got = append(got, r.Fields)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows %q, want %q", got, tc.want)
			}
			if tab.Rows[1].Line != 4 {
				t.Errorf("second row on line %d, want 4 (a blank line is skipped, not renumbered)", tab.Rows[1].Line)
			}
		})
	}
}

func TestReadSeparators(t *testing.T) {
	for in, sep := range map[string]rune{
		"a,b,c\n1,2,3\n":          ',',
		"a\tb\tc\n1\t2,5\t3\n":    '\t',
		"a;b;c\n1;2,5;3\n":        ';',
		"\"a;x\",b,c\n1,2,3\n":    ',',
		"name\nonly one column\n": ',',
	} {
		tab, err := Read([]byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if tab.Separator != sep {
			t.Errorf("%q: separator %q, want %q", in, tab.Separator, sep)
		}
	}
}

func TestReadRefuses(t *testing.T) {
	for name, tc := range map[string]struct {
		data []byte
		err  error
	}{
		"empty":       {nil, ErrEmpty},
		"blank":       {[]byte(" \r\n,,\r\n"), ErrEmpty},
		"binary":      {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xff"), ErrEncoding},
		"nul in utf8": {[]byte("a,b\n1,\x00\n"), ErrEncoding},
		"too large":   {bytes.Repeat([]byte("a"), MaxFileSize+1), ErrTooLarge},
		"too many":    {[]byte("a\n" + strings.Repeat("1\n", MaxRows+1)), ErrTooMany},
		"bad utf16":   {[]byte{0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00}, ErrEncoding},
	} {
		if _, err := Read(tc.data); !errors.Is(err, tc.err) {
			t.Errorf("%s: %v, want %v", name, err, tc.err)
		}
	}
}

func TestReadPadsShortRows(t *testing.T) {
	tab, err := Read([]byte("a,b,c\n1\n1,2,3,4\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows[0].Fields) != 3 || len(tab.Rows[1].Fields) != 4 {
		t.Errorf("rows %v", tab.Rows)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	rows := [][]string{
		{"沈阳启航", "=HYPERLINK(\"http://x\")", "line one\nline two"},
		{"+86 138 0000 0000", "@SUM(A1)", "-1"},
		{"", "plain, with comma", "\"quoted\""},
	}
	var buf bytes.Buffer
	if err := Write(&buf, []string{"名称", "b", "c"}, rows); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("\xEF\xBB\xBF名称,b,c\r\n")) {
		t.Fatalf("starts %q, want a BOM and a CRLF header", out[:20])
	}
	if !bytes.Contains(out, []byte("\"'=HYPERLINK(\"\"http://x\"\")\"")) || !bytes.Contains(out, []byte("'@SUM(A1)")) {
		t.Errorf("formulas not defused: %s", out)
	}
	tab, err := Read(out)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Encoding != UTF8BOM {
		t.Errorf("encoding %q", tab.Encoding)
	}
	for i, r := range tab.Rows {
		if want := rows[i]; !reflect.DeepEqual(r.Fields, trimAll(want)) {
			t.Errorf("row %d: %q, want %q", i, r.Fields, want)
		}
	}
}

func trimAll(s []string) []string {
	out := make([]string, len(s))
	for i := range s {
		out[i] = strings.TrimSpace(s[i])
	}
	return out
}
