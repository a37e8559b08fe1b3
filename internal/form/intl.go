package form

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/expoportal/portal/internal/i18n"
	"github.com/expoportal/portal/internal/store"
)

// ParseIntlPhone reads a number to be dialled from abroad, as the site
// shows it: "+" (or "00") and the country code, then digits grouped by
// spaces, dashes, dots or brackets ("+86 24 2281 6191"). It comes back
// with the + form and single spaces, as typed otherwise; "" stays "". The
// key is "" or the message to show.
func ParseIntlPhone(s string) (string, string) {
	s = strings.Join(strings.Fields(width.Fold.String(s)), " ")
	if s == "" {
		return "", ""
	}
	if rest, ok := strings.CutPrefix(s, "00"); ok {
		s = "+" + strings.TrimLeft(rest, " ")
	}
	if !strings.HasPrefix(s, "+") {
		return s, "settings.err.intl_phone"
	}
	digits := 0
	for i, r := range s[1:] {
		switch {
		case r >= '0' && r <= '9':
			if digits == 0 && r == '0' {
				return s, "settings.err.intl_phone" // no country code starts with 0
			}
			digits++
		case strings.ContainsRune(" -.()", r) && i > 0:
		default:
			return s, "settings.err.intl_phone"
		}
	}
	// E.164: at most 15 digits with the country code; fewer than 8 is no
	// number anyone can dial.
	if digits < 8 || digits > 15 {
		return s, "settings.err.intl_phone"
	}
	return s, ""
}

// weChatID is WeChat's own rule for an ID: 6 to 20 letters, digits, "_"
// or "-", starting with a letter.
var weChatID = regexp.MustCompile(`^[A-Za-z][-_A-Za-z0-9]{5,19}$`)

// ParseWeChatID checks a WeChat ID; "" stays "".
func ParseWeChatID(s string) (string, string) {
	s = strings.TrimSpace(width.Fold.String(s))
	if s == "" || weChatID.MatchString(s) {
		return s, ""
	}
	return s, "settings.err.wechat"
}

// manualPath is a media file of this site (no other host: the manual must
// open inside mainland China too).
var manualPath = regexp.MustCompile(`^/media/[0-9a-f]{64}(\.[a-z0-9]{1,5})?$`)

// ParseManualURL checks the exhibitor manual's address: a /media/ file's
// path, as the media library shows it.
func ParseManualURL(s string) (string, string) {
	s = strings.TrimSpace(s)
	if s == "" || manualPath.MatchString(s) {
		return s, ""
	}
	return s, "settings.err.manual"
}

// parseIntlSettings checks the contacts for visitors from abroad into f.
func parseIntlSettings(v url.Values, f *store.SiteFacts, errs Errors) {
	var key string
	if f.IntlPhone, key = ParseIntlPhone(v.Get("intl_phone")); key != "" {
		errs["intl_phone"] = key
	}
	if f.WhatsApp, key = ParseIntlPhone(v.Get("whatsapp")); key != "" {
		errs["whatsapp"] = key
	}
	if f.WeChatID, key = ParseWeChatID(v.Get("wechat_id")); key != "" {
		errs["wechat_id"] = key
	}
	if f.ManualURL, key = ParseManualURL(v.Get("manual_url")); key != "" {
		errs["manual_url"] = key
	}
}

// Field limits of the visa invitation letter request.
const (
	maxVisaName = 100
	// maxStay is the longest stay a letter is asked for: the fair, the
	// days around it, and room for a trip; a letter for longer is not
	// the fair's to give.
	maxStay = 60
)

// passportNo is a passport number once spaces are dropped: ICAO allows
// up to 9 characters, some countries print more.
var passportNo = regexp.MustCompile(`^[A-Z0-9]{5,20}$`)

// ParseVisaRequest checks the invitation letter request. today is the
// date in the expo's time zone: nobody arrives in the past.
func ParseVisaRequest(v url.Values, today time.Time) (store.VisaRequest, Errors) {
	errs := Errors{}
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	var q store.VisaRequest
	q.Company, q.Name = get("company"), get("name")
	for _, f := range []struct {
		name, value string
		max         int
	}{{"company", q.Company, maxCompany}, {"name", q.Name, maxVisaName}} {
		switch {
		case f.value == "":
			errs[f.name] = "visa.err." + f.name
		case BadText(f.value, false):
			errs[f.name] = "form.bad_text"
		case utf8.RuneCountInString(f.value) > f.max:
			errs[f.name] = "form.too_long"
		}
	}
	q.Nationality = get("nationality")
	if !i18n.IsRegion(q.Nationality) {
		errs["nationality"] = "visa.err.nationality"
	}
	q.PassportNo = strings.ToUpper(strings.Join(strings.Fields(width.Fold.String(get("passport_no"))), ""))
	if !passportNo.MatchString(q.PassportNo) {
		errs["passport_no"] = "visa.err.passport_no"
	}
	day := func(k string) time.Time {
		d, err := time.Parse(time.DateOnly, get(k))
		if err != nil {
			errs[k] = "visa.err.date"
		}
		return d
	}
	q.ArrivesOn, q.DepartsOn = day("arrives_on"), day("departs_on")
	// Dates are read as midnight UTC; today's date is compared the same way.
	if errs["arrives_on"] == "" && q.ArrivesOn.Before(time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)) {
		errs["arrives_on"] = "visa.err.past"
	}
	if errs["arrives_on"] == "" && errs["departs_on"] == "" {
		switch {
		case q.DepartsOn.Before(q.ArrivesOn):
			errs["departs_on"] = "visa.err.departs_before"
		case q.DepartsOn.Sub(q.ArrivesOn) > maxStay*24*time.Hour:
			errs["departs_on"] = "visa.err.too_long"
		}
	}
	var key string
	if q.Email, key = ParseEmail(v.Get("email")); key != "" {
		errs["email"] = key
	}
	return q, errs
}

// ParseCountry checks the country or region a form names.
func ParseCountry(v url.Values) (string, string) {
	c := strings.TrimSpace(v.Get("country"))
	if !i18n.IsRegion(c) {
		return c, "apply.err.country"
	}
	return c, ""
}
