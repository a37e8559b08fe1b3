package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/expoportal/portal/internal/demo"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func TestExhibitorNamesInPinyinOrder(t *testing.T) {
	t.Parallel()
	want := []string{
		"阿里巴巴教育科技有限公司", // ā
		"安徽新华教育装备公司",   // ān
		"北京华文教学仪器有限公司", // běi
		"长春光华实验设备有限公司", // cháng, not zhǎng
		"重庆天宇体育器材有限公司", // chóng, not zhòng
		"大连海韵乐器有限公司",   // dà
		"鄂尔多斯市育才家具厂",   // è
		"杭州明德软件有限公司",   // háng
		"沈阳启航教学设备有限公司", // shěn, not chén
		"厦门鹭岛文具有限公司",   // xià, not shà
		"中科智慧教育科技有限公司", // zhōng
	}
	for _, shuffle := range [][]int{{10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, {5, 8, 0, 10, 3, 1, 9, 2, 7, 4, 6}} {
		var list []store.Exhibitor
		for i, j := range shuffle {
			list = append(list, store.Exhibitor{ID: int64(i + 1), Names: map[string]string{"zh": want[j]}})
		}
		store.SortExhibitors(list, "zh", []string{"en"})
		var got []string
		for _, e := range list {
			got = append(got, e.Names["zh"])
		}
		if !slices.Equal(got, want) {
			t.Errorf("zh order:\n got %v\nwant %v", got, want)
		}
	}
	// English: alphabetical, case ignored; a name missing in English falls
	// back to Chinese and sorts by what is shown.
	list := []store.Exhibitor{
		{ID: 1, Names: map[string]string{"en": "zenith Labs"}},
		{ID: 2, Names: map[string]string{"en": "Beta Furniture"}},
		{ID: 3, Names: map[string]string{"en": "alpha Robotics"}},
		{ID: 4, Names: map[string]string{"zh": "北京华文"}},
		{ID: 5, Names: map[string]string{"en": "Zebra Sports", "zh": "阿里"}},
	}
	store.SortExhibitors(list, "en", []string{"zh"})
	var ids []int64
	for _, e := range list {
		ids = append(ids, e.ID)
	}
	if want := []int64{3, 2, 5, 1, 4}; !slices.Equal(ids, want) {
		t.Errorf("en order %v, want %v", ids, want)
	}
}

