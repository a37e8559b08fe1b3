package form

import (
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// SettingsFields are the language-neutral fields, in form order.
var SettingsFields = []string{"opens_at", "closes_at", "daily_opens", "daily_closes", "next_opens_at",
	"edition", "hotline", "fax", "email", "copyright_since", "visitor_count_start", "icp_number",
	"intl_phone", "wechat_id", "whatsapp", "manual_url"}

// SettingsWords are the per-language fields, in form order.
var SettingsWords = []string{"expo_name", "venue", "hall", "address", "organisers"}

// SettingsValues fills the form from stored settings.
func SettingsValues(st store.SiteSettings, loc *time.Location) url.Values {
	f := st.Facts
	v := url.Values{}
	v.Set("opens_at", f.OpensAt.In(loc).Format("2006-01-02T15:04"))
	v.Set("closes_at", f.ClosesAt.In(loc).Format("2006-01-02T15:04"))
	v.Set("daily_opens", f.DailyOpens)
	v.Set("daily_closes", f.DailyCloses)
	if f.NextOpensAt != nil {
		v.Set("next_opens_at", f.NextOpensAt.In(loc).Format("2006-01-02T15:04"))
	}
	if f.Edition != nil {
		v.Set("edition", strconv.Itoa(*f.Edition))
	}
	v.Set("hotline", f.Hotline)
	v.Set("fax", f.Fax)
	v.Set("email", f.Email)
	v.Set("copyright_since", strconv.Itoa(f.CopyrightSince))
	v.Set("visitor_count_start", strconv.FormatInt(f.VisitorCountStart, 10))
	v.Set("icp_number", f.ICPNumber)
	v.Set("intl_phone", f.IntlPhone)
	v.Set("wechat_id", f.WeChatID)
	v.Set("whatsapp", f.WhatsApp)
	v.Set("manual_url", f.ManualURL)
	for l, w := range st.Words {
		v.Set("expo_name_"+l, w.ExpoName)
		v.Set("venue_"+l, w.Venue)
		v.Set("hall_"+l, w.Hall)
		v.Set("address_"+l, w.Address)
		v.Set("organisers_"+l, w.Organisers)
	}
	return v
}

// ParseSettings checks the settings form and returns what to save.
func ParseSettings(v url.Values, langs []string, loc *time.Location) (store.SiteSettings, Errors) {
	errs := Errors{}
	st := store.SiteSettings{Words: map[string]store.SiteWords{}}
	f := &st.Facts
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	when := func(k string, required bool) *time.Time {
		s := get(k)
		if s == "" && !required {
			return nil
		}
		t, err := time.ParseInLocation("2006-01-02T15:04", s, loc)
		if err != nil {
			errs[k] = "form.released_at"
			return nil
		}
		return &t
	}
	if t := when("opens_at", true); t != nil {
		f.OpensAt = *t
	}
	if t := when("closes_at", true); t != nil {
		f.ClosesAt = *t
		if !f.OpensAt.IsZero() && f.ClosesAt.Before(f.OpensAt) {
			errs["closes_at"] = "form.closes_before"
		}
	}
	f.NextOpensAt = when("next_opens_at", false)
	for _, k := range []string{"daily_opens", "daily_closes"} {
		if _, err := time.Parse("15:04", get(k)); err != nil {
			errs[k] = "form.hour"
		}
	}
	f.DailyOpens, f.DailyCloses = get("daily_opens"), get("daily_closes")
	if e := get("edition"); e != "" {
		n, err := strconv.Atoi(e)
		if err != nil || n < 1 || n > 1000 {
			errs["edition"] = "form.number"
		} else {
			f.Edition = &n
		}
	}
	n, err := strconv.Atoi(get("copyright_since"))
	if err != nil || n < 1900 || n > 2200 {
		errs["copyright_since"] = "form.year"
	}
	f.CopyrightSince = n
	c, err := strconv.ParseInt(strings.ReplaceAll(get("visitor_count_start"), ",", ""), 10, 64)
	if err != nil || c < 0 {
		errs["visitor_count_start"] = "form.number"
	}
	f.VisitorCountStart = c
	f.Hotline, f.Fax, f.Email, f.ICPNumber = get("hotline"), get("fax"), get("email"), get("icp_number")
	if f.Email != "" {
		if a, err := mail.ParseAddress(f.Email); err != nil || a.Address != f.Email {
			errs["email"] = "form.email"
		}
	}
	parseIntlSettings(v, f, errs)
	for _, k := range []string{"hotline", "fax", "icp_number"} {
		if utf8.RuneCountInString(get(k)) > 60 {
			errs[k] = "form.too_long"
		}
	}
	// Every field is one line; what is not UTF-8 or holds a NUL the
	// database refuses, which would be a 500 instead of a message.
	text := func(k string) {
		if BadText(get(k), false) {
			errs[k] = "form.bad_text"
		}
	}
	for _, k := range []string{"hotline", "fax", "email", "icp_number"} {
		text(k)
	}
	for _, l := range langs {
		w := store.SiteWords{Lang: l, ExpoName: get("expo_name_" + l), Venue: get("venue_" + l), Hall: get("hall_" + l),
			Address: get("address_" + l), Organisers: get("organisers_" + l)}
		if w.ExpoName == "" {
			errs["expo_name_"+l] = "form.required"
		}
		for _, k := range SettingsWords {
			if utf8.RuneCountInString(get(k+"_"+l)) > 300 {
				errs[k+"_"+l] = "form.too_long"
			}
			text(k + "_" + l)
		}
		st.Words[l] = w
	}
	return st, errs
}
