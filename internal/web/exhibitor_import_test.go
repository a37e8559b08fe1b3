package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/expoportal/portal/internal/auth"
	"github.com/expoportal/portal/internal/store"
)

// upload posts a file to the import form, as a browser does.
func (b *staff) upload(t *testing.T, name string, data []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, b.site.URL+"/admin/exhibitors/import", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := b.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	html, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(html)
}

func countExhibitors(t *testing.T, st *store.Store) int {
	t.Helper()
	all, err := st.AllExhibitors(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

func TestExhibitorImportPreviewsThenImportsValidRows(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "organiser@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "organiser@expo.example", "Shenyang-Expo-2027")
	st := store.New(site.pool)
	ctx := context.Background()
	all, _ := st.AllExhibitors(ctx)
	existing := all[0]
	start := len(all)

	// Headers in Chinese, in another order; a column we do not know; a
	// new company, an update of a listed one (matched by its Chinese name,
	// in other case and spacing), a row with two errors, and a row that
	// repeats the first one's name.
	file := "展位号,中文名称,英文名称,展馆,展品类别,备注\r\n" +
		"1Z01,辽阳新华教仪有限公司,Liaoyang Xinhua Teaching Instruments Co.,一号馆,实验室与科学教学装备；STEM、机器人与创客教育,x\r\n" +
		"2Z02,  " + existing.Names["zh"] + " ,,Hall 2,,\r\n" +
		"1A 99,鞍山无效展位有限公司,,3号馆,,\r\n" +
		"1Z03,辽阳新华教仪有限公司,,1,,\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	// A character GBK lacks needs GB18030's four-byte form.
	gb18030, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(strings.ReplaceAll(file, "新华", "𠮷华")))
	var data string
	for _, tc := range []struct {
		name, enc string
		data      []byte
	}{
		{"utf8.csv", "UTF-8", []byte(file)},
		{"bom.csv", "UTF-8 (BOM)", append([]byte("\xEF\xBB\xBF"), file...)},
		{"gb18030.csv", "GB18030", gb18030},
		{"gbk.csv", "GBK", gbk}, // last: its preview is the one confirmed
	} {
		res, html := b.upload(t, tc.name, tc.data)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: preview %d", tc.name, res.StatusCode)
		}
		d := parse(t, html)
		summary := d.Find("[data-testid=import-summary]").Text()
		for _, want := range []string{tc.name, "（" + tc.enc + " 编码）", "共 4 行", "新增 1 家", "更新 1 家", "2 行有错误"} {
			if !strings.Contains(summary, want) {
				t.Errorf("%s: summary %q lacks %q", tc.name, summary, want)
			}
		}
		if got := d.Find("[data-testid=import-ignored]").Text(); !strings.Contains(got, "备注") {
			t.Errorf("%s: unknown column not named: %q", tc.name, got)
		}
		rows := d.Find("[data-testid=import-preview] tbody tr")
		if rows.Length() != 4 {
			t.Fatalf("%s: %d preview rows", tc.name, rows.Length())
		}
		bad := rows.Eq(2).Text()
		for _, want := range []string{"展位号：", "展馆："} {
			if !strings.Contains(bad, want) {
				t.Errorf("%s: bad row %q lacks %q", tc.name, bad, want)
			}
		}
		if !strings.Contains(rows.Eq(3).Text(), "前面已有同名") || !strings.Contains(rows.Eq(0).Text(), "新增") || !strings.Contains(rows.Eq(1).Text(), "更新") {
			t.Errorf("%s: rows read %q", tc.name, rows.Text())
		}
		if n := countExhibitors(t, st); n != start {
			t.Fatalf("%s: the preview wrote: %d exhibitors, want %d", tc.name, n, start)
		}
		data = d.Find("input[name=data]").AttrOr("value", "")
	}

	res := b.post(t, "/admin/exhibitors/import/confirm", url.Values{"data": {data}, "filename": {"gbk.csv"}})
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/admin/exhibitors?created=1&updated=1&skipped=2" {
		t.Fatalf("confirm: %d %q", res.StatusCode, loc)
	}
	if n := countExhibitors(t, st); n != start+1 {
		t.Fatalf("after the import: %d exhibitors, want %d", n, start+1)
	}
	after, _ := st.Exhibitor(ctx, existing.ID)
	if after.Booth != "2Z02" || after.Hall != "2" || after.Names["en"] != existing.Names["en"] {
		t.Errorf("updated exhibitor: booth %q hall %q en %q (the English name must stay)", after.Booth, after.Hall, after.Names["en"])
	}
	// Empty cells and missing columns keep what staff wrote.
	if fmt.Sprint(after.Categories, after.Website, after.Descriptions) != fmt.Sprint(existing.Categories, existing.Website, existing.Descriptions) ||
		len(existing.Categories) == 0 || len(existing.Descriptions) == 0 {
		t.Errorf("the import wiped stored facts: %q %q %q, were %q %q %q", after.Categories, after.Website, after.Descriptions,
			existing.Categories, existing.Website, existing.Descriptions)
	}
	list, _ := st.Exhibitors(ctx, store.ExhibitorFilter{Q: "辽阳新华"})
	if len(list) != 1 || list[0].Hall != "1" || fmt.Sprint(list[0].Categories) != "[laboratory stem]" {
		t.Fatalf("imported exhibitor: %+v", list)
	}
	if _, html := b.get(t, "/admin/exhibitors?created=1&updated=1&skipped=2"); !strings.Contains(html, "新增 1 家，更新 1 家，跳过 2 行") {
		t.Error("the list does not say what the import did")
	}
	if d := site.doc(t, "/zh/exhibitors/?q="+url.QueryEscape("辽阳新华"), http.StatusOK); !strings.Contains(d.Text(), "辽阳新华教仪有限公司") {
		t.Error("the public directory does not show the imported exhibitor")
	}

	// The same file again updates; it adds nobody.
	_, html := b.upload(t, "again.csv", []byte(file))
	if s := parse(t, html).Find("[data-testid=import-summary]").Text(); !strings.Contains(s, "新增 0 家，更新 2 家") {
		t.Errorf("re-import preview: %q", s)
	}
	b.post(t, "/admin/exhibitors/import/confirm", url.Values{"data": {parse(t, html).Find("input[name=data]").AttrOr("value", "")}})
	if n := countExhibitors(t, st); n != start+1 {
		t.Errorf("re-import duplicated: %d exhibitors, want %d", n, start+1)
	}

	// The export opens in Excel (BOM) and imports back as updates only.
	res, export := b.get(t, "/admin/exhibitors/export")
	if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" || !strings.HasPrefix(export, "\uFEFF中文名称,英文名称,展位号,展馆,展品类别,企业网站,中文简介,英文简介\r\n") {
		t.Fatalf("export %q starts %q", ct, export[:min(len(export), 80)])
	}
	if !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Error("export is not a download")
	}
	_, html = b.upload(t, "export.csv", []byte(export))
	want := fmt.Sprintf("新增 0 家，更新 %d 家，0 行有错误", start+1)
	if s := parse(t, html).Find("[data-testid=import-summary]").Text(); !strings.Contains(s, want) {
		t.Errorf("export round trip: %q, want %q", s, want)
	}
	before, _ := st.AllExhibitors(ctx)
	b.post(t, "/admin/exhibitors/import/confirm", url.Values{"data": {parse(t, html).Find("input[name=data]").AttrOr("value", "")}})
	again, _ := st.AllExhibitors(ctx)
	for i := range before {
		x, y := before[i], again[i]
		// Categories come back in the display scope's order.
		if fmt.Sprint(x.ID, x.Names, x.Descriptions, x.Booth, x.Hall, x.Website, slices.Sorted(slices.Values(x.Categories))) !=
			fmt.Sprint(y.ID, y.Names, y.Descriptions, y.Booth, y.Hall, y.Website, slices.Sorted(slices.Values(y.Categories))) {
			t.Errorf("export and import changed exhibitor %d:\n%+v\n%+v", x.ID, x, y)
		}
	}
}

