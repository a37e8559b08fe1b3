package form

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// Rows the home look editor offers: every saved figure and logo plus a few
// empty rows to add more, up to these.
const (
	MaxFigures = 8
	MaxLogos   = 16
	spareRows  = 2
)

// FigureRows and LogoRows are how many rows the editor shows for what is
// saved (or was posted): the saved ones and spare empty ones.
func FigureRows(saved int) int { return min(saved+spareRows, MaxFigures) }
func LogoRows(saved int) int   { return min(saved+spareRows, MaxLogos) }

// Row names a field of row i of the figures ("fig") or logos ("logo").
func Row(kind string, i int, field string) string {
	return kind + strconv.Itoa(i) + "_" + field
}

// LookValues fills the home look editor from what is saved.
func LookValues(e store.LookEdit, langs []string) url.Values {
	v := url.Values{}
	setID := func(name string, id *int64) {
		if id != nil {
			v.Set(name, strconv.FormatInt(*id, 10))
		}
	}
	setID("banner_id", e.BannerID)
	setID("wechat_id", e.WeChatID)
	v.Set("focal_x", strconv.Itoa(e.FocalX))
	v.Set("focal_y", strconv.Itoa(e.FocalY))
	for _, l := range langs {
		v.Set("banner_alt_"+l, e.BannerAlt[l])
	}
	for i, f := range e.Figures {
		v.Set(Row("fig", i, "id"), strconv.FormatInt(f.ID, 10))
		v.Set(Row("fig", i, "value"), strconv.FormatInt(f.Value, 10))
		v.Set(Row("fig", i, "suffix"), f.Suffix)
		for _, l := range langs {
			v.Set(Row("fig", i, "label_"+l), f.Labels[l])
		}
	}
	for i, l := range e.Logos {
		v.Set(Row("logo", i, "id"), strconv.FormatInt(l.ID, 10))
		v.Set(Row("logo", i, "media"), strconv.FormatInt(l.MediaID, 10))
		v.Set(Row("logo", i, "name"), l.Name)
		v.Set(Row("logo", i, "link"), l.Link)
	}
	v.Set("fig_rows", strconv.Itoa(FigureRows(len(e.Figures))))
	v.Set("logo_rows", strconv.Itoa(LogoRows(len(e.Logos))))
	for i := range FigureRows(len(e.Figures)) {
		v.Set(Row("fig", i, "order"), strconv.Itoa(i+1))
	}
	for i := range LogoRows(len(e.Logos)) {
		v.Set(Row("logo", i, "order"), strconv.Itoa(i+1))
	}
	return v
}

// Look is the home look editor's form as typed; images uploaded with it
// are checked and stored by the caller, which then fills in their ids.
type Look struct {
	Edit store.LookEdit
	// LogoRows are the posted logo rows kept (not removed, not empty), in
	// the order to save, by their row number: the caller sets MediaID of a
	// row with a new upload.
	LogoRows []int
}

