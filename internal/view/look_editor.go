package view

import (
	"strconv"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/store"
)

// LookEditor edits the home page's look: banner, figures, logos and the
// footer's WeChat QR code.
type LookEditor struct {
	*Admin
	Form  *form.State
	Saved bool
	// Pictures are the images the form names (banner_id, wechat_id, each
	// logo row's media), for their previews.
	Pictures map[int64]store.Picture
}

// imageTypes are what the media pipeline takes.
const imageTypes = "image/jpeg,image/png,image/gif"

// Rows is how many figure ("fig") or logo rows the form shows.
func (e *LookEditor) Rows(kind string) []int {
	n, _ := strconv.Atoi(e.Form.Get(kind + "_rows"))
	limit := form.MaxFigures
	if kind == "logo" {
		limit = form.MaxLogos
	}
	out := make([]int, min(max(n, 0), limit))
	for i := range out {
		out[i] = i
	}
	return out
}

// Preview is the picture the hidden id field name holds, if any.
func (e *LookEditor) Preview(name string) *store.Picture {
	id, err := strconv.ParseInt(e.Form.Get(name), 10, 64)
	if err != nil {
		return nil
	}
	if p, ok := e.Pictures[id]; ok {
		return &p
	}
	return nil
}

// Fields are the editor's inputs in the order shown.
func (e *LookEditor) Fields() []form.Field {
	fs := []form.Field{
		{Name: "banner", Label: e.T("look.banner"), Hint: e.T("look.banner_hint"), Kind: form.File, Accept: imageTypes},
		{Name: "banner_remove", Label: e.T("look.banner_remove"), Kind: form.Checkbox},
		{Name: "focal_x", Label: e.T("look.focal_x"), Hint: e.T("look.focal_x_hint"), Kind: form.Number, Required: true, Min: "0", Max: "100", Step: "1"},
		{Name: "focal_y", Label: e.T("look.focal_y"), Hint: e.T("look.focal_y_hint"), Kind: form.Number, Required: true, Min: "0", Max: "100", Step: "1"},
	}
	for _, l := range e.Langs {
		fs = append(fs, form.Field{Name: "banner_alt_" + l.Code, Label: e.T("admin.title_in", e.T("look.banner_alt"), l.Native),
			Hint: e.T("look.banner_alt_hint"), Kind: form.Text, MaxLen: 200, Lang: l.Code})
	}
	for _, i := range e.Rows("fig") {
		n := strconv.Itoa(i + 1)
		fs = append(fs,
			form.Field{Name: form.Row("fig", i, "value"), Label: e.T("look.fig_value", n), Kind: form.Number, Min: "0", Step: "1"},
			form.Field{Name: form.Row("fig", i, "suffix"), Label: e.T("look.fig_suffix", n), Kind: form.Text, MaxLen: 8},
			form.Field{Name: form.Row("fig", i, "order"), Label: e.T("look.order", n), Kind: form.Number, Step: "1"})
		for _, l := range e.Langs {
			fs = append(fs, form.Field{Name: form.Row("fig", i, "label_"+l.Code), Label: e.T("look.fig_label", n, l.Native),
				Kind: form.Text, MaxLen: 40, Lang: l.Code})
		}
		fs = append(fs, form.Field{Name: form.Row("fig", i, "remove"), Label: e.T("look.remove_row", n), Kind: form.Checkbox})
	}
	for _, i := range e.Rows("logo") {
		n := strconv.Itoa(i + 1)
		fs = append(fs,
			form.Field{Name: form.Row("logo", i, "file"), Label: e.T("look.logo_file", n), Kind: form.File, Accept: imageTypes},
			form.Field{Name: form.Row("logo", i, "name"), Label: e.T("look.logo_name", n), Kind: form.Text, MaxLen: 80},
			form.Field{Name: form.Row("logo", i, "link"), Label: e.T("look.logo_link", n), Hint: e.T("look.logo_link_hint"), Kind: form.Text, MaxLen: 300},
			form.Field{Name: form.Row("logo", i, "order"), Label: e.T("look.order", n), Kind: form.Number, Step: "1"},
			form.Field{Name: form.Row("logo", i, "remove"), Label: e.T("look.remove_row", n), Kind: form.Checkbox})
	}
	fs = append(fs,
		form.Field{Name: "wechat", Label: e.T("look.wechat"), Hint: e.T("look.wechat_hint"), Kind: form.File, Accept: imageTypes},
		form.Field{Name: "wechat_remove", Label: e.T("look.wechat_remove"), Kind: form.Checkbox})
	return fs
}

// Field is one of Fields by name.
func (e *LookEditor) Field(name string) form.Field { return fieldNamed(e.Fields(), name) }

// LangField is a per-language field as drawn inside its language's box:
// the label without the language, which the box's legend says.
func (e *LookEditor) LangField(name, lang, label string) form.Field {
	return langField(e.Field(name+lang), label)
}

// Focal is the focal-point class of an axis as the form holds it, so the
// preview crops as the page will.
func (e *LookEditor) Focal(axis, field string) string {
	n, err := strconv.Atoi(e.Form.Get(field))
	if err != nil {
		n = 50
	}
	return FocalClass(axis, n)
}
