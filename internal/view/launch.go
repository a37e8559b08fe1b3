package view

import "strings"

// LaunchCheck is one thing to settle before the site goes public.
type LaunchCheck struct {
	Key   string // its message key: launch.check.<key>
	Done  bool
	Count int    // how many sample rows are left, where that is the question
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
// contact e-mail and hotline in the settings.
func NewLaunch(a *Admin, left map[string]int, email, hotline string) *Launch {
	l := &Launch{Admin: a}
	for _, t := range []struct{ table, fix string }{
		{"pages", "/admin/pages"}, {"articles", "/admin/news"}, {"exhibitors", "/admin/exhibitors"},
		{"schedule_events", "/admin/schedule"}, {"charge_items", "/admin/charges"},
		{"booth_applications", "/admin/applications"}, {"registrations", "/admin/registrations"},
	} {
		l.Checks = append(l.Checks, LaunchCheck{Key: t.table, Done: left[t.table] == 0, Count: left[t.table], Fix: t.fix})
	}
	l.Checks = append(l.Checks,
		LaunchCheck{Key: "email", Done: email != "" && !placeholderAddress(email), Fix: "/admin/settings"},
		LaunchCheck{Key: "hotline", Done: hotline != "" && hotline != demoHotline, Fix: "/admin/settings"})
	return l
}

// demoHotline is the demo's made-up number.
const demoHotline = "400-885-6191"

// placeholderAddress reports an address made up for examples: a domain
// with a label reserved for them (RFC 2606), like the demo's
// expo@lnjyzb.example.cn.
func placeholderAddress(email string) bool {
	domain := strings.ToLower(email[strings.LastIndex(email, "@")+1:])
	for _, label := range strings.Split(domain, ".") {
		switch label {
		case "example", "test", "invalid", "localhost":
			return true
		}
	}
	return false
}
