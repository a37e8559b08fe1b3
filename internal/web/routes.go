package web

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/static"
)

// Handler returns the portal's routes, behind the checks every request
// passes first; what they refuse still gets the security headers.
func (s *Server) Handler() http.Handler {
	// Cross-origin form posts are refused (403) before any handler runs:
	// the browser's Sec-Fetch-Site and Origin headers tell them apart.
	cop := http.NewCrossOriginProtection()
	if s.origin != "" {
		// sameOrigin has checked the Origin already: a post from the base
		// URL passes whatever Host a proxy sends on.
		if err := cop.AddTrustedOrigin(s.origin); err != nil {
			s.log.Error("base URL as a trusted origin", "origin", s.origin, "err", err)
		}
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusForbidden)
	}))
	// Pages kept in the page cache are answered before all of it (hits.go).
	return s.hits(s.strictTransport(securityHeaders(s.statedLength(s.sameOrigin(cop.Handler(s.router()))))))
}

// uncachedPaths are the GET pages the page cache never keeps: forms with a
// stamp of their own, pages whose address is a private key (tickets, a
// delegation, an application's confirmation), the back office, and what
// is served from elsewhere already (static files, media). Prefixes, as
// paths begin: under a language (after /{lang}) or at the root.
var uncachedPaths = pathPrefixes{
	underLang: []string{"/exhibit/apply", "/register", "/tickets/", intlPath},
	atRoot:    []string{"/admin", "/static/", "/media/", "/healthz", "/readyz", "/metrics"},
}

// keptApartPaths are pages the cache keeps in a share of its own (an
// eighth): search, where every query is a page of its own. The same
// results for everyone (no stamp, no cookie, nothing of the visitor's),
// they are worth keeping when a crowd searches for the same few words;
// apart, a flood of made-up queries evicts only other searches.
var keptApartPaths = pathPrefixes{underLang: []string{"/search"}}

// pathPrefixes are path prefixes under a language (after /{lang}) or at
// the root.
type pathPrefixes struct{ underLang, atRoot []string }