func TestExhibitorImportRefusesBadFiles(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	addUser(t, site, "organiser@expo.example", auth.RoleOrganiser, "Shenyang-Expo-2027")
	b := newStaff(t, site)
	b.login(t, "organiser@expo.example", "Shenyang-Expo-2027")
	st := store.New(site.pool)
	start := countExhibitors(t, st)
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"empty.csv":   {nil, "文件是空的"},
		"photo.png":   {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xff\x00"), "无法识别文件编码"},
		"nonames.csv": {[]byte("展位号,展馆\n1A01,1\n"), "找不到企业名称列"},
	} {
		res, html := b.upload(t, name, tc.data)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(parse(t, html).Find("#import-file-err").Text(), tc.want) {
			t.Errorf("%s: %d, error %q", name, res.StatusCode, parse(t, html).Find("#import-file-err").Text())
		}
	}
	// Only bad rows: nothing to confirm, and a forged confirmation writes nothing.
	bad := "中文名称,展馆\n无馆企业,9\n"
	_, html := b.upload(t, "bad.csv", []byte(bad))
	if parse(t, html).Find("[data-testid=import-confirm]").Length() != 0 {
		t.Error("a file with no valid row offers to import")
	}
	res, d := b.postDoc(t, "/admin/exhibitors/import/confirm", url.Values{"data": {bad}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("confirming only bad rows: %d", res.StatusCode)
	}
	if d.Find(`[data-testid=form-notice]`).Length() != 1 || d.Find(`[data-testid=import-preview]`).Length() != 1 {
		t.Error("a refused confirmation does not say why beside the preview")
	}
	if n := countExhibitors(t, st); n != start {
		t.Errorf("bad files wrote: %d exhibitors, want %d", n, start)
	}
}
