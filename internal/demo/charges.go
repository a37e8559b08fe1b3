package demo

import (
	"context"
	"time"

	"github.com/expoportal/portal/internal/store"
)

// loadCharges writes the sample price list when the list is empty. The
// early-bird booth price ends on 28 February 2027, the deadline the sample
// "Why exhibit" and "Exhibiting process" pages give.
func loadCharges(ctx context.Context, st *store.Store) error {
	day := func(s string) *time.Time {
		d, _ := time.Parse(time.DateOnly, s)
		return &d
	}
	earlyEnd, regular := day("2027-02-28"), day("2027-03-01")
	usd := func(dollars int64) *int64 { m := dollars * 100; return &m }
	text := func(zhName, zhNote, enName, enNote string) map[string]store.ChargeText {
		return map[string]store.ChargeText{
			"zh": {Lang: "zh", Name: zhName, Note: zhNote},
			"en": {Lang: "en", Name: enName, Note: enNote},
		}
	}
	yuan := func(y int64) int64 { return y * 100 }
	items := []store.Charge{
		{Kind: "booth", Unit: "booth", PriceCNY: yuan(11800), PriceUSD: usd(1900), ValidUntil: earlyEnd, Sort: 1,
			Texts: text("标准展位（早鸟价）", "3m×3m，含三面围板、楣板、地毯、一桌两椅、两支射灯、一个220V插座",
				"Standard shell-scheme booth, early bird", "3 m × 3 m: walls on three sides, fascia name board, carpet, a table and two chairs, two spotlights, one 220 V socket")},
		{Kind: "booth", Unit: "booth", PriceCNY: yuan(12800), PriceUSD: usd(2050), ValidFrom: regular, Sort: 1,
			Texts: text("标准展位", "3m×3m，含三面围板、楣板、地毯、一桌两椅、两支射灯、一个220V插座",
				"Standard shell-scheme booth", "3 m × 3 m: walls on three sides, fascia name board, carpet, a table and two chairs, two spotlights, one 220 V socket")},
		{Kind: "space", Unit: "sqm", PriceCNY: yuan(1280), PriceUSD: usd(200), Sort: 1,
			Texts: text("光地", "36平方米起租，不含任何设施，须自行特装搭建",
				"Raw space", "Minimum 36 m²; bare floor only, for your own stand build")},
		{Kind: "surcharge", Unit: "booth", PriceCNY: yuan(1000), PriceUSD: usd(150), Sort: 1,
			Texts: text("角位附加费", "两面开口的标准展位", "Corner booth", "Standard booth open on two sides")},
		{Kind: "surcharge", Unit: "booth", PriceCNY: yuan(1500), PriceUSD: usd(220), Sort: 2,
			Texts: text("双开口附加费", "相对两面开口的标准展位", "Double-opening booth", "Standard booth open on two opposite sides")},
		{Kind: "advertising", Unit: "item", PriceCNY: yuan(6000), PriceUSD: usd(900), Sort: 1,
			Texts: text("会刊彩色整页广告", "A4彩色内页", "Catalogue full-page advertisement", "A4, full colour, inside page")},
		{Kind: "advertising", Unit: "item", PriceCNY: yuan(12000), PriceUSD: usd(1800), Sort: 2,
			Texts: text("会刊封二/封三广告", "限各一家，先到先得", "Catalogue inside cover", "One each for the inside front and back cover, first come, first served")},
		{Kind: "advertising", Unit: "piece", PriceCNY: yuan(18000), PriceUSD: usd(2700), Sort: 3,
			Texts: text("展馆入口条幅", "10m×1.5m，展期内悬挂", "Entrance banner", "10 m × 1.5 m, hung for the three show days")},
		{Kind: "advertising", Unit: "piece", PriceCNY: yuan(25000), PriceUSD: usd(3700), Sort: 4,
			Texts: text("广场拱门", "一号馆前广场，含制作与安装", "Hall arch", "In front of Hall 1, making and putting up included")},
		{Kind: "advertising", Unit: "item", PriceCNY: yuan(30000), PriceUSD: usd(4500), Sort: 5,
			Texts: text("参展证件挂绳", "独家冠名，印制企业标志，约5000条", "Badge lanyards", "Sole sponsor, your logo printed, about 5,000 lanyards")},
		{Kind: "service", Unit: "kw", PriceCNY: yuan(450), PriceUSD: usd(70), Sort: 1,
			Texts: text("加配电源 220V", "按千瓦计，展期内使用", "Extra power, 220 V", "Per kW, for the three show days")},
		{Kind: "service", Unit: "kw", PriceCNY: yuan(600), PriceUSD: usd(90), Sort: 2,
			Texts: text("动力电源 380V", "三相电，按千瓦计", "Power, 380 V three-phase", "Per kW")},
		{Kind: "service", Unit: "piece", PriceCNY: yuan(150), PriceUSD: usd(25), Sort: 3,
			Texts: text("加配折椅", "展期租用", "Extra folding chair", "Hired for the show")},
		{Kind: "service", Unit: "piece", PriceCNY: yuan(300), PriceUSD: usd(45), Sort: 4,
			Texts: text("加配洽谈桌", "展期租用", "Extra meeting table", "Hired for the show")},
		{Kind: "service", Unit: "piece", PriceCNY: yuan(500), PriceUSD: usd(75), Sort: 5,
			Texts: text("加配展示柜", "1m×0.5m×1m，带锁", "Extra display cabinet", "1 m × 0.5 m × 1 m, lockable")},
		{Kind: "service", Unit: "line", PriceCNY: yuan(800), PriceUSD: usd(120), Sort: 6,
			Texts: text("有线宽带", "100Mbps，展期内使用", "Wired internet", "100 Mbit/s, for the three show days")},
	}
	return st.InsertChargesIfEmpty(ctx, items)
}
