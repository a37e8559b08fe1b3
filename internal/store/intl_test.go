package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/store"
)

// The contacts for visitors from abroad round-trip through the settings
// editor's save, and the public Site reads them.
func TestSiteSavesInternationalContacts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(withDemo(t))
	before, err := st.SiteForEdit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.Facts.IntlPhone == "" || before.Facts.WeChatID == "" {
		t.Fatalf("the demo sets no international contacts: %+v", before.Facts)
	}
	before.Facts.IntlPhone, before.Facts.WeChatID, before.Facts.WhatsApp = "+86 24 1111 2222", "expo-sy2027", ""
	if err := st.SaveSite(ctx, before, 0); err != nil {
		t.Fatal(err)
	}
	site, err := st.Site(ctx, "en")
	if err != nil {
		t.Fatal(err)
	}
	if site.IntlPhone != "+86 24 1111 2222" || site.WeChatID != "expo-sy2027" || site.WhatsApp != "" {
		t.Errorf("saved %q %q %q", site.IntlPhone, site.WeChatID, site.WhatsApp)
	}
}

func sampleVisaRequest(stamp string) store.VisaRequest {
	return store.VisaRequest{Lang: "en", Company: "Nordic Lab Supplies AB", Name: "ANNA LINDQVIST", Nationality: "SE",
		PassportNo: "AB1234567", ArrivesOn: time.Date(2027, 4, 13, 0, 0, 0, 0, time.UTC),
		DepartsOn: time.Date(2027, 4, 19, 0, 0, 0, 0, time.UTC), Email: "anna@nordiclab.example", FormStamp: stamp, FormDigest: "d1"}
}

// A request is stored once per form: the same stamp again writes nothing.
// The list is newest first and counts them all.
func TestVisaRequestsStoredOncePerFormAndListed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(withDemo(t))
	first, err := st.CreateVisaRequest(ctx, sampleVisaRequest("stamp-1"))
	if err != nil || first.ID == 0 || len(first.Token) != 26 {
		t.Fatalf("create: %+v, %v", first, err)
	}
	if _, err := st.CreateVisaRequest(ctx, sampleVisaRequest("stamp-1")); !errors.Is(err, store.ErrDuplicatePost) {
		t.Fatalf("the same form again: %v, want ErrDuplicatePost", err)
	}
	if tok, err := st.VisaRequestTokenByStamp(ctx, "stamp-1", "d1"); err != nil || tok != first.Token {
		t.Errorf("by stamp: %q, %v", tok, err)
	}
	if _, err := st.VisaRequestTokenByStamp(ctx, "stamp-1", "other"); !errors.Is(err, store.ErrStampUsed) {
		t.Errorf("another submission with the stamp: %v, want ErrStampUsed", err)
	}
	second := sampleVisaRequest("stamp-2")
	second.Name = "JONAS BERG"
	if _, err := st.CreateVisaRequest(ctx, second); err != nil {
		t.Fatal(err)
	}
	bad := sampleVisaRequest("stamp-3")
	bad.DepartsOn = bad.ArrivesOn.AddDate(0, 0, -1)
	if _, err := st.CreateVisaRequest(ctx, bad); err == nil {
		t.Error("a departure before the arrival was stored")
	}
	list, total, err := st.VisaRequests(ctx, 1)
	if err != nil || total != 2 || len(list) != 1 || list[0].Name != "JONAS BERG" {
		t.Fatalf("list: %+v, %d, %v", list, total, err)
	}
	got, err := st.VisaRequestByToken(ctx, first.Token)
	if err != nil || got.PassportNo != "AB1234567" || got.Nationality != "SE" || !got.ArrivesOn.Equal(first.ArrivesOn) {
		t.Errorf("by token: %+v, %v", got, err)
	}
}

// The booth application keeps the country it was sent with.
func TestApplicationKeepsItsCountry(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(withDemo(t))
	a := sampleApplication(nil)
	a.Country = "DE"
	a, err := st.CreateApplication(ctx, a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := st.Application(ctx, a.ID)
	if err != nil || got.Country != "DE" {
		t.Errorf("country %q, %v", got.Country, err)
	}
}
