package view

import "strings"

// LaunchCheck is one thing to settle before the site goes public.
type LaunchCheck struct {
	Key   string // its message key: launch.check.<key>
	Done  bool
	Count int64  // how many sample rows are left, where that is the question
	Fix   string // where to settle it: a back-office path, or "" for the command line
}

// Launch is the back office's list of what still shows the demo.
type Launch struct {
	*Admin
	Checks []LaunchCheck
}

// Open is how many checks are not done.
func (l *Launch) Open() int {
	n := 0
	for _, c := range l.Checks {
		if !c.Done {
			n++
		}
	}
	return n
}

// NewLaunch lists the checks from the demo rows left (by table) and the
// settings' contact e-mail and hotline beside the demo's made-up ones.
func NewLaunch(a *Admin, left map[string]int64, email, hotline, demoEmail, demoHotline string) *Launch {
	l := &Launch{Admin: a}
	for _, t := range []struct{ table, fix string }{
		{"pages", "/admin/pages"}, {"articles", "/admin/news"}, {"exhibitors", "/admin/exhibitors"},
		{"schedule_events", "/admin/schedule"}, {"charge_items", "/admin/charges"},
		{"booth_applications", "/admin/applications"}, {"registrations", "/admin/registrations"},
	} {
		l.Checks = append(l.Checks, LaunchCheck{Key: t.table, Done: left[t.table] == 0, Count: left[t.table], Fix: t.fix})
	}
	l.Checks = append(l.Checks,
		LaunchCheck{Key: "email", Done: email != "" && !strings.EqualFold(email, demoEmail), Fix: "/admin/settings"},
		LaunchCheck{Key: "hotline", Done: hotline != "" && hotline != demoHotline, Fix: "/admin/settings"})
	return l
}
