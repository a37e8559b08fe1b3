package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/expoportal/portal/internal/store"
)

// sampleExhibitor is one fictional company: booth (its first character is
// the hall), categories (space-separated slugs), names and descriptions in
// Chinese and English, and a website on an example domain or none.
type sampleExhibitor struct {
	Booth, Categories, ZH, EN, ZHText, ENText, Website string
}

// loadExhibitors fills an empty directory; once staff have saved anything
// there, the demo leaves it alone.
func loadExhibitors(ctx context.Context, st *store.Store) error {
	var rows []store.ExhibitorInput
	for _, e := range sampleExhibitors {
		rows = append(rows, store.ExhibitorInput{
			Names:        map[string]string{"zh": e.ZH, "en": e.EN},
			Descriptions: map[string]string{"zh": e.ZHText, "en": e.ENText},
			Booth:        e.Booth, Hall: e.Booth[:1], Website: e.Website,
			Categories: strings.Fields(e.Categories),
		})
	}
	if err := st.InsertExhibitorsIfEmpty(ctx, rows); err != nil {
		return fmt.Errorf("exhibitors: %w", err)
	}
	return nil
}

// sampleExhibitors: 68 companies over both halls and every category; the
// names are made up.
var sampleExhibitors = []sampleExhibitor{
	{"1A01", "smart-classroom", "沈阳启航教学设备有限公司", "Shenyang Qihang Teaching Equipment Co., Ltd.", "专注交互式智能平板和录播系统，为中小学提供智慧教室整体方案。", "Makes interactive flat panels and lesson-recording systems, and plans complete smart classrooms for primary and secondary schools.", "https://www.qihang-edu.example.cn"},
	{"1A02", "smart-classroom", "北京博学云教育科技有限公司", "Beijing Boxue Cloud Education Technology Co., Ltd.", "提供校园数据平台与教学资源云服务，帮助学校统一管理教学数据。", "Offers a campus data platform and cloud teaching resources that help schools manage their teaching data in one place.", "https://www.boxue-cloud.example.cn"},
	{"1A03", "smart-classroom", "杭州明德软件有限公司", "Hangzhou Mingde Software Co., Ltd.", "开发备课、作业与学情分析软件，已在多个省市的学校使用。", "Develops lesson-planning, homework and learning-analytics software used by schools in several provinces.", ""},
	{"1A04", "smart-classroom library", "深圳视讯通显示技术有限公司", "Shenzhen Shixuntong Display Technology Co., Ltd.", "生产教室用护眼显示屏和电子班牌，支持远程统一发布通知。", "Produces eye-friendly classroom displays and digital class signs that can show notices sent from one central point.", "https://www.sxt-display.example.cn"},
	{"1A05", "smart-classroom", "上海智课信息技术有限公司", "Shanghai Zhike Information Technology Co., Ltd.", "提供常态化录播与听评课系统，方便教师开展教研活动。", "Supplies everyday lesson-recording and lesson-observation systems that make peer review among teachers easy.", ""},
	{"1A06", "smart-classroom vocational", "大连海思达网络工程有限公司", "Dalian Haisida Network Engineering Co., Ltd.", "承接校园网络、机房与数据中心建设，提供长期运维服务。", "Builds campus networks, computer rooms and data centres, and looks after them for the long term.", ""},
	{"1A07", "smart-classroom", "南京启明星教育科技有限公司", "Nanjing Qimingxing Education Technology Co., Ltd.", "研发面向农村学校的双师课堂系统，让优质课程远程共享。", "Develops dual-teacher classroom systems so that rural schools can share good lessons at a distance.", "https://www.qimingxing.example.cn"},
	{"1A08", "laboratory", "长春光华实验设备有限公司", "Changchun Guanghua Laboratory Equipment Co., Ltd.", "生产理化生实验台、通风柜和实验室配套设施。", "Manufactures physics, chemistry and biology lab benches, fume cupboards and laboratory fittings.", "https://www.guanghua-lab.example.cn"},
	{"1A09", "laboratory", "武汉精测教学仪器有限公司", "Wuhan Jingce Teaching Instruments Co., Ltd.", "生产中学物理、化学演示与分组实验仪器。", "Makes demonstration and group-work instruments for secondary-school physics and chemistry.", ""},
	{"1A10", "laboratory safety", "天津安信实验室工程有限公司", "Tianjin Anxin Laboratory Engineering Co., Ltd.", "设计和建设学校实验室，提供危化品柜与实验安全培训。", "Designs and builds school laboratories, and supplies hazardous-chemical cabinets and lab safety training.", ""},
	{"1A11", "laboratory", "青岛蓝海生物标本有限公司", "Qingdao Lanhai Biological Specimens Co., Ltd.", "制作海洋生物与动植物教学标本，品类齐全。", "Prepares marine, animal and plant specimens for biology teaching, in a wide range.", "https://www.lanhai-bio.example.cn"},
	{"1A12", "laboratory stem", "西安格物数字实验科技有限公司", "Xi'an Gewu Digital Lab Technology Co., Ltd.", "研发数字化传感器实验系统，让学生用数据探究科学。", "Develops digital sensor lab systems that let students explore science through data.", ""},
	{"1A13", "laboratory", "济南鲁科教学设备有限公司", "Jinan Luke Teaching Equipment Co., Ltd.", "提供小学科学实验箱及配套教材和教师培训。", "Supplies primary-school science kits with matching teaching materials and teacher training.", ""},
	{"1B01", "stem", "深圳创客星机器人有限公司", "Shenzhen Chuangkexing Robotics Co., Ltd.", "生产教育机器人与编程套件，并提供赛事培训课程。", "Makes educational robots and coding kits, and runs training courses for robotics competitions.", "https://www.ckx-robot.example.cn"},
	{"1B02", "stem", "北京未来芯科技有限公司", "Beijing Weilaixin Technology Co., Ltd.", "开发开源硬件与人工智能入门课程，适合中小学信息科技课。", "Develops open-source hardware and introductory AI courses for school information-technology lessons.", ""},
	{"1B03", "stem", "上海三维智造教育科技有限公司", "Shanghai Sanwei Zhizao Education Technology Co., Ltd.", "提供校园3D打印机、激光切割机和创客空间设计。", "Supplies 3D printers and laser cutters for schools, and designs maker spaces.", "https://www.sanwei-maker.example.cn"},
	{"1B04", "stem", "沈阳北斗星航模科技有限公司", "Shenyang Beidouxing Aeromodelling Technology Co., Ltd.", "生产航模、车模和无人机教学器材，承办青少年科技竞赛。", "Makes model aircraft, model cars and drones for teaching, and organises science contests for young people.", ""},
	{"1B05", "stem smart-classroom", "杭州天工编程教育有限公司", "Hangzhou Tiangong Coding Education Co., Ltd.", "提供图形化与代码编程在线平台和课程体系。", "Offers an online platform and a full curriculum for block-based and text-based programming.", ""},
	{"1B06", "stem", "成都蜀芯电子科技有限公司", "Chengdu Shuxin Electronics Co., Ltd.", "生产电子积木与物联网实验套件，配套项目式学习案例。", "Produces electronic building blocks and IoT kits with ready-made project-based learning units.", ""},
	{"1B07", "stem", "中科智慧教育科技有限公司", "Zhongke Zhihui Education Technology Co., Ltd.", "研发人工智能实验室整体方案，涵盖硬件、课程与师资培训。", "Develops complete AI lab solutions, covering hardware, courses and teacher training.", "https://www.zhongke-ai.example.cn"},
	{"1C01", "vocational", "沈阳重工实训设备有限公司", "Shenyang Zhonggong Training Equipment Co., Ltd.", "生产数控机床和智能制造实训生产线。", "Builds CNC machine tools and smart-manufacturing training lines.", "https://www.zhonggong-train.example.cn"},
	{"1C02", "vocational", "广州汽修通教学设备有限公司", "Guangzhou Qixiutong Teaching Equipment Co., Ltd.", "提供汽车发动机、底盘和新能源汽车维修实训台架。", "Supplies training rigs for engines, chassis and new-energy vehicle repair.", ""},
	{"1C03", "vocational", "重庆天工虚拟仿真科技有限公司", "Chongqing Tiangong Virtual Simulation Technology Co., Ltd.", "开发职业院校虚拟仿真实训软件与VR实训室。", "Develops virtual simulation training software and VR training rooms for vocational colleges.", ""},
	{"1C04", "vocational", "苏州电工电子实训设备厂", "Suzhou Electrical and Electronic Training Equipment Works", "生产电工、电子与自动化控制实训装置。", "Makes training units for electrical work, electronics and automation control.", ""},
	{"1C05", "vocational", "鞍山钢城焊接培训设备有限公司", "Anshan Gangcheng Welding Training Equipment Co., Ltd.", "提供焊接模拟器与安全焊接实训工位。", "Supplies welding simulators and safe welding training booths.", ""},
	{"1C06", "vocational smart-classroom", "合肥云匠数字技术有限公司", "Hefei Yunjiang Digital Technology Co., Ltd.", "建设产教融合实训基地，提供工业互联网教学平台。", "Builds industry-linked training centres and an industrial-internet teaching platform.", "https://www.yunjiang-edu.example.cn"},
	{"1D01", "library", "大连书香图书馆设备有限公司", "Dalian Shuxiang Library Equipment Co., Ltd.", "生产图书馆书架、阅览桌椅和自助借还设备。", "Makes library shelving, reading tables and chairs, and self-service lending machines.", ""},
	{"1D02", "library smart-classroom", "郑州智阅信息科技有限公司", "Zhengzhou Zhiyue Information Technology Co., Ltd.", "提供校园图书馆管理系统与电子阅读终端。", "Supplies school library management systems and e-reading terminals.", "https://www.zhiyue-lib.example.cn"},
	{"1D03", "library furniture", "福州榕城阅读空间设计有限公司", "Fuzhou Rongcheng Reading Space Design Co., Ltd.", "设计校园阅读角和班级图书角，营造舒适的阅读环境。", "Designs reading corners for schools and classrooms that make reading comfortable.", ""},
	{"1D04", "library", "哈尔滨北国图书装备有限公司", "Harbin Beiguo Library Equipment Co., Ltd.", "提供RFID图书管理设备与图书馆安全门禁。", "Supplies RFID book management equipment and library security gates.", ""},
	{"1D05", "library publishing", "长沙麓山数字阅读有限公司", "Changsha Lushan Digital Reading Co., Ltd.", "提供中小学数字图书馆和分级阅读资源。", "Provides digital libraries and graded reading resources for schools.", ""},
	{"1D06", "publishing", "辽宁启文教育出版有限公司", "Liaoning Qiwen Educational Publishing Co., Ltd.", "出版中小学教辅图书与教师参考用书。", "Publishes study guides for pupils and reference books for teachers.", "https://www.qiwen-pub.example.cn"},
	{"1D07", "publishing", "北京童心少儿图书有限公司", "Beijing Tongxin Children's Books Co., Ltd.", "出版绘本、少儿科普读物和校园课外阅读书目。", "Publishes picture books, popular science for children and school reading lists.", ""},
	{"1D08", "publishing", "上海学海数字出版有限公司", "Shanghai Xuehai Digital Publishing Co., Ltd.", "提供教材配套数字资源与在线题库。", "Provides digital resources to accompany textbooks and online question banks.", ""},
	{"1D09", "publishing", "南京墨香文化传播有限公司", "Nanjing Moxiang Culture Communication Co., Ltd.", "出版传统文化与书法教育读物。", "Publishes books on traditional culture and calligraphy education.", ""},
	{"1D10", "publishing", "厦门鹭岛文具有限公司", "Xiamen Ludao Stationery Co., Ltd.", "生产学生文具、作业本和美术用纸。", "Makes school stationery, exercise books and art paper.", ""},
	{"1D11", "publishing library", "沈阳盛京古籍文化有限公司", "Shenyang Shengjing Classics Culture Co., Ltd.", "整理出版地方历史文化读物，服务乡土课程。", "Edits and publishes books on local history and culture for local-studies lessons.", ""},
	{"2A01", "sports", "沈阳飞跃体育器材有限公司", "Shenyang Feiyue Sports Equipment Co., Ltd.", "生产篮球架、足球门和田径器材。", "Makes basketball stands, football goals and athletics equipment.", "https://www.feiyue-sport.example.cn"},
	{"2A02", "sports", "重庆天宇体育器材有限公司", "Chongqing Tianyu Sports Equipment Co., Ltd.", "提供体操、武术与中小学体育教学器材。", "Supplies gymnastics, martial-arts and school PE equipment.", ""},
	{"2A03", "sports", "北京健康体测科技有限公司", "Beijing Jiankang Fitness Testing Technology Co., Ltd.", "研发学生体质健康测试设备与数据管理平台。", "Develops fitness and health testing equipment for pupils and a platform for the results.", "https://www.tice-tech.example.cn"},
	{"2A04", "sports safety", "广州绿茵运动场地工程有限公司", "Guangzhou Lüyin Sports Ground Engineering Co., Ltd.", "建设塑胶跑道、人造草坪与多功能运动场地。", "Builds synthetic running tracks, artificial turf and multi-sport courts.", ""},
	{"2A05", "sports", "丹东鸭绿江冰雪运动器材有限公司", "Dandong Yalujiang Ice and Snow Sports Equipment Co., Ltd.", "生产校园冰雪运动器材与旱地冰球装备。", "Makes winter sports equipment for schools, including floorball and dry-land hockey kit.", ""},
	{"2A06", "sports", "宁波海跃乒乓球器材有限公司", "Ningbo Haiyue Table Tennis Equipment Co., Ltd.", "生产乒乓球台、球拍及校园乒乓球训练设备。", "Makes table-tennis tables, bats and training equipment for schools.", ""},
	{"2A07", "sports smart-classroom", "深圳智跑体育科技有限公司", "Shenzhen Zhipao Sports Technology Co., Ltd.", "提供智慧体育课堂系统，实时记录学生运动数据。", "Supplies smart PE systems that record pupils' activity data as they move.", ""},
	{"2B01", "arts", "大连海韵乐器有限公司", "Dalian Haiyun Musical Instruments Co., Ltd.", "生产钢琴、电钢琴与音乐教室成套设备。", "Makes pianos, digital pianos and complete music-room fittings.", "https://www.haiyun-music.example.cn"},
	{"2B02", "arts", "天津津韵民族乐器厂", "Tianjin Jinyun Chinese Instruments Works", "制作二胡、古筝、琵琶等民族乐器。", "Crafts Chinese instruments such as the erhu, guzheng and pipa.", ""},
	{"2B03", "arts", "杭州丹青美术用品有限公司", "Hangzhou Danqing Art Supplies Co., Ltd.", "提供画架、陶艺设备和中小学美术教室用品。", "Supplies easels, pottery equipment and fittings for school art rooms.", ""},
	{"2B04", "arts", "上海舞韵舞蹈教室设备有限公司", "Shanghai Wuyun Dance Studio Equipment Co., Ltd.", "建设舞蹈教室，提供把杆、镜面和专业地胶。", "Fits out dance studios with barres, mirrors and sprung dance flooring.", ""},
	{"2B05", "arts smart-classroom", "南京声动数字音乐科技有限公司", "Nanjing Shengdong Digital Music Technology Co., Ltd.", "提供数字音乐教室和音乐创作软件。", "Provides digital music classrooms and music-making software.", ""},
	{"2B06", "arts", "锦州辽西书画用品有限公司", "Jinzhou Liaoxi Calligraphy and Painting Supplies Co., Ltd.", "生产毛笔、宣纸和书法教室桌椅。", "Makes brushes, xuan paper and desks for calligraphy rooms.", ""},
	{"2C01", "preschool", "沈阳小橡树幼教用品有限公司", "Shenyang Little Oak Preschool Supplies Co., Ltd.", "生产幼儿园桌椅、床具和区角活动柜。", "Makes kindergarten tables, chairs, beds and activity-corner cabinets.", "https://www.little-oak.example.cn"},
	{"2C02", "preschool", "温州童乐游乐设备有限公司", "Wenzhou Tongle Play Equipment Co., Ltd.", "生产幼儿园户外大型组合滑梯和攀爬设施。", "Builds large outdoor slide and climbing sets for kindergartens.", ""},
	{"2C03", "preschool", "广州七巧板益智玩具有限公司", "Guangzhou Qiqiaoban Educational Toys Co., Ltd.", "开发木制益智玩具和幼儿数学启蒙教具。", "Develops wooden educational toys and early-maths teaching aids.", ""},
	{"2C04", "preschool arts", "北京彩虹桥幼儿教育科技有限公司", "Beijing Rainbow Bridge Early Education Technology Co., Ltd.", "提供幼儿园艺术、音乐游戏课程与教具。", "Supplies art and music-play courses and teaching aids for kindergartens.", ""},
	{"2C05", "preschool", "营口海滨幼教装备有限公司", "Yingkou Haibin Preschool Equipment Co., Ltd.", "提供幼儿园沙水区、种植角等户外游戏环境设计。", "Designs outdoor play areas for kindergartens, such as sand-and-water zones and planting corners.", ""},
	{"2C06", "preschool furniture", "东莞安康儿童家具有限公司", "Dongguan Ankang Children's Furniture Co., Ltd.", "生产圆角环保儿童家具，通过多项安全检测。", "Makes rounded, low-emission children's furniture that has passed a range of safety tests.", ""},
	{"2C15", "furniture", "佛山华美课桌椅有限公司", "Foshan Huamei School Desks and Chairs Co., Ltd.", "生产可升降课桌椅和多功能讲台。", "Makes height-adjustable desks and chairs and multi-purpose lecterns.", "https://www.huamei-desk.example.cn"},
	{"2D01", "furniture", "沈阳东方校具有限公司", "Shenyang Dongfang School Furniture Co., Ltd.", "生产学生宿舍床具、储物柜和食堂餐桌椅。", "Makes dormitory beds, lockers and canteen tables and chairs.", ""},
	{"2D02", "furniture", "苏州雅致办公家具有限公司", "Suzhou Yazhi Office Furniture Co., Ltd.", "提供教师办公室、会议室与图书馆家具。", "Furnishes staff rooms, meeting rooms and libraries.", ""},
	{"2D03", "furniture", "金华木艺教育家具厂", "Jinhua Muyi Educational Furniture Works", "生产实木课桌椅和劳动教育专用工作台。", "Makes solid-wood desks and chairs and workbenches for hands-on learning.", ""},
	{"2D04", "furniture safety", "抚顺北方钢木家具有限公司", "Fushun Beifang Steel and Wood Furniture Co., Ltd.", "生产钢木结构宿舍家具和防火储物柜。", "Makes steel-and-wood dormitory furniture and fire-resistant lockers.", ""},
	{"2E01", "safety", "沈阳卫安校园安防科技有限公司", "Shenyang Weian Campus Security Technology Co., Ltd.", "提供校园视频监控、一键报警和门禁系统。", "Supplies campus CCTV, one-touch alarms and access control.", "https://www.weian-safety.example.cn"},
	{"2E02", "safety", "北京消防先锋器材有限公司", "Beijing Xiaofang Xianfeng Fire Equipment Co., Ltd.", "提供校园消防器材和消防安全教育体验设备。", "Supplies fire equipment and fire-safety learning experiences for schools.", ""},
	{"2E03", "safety", "上海净源饮水设备有限公司", "Shanghai Jingyuan Drinking Water Equipment Co., Ltd.", "生产校园直饮水机和净水系统。", "Makes drinking-water dispensers and water purification systems for schools.", ""},
	{"2E04", "safety", "铁岭丰收食堂设备有限公司", "Tieling Fengshou Canteen Equipment Co., Ltd.", "提供学校食堂厨具、明厨亮灶与食品留样设备。", "Supplies canteen kitchens, open-kitchen monitoring and food-sample storage.", ""},
	{"2E05", "safety smart-classroom", "杭州慧眼物联科技有限公司", "Hangzhou Huiyan IoT Technology Co., Ltd.", "开发校园物联网安全管理平台，实时监测水电与消防。", "Develops an IoT platform that monitors campus power, water and fire safety in real time.", ""},
	{"2E06", "safety", "蚌埠淮河应急装备有限公司", "Bengbu Huaihe Emergency Equipment Co., Ltd.", "提供校园应急避险物资和防灾演练器材。", "Supplies emergency kits and disaster-drill equipment for schools.", ""},
	{"2E07", "safety", "阿里山校园后勤服务有限公司", "Alishan Campus Support Services Co., Ltd.", "提供校园保洁、绿化与宿舍管理等后勤服务。", "Provides campus cleaning, grounds care and dormitory management.", ""},
}
