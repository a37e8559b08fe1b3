package web

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/view"
	adminpages "github.com/expoportal/portal/templates/admin"
)

// trashArticle and restoreArticle move an article to the trash and back.
func (s *Server) trashArticle(deleted bool) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := idParam(r)
		if err != nil {
			return err
		}
		if err := s.store.TrashArticle(r.Context(), id, deleted, currentUser(r).ID); err != nil {
			return err
		}
		target := "/admin/news/" + strconv.FormatInt(id, 10)
		if deleted {
			target = "/admin/news?status=trash"
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
		return nil
	}
}

func (s *Server) listRevisions(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if _, err := s.store.ArticleForEdit(r.Context(), id); err != nil {
		return err
	}
	revs, err := s.store.Revisions(r.Context(), id)
	if err != nil {
		return err
	}
	v := &view.RevisionList{Admin: s.adminFrame(r, currentUser(r), "admin.revisions_title"), ID: id, Revisions: revs}
	s.render(w, r, http.StatusOK, adminpages.Revisions(v))
	return nil
}

// revisionAsked reads the article and revision the URL names.
func (s *Server) revisionAsked(r *http.Request) (id int64, n int, rev store.Revision, err error) {
	if id, err = idParam(r); err != nil {
		return 0, 0, rev, err
	}
	// 32 bits, as the column: a larger number is no revision, not an error.
	v, err := strconv.ParseInt(chi.URLParam(r, "version"), 10, 32)
	if err != nil || v < 1 {
		return 0, 0, rev, errNotFound
	}
	n = int(v)
	rev, err = s.store.ArticleRevision(r.Context(), id, n)
	return id, n, rev, err
}

func (s *Server) showRevision(w http.ResponseWriter, r *http.Request) error {
	id, _, rev, err := s.revisionAsked(r)
	if err != nil {
		return err
	}
	v := &view.RevisionView{Admin: s.adminFrame(r, currentUser(r), "admin.revisions_title"), ID: id, Revision: rev}
	s.render(w, r, http.StatusOK, adminpages.RevisionPage(v))
	return nil
}

// restoreRevision saves an old version as the newest one: the versions in
// between stay in the history.
func (s *Server) restoreRevision(w http.ResponseWriter, r *http.Request) error {
	id, n, rev, err := s.revisionAsked(r)
	if err != nil {
		return err
	}
	current, err := s.store.ArticleForEdit(r.Context(), id)
	if err != nil {
		return err
	}
	// The words, category and cover come back; whether and when it is
	// public stays as it is now, so a restore never publishes by surprise.
	a := rev.Article
	a.ID, a.Version = id, current.Version
	a.Status, a.ReleasedAt = current.Status, current.ReleasedAt
	if _, err := s.store.SaveArticle(r.Context(), a, currentUser(r).ID, "article.restore_revision."+strconv.Itoa(n)); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/news/"+strconv.FormatInt(id, 10)+"?saved=1", http.StatusSeeOther)
	return nil
}
