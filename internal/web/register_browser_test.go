package web

import (
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// pdfPage counts a PDF's pages (each is a /Type /Page object; the tree's
// root is /Pages).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestBrowserPrintsTickets: an e-ticket printed on A4 is one page with the
// QR code on it, and a delegation's print-all view is one page a member.
func TestBrowserPrintsTickets(t *testing.T) {
	site := newSite(t)
	res, _ := site.post(t, "/zh/register", goodVisitor(t, site))
	ticket := res.Header.Get("Location")
	res, _ = site.postGroup(t, "en", goodLeader(t, site), "members.csv", []byte("Name,Role\nZhang Ming,Student\nLi Hua,Student\n"))
	group := res.Header.Get("Location")
	if ticket == "" || group == "" {
		t.Fatalf("registration did not redirect: ticket %q, group %q", ticket, group)
	}
	ctx := browser(t, 390, 844, 60*time.Second)
	print := func(path string) int {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(site.URL+path), chromedp.WaitVisible(chromedp.CSS(`.ticket svg`))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
		if err != nil {
			t.Fatalf("%s: print: %v", path, err)
		}
		return len(pdfPage.FindAll(pdf, -1))
	}
	if n := print(ticket); n != 1 {
		t.Errorf("the e-ticket prints on %d pages, want 1", n)
	}
	// The leader, who gets a ticket too, and two pupils.
	if n := print(group + "/print"); n != 3 {
		t.Errorf("the delegation's print-all view is %d pages, want 3", n)
	}
}
