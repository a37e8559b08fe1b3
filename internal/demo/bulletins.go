package demo

import (
	"fmt"
	"strings"
	"time"
)

// bulletins are the regular notes an organiser publishes between the big
// stories: weekly preparation bulletins for the 2027 expo and a monthly
// industry brief. They give the expo and industry lists enough articles to
// page through, and their figures agree with the other news (registration
// opened on 15 September 2026; more than 300 companies by 20 November).
func bulletins() []sampleArticle {
	var out []sampleArticle
	companies := []int{0, 0, 0, 40, 75, 110, 150, 185, 220, 250, 275, 290, 298}
	prepTitles := []struct{ zh, en string }{
		{"一号馆、二号馆展位图进入最后调整", "Booth plan for Halls 1 and 2 in final revision"},
		{"布展时间确定为2027年4月14日至15日", "Build-up set for 14–15 April 2027"},
		{"展位报名9月15日开通", "Booth registration opens on 15 September"},
	}
	// Each week's hall news under a heading of its own, so the bulletins
	// read as the weeks they were, not as one form filled in thirteen times.
	hallHeads := []struct{ zh, en string }{
		{"展区动态", "From the halls"}, {"本周咨询热点", "What exhibitors asked about"},
		{"展区规划进展", "Hall planning"}, {"参展商动态", "Exhibitor news"},
	}
	closings := []struct{ zh, en string }{
		{"展位申请请访问[展位申请](/zh/exhibit/apply)页面，或拨打报名热线400-885-6191。", "To apply for a booth, see [booth application](/en/exhibit/apply) or call +86 24 2281 6191 (400-885-6191 from within China)."},
		{"标准展位剩余数量可在[展位图](/zh/exhibit/booths)上实时查看。", "See which standard booths are still free on the [hall map](/en/exhibit/booths)."},
		{"展会日程与同期活动安排见[日程安排](/zh/exhibit/schedule)。", "The expo's programme is on the [schedule](/en/exhibit/schedule) page."},
	}
	prep := []struct{ zh, en string }{
		{"展馆场地复核完成，一号馆、二号馆的展位图进入最后调整阶段。", "The survey of Halls 1 and 2 is complete and the booth plan is in its final revision."},
		{"组委会与辽宁工业展览馆确定了布展、撤展的时间安排：布展为2027年4月14日至15日。", "The organisers and the Liaoning Industrial Exhibition Hall agreed the build-up schedule: 14–15 April 2027."},
		{"展位报名将于9月15日开通，早鸟价格截止日期为2027年2月28日。", "Booth registration opens on 15 September; early-bird prices run until 28 February 2027."},
	}
	notes := []struct{ zh, en string }{
		{"智慧教室与教育信息化展区咨询最为集中。", "Enquiries are strongest for the smart classroom and educational IT area."},
		{"实验室与科学仪器展区新增了安全演示区的规划。", "The laboratory and science area now plans a safety demonstration corner."},
		{"职业教育实训装备展区已有多家企业预订特装展位。", "Several vocational training suppliers have booked raw-space stands."},
		{"体育与体育教育器材展区将设置室内体验场地。", "The sports and PE equipment area will have an indoor trial court."},
		{"学前教育装备与玩具展区的标准展位已过半。", "More than half of the standard booths in the preschool area are taken."},
		{"学校家具与宿舍用品展区新增了样板间展示。", "The school furniture area adds a furnished model dormitory."},
		{"校园安全与后勤展区吸引了多家安防企业咨询。", "Campus safety suppliers are asking about the safety and logistics area."},
		{"图书馆与阅读空间展区计划举办阅读推广沙龙。", "The library and reading area plans a reading-promotion salon."},
		{"STEM、机器人与创客教育展区将举办学生作品展示。", "The STEM, robotics and maker area will show students' projects."},
		{"艺术与音乐教育展区新增了合唱教室样板。", "The arts and music area adds a model choir classroom."},
	}
	shanghai := time.FixedZone("CST", 8*3600)
	first := time.Date(2026, 8, 25, 10, 0, 0, 0, shanghai)
	for i := range companies {
		day := first.AddDate(0, 0, 7*i)
		n := i + 1
		var zh, en strings.Builder
		if companies[i] == 0 {
			fmt.Fprintf(&zh, "## 筹备进展\n\n%s\n\n", prep[i].zh)
			fmt.Fprintf(&en, "## Preparations\n\n%s\n\n", prep[i].en)
		} else {
			fmt.Fprintf(&zh, "## 报名情况\n\n截至%d月%d日，已有%d家企业提交2027展会展位申请。", int(day.Month()), day.Day(), companies[i])
			fmt.Fprintf(&en, "## Registrations\n\nBy %d %s, %d companies had applied for booths at the 2027 expo.", day.Day(), day.Month(), companies[i])
			zh.WriteString("早鸟价格截止日期为2027年2月28日，最终报名截止日期为2027年3月20日。\n\n")
			en.WriteString(" Early-bird prices end on 28 February 2027; the final deadline is 20 March 2027.\n\n")
		}
		a, b := notes[i%len(notes)], notes[(i+3)%len(notes)]
		head := hallHeads[i%len(hallHeads)]
		if i%2 == 0 {
			fmt.Fprintf(&zh, "## %s\n\n- %s\n- %s\n\n", head.zh, a.zh, b.zh)
			fmt.Fprintf(&en, "## %s\n\n- %s\n- %s\n\n", head.en, a.en, b.en)
		} else {
			fmt.Fprintf(&zh, "## %s\n\n%s此外，%s\n\n", head.zh, a.zh, b.zh)
			fmt.Fprintf(&en, "## %s\n\n%s Also, %s\n\n", head.en, a.en, lowerFirst(b.en))
		}
		closing := closings[i%len(closings)]
		zh.WriteString(closing.zh)
		en.WriteString(closing.en)
		summaryZh := fmt.Sprintf("2027辽宁教育装备展示会筹展周报第%d期。", n)
		summaryEn := fmt.Sprintf("Preparations bulletin No. %d for the Liaoning Educational Equipment Exhibition 2027.", n)
		var titleZh, titleEn string
		if companies[i] > 0 {
			summaryZh = fmt.Sprintf("截至本周，已有%d家企业报名2027展会。", companies[i])
			summaryEn = fmt.Sprintf("%d companies have now applied to exhibit in 2027.", companies[i])
			titleZh = fmt.Sprintf("筹展周报第%d期：报名企业达%d家", n, companies[i])
			titleEn = fmt.Sprintf("Bulletin No. %d: %d companies have applied", n, companies[i])
		} else {
			titleZh = fmt.Sprintf("筹展周报第%d期：%s", n, prepTitles[i].zh)
			titleEn = fmt.Sprintf("Bulletin No. %d: %s", n, prepTitles[i].en)
		}
		out = append(out, sampleArticle{
			Category: "expo",
			Released: day.Format("2006-01-02 15:04"),
			Text: map[string]sampleNewsText{
				"zh": {Title: titleZh, Summary: summaryZh, Body: zh.String(), Source: "展会组委会"},
				"en": {Title: titleEn, Summary: summaryEn, Body: en.String(), Source: "Organising Committee"},
			},
		})
	}

	// topics name each brief in a headline, so each month's title says what
	// that month was about.
	topics := []struct{ zh, en string }{
		{"智慧校园建设指引", "smart-campus guidance"}, {"实验室安全检查", "lab safety checks"}, {"职业院校实训基地", "vocational training bases"},
		{"体育器材配备标准", "PE equipment standards"}, {"教室照明改造", "classroom lighting"}, {"创客与人工智能课程", "maker spaces and AI lessons"},
		{"图书馆数字化", "digital school libraries"}, {"可调节课桌椅", "adjustable desks"}, {"明厨亮灶工程", "open-kitchen canteens"},
		{"幼儿园玩教具", "kindergarten play equipment"}, {"全生命周期采购", "whole-life-cost procurement"}, {"特殊教育资源教室", "special-education resource rooms"},
		{"校园智能预警", "campus early-warning systems"},
	}
	briefs := []struct{ zh, en string }{
		{"多地教育部门发布智慧校园建设指引，强调设备“用起来”。", "Several education bureaus issued smart-campus guidance stressing that equipment must be used, not just installed."},
		{"中小学实验室安全检查进入常态化，危化品管理成为重点。", "School laboratory safety checks are now routine, with hazardous chemicals the main focus."},
		{"职业院校实训基地建设继续推进，产教融合项目增多。", "Vocational colleges keep building training bases, with more industry partnerships."},
		{"学生体质健康受到关注，体育器材配备标准进一步细化。", "Pupils' fitness is in focus, and PE equipment standards are more detailed."},
		{"教室照明改造持续开展，护眼灯具需求上升。", "Classroom lighting upgrades continue, raising demand for eye-friendly lamps."},
		{"创客空间与人工智能课程进入更多中小学。", "Maker spaces and AI lessons reach more primary and secondary schools."},
		{"学校图书馆数字化管理系统加快普及。", "Digital library management systems are spreading in schools."},
		{"可调节课桌椅在新建学校中的采用比例提高。", "New schools increasingly choose height-adjustable desks and chairs."},
		{"校园食堂明厨亮灶工程带动后勤装备更新。", "Open-kitchen canteen projects are driving new catering equipment."},
		{"学前教育普惠发展，幼儿园玩教具配备更受重视。", "As preschool provision widens, kindergartens pay more attention to play equipment."},
		{"教育装备政府采购更加注重全生命周期成本。", "Public procurement of school equipment weighs whole-life cost more heavily."},
		{"特殊教育资源教室建设得到更多支持。", "Resource rooms for special education receive more support."},
		{"校园安全防范系统向智能预警方向发展。", "Campus security systems move towards early-warning analytics."},
	}
	for i := range 13 {
		month := time.Date(2025, 10, 28, 9, 0, 0, 0, shanghai).AddDate(0, i, 0)
		var zh, en strings.Builder
		zh.WriteString("本期要点：\n\n")
		en.WriteString("In this issue:\n\n")
		for k := range 3 {
			item := briefs[(i+k*5)%len(briefs)]
			fmt.Fprintf(&zh, "- %s\n", item.zh)
			fmt.Fprintf(&en, "- %s\n", item.en)
		}
		zh.WriteString("\n以上动态由展会组委会根据公开信息整理，供参展商和观众参考。")
		en.WriteString("\nCompiled by the organisers from public sources, for exhibitors and visitors.")
		out = append(out, sampleArticle{
			Category: "industry",
			Released: month.Format("2006-01-02 15:04"),
			Text: map[string]sampleNewsText{
				"zh": {Title: fmt.Sprintf("行业简讯（%d年%d月）：%s", month.Year(), int(month.Month()), topics[i%len(topics)].zh),
					Summary: briefs[i%len(briefs)].zh, Body: zh.String(), Source: "展会组委会"},
				"en": {Title: fmt.Sprintf("Industry brief, %s %d: %s", month.Month(), month.Year(), topics[i%len(topics)].en),
					Summary: briefs[i%len(briefs)].en, Body: en.String(), Source: "Organising Committee"},
			},
		})
	}
	return out
}

// lowerFirst lowers the first letter of an English sentence that follows
// another in the same line.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
