package notify_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/notify"
	"github.com/expoportal/portal/internal/notify/notifytest"
)

func TestSendReachesEveryOrganiserInUTF8(t *testing.T) {
	t.Parallel()
	srv := notifytest.Start(t)
	m := &notify.Mailer{Addr: srv.Addr, From: "portal@expo.example.org", To: []string{"a@expo.example.org", "b@expo.example.org"},
		User: "portal", Password: "secret"}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := m.Send(ctx, "新展位申请 LNEE-2027-0042：沈阳博文", "公司：沈阳博文\nReference: LNEE-2027-0042\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-srv.Messages:
		if got.From != "portal@expo.example.org" || !slices.Equal(got.To, m.To) {
			t.Errorf("envelope from %q to %v", got.From, got.To)
		}
		if got.Subject != "新展位申请 LNEE-2027-0042：沈阳博文" {
			t.Errorf("subject %q", got.Subject)
		}
		if !strings.Contains(got.Raw, "Subject: =?UTF-8?b?") {
			t.Errorf("subject not RFC 2047-encoded:\n%s", got.Raw)
		}
		if got.Body != "公司：沈阳博文\r\nReference: LNEE-2027-0042\r\n" {
			t.Errorf("body %q", got.Body)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no message arrived")
	}
}

func TestSendFailsCleanly(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	// Nothing listens there: an error, quickly, not a hang.
	m := &notify.Mailer{Addr: "127.0.0.1:1", From: "portal@expo.example.org", To: []string{"a@expo.example.org"}}
	if err := m.Send(ctx, "x", "y"); err == nil {
		t.Error("sent to a closed port")
	}
	srv := notifytest.Start(t)
	bad := &notify.Mailer{Addr: srv.Addr, From: "Portal <portal@expo.example.org>", To: []string{"a@expo.example.org"}}
	if err := bad.Send(ctx, "x", "y"); err == nil {
		t.Error("a display name in From was accepted; headers are built from plain addresses only")
	}
}
