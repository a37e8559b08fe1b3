package demo

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	mrand "math/rand/v2"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/store"
)

// The sample visitors: about 150 fictional people from across Liaoning, so
// the organisers' overview has figures to show and the door has tickets to
// scan. Who they are is the same on every load (a fixed seed); their
// tokens and codes are drawn afresh, as the registration form would.

var (
	demoSurnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "曹"}
	demoGiven    = []string{"晓梅", "建国", "丽娟", "志强", "海燕", "文博", "雪", "浩然", "静怡", "明", "秀兰", "宇航", "子涵", "俊杰", "欣怡", "春雨", "立新", "红霞", "国栋", "佳琪", "振华", "玉兰", "思远", "鹏", "淑芬", "晨曦", "德明", "若冰", "凯", "婷婷", "广志", "雅琴", "树森", "丹", "永刚", "慧敏"}
	// Cities weighted as visitors come: most from Shenyang, then Dalian.
	demoCities  = []demoWeight{{"沈阳", 40}, {"大连", 18}, {"鞍山", 8}, {"抚顺", 6}, {"本溪", 4}, {"丹东", 4}, {"锦州", 5}, {"营口", 4}, {"阜新", 3}, {"辽阳", 3}, {"盘锦", 3}, {"铁岭", 3}, {"朝阳", 2}, {"葫芦岛", 2}}
	demoRoles   = []demoWeight{{"teacher", 38}, {"school_leader", 14}, {"student", 6}, {"official", 10}, {"buyer", 14}, {"industry", 10}, {"media", 4}, {"other", 4}}
	demoSchools = []string{"%s市第%s中学", "%s市实验小学", "%s市第%s小学", "%s市职业技术学校", "%s市育英学校", "%s市第%s高级中学"}
	demoNumbers = []string{"一", "二", "三", "五", "七", "九", "十一", "十六", "二十", "二十七", "三十一", "四十"}
	demoCompany = []string{"辽宁启明教育科技有限公司", "沈阳智源实验设备有限公司", "大连海风教学仪器有限公司", "鞍山博学文体用品有限公司", "辽宁云课堂信息技术有限公司", "锦州金桥科教设备有限公司", "营口蓝图办公家具有限公司", "辽宁北辰数字教育有限公司"}
	demoMedia   = []string{"辽沈教育周刊", "北方教育装备杂志", "滨城教育报", "辽宁校园电视台"}
	demoOffice  = "%s市教育局"
	// A few visitors register in English.
	demoEnglish = []struct{ Name, Organisation, City, Role string }{
		{"Emma Whitfield", "Dalian International School", "大连", "teacher"},
		{"Daniel Kruger", "Kruger Lab Supplies GmbH", "沈阳", "buyer"},
		{"Hiroshi Tanaka", "Tanaka Educational Instruments", "大连", "industry"},
		{"Olivia Grant", "Education Equipment Review", "沈阳", "media"},
		{"Minh Nguyen", "Saigon STEM Partners", "沈阳", "buyer"},
	}
)

