package demo

import (
	"context"

	"github.com/expoportal/portal/internal/store"
)

// sampleApplications fill the organisers' inbox with one application in
// each state, so the demo shows the workflow and the map shows held and
// sold booths that follow an application. Companies and people are
// fictional; the numbers are from the ranges set aside for examples.
func sampleApplications() []store.SampleApplication {
	area := func(m int) *int { return &m }
	return []store.SampleApplication{
		{Application: store.Application{Lang: "zh", CompanyZH: "沈阳博文教学设备有限公司", CompanyEN: "Shenyang Bowen Teaching Equipment Co., Ltd.",
			Contact: "王丽", Mobile: "13800240101", Email: "wang.li@bowen.example.cn", BoothType: "standard",
			Categories: []string{"laboratory", "stem"}, Message: "希望靠近主通道，需要一个额外的220V插座。"},
			BoothNumber: "1A15"},
		{Application: store.Application{Lang: "zh", CompanyZH: "大连海韵智慧教育科技有限公司",
			Contact: "刘洋", Mobile: "13900411202", Email: "liuyang@haiyun.example.cn", BoothType: "standard",
			Categories: []string{"smart-classroom"}},
			BoothNumber: "1B12", Moves: []store.ApplicationStatus{store.AppContacted}, Note: "已电话联系，下周寄送合同。"},
		{Application: store.Application{Lang: "en", CompanyEN: "Northbridge Learning Labs Ltd.",
			Contact: "Emma Clarke", Mobile: "+442079460958", Email: "emma.clarke@northbridge.example", BoothType: "standard",
			Categories: []string{"stem", "sports"}, Message: "We would like a corner booth if one is free."},
			BoothNumber: "2A12", Moves: []store.ApplicationStatus{store.AppContacted, store.AppApproved}, Note: "Contract signed; deposit received."},
		{Application: store.Application{Lang: "zh", CompanyZH: "鞍山启航职业教育装备有限公司",
			Contact: "赵磊", Mobile: "13700412303", Email: "zhaolei@qihang.example.cn", BoothType: "raw", Area: area(54),
			Categories: []string{"vocational"}, Message: "特装展位，约54平方米，需吊点。"}},
		{Application: store.Application{Lang: "zh", CompanyZH: "锦州书香文具有限公司",
			Contact: "孙静", Mobile: "13604163404", Email: "sunjing@shuxiang.example.cn", BoothType: "standard",
			Categories: []string{"library", "publishing"}},
			BoothNumber: "1D16", Moves: []store.ApplicationStatus{store.AppWithdrawn}, Note: "企业今年预算调整，主动撤回申请。"},
	}
}

// loadApplications writes them into an empty inbox, after the booths;
// year is the edition's, for the reference numbers.
func loadApplications(ctx context.Context, st *store.Store, year int) error {
	return st.InsertApplicationsIfEmpty(ctx, sampleApplications(), year)
}
