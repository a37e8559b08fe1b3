package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// lookPath is the home look editor's page, in the settings area.
const lookPath = "/admin/settings/home"

func (s *Server) editLook(w http.ResponseWriter, r *http.Request) error {
	e, err := s.store.HomeLookForEdit(r.Context())
	if err != nil {
		return err
	}
	st := form.NewState(form.LookValues(e, s.langCodes()))
	st.Version = e.Version
	return s.showForm(w, r, st, s.lookEditor)
}

// lookEditor shows st with previews of the images it names, read in one
// query.
func (s *Server) lookEditor(r *http.Request, st *form.State) (templ.Component, error) {
	v := &view.LookEditor{Admin: s.adminFrame(r, currentUser(r), "look.title"), Form: st,
		Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
	var ids []int64
	for name, vals := range st.Values {
		if name == "banner_id" || name == "wechat_id" || len(name) > 6 && name[len(name)-6:] == "_media" {
			if id, err := strconv.ParseInt(vals[0], 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
	}
	var err error
	v.Pictures, err = s.store.Pictures(r.Context(), ids)
	return adminpages.Look(v), err
}

// lookUpload is a file posted with the look, checked but not yet stored.
type lookUpload struct {
	field, idField string
	sizes          []media.Rendition
	image          media.ProcessedImage
}

// saveLook checks the whole form and every uploaded image before it writes
// anything: a refused image or field shows the form again with what was
// typed (the images already saved stay named by their hidden fields), and
// nothing is stored. Then the images, then the look in one transaction.
func (s *Server) saveLook(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 4*media.MaxImageBytes+(1<<20))
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return clientError(err)
	}
	if r.PostForm == nil {
		if err := r.ParseForm(); err != nil {
			return clientError(err)
		}
	}
	st := form.Posted(r.PostForm)
	files := map[string][]byte{}
	for _, name := range s.lookFileFields() {
		data, ok, err := uploaded(r, name)
		if err != nil {
			return err
		}
		if ok {
			files[name] = data
		}
	}
	f, errs := form.ParseLook(r.PostForm, s.langCodes(), func(field string) bool { return files[field] != nil })
	st.Errors = errs
	// The hidden ids must name images that are there (they can be edited).
	var named []int64
	for _, id := range []*int64{f.Edit.BannerID, f.Edit.WeChatID} {
		if id != nil {
			named = append(named, *id)
		}
	}
	for _, l := range f.Edit.Logos {
		if l.MediaID != 0 {
			named = append(named, l.MediaID)
		}
	}
	there, err := s.store.Pictures(r.Context(), named)
	if err != nil {
		return err
	}
	gone := func(id *int64, field string) {
		if id != nil && there[*id].ID == 0 {
			st.Fail(field, "look.err.gone")
		}
	}
	gone(f.Edit.BannerID, "banner")
	gone(f.Edit.WeChatID, "wechat")
	for k, row := range f.LogoRows {
		if f.Edit.Logos[k].MediaID != 0 { // 0: a new row, its image uploaded now
			gone(&f.Edit.Logos[k].MediaID, form.Row("logo", row, "file"))
		}
	}
	var ups []*lookUpload
	add := func(field, idField string, sizes []media.Rendition) {
		if data := files[field]; data != nil {
			p, err := media.ProcessImageSizes(r.Context(), data, sizes)
			if err != nil {
				st.Fail(field, imageError(err))
				return
			}
			ups = append(ups, &lookUpload{field: field, idField: idField, sizes: sizes, image: p})
		}
	}
	if r.PostForm.Get("banner_remove") == "" {
		add("banner", "banner_id", media.BannerRenditions)
	}
	if r.PostForm.Get("wechat_remove") == "" {
		add("wechat", "wechat_id", media.Renditions)
	}
	for _, row := range f.LogoRows {
		add(form.Row("logo", row, "file"), form.Row("logo", row, "media"), media.Renditions)
	}
	if st.Invalid() {
		return invalidForm(st, s.lookEditor)
	}
	saved := map[string]int64{}
	for _, u := range ups {
		m, err := media.SaveProcessed(r.Context(), s.store, u.image, u.sizes)
		if err != nil {
			return err
		}
		saved[u.field] = m.ID
		st.Values.Set(u.idField, strconv.FormatInt(m.ID, 10)) // kept if the page comes back
	}
	if id, ok := saved["banner"]; ok {
		f.Edit.BannerID = &id
	}
	if id, ok := saved["wechat"]; ok {
		f.Edit.WeChatID = &id
	}
	for k, row := range f.LogoRows {
		if id, ok := saved[form.Row("logo", row, "file")]; ok {
			f.Edit.Logos[k].MediaID = id
		}
	}
	f.Edit.Version = st.Version
	err = s.store.SaveHomeLook(r.Context(), f.Edit, currentUser(r).ID)
	if errors.Is(err, store.ErrConflict) {
		now, err := s.store.HomeLookForEdit(r.Context())
		if err != nil {
			return err
		}
		st.Refuse(form.LookValues(now, s.langCodes()), now.Version)
		// The rows shown are what was posted, however many are saved now.
		return staleForm(st, s.lookEditor)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, lookPath+"?saved=1", http.StatusSeeOther)
	return nil
}

// lookFileFields are the look editor's file inputs.
func (s *Server) lookFileFields() []string {
	out := []string{"banner", "wechat"}
	for i := range form.MaxLogos {
		out = append(out, form.Row("logo", i, "file"))
	}
	return out
}

// bannerCheck is the launch checklist's line on the home banner: set, and
// not the demo's. The look comes from the frame snapshot.
func (s *Server) bannerCheck(r *http.Request) view.LaunchCheck {
	f, err := s.frameOf(r.Context(), s.cat.Default().Code)
	return view.LaunchCheck{Key: "banner", Done: err == nil && f.look.Banner != nil && !f.look.BannerDemo, Fix: lookPath}
}