// ParseLook reads and checks the home look editor's form. uploaded says
// whether a file field holds a new file, which a logo row may stand on
// instead of an image saved before.
func ParseLook(v url.Values, langs []string, uploaded func(field string) bool) (Look, Errors) {
	errs := Errors{}
	l := Look{Edit: store.LookEdit{BannerAlt: map[string]string{}}}
	e := &l.Edit
	id := func(name string) *int64 {
		s := strings.TrimSpace(v.Get(name))
		if s == "" {
			return nil
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			errs[name] = "look.err.gone"
			return nil
		}
		return &n
	}
	percent := func(name string) int {
		n, err := strconv.Atoi(strings.TrimSpace(v.Get(name)))
		if err != nil || n < 0 || n > 100 {
			errs[name] = "look.err.percent"
		}
		return n
	}
	text := func(name string, limit int) string {
		s := strings.TrimSpace(v.Get(name))
		switch {
		case !utf8.ValidString(s) || strings.ContainsRune(s, 0):
			errs[name] = "form.bad_text"
		case utf8.RuneCountInString(s) > limit:
			errs[name] = "form.too_long"
		}
		return s
	}
	if v.Get("banner_remove") == "" {
		e.BannerID = id("banner_id")
	}
	if v.Get("wechat_remove") == "" {
		e.WeChatID = id("wechat_id")
	}
	e.FocalX, e.FocalY = percent("focal_x"), percent("focal_y")
	for _, lang := range langs {
		if alt := text("banner_alt_"+lang, 200); alt != "" {
			e.BannerAlt[lang] = alt
		}
	}
	if (e.BannerID != nil || uploaded("banner")) && v.Get("banner_remove") == "" {
		for _, lang := range langs {
			if e.BannerAlt[lang] == "" {
				errs["banner_alt_"+lang] = "look.err.alt"
			}
		}
	}
	rows := func(name string, limit int) int {
		n, _ := strconv.Atoi(v.Get(name))
		return min(max(n, 0), limit)
	}
	order := func(name string, i int) int {
		if n, err := strconv.Atoi(strings.TrimSpace(v.Get(name))); err == nil {
			return n
		}
		return i + 1
	}
	rowID := func(kind string, i int) int64 {
		if p := id(Row(kind, i, "id")); p != nil {
			return *p
		}
		return 0
	}
	var figs []ranked[store.FigureEdit]
	for i := range rows("fig_rows", MaxFigures) {
		f := store.FigureEdit{Labels: map[string]string{}, Suffix: text(Row("fig", i, "suffix"), 8)}
		raw := strings.NewReplacer(",", "", " ", "", "，", "").Replace(strings.TrimSpace(v.Get(Row("fig", i, "value"))))
		empty := raw == "" && f.Suffix == ""
		for _, lang := range langs {
			if s := text(Row("fig", i, "label_"+lang), 40); s != "" {
				f.Labels[lang] = s
				empty = false
			}
		}
		if empty || v.Get(Row("fig", i, "remove")) != "" {
			continue
		}
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || n < 0 || n > 1e15 {
			errs[Row("fig", i, "value")] = "look.err.number"
		}
		f.Value = n
		for _, lang := range langs {
			if f.Labels[lang] == "" {
				errs[Row("fig", i, "label_"+lang)] = "look.err.label"
			}
		}
		f.ID = rowID("fig", i)
		figs = append(figs, ranked[store.FigureEdit]{i, order(Row("fig", i, "order"), i), f})
	}
	e.Figures, _ = inOrder(figs)
	var logos []ranked[store.LogoEdit]
	for i := range rows("logo_rows", MaxLogos) {
		lg := store.LogoEdit{Name: text(Row("logo", i, "name"), 80), Link: text(Row("logo", i, "link"), 300)}
		media := id(Row("logo", i, "media"))
		file := uploaded(Row("logo", i, "file"))
		if v.Get(Row("logo", i, "remove")) != "" || lg.Name == "" && lg.Link == "" && media == nil && !file {
			continue
		}
		if lg.Name == "" {
			errs[Row("logo", i, "name")] = "look.err.name"
		}
		if media == nil && !file {
			errs[Row("logo", i, "file")] = "look.err.logo"
		} else if media != nil {
			lg.MediaID = *media
		}
		if lg.Link != "" && !siteOrWebLink(lg.Link) {
			errs[Row("logo", i, "link")] = "look.err.link"
		}
		lg.ID = rowID("logo", i)
		logos = append(logos, ranked[store.LogoEdit]{i, order(Row("logo", i, "order"), i), lg})
	}
	e.Logos, l.LogoRows = inOrder(logos)
	return l, errs
}

// ranked is a kept figure or logo row: the form row it came from, the
// place its order field asks for, and what it says.
type ranked[T any] struct {
	row, order int
	val        T
}

// inOrder gives the kept rows in the order asked for (a tie keeps the
// form's order), with the form rows they came from.
func inOrder[T any](kept []ranked[T]) (vals []T, rows []int) {
	slices.SortStableFunc(kept, func(a, b ranked[T]) int { return a.order - b.order })
	for _, r := range kept {
		vals = append(vals, r.val)
		rows = append(rows, r.row)
	}
	return vals, rows
}

// siteOrWebLink admits a path on this site or an http(s) address: nothing
// a link could run (javascript:) or that leaves the page unreadable.
func siteOrWebLink(s string) bool {
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}
