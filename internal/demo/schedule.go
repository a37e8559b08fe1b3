package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/expoportal/portal/internal/store"
)

type sampleEvent struct {
	Kind       string
	Start, End string // "2006-01-02 15:04", Shenyang time
	Text       map[string]store.EventText
}

func words(title, venue, description string) store.EventText {
	return store.EventText{Title: title, Venue: venue, Description: description}
}

// sampleSchedule is the expo's three days, with move-in before and
// move-out after; the hours match the site settings and the content pages.
var sampleSchedule = []sampleEvent{
	{"other", "2027-04-14 08:30", "2027-04-14 18:00", map[string]store.EventText{
		"zh": words("展商进场布展（第一天）", "一号馆、二号馆", "仅限参展商及搭建单位。请凭参展证件从展馆货运通道进场，特装展位须先完成安全审核。"),
		"en": words("Exhibitor move-in, day 1", "Halls 1 and 2", "Exhibitors and stand builders only. Enter through the goods entrance with your exhibitor badge; space-only stands need their safety approval first."),
	}},
	{"other", "2027-04-15 08:30", "2027-04-15 20:00", map[string]store.EventText{
		"zh": words("展商进场布展（第二天）", "一号馆、二号馆", "仅限参展商及搭建单位。20:00前完成布展并清理通道，展品须于当日全部到位。"),
		"en": words("Exhibitor move-in, day 2", "Halls 1 and 2", "Exhibitors and stand builders only. Stands must be finished and the aisles cleared by 20:00, with all exhibits in place."),
	}},
	{"hours", "2027-04-16 09:00", "2027-04-16 17:00", map[string]store.EventText{
		"zh": words("展览开放", "一号馆、二号馆", "专业观众与公众均可入场，预登记观众凭电子票快速换证。"),
		"en": words("Exhibition open", "Halls 1 and 2", "Open to trade visitors and the public. Pre-registered visitors collect their badges quickly with their e-ticket."),
	}},
	{"opening", "2027-04-16 09:00", "2027-04-16 09:40", map[string]store.EventText{
		"zh": words("开幕式", "一号馆序厅", "主办单位及嘉宾致辞，随后嘉宾巡馆。"),
		"en": words("Opening ceremony", "Hall 1, entrance hall", "Speeches from the organisers and guests, followed by a guided tour of the halls."),
	}},
	{"forum", "2027-04-16 10:30", "2027-04-16 12:00", map[string]store.EventText{
		"zh": words("教育数字化转型论坛", "二号馆第一会议室", "教育行政部门负责人、校长和企业代表交流智慧校园建设与数字化教学的实践经验。"),
		"en": words("Forum: the digital transformation of education", "Hall 2, Conference Room 1", "Education officials, head teachers and suppliers share what they have learnt from building smart campuses and teaching with digital tools."),
	}},
	{"forum", "2027-04-16 14:00", "2027-04-16 16:00", map[string]store.EventText{
		"zh": words("实验教学创新研讨会", "一号馆A会议室", "围绕中小学理化生实验室建设、数字化实验仪器与实验教学评价展开研讨。"),
		"en": words("Workshop: new approaches to laboratory teaching", "Hall 1, Meeting Room A", "School science laboratories, digital lab instruments and how to assess practical work in primary and secondary schools."),
	}},
	{"hours", "2027-04-17 09:00", "2027-04-17 17:00", map[string]store.EventText{
		"zh": words("展览开放", "一号馆、二号馆", "专业观众与公众均可入场。"),
		"en": words("Exhibition open", "Halls 1 and 2", "Open to trade visitors and the public."),
	}},
	{"forum", "2027-04-17 09:30", "2027-04-17 11:30", map[string]store.EventText{
		"zh": words("职业教育实训装备对接会", "二号馆第一会议室", "职业院校与装备企业面对面交流实训基地建设需求，现场开展采购对接。"),
		"en": words("Vocational training equipment: meet the suppliers", "Hall 2, Conference Room 1", "Vocational colleges and equipment makers discuss what training centres need, with time set aside for one-to-one buyer meetings."),
	}},
	{"forum", "2027-04-17 14:00", "2027-04-17 15:30", map[string]store.EventText{
		"zh": words("校园安全与智慧后勤论坛", "二号馆第二会议室", "交流校园安防、食品安全监管和智慧后勤管理的解决方案。"),
		"en": words("Forum: campus safety and smart school services", "Hall 2, Conference Room 2", "Security on campus, food-safety monitoring in school canteens and managing school services with digital tools."),
	}},
	{"forum", "2027-04-17 14:30", "2027-04-17 16:00", map[string]store.EventText{
		"zh": words("学前教育环境创设工作坊", "一号馆B会议室", "幼儿园园长和教师动手体验游戏化学习材料，探讨活动区与户外场地的设计。"),
		"en": words("Preschool workshop: designing places to learn through play", "Hall 1, Meeting Room B", "Kindergarten heads and teachers try out play-based learning materials and talk about planning activity corners and outdoor spaces."),
	}},
	{"hours", "2027-04-18 09:00", "2027-04-18 16:00", map[string]store.EventText{
		"zh": words("展览开放（最后一天）", "一号馆、二号馆", "最后一天提前至16:00闭馆。"),
		"en": words("Exhibition open, final day", "Halls 1 and 2", "The halls close early, at 16:00, on the final day."),
	}},
	{"forum", "2027-04-18 09:30", "2027-04-18 11:30", map[string]store.EventText{
		"zh": words("STEM与创客教育实践分享会", "一号馆A会议室", "一线教师分享机器人、编程与创客课程的教学案例，现场演示学生作品。"),
		"en": words("STEM and maker education in practice", "Hall 1, Meeting Room A", "Teachers present their robotics, coding and maker lessons, with live demonstrations of pupils' projects."),
	}},
	{"award", "2027-04-18 13:30", "2027-04-18 14:30", map[string]store.EventText{
		"zh": words("优秀展品评选颁奖典礼", "一号馆序厅", "公布本届优秀展品与创新产品评选结果并颁奖。"),
		"en": words("Outstanding Exhibits Awards ceremony", "Hall 1, entrance hall", "The winners of this year's outstanding exhibit and innovation awards are announced and presented."),
	}},
	{"other", "2027-04-18 16:00", "2027-04-18 22:00", map[string]store.EventText{
		"zh": words("展商撤展", "一号馆、二号馆", "16:00闭馆后开始撤展，请听从展馆工作人员安排，有序撤离。"),
		"en": words("Exhibitor move-out", "Halls 1 and 2", "Dismantling starts once the halls close at 16:00. Please follow the venue staff's instructions so that everyone leaves safely."),
	}},
}

// loadSchedule writes the sample schedule unless there is one already.
func loadSchedule(ctx context.Context, st *store.Store) error {
	shanghai := time.FixedZone("CST", 8*3600)
	var events []store.Event
	for _, s := range sampleSchedule {
		start, err := time.ParseInLocation("2006-01-02 15:04", s.Start, shanghai)
		if err != nil {
			return fmt.Errorf("event %q: %w", s.Text["en"].Title, err)
		}
		end, err := time.ParseInLocation("2006-01-02 15:04", s.End, shanghai)
		if err != nil {
			return fmt.Errorf("event %q: %w", s.Text["en"].Title, err)
		}
		events = append(events, store.Event{Kind: s.Kind, StartsAt: start, EndsAt: end, Texts: s.Text})
	}
	return st.InsertScheduleIfEmpty(ctx, events)
}
