package form

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/expoportal/portal/internal/csvimport"
	"github.com/expoportal/portal/internal/store"
)

// spreadsheetSeeds are uploads as staff and teachers make them, and the
// ways they go wrong; header is the first line of each.
func spreadsheetSeeds(f *testing.F, header string, rows ...string) {
	f.Helper()
	good := header + "\r\n" + strings.Join(rows, "\r\n") + "\r\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(good)
	gb18030, _ := simplifiedchinese.GB18030.NewEncoder().String(good + "𠀀,\r\n")
	for _, s := range []string{
		good, "\uFEFF" + good, gbk, gb18030, strings.ReplaceAll(good, ",", "\t"), strings.ReplaceAll(good, ",", ";"),
		header + "\n", header + "\n\n\n", header + "\n" + rows[0] + "\x00\n", header + "\n" + rows[0] + "\xff\n",
		header + "\n\"unterminated, " + rows[0] + "\n", header + "\n" + rows[0] + ",extra,cells,,\n",
		header + "\n'=cmd|'/c calc'!A0,'+1,'@SUM(A1)\n", header + "\n=cmd|'/c calc'!A0,-2+3,@SUM(A1)\n",
		header + "\n\"a\r\nb\",\"\"\"quoted\"\"\"\n", header + "\n１２３,ＡＢＣ,　\n", "", "\x00", "\xff\xfe", ",,,\n,,,\n",
		header + "\n" + strings.Repeat(rows[0]+"\n", 3),
	} {
		f.Add([]byte(s))
	}
}

func FuzzReadMembers(f *testing.F) {
	spreadsheetSeeds(f, "姓名,角色,手机号,email",
		"张伟,教师,138 1234 5678,zhang@example.cn", "李娜,学生,,", "王芳,student,+86 139 0000 0000,", "赵强,校长,,", "钱,外星人,12345,not-mail")
	voc := MemberVocabulary{Columns: map[string]string{}, Roles: map[string]string{}}
	for _, c := range MemberColumns {
		voc.Columns[Fold(c)] = c
	}
	for h, c := range map[string]string{"姓名": "name", "角色": "role", "手机号": "phone", "电子邮箱": "email"} {
		voc.Columns[Fold(h)] = c
	}
	for label, role := range map[string]string{"教师": "teacher", "学生": "student", "校长": "school_leader"} {
		voc.Roles[Fold(label)] = role
	}
	for _, role := range store.RegistrationRoles {
		voc.Roles[Fold(role)] = role
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := csvimport.Read(data)
		if err != nil {
			return
		}
		members, rowErrs, err := ReadMembers(tab, voc)
		if err != nil {
			if !errors.Is(err, ErrNoMemberName) && !errors.Is(err, ErrNoMembers) && !errors.Is(err, ErrTooManyRows) || members != nil || rowErrs != nil {
				t.Fatalf("ReadMembers: %v with %d members, %v", err, len(members), rowErrs)
			}
			return
		}
		if len(members) != len(tab.Rows) {
			t.Fatalf("%d rows read as %d members", len(tab.Rows), len(members))
		}
		bad := map[int]bool{}
		for _, e := range rowErrs {
			if !slices.ContainsFunc(tab.Rows, func(r csvimport.Row) bool { return r.Line == e.Line }) ||
				!slices.Contains(MemberColumns, e.Column) || e.Key == "" {
				t.Fatalf("row error %+v is on no row or column of the file", e)
			}
			bad[e.Line] = true
		}
		phones := map[string]bool{}
		for i, row := range tab.Rows {
			// Each row's verdict is its own, but for a mobile number an
			// earlier row gave: read alone, it reads the same.
			alone, aloneErrs, err := ReadMembers(&csvimport.Table{Header: tab.Header, Rows: []csvimport.Row{row}}, voc)
			var mine []RowError
			for _, e := range rowErrs {
				if e.Line == row.Line && e.Key == "register.group.err.dup_phone" {
					if !phones[members[i].Phone] {
						t.Fatalf("row %d: mobile %q refused as repeated", row.Line, members[i].Phone)
					}
				} else if e.Line == row.Line {
					mine = append(mine, e)
				}
			}
			if members[i].Phone != "" {
				phones[members[i].Phone] = true
			}
			if err != nil || !reflect.DeepEqual(alone[0], members[i]) || !reflect.DeepEqual(aloneErrs, mine) {
				t.Fatalf("row %d reads as %+v, %v in the file but %+v, %v, %v alone", row.Line, members[i], mine, alone, aloneErrs, err)
			}
			if bad[row.Line] {
				continue
			}
			m := members[i]
			if m.Name == "" || BadText(m.Name, false) || len([]rune(m.Name)) > maxPersonName || !slices.Contains(store.RegistrationRoles, m.Role) {
				t.Fatalf("row %d passed as %+v", row.Line, m)
			}
			if m.Phone == "" && m.Role != "student" {
				t.Fatalf("row %d passed a %s without a phone", row.Line, m.Role)
			}
			if p, key := ParsePhone(m.Phone); m.Phone != "" && (p != m.Phone || key != "") {
				t.Fatalf("row %d passed phone %q", row.Line, m.Phone)
			}
			if e, key := ParseEmail(m.Email); m.Email != "" && (e != m.Email || key != "") {
				t.Fatalf("row %d passed e-mail %q", row.Line, m.Email)
			}
		}
	})
}

