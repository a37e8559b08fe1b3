package demo

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"

	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
)

// loadLook gives the home page a banner photograph of the hall, headline
// figures, the organisers' logos and a WeChat QR code, all made by code,
// through the same upload path staff use; never over what staff set.
func loadLook(ctx context.Context, st *store.Store) error {
	e, err := st.HomeLookForEdit(ctx)
	if err != nil {
		return err
	}
	if e.BannerID != nil || e.WeChatID != nil || len(e.Figures) > 0 || len(e.Logos) > 0 {
		return nil
	}
	banner, err := saveImage(ctx, st, memoPhoto("hall", hallPhoto, "home banner hall", 2000, 1125), media.BannerRenditions)
	if err != nil {
		return fmt.Errorf("banner: %w", err)
	}
	figures := []store.FigureEdit{
		{Value: 1200, Suffix: "+", Labels: map[string]string{"zh": "参展企业", "en": "Exhibitors"}},
		{Value: 85000, Labels: map[string]string{"zh": "观众人次", "en": "Trade visits"}},
		{Value: 60000, Suffix: "m²", Labels: map[string]string{"zh": "展览面积", "en": "Floor area"}},
		{Value: 40, Suffix: "+", Labels: map[string]string{"zh": "同期论坛与活动", "en": "Forums and events"}},
	}
	var logos []store.LogoEdit
	for i, l := range []struct{ initials, name, link string }{
		{"LEEIA", "辽宁省教育装备行业协会", "/zh/about/organization"},
		{"LNED", "辽宁省教育厅", ""},
		{"SYEB", "沈阳市教育局", ""},
		{"LIEH", "辽宁工业展览馆", "/zh/services/traffic"},
		{"CEEIA", "中国教育装备行业协会", ""},
	} {
		m, err := saveImage(ctx, st, logoPNG(l.initials, float64(i)*67+200, i), media.Renditions)
		if err != nil {
			return fmt.Errorf("logo %s: %w", l.initials, err)
		}
		logos = append(logos, store.LogoEdit{MediaID: m, Name: l.name, Link: l.link})
	}
	// No other host in a page: the code says what it is, not where to go.
	qrID, err := saveImage(ctx, st, qrPNG("DEMO: the expo's WeChat account"), media.Renditions)
	if err != nil {
		return fmt.Errorf("qr: %w", err)
	}
	alt := map[string]string{"zh": "展馆通道两侧的展位与参观人流", "en": "Visitors in an aisle between the stands of the exhibition hall"}
	return st.SetDemoLook(ctx, banner, 50, 45, alt, qrID, figures, logos)
}

func saveImage(ctx context.Context, st *store.Store, data []byte, sizes []media.Rendition) (int64, error) {
	p, err := processed(ctx, data, sizes)
	if err != nil {
		return 0, err
	}
	m, err := media.SaveProcessed(ctx, st, p, sizes)
	return m.ID, err
}

// The demo's pictures are the same on every load (drawn from their keys),
// and drawing and resizing them is most of a load's time: a process that
// loads the demo again (the tests, above all) reuses them. Both are only
// ever read.
var (
	drawn     sync.Map // photoKey -> []byte
	processes sync.Map // [32]byte (the picture's hash) -> media.ProcessedImage
)

type photoKey struct {
	kind, key string
	w, h      int
}

// memoPhoto is draw(key, w, h), drawn once per process.
func memoPhoto(kind string, draw func(string, int, int) []byte, key string, w, h int) []byte {
	k := photoKey{kind, key, w, h}
	if b, ok := drawn.Load(k); ok {
		return b.([]byte)
	}
	b := draw(key, w, h)
	drawn.Store(k, b)
	return b
}

// processed is media.ProcessImageSizes, once per picture and sizes.
func processed(ctx context.Context, data []byte, sizes []media.Rendition) (media.ProcessedImage, error) {
	h := sha256.New()
	h.Write(data)
	for _, r := range sizes {
		fmt.Fprintf(h, "|%s %d", r.Name, r.MaxWidth)
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	if p, ok := processes.Load(k); ok {
		return p.(media.ProcessedImage), nil
	}
	p, err := media.ProcessImageSizes(ctx, data, sizes)
	if err == nil {
		processes.Store(k, p)
	}
	return p, err
}

// photoFor is a news picture for key: a product on a studio sweep for a
// key that names equipment, else a view of the hall.
func photoFor(key string, w, h int) []byte {
	k := strings.ToLower(key)
	for _, word := range []string{"lab", "robot", "stem", "maker", "coding", "classroom", "smart", "digital", "library", "book", "product", "equipment"} {
		if strings.Contains(k, word) {
			return memoPhoto("product", productPhoto, key, w, h)
		}
	}
	return memoPhoto("hall", hallPhoto, key, w, h)
}
