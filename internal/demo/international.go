package demo

// The page for international exhibitors is a content page like the other
// Exhibition centre pages; its visa form, manual link and contacts are
// drawn around it (internal/web/international.go). Kept in its own file and
// added to samplePages here so that list stays as it was.
func init() { samplePages = append(samplePages, internationalPage) }

var internationalPage = samplePage{
	Path: "/exhibit/international",
	Sort: 5,
	Text: map[string]sampleText{
		"zh": {
			Title:   "境外展商",
			Summary: "境外企业参展指南：签证邀请函、展品运输与通关、参展手册和联系方式。",
			Body: `欢迎境外企业参加辽宁教育装备展示会。以下信息帮助您从中国境外顺利完成参展准备。

## 展品运输与通关

- 展品可通过海运或空运运抵大连港、沈阳桃仙国际机场，再经公路运至展馆。
- 组委会指定的主场运输商负责展品的报关、暂时进口（ATA 单证册）、仓储和进馆。请在 2027 年 3 月 20 日前将装箱单和发票发送给运输商。
- 展后不留在中国的展品须在 2027 年 4 月 30 日前复运出境。
- 进场布展时间为 2027 年 4 月 14 日—15 日，请据此安排运输。

## 签证与出行

来华需要签证的人员，请在下方申请邀请函，并携带邀请函向所在国的中国使领馆申请签证。沈阳桃仙国际机场有直飞首尔、东京、大阪、法兰克福等地的航班；大连和北京亦可转乘高铁到达沈阳。

## 展期语言服务

展期内组委会服务台提供英语、日语、韩语咨询服务，并可协助预约商务翻译。`,
		},
		"en": {
			Title:   "International exhibitors",
			Summary: "For companies exhibiting from abroad: visa invitation letters, freight and customs, the exhibitor manual and whom to call.",
			Body: `Companies from outside China are welcome at the Liaoning Educational Equipment Exhibition. This page gathers what you need to prepare from abroad.

## Freight and customs

- Exhibits can travel by sea to Dalian or by air to Shenyang Taoxian International Airport, then by road to the venue.
- The official freight forwarder handles customs clearance, temporary import (ATA carnet), storage and delivery to your booth. Send your packing list and invoice to the forwarder by 20 March 2027.
- Exhibits that do not stay in China must leave again by 30 April 2027.
- Move-in is on 14–15 April 2027: plan your shipment to arrive before then.

## Visas and travel

If you need a visa for China, ask for an invitation letter below and take it to the Chinese embassy or consulate where you apply. Shenyang Taoxian has direct flights to Seoul, Tokyo, Osaka and Frankfurt; from Dalian or Beijing, high-speed trains reach Shenyang in a few hours.

## Languages at the fair

The organisers' service desk answers questions in English, Japanese and Korean during the fair and can book business interpreters for you.`,
		},
	},
}
