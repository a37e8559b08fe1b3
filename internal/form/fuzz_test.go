package form

// Fuzz targets for the form parsers. Each checks what the parser promises,
// not only that it does not panic: an error is on a field the form has;
// what passes is storable (valid UTF-8 without NUL, which PostgreSQL text
// cannot hold) and within its limits; and the form filled again from what
// passed reads back the same, so staff can reopen and save what they saved.
// The seeds run as ordinary tests; `make fuzz` explores further.

import (
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/expoportal/portal/internal/store"
)

// hostile are the inputs that broke parsers elsewhere: NUL, invalid and
// overlong UTF-8, a lone surrogate, a byte-order mark, full-width digits
// and spaces, huge and signed numbers, CRLF, formula and markup payloads.
var hostile = []string{
	"", " ", "\x00", "a\x00b", "\xff\xfe", "\xc0\xaf", "\xed\xa0\x80", "\uFEFF1", "\u3000",
	"１３８１２３４５６７８", "１２，８００．５０", "99999999999999999999999999", "-1", "+0", "1e9", "0x1F", "NaN",
	"a\r\nb", "\t\v\f", "\u202e", "=cmd|'/c calc'!A0", "<script>alert(1)</script>", "javascript:alert(1)",
	strings.Repeat("长", 301), strings.Repeat("a", 255) + "@example.org",
}

// addSeeds adds each good tuple of form fields, and that tuple with each
// field in turn replaced by each hostile value.
func addSeeds(f *testing.F, good ...[]string) {
	f.Helper()
	add := func(s []string) {
		args := make([]any, len(s))
		for i, v := range s {
			args[i] = v
		}
		f.Add(args...)
	}
	for _, g := range good {
		add(g)
		for i := range g {
			for _, h := range hostile {
				s := slices.Clone(g)
				s[i] = h
				add(s)
			}
		}
	}
}

// storable is text PostgreSQL can hold.
func storable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// checkErrorFields fails when an error names no field of the form: the
// message would show nowhere.
func checkErrorFields(t *testing.T, errs Errors, fields ...string) {
	t.Helper()
	for k, key := range errs {
		if !slices.Contains(fields, k) || key == "" {
			t.Errorf("error %q=%q is on no field of the form %q", k, key, fields)
		}
	}
}

// checkBadTextFlagged fails when a field holds text that cannot be stored
// and the error is not next to that field.
func checkBadTextFlagged(t *testing.T, v url.Values, errs Errors, fields ...string) {
	t.Helper()
	for _, k := range fields {
		if !storable(v.Get(k)) && errs[k] == "" {
			t.Errorf("field %s holds %q, which cannot be stored, and has no error (errors %v)", k, v.Get(k), errs)
		}
	}
}

var phoneShape = regexp.MustCompile(`^(1[3-9][0-9]{9}|\+[1-9][0-9]{7,14})$`)

func FuzzParsePhone(f *testing.F) {
	for _, s := range append([]string{"13812345678", "138 1234 5678", "+86 (138) 1234-5678", "0086.13812345678",
		"+44 20 7946 0958", "0044 20 7946 0958", "+1 415 555 0100", "＋８６　１３８１２３４５６７８", "+8613812345678",
		"00 86 138", "+86+86 13812345678", "++44", "0013812345678", "１３８１２３４５６７８\u3000"}, hostile...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, key := ParsePhone(s)
		if key != "" {
			if out != "" || (key != "form.err.phone" && key != "form.err.phone_needed") {
				t.Fatalf("ParsePhone(%q) = %q, %q", s, out, key)
			}
			return
		}
		if !phoneShape.MatchString(out) {
			t.Fatalf("ParsePhone(%q) = %q: not a bare mainland mobile or E.164", s, out)
		}
		if again, key := ParsePhone(out); again != out || key != "" {
			t.Fatalf("ParsePhone(%q) = %q, but that reads as %q, %q: not canonical", s, out, again, key)
		}
	})
}