func TestSaveExhibitorAuditsAndRefusesDuplicates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	in := store.ExhibitorInput{
		Names:        map[string]string{"zh": "沈阳启航教学设备有限公司", "en": "Shenyang Qihang Teaching Equipment Co., Ltd."},
		Descriptions: map[string]string{"zh": "教学设备。", "en": "Teaching equipment."},
		Booth:        "1A08", Hall: "1", Website: "https://www.qihang-edu.example.cn", Categories: []string{"smart-classroom", "stem"},
	}
	id, err := st.SaveExhibitor(ctx, 0, 0, in, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	e, err := st.Exhibitor(ctx, id)
	if err != nil || e.Names["en"] != in.Names["en"] || e.Booth != "1A08" || !slices.Equal(e.Categories, in.Categories) || e.Descriptions["zh"] != "教学设备。" {
		t.Fatalf("saved %+v, %v", e, err)
	}
	// Same zh name, other spelling of case and spaces: refused, per field.
	_, err = st.SaveExhibitor(ctx, 0, 0, store.ExhibitorInput{Names: map[string]string{"en": "  SHENYANG QIHANG teaching equipment co., ltd. "}}, nil, false)
	var dup *store.DuplicateNameError
	if !errors.As(err, &dup) || dup.Lang != "en" || !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("duplicate name: %v", err)
	}
	in.Booth, in.Names, in.Version = "1A09", map[string]string{"zh": in.Names["zh"]}, e.Version
	if _, err := st.SaveExhibitor(ctx, 0, id, in, nil, false); err != nil {
		t.Fatal(err)
	}
	if e, _ := st.Exhibitor(ctx, id); e.Names["en"] != "" || e.Booth != "1A09" {
		t.Errorf("after update: %+v", e)
	}
	audit, err := st.RecentAudit(ctx, 5, "exhibitor.")
	if err != nil || len(audit) != 2 {
		t.Fatalf("audit %+v, %v", audit, err)
	}
	if s := audit[0].Summary; !strings.Contains(s, `booth "1A08" -> "1A09"`) || !strings.Contains(s, `en name "Shenyang Qihang Teaching Equipment Co., Ltd." removed`) {
		t.Errorf("update summary %q", s)
	}
	if _, err := st.SaveExhibitor(ctx, 0, 0, store.ExhibitorInput{Names: map[string]string{"zh": "某公司"}, Categories: []string{"toys"}}, nil, false); err == nil {
		t.Error("an unknown category was saved")
	}
	if err := st.DeleteExhibitor(ctx, 0, id); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Exhibitor(ctx, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if err := st.DeleteExhibitor(ctx, 0, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestUpsertExhibitors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	rows := []store.ExhibitorInput{
		{Names: map[string]string{"zh": "大连海韵乐器有限公司", "en": "Dalian Haiyun Musical Instruments Co., Ltd."}, Booth: "2C15", Hall: "2", Categories: []string{"arts"}},
		{Names: map[string]string{"en": "Nanjing Bright Lab Supplies Co., Ltd."}, Booth: "1B02", Hall: "1"},
		{Names: map[string]string{"zh": "杭州明德软件有限公司"}, Booth: "1A01", Hall: "1", Categories: []string{"smart-classroom"}},
	}
	created, updated, err := st.UpsertExhibitors(ctx, 0, rows)
	if err != nil || created != 3 || updated != 0 {
		t.Fatalf("first import: %d created, %d updated, %v", created, updated, err)
	}
	// Again, matched by name (case and spaces aside), with a change: updates only.
	rows[0].Names["zh"] = " 大连海韵乐器有限公司 "
	rows[0].Booth = "2C16"
	rows[1].Names["en"] = "NANJING BRIGHT LAB SUPPLIES CO., LTD."
	created, updated, err = st.UpsertExhibitors(ctx, 0, rows)
	if err != nil || created != 0 || updated != 3 {
		t.Fatalf("second import: %d created, %d updated, %v", created, updated, err)
	}
	all, err := st.AllExhibitors(ctx)
	if err != nil || len(all) != 3 {
		t.Fatalf("%d exhibitors, %v", len(all), err)
	}
	if all[0].Booth != "2C16" || all[0].Names["en"] != "Dalian Haiyun Musical Instruments Co., Ltd." {
		t.Errorf("updated row: %+v", all[0])
	}
	// A bad row in the middle: nothing of the import is written.
	bad := []store.ExhibitorInput{
		{Names: map[string]string{"zh": "北京华文教学仪器有限公司"}, Hall: "1"},
		{Names: map[string]string{"zh": "  "}, Booth: "1A02"},
		{Names: map[string]string{"zh": "上海新程体育用品有限公司"}, Hall: "2"},
	}
	if _, _, err := st.UpsertExhibitors(ctx, 0, bad); err == nil || !strings.Contains(err.Error(), "row 2") {
		t.Fatalf("bad import: %v", err)
	}
	bad[1] = store.ExhibitorInput{Names: map[string]string{"zh": "某公司"}, Hall: "9"}
	if _, _, err := st.UpsertExhibitors(ctx, 0, bad); err == nil {
		t.Fatal("an unknown hall was imported")
	}
	if all, _ := st.AllExhibitors(ctx); len(all) != 3 {
		t.Errorf("a failed import left %d exhibitors, want 3", len(all))
	}
	audit, _ := st.RecentAudit(ctx, 10, "exhibitor.import")
	if len(audit) != 2 || audit[0].Summary != "3 rows: 0 created, 3 updated" {
		t.Errorf("audit %+v", audit)
	}
	// Filters: category, hall, search in names, booth and description.
	for _, tc := range []struct {
		f    store.ExhibitorFilter
		want int
	}{
		{store.ExhibitorFilter{Category: "arts"}, 1},
		{store.ExhibitorFilter{Hall: "1"}, 2},
		{store.ExhibitorFilter{Q: "bright lab"}, 1},
		{store.ExhibitorFilter{Q: "海韵"}, 1},
		{store.ExhibitorFilter{Q: "2c16"}, 1},
		{store.ExhibitorFilter{Q: "%"}, 0},
		{store.ExhibitorFilter{Q: "'; DROP TABLE exhibitors; --"}, 0},
	} {
		if got, err := st.Exhibitors(ctx, tc.f); err != nil || len(got) != tc.want {
			t.Errorf("%+v: %d, %v; want %d", tc.f, len(got), err, tc.want)
		}
	}
}

func TestDemoExhibitorsOnlyIntoAnEmptyDirectory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(withDemo(t))
	all, err := st.AllExhibitors(ctx)
	if err != nil || len(all) < 64 {
		t.Fatalf("%d demo exhibitors, %v", len(all), err)
	}
	if err := st.DeleteExhibitor(ctx, 0, all[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.AllExhibitors(ctx); len(again) != len(all)-1 {
		t.Errorf("loading the demo again: %d exhibitors, want %d (the deleted one stays deleted)", len(again), len(all)-1)
	}
}

func TestSaveExhibitorRefusesASaveBasedOnAnOldVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(testdb.New(t))
	in := store.ExhibitorInput{Names: map[string]string{"zh": "沈阳启航教学设备有限公司"}, Booth: "1A08", Hall: "1"}
	id, err := st.SaveExhibitor(ctx, 0, 0, in, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	e, err := st.Exhibitor(ctx, id)
	if err != nil || e.Version != 1 {
		t.Fatalf("created at version %d: %v", e.Version, err)
	}
	first, second := in, in
	first.Version, second.Version = e.Version, e.Version
	first.Booth = "1A09"
	if _, err := st.SaveExhibitor(ctx, 0, id, first, nil, false); err != nil {
		t.Fatal(err)
	}
	second.Website = "https://qihang.example.cn"
	if _, err := st.SaveExhibitor(ctx, 0, id, second, nil, false); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save based on an old version: %v, want ErrConflict", err)
	}
	// An import changes the version too, so an editor opened before it is refused.
	if _, _, err := st.UpsertExhibitors(ctx, 0, []store.ExhibitorInput{{Names: in.Names, Booth: "1A10", Hall: "1"}}); err != nil {
		t.Fatal(err)
	}
	first.Version = 2
	if _, err := st.SaveExhibitor(ctx, 0, id, first, nil, false); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save opened before an import: %v, want ErrConflict", err)
	}
	got, err := st.Exhibitor(ctx, id)
	if err != nil || got.Version != 3 || got.Booth != "1A10" || got.Website != "" {
		t.Errorf("after the refused saves: %+v, %v", got, err)
	}
}
