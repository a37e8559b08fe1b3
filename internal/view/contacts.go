package view

import (
	"strings"

	"github.com/expoportal/portal/internal/form"
)

// FromAbroad reports whether the page is read by visitors most likely
// outside mainland China (every language but Chinese): for them a number
// they can dial from abroad comes first, and a 400 hotline is said to work
// only within China.
func (p *Page) FromAbroad() bool { return p.Lang.Code != "zh" }

// Phones is the expo's numbers for text that says "call ...": on Chinese
// pages the hotline, with the international number after it; on the
// others the international number, with the hotline for callers within
// China. Either alone when only one is set.
func (p *Page) Phones() string {
	h, i := p.Site.Hotline, p.Site.IntlPhone
	switch {
	case i == "":
		return h
	case h == "":
		return i
	case p.FromAbroad():
		return p.T("contact.phones.abroad", i, h)
	}
	return p.T("contact.phones.home", h, i)
}

// Tel is the tel: URL of a number as shown ("+86 24 2281 6191" ->
// "tel:+862422816191", "400-885-6191" -> "tel:4008856191").
func Tel(number string) string {
	return "tel:" + strings.Map(func(r rune) rune {
		if (r >= '0' && r <= '9') || r == '+' {
			return r
		}
		return -1
	}, number)
}

// Contact is one way to reach the organisers: a label key, the text shown
// and, for a number, its tel: URL.
type Contact struct {
	Label, Text, Href string
}

// PhoneContacts are the numbers to call, in the order the page's readers
// need them (see Phones), then WhatsApp. WhatsApp is a number shown as
// text with a tel: link: a link to its web host would leave the site.
func (p *Page) PhoneContacts() []Contact {
	var out []Contact
	if h := p.Site.Hotline; h != "" {
		out = append(out, Contact{"footer.hotline", h, Tel(h)})
	}
	if i := p.Site.IntlPhone; i != "" {
		c := Contact{"footer.intl_phone", i, Tel(i)}
		if p.FromAbroad() {
			out = append([]Contact{c}, out...)
		} else {
			out = append(out, c)
		}
	}
	if w := p.Site.WhatsApp; w != "" {
		out = append(out, Contact{"footer.whatsapp", w, Tel(w)})
	}
	return out
}

// RegionOptions are the countries and regions of a required select, named
// in the page's language, China first, after an empty choice.
func RegionOptions(p *Page) []form.Option {
	regions := p.Regions()
	opts := make([]form.Option, 0, len(regions)+1)
	opts = append(opts, form.Option{Value: "", Label: p.T("visa.choose")})
	for _, r := range regions {
		opts = append(opts, form.Option{Value: r.Code, Label: r.Name})
	}
	return opts
}
