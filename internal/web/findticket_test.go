package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/notify/notifytest"
)

// Registering again with the same mobile number and name for one of the
// same days shows the ticket already issued, and makes no second one;
// someone else on the same number gets their own.
func TestRegisteringTwiceShowsTheSameTicket(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	res, _ := site.post(t, "/zh/register", goodVisitor(t, site))
	first := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(first, "/zh/tickets/") {
		t.Fatalf("first registration: %d to %q", res.StatusCode, first)
	}
	again := goodVisitor(t, site)
	again.Set("name", " 王 晓梅 ")
	again["days"] = []string{"2027-04-18"}
	res, _ = site.post(t, "/zh/register", again)
	if got := res.Header.Get("Location"); got != first+"?again=1" {
		t.Fatalf("registering again went to %q, want %q", got, first+"?again=1")
	}
	if n := site.count(t, "registrations"); n != 1 {
		t.Errorf("%d tickets, want the first only", n)
	}
	d := site.doc(t, first+"?again=1", http.StatusOK)
	if d.Find(`[data-testid=registered-before]`).Length() != 1 || d.Find(`svg[data-testid=qr]`).Length() != 1 {
		t.Error("the ticket shown again does not say it was issued before, or has no QR code")
	}
	other := goodVisitor(t, site)
	other.Set("name", "王晓梅的同事")
	if res, _ := site.post(t, "/zh/register", other); strings.HasPrefix(res.Header.Get("Location"), first) {
		t.Error("another person on the same number got the first person's ticket")
	}
	// Knowing her name and number is not enough to be shown her ticket.
	guess := goodVisitor(t, site)
	guess.Set("email", "someone.else@example.com")
	guess.Set("organisation", "别的学校")
	if res, _ := site.post(t, "/zh/register", guess); strings.HasPrefix(res.Header.Get("Location"), first) {
		t.Error("a post with only her name and number was shown her ticket")
	}
	if n := site.count(t, "registrations"); n != 3 {
		t.Errorf("%d tickets, want 3", n)
	}
}

// A visitor who lost a ticket asks for it by name and mobile number: it is
// e-mailed again to the address given when registering. The page says the
// same whether or not there was a ticket, and no job is queued for a miss.
func TestFindTicketSendsItAgain(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	noVisitors(t, site)
	smtp := notifytest.Start(t)
	withMail(t, site, smtp.Addr)
	res, _ := site.post(t, "/en/register", goodVisitor(t, site))
	token := strings.TrimPrefix(res.Header.Get("Location"), "/en/tickets/")
	select {
	case <-smtp.Messages: // the e-mail that came with the registration
	case <-time.After(20 * time.Second):
		t.Fatal("the registration's own e-mail never came")
	}

	ask := func(name, phone string) string {
		t.Helper()
		res, d := site.post(t, "/en/register/find", url.Values{stampField: {oldStamp(t, site)}, honeypotField: {""},
			"name": {name}, "phone": {phone}})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("find %q %q: status %d", name, phone, res.StatusCode)
		}
		return strings.TrimSpace(d.Find(`[data-testid=find-sent]`).Text())
	}
	hit := ask("王晓梅", "+86 138-1234-5678")
	select {
	case m := <-smtp.Messages:
		if m.To[0] != "wxm@example.com" || !strings.Contains(m.Body, "/en/tickets/"+token) {
			t.Errorf("sent to %v:\n%s", m.To, m.Body)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the lost ticket was not sent again")
	}
	jobs := site.count(t, "river_job WHERE kind = 'email'")
	if miss := ask("王晓梅", "139 0000 0000"); miss != hit || miss == "" {
		t.Errorf("a miss reads %q, a hit %q: the page tells them apart", miss, hit)
	}
	if n := site.count(t, "river_job WHERE kind = 'email'"); n != jobs {
		t.Errorf("a miss queued %d e-mails", n-jobs)
	}
	res, d := site.post(t, "/en/register/find", url.Values{stampField: {oldStamp(t, site)}, honeypotField: {""}, "name": {""}, "phone": {"12"}})
	if res.StatusCode != http.StatusUnprocessableEntity || d.Find("#phone-err").Length() != 1 || d.Find("#name-err").Length() != 1 {
		t.Errorf("an empty name and a bad number: %d", res.StatusCode)
	}
}
