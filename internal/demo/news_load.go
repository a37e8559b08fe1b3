package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
)

// loadNews writes the sample articles, their pictures and the demo video
// through the same upload path staff use, unless articles exist already.
func loadNews(ctx context.Context, st *store.Store) error {
	has, err := st.HasArticles(ctx)
	if err != nil || has {
		return err
	}
	shanghai := time.FixedZone("CST", 8*3600)
	images := map[string]int64{} // a picture used twice is made once
	image := func(key string) (int64, error) {
		if id, ok := images[key]; ok {
			return id, nil
		}
		id, err := saveImage(ctx, st, photoFor(key, 960, 540), media.Renditions)
		if err != nil {
			return 0, fmt.Errorf("picture %q: %w", key, err)
		}
		images[key] = id
		return id, nil
	}
	var clip *int64
	for _, a := range append(sampleArticles, bulletins()...) {
		released, err := time.ParseInLocation("2006-01-02 15:04", a.Released, shanghai)
		if err != nil {
			return fmt.Errorf("article %q: %w", a.Text["en"].Title, err)
		}
		n := store.NewArticle{Category: a.Category, Status: store.Published, ReleasedAt: released, Visits: sampleVisits(a, released)}
		if a.Cover != "" {
			id, err := image(a.Cover)
			if err != nil {
				return err
			}
			n.CoverID = &id
		}
		if a.Video {
			if clip == nil {
				m, err := media.SaveVideo(ctx, st, demoClip)
				if err != nil {
					return fmt.Errorf("demo clip: %w", err)
				}
				clip = &m.ID
			}
			n.VideoID = clip
		}
		for _, p := range a.Photos {
			id, err := image(p.Image)
			if err != nil {
				return err
			}
			n.Photos = append(n.Photos, store.NewPhoto{MediaID: id, Captions: p.Caption})
		}
		for _, lang := range []string{"zh", "en"} {
			t, ok := a.Text[lang]
			if !ok {
				continue
			}
			n.Texts = append(n.Texts, store.ArticleText{Lang: lang, Title: t.Title, Summary: t.Summary, Body: t.Body, Source: t.Source})
		}
		if _, err := st.CreateArticle(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

// sampleVisits is a plausible visit count: older articles and the expo's
// own news have been read more, and no two articles read alike.
func sampleVisits(a sampleArticle, released time.Time) int64 {
	base := map[string]int64{"expo": 420, "industry": 180, "media": 260, "video": 520, "photo": 380}[a.Category]
	reference := time.Date(2026, 11, 24, 0, 0, 0, 0, released.Location())
	days := int64(reference.Sub(released).Hours() / 24)
	if days < 0 {
		days = 0
	}
	h := fnv.New32a()
	h.Write([]byte(a.Text["zh"].Title))
	return base + days*7 + int64(h.Sum32()%300)
}
