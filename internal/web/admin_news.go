package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/form"
	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

func (s *Server) langCodes() []string {
	var out []string
	for _, l := range s.cat.Langs() {
		out = append(out, l.Code)
	}
	return out
}

// adminNewsPageSize is how many articles a page of the editor's list shows.
const adminNewsPageSize = 50

// listAdminNews is the editor's list: filtered by status, category, a
// missing language and words of a title, newest release first, 50 a page.
// The filters are GET parameters, kept in the page links. A value the
// list does not know (a stale bookmark, a hand-edited address) is ignored,
// as the form then shows: the list answers rather than fails.
func (s *Server) listAdminNews(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := &view.NewsAdmin{Admin: s.adminFrame(r, currentUser(r), "admin.news"),
		Q: cleanQuery(q.Get("q")), Categories: store.Categories}
	if st := q.Get("status"); st == "trash" || slices.Contains(store.ArticleStatuses, store.ArticleStatus(st)) {
		v.Status = st
	}
	if c := q.Get("category"); slices.Contains(store.Categories, c) {
		v.Category = c
	}
	if l, ok := s.cat.Lookup(q.Get("missing")); ok {
		v.Missing = l.Code
	}
	page, err := strconv.Atoi(q.Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	page = min(page, 1_000_000) // keeps the offset from overflowing
	f := store.ArticleFilter{Lang: v.Lang.Code, Status: v.Status, Category: v.Category, Missing: v.Missing, Q: v.Q,
		Offset: (page - 1) * adminNewsPageSize, Limit: adminNewsPageSize}
	if v.Items, v.Total, err = s.store.AdminArticles(r.Context(), f); err != nil {
		return err
	}
	pages := max(1, (v.Total+adminNewsPageSize-1)/adminNewsPageSize)
	if page > pages {
		// Past the end (the list shrank since the link was made): the last page.
		page = pages
		f.Offset = (page - 1) * adminNewsPageSize
		if v.Items, v.Total, err = s.store.AdminArticles(r.Context(), f); err != nil {
			return err
		}
	}
	keep := url.Values{}
	for k, val := range map[string]string{"status": v.Status, "category": v.Category, "missing": v.Missing, "q": v.Q} {
		if val != "" {
			keep.Set(k, val)
		}
	}
	v.Pager = view.Pager{Current: page, Pages: pages, Base: "/admin/news", Extra: keep.Encode()}
	s.render(w, r, http.StatusOK, adminpages.NewsList(v))
	return nil
}

// articleShown is what a save leaves to show beside the form: a preview,
// an image just uploaded, or the article moved to the trash meanwhile.
type articleShown struct {
	id       int64 // the article saved, when the route has no id yet
	preview  map[string]string
	inserted string
	saved    bool
	trashed  bool
}

// articleEditor is the news editor of the article at the route's id (or a
// new one) showing st. The article is read here, for its status, trash
// state and history, only when the form is shown.
func (s *Server) articleEditor(extra articleShown) formView {
	return func(r *http.Request, st *form.State) (templ.Component, error) {
		v := &view.ArticleEditor{Admin: s.adminFrame(r, currentUser(r), "admin.edit_article"), ID: extra.id, Form: st,
			Status: store.Draft, Categories: store.Categories, Preview: extra.preview, Inserted: extra.inserted,
			Trashed: extra.trashed, Saved: extra.saved || r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
		if v.ID == 0 && chi.URLParam(r, "id") != "" {
			var err error
			if v.ID, err = idParam(r); err != nil {
				return nil, err
			}
		}
		if v.ID != 0 {
			a, err := s.store.ArticleForEdit(r.Context(), v.ID)
			if err != nil {
				return nil, err
			}
			v.Status, v.Deleted = a.Status, a.DeletedAt != nil
			if v.Revisions, err = s.store.RevisionCount(r.Context(), v.ID); err != nil {
				return nil, err
			}
		} else {
			v.Title = v.T("admin.new_article")
		}
		// The thumbnail of the cover the form keeps; one that is gone shows none.
		if id, err := strconv.ParseInt(st.Get("cover_id"), 10, 64); err == nil && id > 0 {
			url, err := s.store.MediaThumbURL(r.Context(), id)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return nil, err
			}
			v.CoverURL = url
		}
		return adminpages.Editor(v), nil
	}
}

func (s *Server) newArticle(w http.ResponseWriter, r *http.Request) error {
	a := store.EditArticle{Category: "expo", ReleasedAt: s.now()}
	return s.showForm(w, r, form.NewState(form.ArticleValues(a, s.expoLoc(r))), s.articleEditor(articleShown{}))
}

func (s *Server) editArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	a, err := s.store.ArticleForEdit(r.Context(), id)
	if err != nil {
		return err
	}
	st := form.NewState(form.ArticleValues(a, s.expoLoc(r)))
	st.Version = a.Version
	return s.showForm(w, r, st, s.articleEditor(articleShown{}))
}