// demoToken is an unguessable ticket address: 128 random bits in lower-case base32.
func demoToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// demoCode is a ticket number: eight random Crockford base32 characters.
func demoCode() string {
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// demoWeight is a value and how often it is drawn.
type demoWeight struct {
	Value  string
	Weight int
}

func weighted(r *mrand.Rand, items []demoWeight) string {
	total := 0
	for _, it := range items {
		total += it.Weight
	}
	n := r.IntN(total)
	for _, it := range items {
		if n -= it.Weight; n < 0 {
			return it.Value
		}
	}
	return items[len(items)-1].Value
}

// sampleRegistrations draws the visitors: single ones and two school
// delegations.
func sampleRegistrations(expoDays []time.Time) ([]store.Registration, []store.DemoGroup) {
	r := mrand.New(mrand.NewPCG(2027, 416))
	since := time.Date(2026, 9, 15, 2, 0, 0, 0, time.UTC)
	created := func() time.Time {
		return since.Add(time.Duration(r.IntN(65*24*60)) * time.Minute) // up to 19 November
	}
	name := func() string { return demoSurnames[r.IntN(len(demoSurnames))] + demoGiven[r.IntN(len(demoGiven))] }
	phone := func(i int) string { return fmt.Sprintf("1390024%04d", 1000+i*37%9000) }
	days := func() []time.Time {
		if len(expoDays) < 2 {
			return expoDays
		}
		switch n := r.IntN(10); {
		case n < 5: // one day, the first most often
			first := []int{0, 0, 0, 1, 1, 2}[r.IntN(6)]
			return []time.Time{expoDays[min(first, len(expoDays)-1)]}
		case n < 8:
			i := r.IntN(len(expoDays) - 1)
			return expoDays[i : i+2]
		default:
			return expoDays
		}
	}
	organisation := func(role, city string) string {
		switch role {
		case "teacher", "school_leader", "student":
			f := demoSchools[r.IntN(len(demoSchools))]
			if strings.Count(f, "%s") == 2 {
				return fmt.Sprintf(f, city, demoNumbers[r.IntN(len(demoNumbers))])
			}
			return fmt.Sprintf(f, city)
		case "official":
			return fmt.Sprintf(demoOffice, city)
		case "buyer", "industry":
			return demoCompany[r.IntN(len(demoCompany))]
		case "media":
			return demoMedia[r.IntN(len(demoMedia))]
		}
		return ""
	}
	var single []store.Registration
	for i := range 122 {
		city, role := weighted(r, demoCities), weighted(r, demoRoles)
		g := store.Registration{Token: demoToken(), Code: demoCode(), Lang: "zh", Name: name(), Role: role, City: city,
			Organisation: organisation(role, city), Phone: phone(i), Days: days(), CreatedAt: created()}
		if i%4 == 0 {
			g.Email = fmt.Sprintf("visitor%03d@mail.example", i)
		}
		if i%17 == 5 {
			g.City = "" // not everyone says
		}
		single = append(single, g)
	}
	for i, e := range demoEnglish {
		single = append(single, store.Registration{Token: demoToken(), Code: demoCode(), Lang: "en", Name: e.Name, Role: e.Role,
			City: e.City, Organisation: e.Organisation, Phone: fmt.Sprintf("+44 7700 9000%02d", i), Days: days(),
			Email: fmt.Sprintf("%s@mail.example", strings.ToLower(strings.Fields(e.Name)[0])), CreatedAt: created()})
	}

	group := func(org, city, leader, leaderPhone string, day time.Time, students, teachers int) store.DemoGroup {
		at := created()
		grp := store.DemoGroup{Token: demoToken(), Lang: "zh", Organisation: org, LeaderName: leader, LeaderPhone: leaderPhone}
		members := []store.Registration{{Name: leader, Role: "teacher", Phone: leaderPhone}}
		for range teachers {
			members = append(members, store.Registration{Name: name(), Role: "teacher"})
		}
		for range students {
			members = append(members, store.Registration{Name: name(), Role: "student"})
		}
		for _, m := range members {
			m.Token, m.Code, m.Lang, m.Organisation, m.City = demoToken(), demoCode(), "zh", org, city
			m.Days, m.CreatedAt = []time.Time{day}, at
			grp.Members = append(grp.Members, m)
		}
		return grp
	}
	groups := []store.DemoGroup{
		group("沈阳市第一二〇中学", "沈阳", "孙丽华", "13900241201", expoDays[0], 10, 2),
		group("大连市中山区实验小学", "大连", "梁文静", "13900411088", expoDays[1], 0, 9),
	}
	return single, groups
}

// loadRegistrations fills an empty registration table with the sample
// visitors, none checked in.
func loadRegistrations(ctx context.Context, st *store.Store, opens, closes time.Time) error {
	// The expo's dates as written where it is held, held as midnight UTC
	// like every registration's days.
	var days []time.Time
	last := time.Date(closes.Year(), closes.Month(), closes.Day(), 0, 0, 0, 0, time.UTC)
	for d := time.Date(opens.Year(), opens.Month(), opens.Day(), 0, 0, 0, 0, time.UTC); !d.After(last); d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	single, groups := sampleRegistrations(days)
	return st.InsertRegistrationsIfEmpty(ctx, single, groups)
}
