package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"

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

func (s *Server) listAdminNews(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := &view.NewsAdmin{Admin: s.adminFrame(r, currentUser(r), "admin.news"),
		Status: q.Get("status"), Category: q.Get("category"), Missing: q.Get("missing"), Q: cleanQuery(q.Get("q")),
		Categories: store.Categories}
	items, err := s.store.AdminArticles(r.Context(), v.Lang.Code, v.Status, v.Category, v.Missing, v.Q, 200)
	if err != nil {
		return err
	}
	v.Items = items
	s.render(w, r, http.StatusOK, adminpages.NewsList(v))
	return nil
}

// editorFor fills the editor with an article as stored.
func (s *Server) editorFor(r *http.Request, a store.EditArticle) (*view.ArticleEditor, error) {
	v := &view.ArticleEditor{Admin: s.adminFrame(r, currentUser(r), "admin.edit_article"), ID: a.ID, Status: a.Status,
		Categories: store.Categories, Deleted: a.DeletedAt != nil}
	v.Form = form.Article{Version: a.Version, Category: a.Category, ReleasedAt: a.ReleasedAt.In(v.Loc).Format("2006-01-02T15:04"), Texts: a.Texts}
	if a.CoverID != nil {
		v.Form.CoverID = strconv.FormatInt(*a.CoverID, 10)
		url, err := s.store.MediaThumbURL(r.Context(), *a.CoverID)
		if err != nil {
			return nil, err
		}
		v.CoverURL = url
	}
	if a.ID != 0 {
		n, err := s.store.RevisionCount(r.Context(), a.ID)
		if err != nil {
			return nil, err
		}
		v.Revisions = n
	} else {
		v.Title = v.T("admin.new_article")
	}
	return v, nil
}

func (s *Server) newArticle(w http.ResponseWriter, r *http.Request) error {
	v, err := s.editorFor(r, store.EditArticle{Category: "expo", Status: "draft", ReleasedAt: s.now(), Texts: map[string]store.ArticleText{}})
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, adminpages.Editor(v))
	return nil
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
	v, err := s.editorFor(r, a)
	if err != nil {
		return err
	}
	v.Saved = r.URL.Query().Get("saved") == "1"
	s.render(w, r, http.StatusOK, adminpages.Editor(v))
	return nil
}

// saveArticle creates (no id) or updates an article. Invalid input comes
// back with everything typed and the errors by the fields; a save based on
// an old version is refused and the typed text shown, so nothing is lost.
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
	current := store.EditArticle{Status: "draft"}
	if chi.URLParam(r, "id") != "" {
		var err error
		if id, err = idParam(r); err != nil {
			return err
		}
		if current, err = s.store.ArticleForEdit(r.Context(), id); err != nil {
			return err
		}
	}
	v, err := s.editorFor(r, current)
	if err != nil {
		return err
	}
	v.Form = form.ParseArticle(r.PostForm, s.langCodes(), v.Loc)
	if id == 0 {
		v.Form.Version = 0
	}
	if v.Form.Action == "preview" {
		// Render the bodies as the site will, without saving anything.
		v.Preview = map[string]string{}
		for l, t := range v.Form.Texts {
			html, err := s.md.HTML(t.Body)
			if err != nil {
				return err
			}
			v.Preview[l] = string(html)
		}
		s.render(w, r, http.StatusOK, adminpages.Editor(v))
		return nil
	}
	if current.DeletedAt != nil {
		// Trashed while this was being edited: keep the text on screen.
		v.Conflict, v.Trashed = true, true
		s.render(w, r, http.StatusConflict, adminpages.Editor(v))
		return nil
	}
	v.Errors = v.Form.Validate(s.now())
	if c := v.Form.ParsedCover; c != nil && (current.CoverID == nil || *c != *current.CoverID) {
		// A cover the form names must exist (the hidden field can be edited).
		if _, err := s.store.MediaThumbURL(r.Context(), *c); errors.Is(err, store.ErrNotFound) {
			v.Errors["cover_id"] = "form.cover"
		} else if err != nil {
			return err
		}
	}
	if len(v.Errors) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, adminpages.Editor(v))
		return nil
	}
	// Uploads only once the rest is valid: a refused image writes nothing.
	if data, ok, err := uploaded(r, "cover"); err != nil {
		return err
	} else if ok {
		m, err := media.SaveImage(r.Context(), s.store, data)
		if err != nil {
			v.Errors["cover"] = imageError(err)
			s.render(w, r, http.StatusUnprocessableEntity, adminpages.Editor(v))
			return nil
		}
		v.Form.ParsedCover = &m.ID
		v.Form.CoverID = strconv.FormatInt(m.ID, 10) // kept if the page comes back
	}
	if data, ok, err := uploaded(r, "image"); err != nil {
		return err
	} else if ok {
		m, err := media.SaveImage(r.Context(), s.store, data)
		if err != nil {
			v.Errors["image"] = imageError(err)
			s.render(w, r, http.StatusUnprocessableEntity, adminpages.Editor(v))
			return nil
		}
		url, err := s.store.MediaRenditionURL(r.Context(), m.ID, "article")
		if err != nil {
			return err
		}
		v.Inserted = "![](" + url + ")"
	}
	action := "article.update"
	if id == 0 {
		action = "article.create"
	}
	saved, err := s.store.SaveArticle(r.Context(), v.Form.Apply(current, s.now()), currentUser(r).ID, action+"."+v.Form.Action)
	if errors.Is(err, store.ErrNotFound) && id != 0 {
		v.Conflict, v.Trashed = true, true // trashed between loading and saving
		s.render(w, r, http.StatusConflict, adminpages.Editor(v))
		return nil
	}
	if errors.Is(err, store.ErrConflict) {
		// The typed text stays; the version moves on so that saving again
		// is a deliberate choice to replace the other person's changes.
		v.Conflict = true
		v.Form.Version = current.Version
		s.render(w, r, http.StatusConflict, adminpages.Editor(v))
		return nil
	} else if err != nil {
		return err
	}
	if v.Inserted != "" {
		// Stay on the page, so the image's line can be copied into the body.
		v.ID, v.Status, v.Form.Version, v.Saved = saved.ID, saved.Status, saved.Version, true
		v.Form.CoverID = ""
		if saved.CoverID != nil {
			v.Form.CoverID = strconv.FormatInt(*saved.CoverID, 10)
		}
		s.render(w, r, http.StatusOK, adminpages.Editor(v))
		return nil
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
