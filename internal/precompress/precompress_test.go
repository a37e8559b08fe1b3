package precompress

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

func TestVariantsDecodeToTheBody(t *testing.T) {
	body := []byte(strings.Repeat("<p>辽宁教育装备展示会 Liaoning Educational Equipment Exhibition</p>\n", 50))
	v := Make(body)
	dec := map[int]func([]byte) ([]byte, error){
		Gzip: func(b []byte) ([]byte, error) {
			r, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, err
			}
			return io.ReadAll(r)
		},
		Brotli: func(b []byte) ([]byte, error) { return io.ReadAll(brotli.NewReader(bytes.NewReader(b))) },
		Zstd: func(b []byte) ([]byte, error) {
			r, err := zstd.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, err
			}
			defer r.Close()
			return io.ReadAll(r)
		},
	}
	for enc, d := range dec {
		out, err := d(v[enc])
		if err != nil || !bytes.Equal(out, body) {
			t.Errorf("%s: %v", Name(enc), err)
		}
		if len(v[enc]) >= len(body)/4 {
			t.Errorf("%s: %d bytes of %d: hardly compressed", Name(enc), len(v[enc]), len(body))
		}
	}
	if small := Make([]byte("tiny")); small[Gzip] != nil || small.Choose("gzip") != Identity {
		t.Error("a tiny body was compressed")
	}
}

func TestChoose(t *testing.T) {
	v := Make([]byte(strings.Repeat("abc ", 1000)))
	for accept, want := range map[string]int{
		"":                        Identity,
		"gzip":                    Gzip,
		"gzip, deflate, br, zstd": Brotli,
		"gzip, zstd":              Zstd,
		"br;q=0, gzip;q=0.5":      Gzip,
		"*":                       Brotli,
		"identity":                Identity,
		"GZIP":                    Gzip,
	} {
		if got := v.Choose(accept); got != want {
			t.Errorf("%q: %q, want %q", accept, Name(got), Name(want))
		}
	}
	if !ETagMatch(`W/"a", "b-br"`, `"b-br"`) || ETagMatch(`"a"`, `"b"`) || !ETagMatch("*", `"x"`) {
		t.Error("ETagMatch")
	}
}

// BenchmarkMake is one page-cache fill's compression: the time and the
// bytes allocated (fresh best-level encoders took 30 to 50 MB a fill).
func BenchmarkMake(b *testing.B) {
	page := bytes.Repeat([]byte(`<li class="news-item"><a href="/zh/news/12-展会新闻">2027辽宁教育装备展示会招展工作全面启动</a><time>2026-11-24</time></li>`+"\n"), 120)
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		Make(page)
	}
}