// saveArticle creates (no id) or updates an article: parse, check, upload
// the images, save in one transaction, redirect. Invalid input comes back
// with everything typed and the errors by the fields; a save based on an
// old version is refused and shows the typed text beside what is saved
// now, so nothing is lost. A preview saves nothing.
func (s *Server) saveArticle(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 2*media.MaxImageBytes+(1<<20))
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return clientError(err)
	}
	if r.PostForm == nil {
		if err := r.ParseForm(); err != nil {
			return clientError(err)
		}
	}
	var id int64
	if chi.URLParam(r, "id") != "" {
		var err error
		if id, err = idParam(r); err != nil {
			return err
		}
	}
	st := form.Posted(r.PostForm)
	if id == 0 {
		st.Version = 0
	}
	f := form.ParseArticle(r.PostForm, s.langCodes(), s.expoLoc(r))
	if f.Action == "preview" {
		// Render the bodies as the site will, without saving anything.
		preview := map[string]string{}
		for l, t := range f.Texts {
			html, err := s.md.HTML(t.Body)
			if err != nil {
				return err
			}
			preview[l] = string(html)
		}
		return s.showForm(w, r, st, s.articleEditor(articleShown{preview: preview}))
	}
	show := s.articleEditor(articleShown{})
	st.Errors = f.Validate(s.now())
	if c := f.ParsedCover; c != nil {
		// A cover the form names must exist (the hidden field can be edited).
		if _, err := s.store.MediaThumbURL(r.Context(), *c); errors.Is(err, store.ErrNotFound) {
			st.Fail("cover_id", "form.cover")
		} else if err != nil {
			return err
		}
	}
	// The kept cover is a hidden field: its error is said by the upload
	// that replaces it.
	if k := st.Err("cover_id"); k != "" {
		delete(st.Errors, "cover_id")
		st.Fail("cover", k)
	}
	if st.Invalid() {
		return invalidForm(st, show)
	}
	// Uploads only once the rest is valid: a refused image writes nothing.
	if m, ok, err := s.storeUpload(r, st, show, "cover"); err != nil {
		return err
	} else if ok {
		f.ParsedCover = &m.ID
		st.Values.Set("cover_id", strconv.FormatInt(m.ID, 10)) // kept if the page comes back
	}
	var inserted string
	if url, err := s.bodyImage(r, st, show); err != nil {
		return err
	} else if url != "" {
		inserted = "![](" + url + ")"
	}
	action := "article.update"
	if id == 0 {
		action = "article.create"
	}
	saved, err := s.store.SaveArticle(r.Context(), f.Apply(store.EditArticle{ID: id, Version: st.Version}, s.now()), currentUser(r).ID, action+"."+f.Action)
	switch {
	case errors.Is(err, store.ErrNotFound) && id != 0:
		// Trashed between opening and saving: the text stays on screen.
		st.Notice = "admin.trashed_meanwhile"
		return staleForm(st, s.articleEditor(articleShown{trashed: true}))
	case errors.Is(err, store.ErrConflict):
		now, err := s.store.ArticleForEdit(r.Context(), id)
		if err != nil {
			return err
		}
		st.Refuse(form.ArticleValues(now, s.expoLoc(r)), now.Version)
		return staleForm(st, show)
	case err != nil:
		return err
	}
	if inserted != "" {
		// Stay on the page, so the image's line can be copied into the body.
		st.Version = saved.Version
		st.Values.Del("cover_id")
		if saved.CoverID != nil {
			st.Values.Set("cover_id", strconv.FormatInt(*saved.CoverID, 10))
		}
		return s.showForm(w, r, st, s.articleEditor(articleShown{id: saved.ID, inserted: inserted, saved: true}))
	}
	http.Redirect(w, r, "/admin/news/"+strconv.FormatInt(saved.ID, 10)+"?saved=1", http.StatusSeeOther)
	return nil
}

// uploaded reads an uploaded file field; ok is false when none was chosen.
func uploaded(r *http.Request, field string) (data []byte, ok bool, err error) {
	if r.MultipartForm == nil {
		return nil, false, nil
	}
	f, h, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, clientError(err)
	}
	defer f.Close()
	if h.Size == 0 {
		return nil, false, nil
	}
	data, err = io.ReadAll(io.LimitReader(f, media.MaxImageBytes+1))
	return data, true, err
}

// storeUpload stores the image uploaded in field, once the rest of the form
// is valid; ok is false when none was chosen. A refused image fails the form
// at that field, and the form is shown again.
func (s *Server) storeUpload(r *http.Request, st *form.State, show formView, field string) (m store.Media, ok bool, err error) {
	data, ok, err := uploaded(r, field)
	if err != nil || !ok {
		return store.Media{}, false, err
	}
	if m, err = media.SaveImage(r.Context(), s.store, data); err != nil {
		st.Fail(field, imageError(err))
		return store.Media{}, false, invalidForm(st, show)
	}
	return m, true, nil
}

// bodyImage stores the image uploaded for a body text (field "image") and
// gives the URL a body links it by; "" when none was chosen.
func (s *Server) bodyImage(r *http.Request, st *form.State, show formView) (string, error) {
	m, ok, err := s.storeUpload(r, st, show, "image")
	if err != nil || !ok {
		return "", err
	}
	return s.store.MediaRenditionURL(r.Context(), m.ID, "article")
}

// imageError is the message key for a refused image.
func imageError(err error) string {
	switch {
	case errors.Is(err, media.ErrNotImage):
		return "form.not_image"
	case errors.Is(err, media.ErrMemoryBudget): // before ErrTooLarge, which it also is
		return "form.image_memory"
	case errors.Is(err, media.ErrBusy):
		return "form.image_busy"
	case errors.Is(err, media.ErrTooLarge):
		return "form.image_large"
	default:
		return "form.image_corrupt"
	}
}