func FuzzParseEmail(f *testing.F) {
	for _, s := range append([]string{"zhang.wei@example.cn", " Zhang.Wei@Example.CN ", "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ",
		"a@b", "a@b.", "<a@b.cn>", "Wei <a@b.cn>", `"a b"@b.cn`, "a@[127.0.0.1]", "a@@b.cn", "张伟@例子.中国",
		"a@b.cn, c@d.cn", "a@b.cn\r\nBcc: x@y.cn", "İ@b.cn", "ß@STRASSE.DE", strings.Repeat("Ⱥ", 84) + "@x.cn"}, hostile...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, key := ParseEmail(s)
		if key != "" {
			if out != "" || (key != "form.err.email" && key != "form.err.email_needed") {
				t.Fatalf("ParseEmail(%q) = %q, %q", s, out, key)
			}
			return
		}
		if !storable(out) || BadText(out, false) || strings.ContainsAny(out, " <>,") || len(out) > 254 {
			t.Fatalf("ParseEmail(%q) = %q: not one plain address", s, out)
		}
		if again, key := ParseEmail(out); again != out || key != "" {
			t.Fatalf("ParseEmail(%q) = %q, but that reads as %q, %q: not canonical", s, out, again, key)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range append([]string{"12800", "12,800", "12800.50", "12800.5", "¥12,800", "￥12，800元", "CN¥ 12800",
		"RMB12800", "US$1,800", "$1800.05", "1800 USD", "0.01", "0", "000000000012", "100000000", "100000000.01",
		"12800.505", "1.", ".5", "-5", "−5", "¥$5", "$¥5", "US$¥5", "12 800", "12\u00a0800", "1元2", "9223372036854775807"}, hostile...) {
		for _, cur := range []string{"CNY", "USD"} {
			f.Add(s, cur)
		}
	}
	f.Fuzz(func(t *testing.T, s, currency string) {
		m, key := ParseMoney(s, currency)
		// Reading the same amount again gives the same answer.
		for range 8 {
			if m2, key2 := ParseMoney(s, currency); m2 != m || key2 != key {
				t.Fatalf("ParseMoney(%q, %q) = %d, %q and then %d, %q", s, currency, m, key, m2, key2)
			}
		}
		if key != "" {
			if m != 0 || !strings.HasPrefix(key, "charges.err.") {
				t.Fatalf("ParseMoney(%q, %q) = %d, %q", s, currency, m, key)
			}
			return
		}
		if m < 0 || m > maxMinor {
			t.Fatalf("ParseMoney(%q, %q) = %d: out of range", s, currency, m)
		}
		if back, key := ParseMoney(MinorText(m), currency); back != m || key != "" {
			t.Fatalf("ParseMoney(%q, %q) = %d, shown as %q, reads back as %d, %q", s, currency, m, MinorText(m), back, key)
		}
	})
}

func FuzzParseBooth(f *testing.F) {
	addSeeds(f, []string{"1", "1a08", "0", "0", "3", "3", "standard", "available"},
		[]string{"２", "Ｂ－１２", "999", "1000", "200", "1", "raw", "sold"})
	fields := []string{"hall", "number", "x", "y", "width", "depth", "type", "status"}
	f.Fuzz(func(t *testing.T, hall, number, x, y, w, d, typ, status string) {
		v := url.Values{}
		for i, s := range []string{hall, number, x, y, w, d, typ, status} {
			v.Set(fields[i], s)
		}
		b, errs := ParseBooth(v, testHalls)
		checkErrorFields(t, errs, fields...)
		if len(errs) != 0 {
			return
		}
		if !boothNumber.MatchString(b.Number) || b.X < 0 || b.X > 1000 || b.Y < 0 || b.Y > 1000 ||
			b.Width < 1 || b.Width > 200 || b.Depth < 1 || b.Depth > 200 {
			t.Fatalf("ParseBooth(%v) passed %+v", v, b)
		}
		again, errs := ParseBooth(BoothValues(b), testHalls)
		if len(errs) != 0 || again != b {
			t.Fatalf("booth %+v reopened reads as %+v, %v", b, again, errs)
		}
	})
}

func FuzzParseApplication(f *testing.F) {
	addSeeds(f,
		[]string{"沈阳启航教学设备有限公司", "Shenyang Qihang", "张伟", "我们想要角落的展位。\r\n谢谢", "138 1234 5678", "zhang@example.cn", "1a08", "", "", "stem"},
		[]string{"", "Acme Co.", "Li Na", "", "+44 20 7946 0958", "", "", "raw", "３６平方米", "laboratory"})
	fields := []string{"company_zh", "company_en", "contact", "message", "mobile", "email", "booth", "booth_type", "area", "categories"}
	f.Fuzz(func(t *testing.T, companyZH, companyEN, contact, message, mobile, email, booth, boothType, area, category string) {
		v := url.Values{}
		for i, s := range []string{companyZH, companyEN, contact, message, mobile, email, booth, boothType, area} {
			v.Set(fields[i], s)
		}
		v["categories"] = []string{category, "stem"}
		v.Set("country", "CN")
		a, errs := ParseApplication(v)
		checkErrorFields(t, errs, fields...)
		checkBadTextFlagged(t, v, errs, "company_zh", "company_en", "contact", "message")
		if len(errs) != 0 {
			return
		}
		for _, s := range []string{a.CompanyZH, a.CompanyEN, a.Contact} {
			if BadText(s, false) || utf8.RuneCountInString(s) > maxCompany {
				t.Fatalf("ParseApplication passed %q", s)
			}
		}
		if BadText(a.Message, true) || utf8.RuneCountInString(a.Message) > maxMessage {
			t.Fatalf("ParseApplication passed message %q", a.Message)
		}
		if p, key := ParsePhone(a.Mobile); p != a.Mobile || key != "" {
			t.Fatalf("ParseApplication passed mobile %q", a.Mobile)
		}
		if e, key := ParseEmail(a.Email); e != a.Email || key != "" {
			t.Fatalf("ParseApplication passed e-mail %q", a.Email)
		}
		if a.BoothNumber == "" && (a.Area == nil || *a.Area < 1 || *a.Area > maxArea) {
			t.Fatalf("ParseApplication passed area %v without a booth", a.Area)
		}
		// The same application typed again from what was kept.
		w := url.Values{"company_zh": {a.CompanyZH}, "company_en": {a.CompanyEN}, "contact": {a.Contact},
			"message": {a.Message}, "mobile": {a.Mobile}, "email": {a.Email}, "booth": {a.BoothNumber},
			"booth_type": {a.BoothType}, "categories": a.Categories, "country": {a.Country}}
		if a.Area != nil {
			w.Set("area", strconv.Itoa(*a.Area))
		}
		again, errs := ParseApplication(w)
		if len(errs) != 0 || !reflect.DeepEqual(again, a) {
			t.Fatalf("application %+v typed again reads as %+v, %v", a, again, errs)
		}
	})
}

func FuzzParseCharge(f *testing.F) {
	addSeeds(f,
		[]string{"booth", "booth", "12,800", "1,800", "2027-01-01", "2027-04-18", "10", "标准展位", "3m × 3m，含楣板", "Standard booth", ""},
		[]string{"space", "sqm", "￥1200元", "", "", "", "", "光地", "", "", ""})
	fields := []string{"kind", "unit", "price_cny", "price_usd", "valid_from", "valid_until", "sort", "name_zh", "note_zh", "name_en", "note_en"}
	langs := []string{"zh", "en"}
	f.Fuzz(func(t *testing.T, kind, unit, cny, usd, from, until, sort, nameZH, noteZH, nameEN, noteEN string) {
		v := url.Values{}
		for i, s := range []string{kind, unit, cny, usd, from, until, sort, nameZH, noteZH, nameEN, noteEN} {
			v.Set(fields[i], s)
		}
		c, errs := ParseCharge(v, langs)
		checkErrorFields(t, errs, fields...)
		checkBadTextFlagged(t, v, errs, "name_zh", "note_zh", "name_en", "note_en")
		if len(errs) != 0 {
			return
		}
		if c.PriceCNY < 0 || c.PriceCNY > maxMinor || c.Texts["zh"].Name == "" {
			t.Fatalf("ParseCharge passed %+v", c)
		}
		for _, tx := range c.Texts {
			if !storable(tx.Name) || !storable(tx.Note) {
				t.Fatalf("ParseCharge passed text %+v", tx)
			}
		}
		again, errs := ParseCharge(ChargeValues(c), langs)
		if len(errs) != 0 || !reflect.DeepEqual(again, c) {
			t.Fatalf("charge %+v reopened reads as %+v, %v", c, again, errs)
		}
	})
}

func FuzzParseRegistration(f *testing.F) {
	addSeeds(f,
		[]string{"张伟", "沈阳市第一中学", "teacher", "沈阳", "138 1234 5678", "zhang@example.cn", "2027-04-16"},
		[]string{"Li Na", "Acme Co.", "buyer", "", "+44 20 7946 0958", "", "2027-04-18"})
	days := []time.Time{time.Date(2027, 4, 16, 0, 0, 0, 0, time.UTC), time.Date(2027, 4, 17, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 4, 18, 0, 0, 0, 0, time.UTC)}
	fields := []string{"name", "organisation", "role", "city", "phone", "email", "days"}
	f.Fuzz(func(t *testing.T, name, org, role, city, phone, email, day string) {
		v := url.Values{}
		for i, s := range []string{name, org, role, city, phone, email} {
			v.Set(fields[i], s)
		}
		v["days"] = []string{day, "2027-04-17"}
		r, errs := ParseRegistration(v, days)
		checkErrorFields(t, errs, fields...)
		checkBadTextFlagged(t, v, errs, "name", "organisation", "city")
		if len(errs) == 0 {
			checkPerson(t, r.Name, r.Organisation, r.City, r.Phone, r.Email)
			if !slices.Contains(store.RegistrationRoles, r.Role) || len(r.Days) == 0 {
				t.Fatalf("ParseRegistration passed %+v", r)
			}
			w := url.Values{"name": {r.Name}, "organisation": {r.Organisation}, "role": {r.Role}, "city": {r.City},
				"phone": {r.Phone}, "email": {r.Email}}
			for _, d := range r.Days {
				w.Add("days", d.Format(time.DateOnly))
			}
			if again, errs := ParseRegistration(w, days); len(errs) != 0 || !reflect.DeepEqual(again, r) {
				t.Fatalf("registration %+v typed again reads as %+v, %v", r, again, errs)
			}
		}
		g, errs := ParseGroup(v, days)
		checkErrorFields(t, errs, fields...)
		checkBadTextFlagged(t, v, errs, "name", "organisation", "city")
		if len(errs) == 0 {
			checkPerson(t, g.Group.LeaderName, g.Group.Organisation, g.City, g.Group.LeaderPhone, g.Group.LeaderEmail)
			if len(g.Days) == 0 {
				t.Fatalf("ParseGroup passed %+v", g)
			}
		}
	})
}

// checkPerson checks the fields a registration and a group leader share.
func checkPerson(t *testing.T, name, org, city, phone, email string) {
	t.Helper()
	for _, s := range []struct {
		text string
		max  int
	}{{name, maxPersonName}, {org, maxOrganisation}, {city, maxCity}} {
		if BadText(s.text, false) || utf8.RuneCountInString(s.text) > s.max || s.text != strings.TrimSpace(s.text) {
			t.Fatalf("passed %q", s.text)
		}
	}
	if name == "" || org == "" {
		t.Fatalf("passed no name (%q) or organisation (%q)", name, org)
	}
	if p, key := ParsePhone(phone); p != phone || key != "" {
		t.Fatalf("passed phone %q", phone)
	}
	if email != "" {
		if e, key := ParseEmail(email); e != email || key != "" {
			t.Fatalf("passed e-mail %q", email)
		}
	}
}