func FuzzReadImport(f *testing.F) {
	spreadsheetSeeds(f, "中文名称,English name,booth,hall,categories,website,description_zh",
		"沈阳启航教学设备有限公司,Shenyang Qihang,1a08,1号馆,\"STEM、机器人与创客教育, laboratory\",https://qihang.example.cn,实验室设备",
		"伽马,,2B01,hall 2,,,", "甲公司,Beta Co.,,,,,", ",Gamma Co.,２Ｂ０３,,,http://gamma.example,",
		"Delta,Delta,ZZZZZZZZZZZZ,9,nope,ftp://x,")
	voc := ImportVocabulary{Columns: map[string]string{}, Categories: map[string]string{}, Halls: map[string]string{}}
	for _, c := range append([]string{"name_zh", "name_en", "description_zh", "description_en"}, ImportFields...) {
		voc.Columns[Fold(c)] = c
	}
	voc.Columns[Fold("中文名称")], voc.Columns[Fold("English name")] = "name_zh", "name_en"
	for _, c := range store.ExhibitorCategories {
		voc.Categories[Fold(c)] = c
	}
	voc.Categories[Fold("STEM、机器人与创客教育")] = "stem"
	for _, h := range testHalls {
		voc.Halls[Fold(h)], voc.Halls[Fold(h+"号馆")], voc.Halls[Fold("hall "+h)] = h, h, h
	}
	existing := []store.Exhibitor{
		{ID: 7, Names: map[string]string{"zh": "伽马", "en": "Gamma Co."}, Descriptions: map[string]string{"zh": "旧的介绍"}, Hall: "2"},
		{ID: 8, Names: map[string]string{"zh": "甲公司"}, Categories: []string{"laboratory"}},
		{ID: 9, Names: map[string]string{"en": "Beta Co."}, Website: "https://beta.example"},
	}
	langs := []string{"zh", "en"}
	fields := []string{"booth", "hall", "category", "website"}
	for _, l := range langs {
		fields = append(fields, "name_"+l, "description_"+l)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := csvimport.Read(data)
		if err != nil {
			return
		}
		rows, ignored, err := ReadImport(tab, langs, voc, existing)
		for _, h := range ignored {
			if !slices.Contains(tab.Header, h) {
				t.Fatalf("ignored column %q is not in the header %q", h, tab.Header)
			}
		}
		if err != nil {
			if !errors.Is(err, ErrNoNameColumn) || rows != nil {
				t.Fatalf("ReadImport: %v with %d rows", err, len(rows))
			}
			return
		}
		if len(rows) != len(tab.Rows) {
			t.Fatalf("%d rows read as %d", len(tab.Rows), len(rows))
		}
		// Who each name goes to: an exhibitor listed already, or the new
		// one a row that passes makes. The store refuses a name twice.
		owner := map[string]string{}
		for _, e := range existing {
			for l, n := range e.Names {
				owner[l+":"+nameKey(n)] = fmt.Sprint("exhibitor ", e.ID)
			}
		}
		for i, r := range rows {
			if r.Line != tab.Rows[i].Line {
				t.Fatalf("row %d reads as line %d", tab.Rows[i].Line, r.Line)
			}
			if r.Target != 0 && !slices.ContainsFunc(existing, func(e store.Exhibitor) bool { return e.ID == r.Target }) {
				t.Fatalf("row %d updates exhibitor %d, which is not listed", r.Line, r.Target)
			}
			checkErrorFields(t, r.Errors, fields...)
			if len(r.Errors) != 0 {
				continue
			}
			in := r.Form.Input()
			checkExhibitorInput(t, in)
			who := fmt.Sprint("the new exhibitor of row ", r.Line)
			if r.Target != 0 {
				who = fmt.Sprint("exhibitor ", r.Target)
			}
			for l, n := range in.Names {
				k := l + ":" + nameKey(n)
				if o, taken := owner[k]; taken && o != who {
					t.Fatalf("row %d passed the %s name %q, which %s has", r.Line, l, n, o)
				}
				owner[k] = who
			}
		}
	})
}
