package form

import (
	"reflect"
	"testing"

	"github.com/expoportal/portal/internal/csvimport"
	"github.com/expoportal/portal/internal/store"
)

func TestReadImportUnderstandsSpreadsheetWords(t *testing.T) {
	voc := ImportVocabulary{
		Columns: map[string]string{Fold("English name"): "name_en", Fold("Booth"): "booth", Fold("Hall"): "hall",
			Fold("Categories"): "categories", Fold("中文名称"): "name_zh"},
		Categories: map[string]string{Fold("STEM, robotics and maker education"): "stem", Fold("STEM、机器人与创客教育"): "stem",
			Fold("Arts and music education"): "arts", Fold("laboratory"): "laboratory"},
		Halls: map[string]string{Fold("Hall 1"): "1", Fold("1"): "1"},
	}
	tab, err := csvimport.Read([]byte("English Name,BOOTH,hall,Categories\n" +
		"\"Acme Co.\",１ａ０８,ＨＡＬＬ　１,\"STEM, robotics and maker education; Arts and music education,laboratory\"\n" +
		"Beta Co.,2B01,Hall 7,\"STEM、机器人与创客教育、Painting\"\n" +
		"Acme Co.,2B02,1,\n" +
		"Gamma Co.,2B03,1,\n"))
	if err != nil {
		t.Fatal(err)
	}
	existing := []store.Exhibitor{{ID: 7, Names: map[string]string{"en": "gamma co."}}}
	rows, ignored, err := ReadImport(tab, []string{"zh", "en"}, voc, existing)
	if err != nil || len(ignored) != 0 {
		t.Fatalf("err %v, ignored %q", err, ignored)
	}
	first := rows[0]
	if len(first.Errors) != 0 || first.Form.Booth != "1A08" || first.Form.Hall != "1" ||
		!reflect.DeepEqual(first.Form.Categories, []string{"stem", "arts", "laboratory"}) {
		t.Errorf("row 1: %+v", first)
	}
	if e := rows[1].Errors; e["hall"] == "" || e["category"] == "" {
		t.Errorf("row 2 should refuse Hall 7 and Painting: %v (categories %q)", e, rows[1].Form.Categories)
	}
	if rows[2].Errors["name_en"] != "exhibitors.import.err.repeated" {
		t.Errorf("row 3 repeats row 1's name: %v", rows[2].Errors)
	}
	if rows[3].Target != 7 || len(rows[3].Errors) != 0 {
		t.Errorf("row 4 should update exhibitor 7: target %d, %v", rows[3].Target, rows[3].Errors)
	}
	if rows[0].Line != 2 || rows[3].Line != 5 {
		t.Errorf("lines %d, %d", rows[0].Line, rows[3].Line)
	}
}

func TestReadImportNeedsANameColumn(t *testing.T) {
	tab, _ := csvimport.Read([]byte("booth,website\n1A01,https://x.example\n"))
	voc := ImportVocabulary{Columns: map[string]string{"booth": "booth", "website": "website"}}
	if _, _, err := ReadImport(tab, []string{"zh", "en"}, voc, nil); err != ErrNoNameColumn {
		t.Errorf("err %v, want ErrNoNameColumn", err)
	}
}

func TestReadImportRefusesNamesOfTwoExhibitors(t *testing.T) {
	tab, _ := csvimport.Read([]byte("name_zh,name_en\n甲公司,Beta Co.\n"))
	voc := ImportVocabulary{Columns: map[string]string{"namezh": "name_zh", "nameen": "name_en"}}
	existing := []store.Exhibitor{{ID: 1, Names: map[string]string{"zh": "甲公司"}}, {ID: 2, Names: map[string]string{"en": "Beta Co."}}}
	rows, _, err := ReadImport(tab, []string{"zh", "en"}, voc, existing)
	if err != nil || rows[0].Errors["name_en"] != "exhibitors.import.err.two_exhibitors" {
		t.Errorf("err %v, row %+v", err, rows)
	}
}