// match is plain prefix tests, as it runs on every request.
func (pp pathPrefixes) match(path string) bool {
	for _, p := range pp.atRoot {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	if i := strings.IndexByte(path[min(1, len(path)):], '/'); i >= 0 {
		rest := path[i+1:]
		for _, p := range pp.underLang {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
	}
	return false
}

// neverCached says whether path is one of uncachedPaths, or holds a "?"
// (sent as %3F): kept under path + "?" + query, /a%3Fb would share its
// key with /a?b?.
func neverCached(path string) bool {
	return uncachedPaths.match(path) || strings.IndexByte(path, '?') >= 0
}

// keptApart says whether path is one of keptApartPaths.
func keptApart(path string) bool { return keptApartPaths.match(path) }

// router lists the portal's URLs; this is the only place they are listed.
func (s *Server) router() *chi.Mux {
	r := chi.NewRouter()
	r.Use(s.metrics.Middleware) // outermost: sees the final status, panics included
	r.Use(requestID, s.accessLog, s.countVisits, headAsGet, s.recoverPanic, s.cachePages,
		middleware.Compress(5, "text/html", "text/css", "text/plain", "application/javascript",
			"image/svg+xml", "application/json", "application/xml", "application/atom+xml"),
		s.deadline, s.checkInput)

	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)
	r.Get(static.Prefix+"*", http.StripPrefix(static.Prefix[:len(static.Prefix)-1], s.assets).ServeHTTP)
	r.Get("/", s.redirectToLanguage)
	r.Get("/robots.txt", s.robots)
	r.Get("/sitemap.xml", s.handle(s.sitemap))
	r.Get("/media/{file}", s.handle(s.serveMedia))
	r.Get("/feeds/{lang}/{feed}", s.handle(s.showFeed))
	r.Get("/schedule.ics", s.handle(s.scheduleICS))
	r.Get("/schedule/{id:[0-9]+}.ics", s.handle(s.eventICS))
	r.Get("/feeds/{lang}/schedule.atom", s.handle(s.showScheduleFeed))

	r.Route("/{lang}", func(r chi.Router) {
		r.Use(s.withLanguage)
		r.Get("/", s.handle(s.showHome))

		// Content pages, and pages that later issues build: until then those
		// say so, in 200.
		for _, path := range []string{
			"/about/overview", "/about/scope", "/about/hall", "/about/review", "/about/highlights", "/about/organization",
			"/exhibit/why", "/exhibit/process", "/exhibit/exhibits",
			"/services/traffic", "/services/hotels", "/services/travel", "/services/dining",
		} {
			r.Get(path, s.handle(s.showPage))
		}

		// Schedule.
		r.Get("/exhibit/schedule", s.handle(s.showSchedule))

		// Charges.
		r.Get("/exhibit/charges", s.handle(s.showCharges))

		// Visitor pre-registration and e-tickets (the token is the key).
		r.Get("/register", s.handle(s.showRegister))
		r.Post("/register", s.handle(s.postRegister))
		r.Get("/register/find", s.handle(s.showFindTicket))
		r.Post("/register/find", s.handle(s.postFindTicket))
		r.Get("/register/group", s.handle(s.showGroupForm))
		r.Post("/register/group", s.handle(s.postGroup))
		r.Get("/register/group/template.csv", s.handle(s.groupTemplate))
		r.Get("/register/group/{token:[a-z2-7]{26}}", s.handle(s.showGroup))
		r.Get("/register/group/{token:[a-z2-7]{26}}/print", s.handle(s.printGroup))
		r.Get("/tickets/{token:[a-z2-7]{26}}", s.handle(s.showTicket))

		// Hall map: the booths of each hall, the way into a booth application.
		r.Get(boothsPath, s.handle(s.showBooths))

		// Booth applications: the form and its confirmation.
		r.Get("/exhibit/apply", s.handle(s.showApply))
		r.With(s.dropCachesAfterWrites).Post("/exhibit/apply", s.handle(s.submitApply)) // holds a booth on the map
		r.Get("/exhibit/apply/{token:[a-z2-7]{26}}", s.handle(s.showApplyDone))

		// International exhibitors: the page, its visa invitation letter
		// request and the request's confirmation.
		r.Get(intlPath, s.handle(s.showInternational))
		r.Post(intlPath, s.handle(s.submitVisa))
		r.Get(intlPath+"/{token:[a-z2-7]{26}}", s.handle(s.showVisaDone))

		// Exhibitor directory.
		r.Get("/exhibitors/", s.handle(s.showExhibitors))
		r.Get("/exhibitors/{ref:[0-9][^/]*}", s.handle(s.showExhibitor))

		r.Get("/contact", s.handle(s.showPage))
		r.Get("/search", s.handle(s.showSearch))
		r.Get("/news/", s.handle(s.showNewsList("")))
		for _, c := range store.Categories {
			r.Get("/news/"+c+"/", s.handle(s.showNewsList(c)))
		}
		r.Get("/news/{ref:[0-9][^/]*}", s.handle(s.showArticle))
	})

	r.Route("/admin", func(r chi.Router) {
		r.Use(noStore, s.sessions.LoadAndSave, s.checkForm, s.dropCachesAfterWrites)
		r.Get("/login", s.handle(s.showLogin))
		r.Post("/login", s.handle(s.login))
		r.Get("/lang/{lang}", s.handle(s.setAdminLanguage))
		r.With(s.requireRole(auth.RoleEditor, auth.RoleOrganiser)).Post("/logout", s.handle(s.logout))
		r.With(s.requireRole(auth.RoleEditor, auth.RoleOrganiser)).Post("/lang", s.handle(s.saveAdminLanguage))
		// Every route below names the roles it admits (admin always).
		r.With(s.requireRole(auth.RoleEditor, auth.RoleOrganiser)).Get("/", s.handle(s.showDashboard))
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole()) // admins only
			r.Get("/audit", s.handle(s.showAudit))
			r.Get("/launch", s.handle(s.showLaunch))
			r.Get("/settings", s.handle(s.editSettings))
			r.Post("/settings", s.handle(s.saveSettings))
			r.Get(lookPath[len("/admin"):], s.handle(s.editLook))
			r.Post(lookPath[len("/admin"):], s.handle(s.saveLook))
			r.Get("/users", s.handle(s.listUsers))
			r.Post("/users", s.handle(s.addUser))
			r.Post("/users/{id}/role", s.handle(s.changeUser("role")))
			r.Post("/users/{id}/password", s.handle(s.changeUser("password")))
			r.Post("/users/{id}/disabled", s.handle(s.changeUser("disabled")))
			// The old site's addresses (portal import legacy).
			r.Get("/legacy", s.handle(s.listLegacyURLs))
			r.Get("/legacy/{id}", s.handle(s.editLegacyURL))
			r.Post("/legacy/{id}", s.handle(s.saveLegacyURL))
			r.Post("/legacy/{id}/delete", s.handle(s.deleteLegacyURL))
		})
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleEditor))
			r.Get("/news", s.handle(s.listAdminNews))
			r.Get("/news/new", s.handle(s.newArticle))
			r.Post("/news/new", s.handle(s.saveArticle))
			r.Get("/news/{id}", s.handle(s.editArticle))
			r.Post("/news/{id}", s.handle(s.saveArticle))
			r.Post("/news/{id}/trash", s.handle(s.trashArticle(true)))
			r.Post("/news/{id}/restore", s.handle(s.trashArticle(false)))
			r.Get("/news/{id}/revisions", s.handle(s.listRevisions))
			r.Get("/news/{id}/revisions/{version}", s.handle(s.showRevision))
			r.Post("/news/{id}/revisions/{version}/restore", s.handle(s.restoreRevision))
			r.Get("/pages", s.handle(s.listPages))
			r.Get("/pages/{id}", s.handle(s.editPage))
			r.Post("/pages/{id}", s.handle(s.savePage))
		})

		// Organisers keep the schedule.
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleOrganiser))
			r.Get("/schedule", s.handle(s.listSchedule))
			r.Get("/schedule/new", s.handle(s.newEvent))
			r.Post("/schedule/new", s.handle(s.saveEvent))
			r.Get("/schedule/{id}", s.handle(s.editEvent))
			r.Post("/schedule/{id}", s.handle(s.saveEvent))
			r.Get("/schedule/{id}/delete", s.handle(s.confirmDeleteEvent))
			r.Post("/schedule/{id}/delete", s.handle(s.deleteEvent))
		})

		// Organisers keep the charges.
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleOrganiser))
			r.Get("/charges", s.handle(s.listCharges))
			r.Get("/charges/new", s.handle(s.newCharge))
			r.Post("/charges/new", s.handle(s.saveCharge))
			r.Get("/charges/{id}", s.handle(s.editCharge))
			r.Post("/charges/{id}", s.handle(s.saveCharge))
			r.Post("/charges/{id}/delete", s.handle(s.deleteCharge))
		})

		// Organisers keep the hall map.
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleOrganiser))
			r.Get("/booths", s.handle(s.listBooths))
			r.Get("/booths/new", s.handle(s.newBooth))
			r.Post("/booths/new", s.handle(s.saveBooth))
			r.Get("/booths/{id}", s.handle(s.editBooth))
			r.Post("/booths/{id}", s.handle(s.saveBooth))
			r.Post("/booths/{id}/delete", s.handle(s.deleteBooth))
		})

		// Organisers keep the exhibitor directory.
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleOrganiser))
			r.Get("/exhibitors", s.handle(s.listAdminExhibitors))
			r.Get("/exhibitors/new", s.handle(s.newExhibitor))
			r.Post("/exhibitors/new", s.handle(s.saveExhibitor))
			r.Get("/exhibitors/{id}", s.handle(s.editExhibitor))
			r.Post("/exhibitors/{id}", s.handle(s.saveExhibitor))
			r.Post("/exhibitors/{id}/delete", s.handle(s.deleteExhibitor))
			r.Get("/exhibitors/import", s.handle(s.showExhibitorImport))
			r.Post("/exhibitors/import", s.handle(s.previewExhibitorImport))
			r.Post("/exhibitors/import/confirm", s.handle(s.confirmExhibitorImport))
			r.Get("/exhibitors/export", s.handle(s.exportExhibitors))
		})

		// Visitor registrations: organisers see and export them; every staff
		// role checks visitors in at the door.
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleOrganiser))
			r.Get("/registrations", s.handle(s.listRegistrations))
			r.Get("/registrations/export", s.handle(s.exportRegistrations))
		})
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleEditor, auth.RoleOrganiser))
			r.Get("/checkin", s.handle(s.showCheckIn))
			r.Post("/checkin", s.handle(s.checkIn))
		})

		// Organisers answer the booth applications.
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleOrganiser))
			r.Get("/applications", s.handle(s.listApplications))
			r.Get("/applications/export", s.handle(s.exportApplications))
			r.Get("/applications/visas", s.handle(s.listVisaRequests))
			r.Get("/applications/{id}", s.handle(s.showApplication))
			r.Post("/applications/{id}/status", s.handle(s.moveApplication))
			r.Post("/applications/{id}/notes", s.handle(s.addApplicationNote))
		})

		// Organisers keep the halls: names, order, outlines and doors.
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(auth.RoleOrganiser))
			r.Get("/halls", s.handle(s.listHalls))
			r.Get("/halls/new", s.handle(s.newHall))
			r.Post("/halls/new", s.handle(s.saveHall))
			r.Get("/halls/{code}", s.handle(s.editHall))
			r.Post("/halls/{code}", s.handle(s.saveHall))
			r.Post("/halls/{code}/move", s.handle(s.moveHall))
			r.Post("/halls/{code}/delete", s.handle(s.deleteHall))
		})
	})

	r.NotFound(s.notFound(r))
	return r
}
