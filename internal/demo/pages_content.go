package demo

// samplePages is the bilingual sample content of the demo site. Every page
// shares the same facts about the 2027 edition; an administrator is expected
// to replace the text once the site goes live.
var samplePages = []samplePage{
	{
		Path: "/about/overview",
		Sort: 1,
		Text: map[string]sampleText{
			"zh": {
				Title:   "展会概况",
				Summary: "第二十二届辽宁教育装备展示会将于2027年4月16日—18日在沈阳辽宁工业展览馆举办。",
				Body: `2027辽宁教育装备展示会（第二十二届）将于2027年4月16日—18日在沈阳辽宁工业展览馆举办。展会创办于2006年，每年举办一届，经过多年积累，已成为辽宁乃至东北地区教育装备企业展示新产品、学校和教育工作者了解行业动态的重要平台。

## 基本信息

- 展会名称：2027辽宁教育装备展示会
- 展会时间：2027年4月16日—18日
- 开放时间：4月16日、17日 09:00—17:00；4月18日 09:00—16:00
- 展会地点：辽宁工业展览馆一号馆、二号馆（辽宁省沈阳市和平区市府大路262甲）
- 展会规模：展览面积约3万平方米，标准展位约1200个

## 主办与承办

本届展会由辽宁省教育装备行业协会主办，沈阳中赢展览有限公司承办，并得到省内多个城市教育局的支持。

## 参观与参展

专业观众可通过[观众预登记](/zh/register)免费办理入场登记，欢迎各地学校组团参观。有意参展的企业请查阅[参展申请](/zh/exhibit/apply)页面，早报名可享受早鸟价格。`,
			},
			"en": {
				Title:   "Exhibition overview",
				Summary: "The 22nd Liaoning Educational Equipment Exhibition takes place on 16–18 April 2027 at the Liaoning Industrial Exhibition Hall, Shenyang.",
				Body: `The Liaoning Educational Equipment Exhibition 2027, the 22nd edition of the show, runs from 16 to 18 April 2027 at the Liaoning Industrial Exhibition Hall in Shenyang. First held in 2006 and staged every year since, it has become the meeting point for manufacturers, distributors, schools and education professionals from across Liaoning and the wider north-east of China.

## Key facts

- Name: Liaoning Educational Equipment Exhibition 2027
- Dates: 16–18 April 2027
- Opening hours: 09:00–17:00 on 16 and 17 April; 09:00–16:00 on 18 April
- Venue: Liaoning Industrial Exhibition Hall, Halls 1 and 2, 262A Shifu Avenue, Heping District, Shenyang, Liaoning
- Size: about 30,000 m² of exhibition space with about 1,200 standard booths

## Who runs the exhibition

The exhibition is organised by the Liaoning Educational Equipment Industry Association, with Shenyang Zhongying Exhibition Co., Ltd. as co-organiser. It is supported by the education bureaus of cities in Liaoning.

## Visiting and exhibiting

Trade visitors can register in advance, free of charge, through [visitor pre-registration](/en/register), and school groups are very welcome. Companies thinking of taking a booth will find everything they need on the [booth application page](/en/exhibit/apply); applying early secures the early-bird price.`,
			},
		},
	},
	{
		Path: "/about/scope",
		Sort: 2,
		Text: map[string]sampleText{
			"zh": {
				Title:   "展示范围",
				Summary: "展会设十一大展示类别，覆盖从智慧教室到校园后勤的各类教育装备。",
				Body: `本届展会围绕学校建设和教育教学的实际需要设置展示范围，涵盖基础教育、职业教育和学前教育等领域的主要装备、产品与服务。

## 展示类别

1. 智慧教室与教育信息化
2. 实验室与科学教学装备
3. STEM、机器人与创客教育
4. 职业教育实训装备
5. 体育运动与体育教学器材
6. 艺术与音乐教育
7. 学前教育装备与玩教具
8. 校园家具与宿舍用品
9. 校园安全与后勤保障
10. 图书馆与阅读
11. 图书与教育出版

## 面向观众

- 中小学、幼儿园、职业院校及高等院校的校长、管理人员和一线教师
- 各地教育行政部门及电教、装备管理机构的工作人员
- 经销商、系统集成商、设计与施工单位等行业专业人士

## 展区安排

展品按类别在一号馆、二号馆分区布置，方便观众集中了解和比较同类产品。企业如不确定产品应归入哪一类别，欢迎通过[联系我们](/zh/contact)页面与组委会沟通，我们将协助安排合适的展区位置。`,
			},
			"en": {
				Title:   "Display scope",
				Summary: "Eleven display categories cover the full range of school equipment, from smart classrooms to campus logistics.",
				Body: `The display scope is built around what schools actually buy and use. It spans basic, vocational and preschool education, and brings equipment, products and services for every part of school life under one roof.

## Display categories

1. Smart classroom and educational IT
2. Laboratory and science equipment
3. STEM, robotics and maker education
4. Vocational training equipment
5. Sports and physical-education equipment
6. Arts and music education
7. Preschool equipment and toys
8. School furniture and dormitory
9. Campus safety and logistics
10. Library and reading
11. Books and educational publishing

## Who visits

- Head teachers, school managers and classroom teachers from primary and secondary schools, kindergartens, vocational colleges and universities
- Staff of local education authorities and of the offices that manage school equipment and educational technology
- Distributors, system integrators, designers and contractors working in the education sector

## How the halls are laid out

Exhibits are grouped by category across Halls 1 and 2, so visitors can compare similar products side by side without criss-crossing the venue. If you are not sure which category your products belong to, please get in touch through the [contact page](/en/contact) and the organising team will help you find the right place on the floor plan.`,
			},
		},
	},
	{
		Path: "/about/hall",
		Sort: 3,
		Text: map[string]sampleText{
			"zh": {
				Title:   "展馆介绍",
				Summary: "展会在沈阳市中心的辽宁工业展览馆一号馆、二号馆举办，临近地铁，出行便利。",
				Body: `辽宁工业展览馆位于沈阳市和平区市府大路262甲，地处城市中心区域，是沈阳举办专业展会的主要场馆之一。本届展会使用一号馆和二号馆，展览面积约3万平方米，可设标准展位约1200个。

## 场馆位置

- 地址：辽宁省沈阳市和平区市府大路262甲
- 地铁：从地铁2号线市府广场站步行即可到达
- 其他到达方式请参阅[沈阳交通](/zh/services/traffic)

## 展馆设施

- 展馆入口处设有观众登记区，预登记观众可快速换证入场
- 馆内设有组委会服务台，提供咨询、失物招领等服务
- 馆内设有餐饮区，展期内供应简餐和饮品
- 展馆设有货运通道，方便布展、撤展期间展品运输

## 布展与撤展

参展企业进场布展时间为2027年4月14日—15日，撤展时间为4月18日16:00闭馆之后。布展和撤展期间请遵守展馆安全管理规定，具体时间安排以组委会发布的[展会日程](/zh/exhibit/schedule)为准。`,
			},
			"en": {
				Title:   "Exhibition hall",
				Summary: "The exhibition fills Halls 1 and 2 of the Liaoning Industrial Exhibition Hall in central Shenyang, a short walk from the metro.",
				Body: `The Liaoning Industrial Exhibition Hall stands at 262A Shifu Avenue in Heping District, right in the centre of Shenyang, and is one of the city's main venues for trade shows. This year's exhibition occupies Halls 1 and 2, giving about 30,000 m² of exhibition space and room for about 1,200 standard booths.

## Location

- Address: 262A Shifu Avenue, Heping District, Shenyang, Liaoning
- Metro: a short walk from Shifu Square station on Metro Line 2
- For other ways to reach the venue, see [Getting to Shenyang](/en/services/traffic)

## Facilities

- A visitor registration area at the entrance, where pre-registered visitors can collect their badges quickly
- An organiser's service desk inside the halls for enquiries and lost property
- A food court serving light meals and drinks throughout the show
- Goods access for vehicles delivering and collecting exhibits

## Move-in and move-out

Exhibitors move in on 14 and 15 April 2027. Move-out begins once the halls close at 16:00 on 18 April. Please follow the venue's safety rules while building and dismantling stands; detailed timings are published in the [exhibition schedule](/en/exhibit/schedule).

The halls are open to visitors from 09:00 to 17:00 on 16 and 17 April, and from 09:00 to 16:00 on the final day, 18 April.`,
			},
		},
	},
	{
		Path: "/about/review",
		Sort: 4,
		Text: map[string]sampleText{
			"zh": {
				Title:   "往届回顾",
				Summary: "第二十一届展会于2026年4月举办，约560家企业参展，专业观众约36000名。",
				Body: `2026辽宁教育装备展示会（第二十一届）于2026年4月17日—19日在辽宁工业展览馆举办。三天展期内，各展区人气旺盛，学校管理人员、一线教师和经销商与参展企业深入交流，不少合作在现场达成了意向。

## 上届数据

- 参展企业：约560家
- 专业观众：约36000名
- 论坛与研讨活动：20场

## 现场回顾

智慧教室、实验室装备以及STEM和创客教育展区是观众最为集中的区域，互动演示和动手体验吸引了大批教师驻足。职业教育实训装备展区迎来多所职业院校组团参观，体育器材和学前教育展区的现场体验同样受到欢迎。

展期内举办的论坛与研讨活动围绕教育数字化、实验教学和校园安全等话题展开，为学校和企业提供了面对面交流的机会。

## 展望2027

第二十二届展会将于2027年4月16日—18日在同一场馆举办。欢迎新老展商通过[参展申请](/zh/exhibit/apply)页面报名，也欢迎专业观众提前完成[观众预登记](/zh/register)。`,
			},
			"en": {
				Title:   "Past review",
				Summary: "The 21st edition in April 2026 welcomed about 560 exhibitors and 36,000 professional visitors to Shenyang.",
				Body: `The 21st Liaoning Educational Equipment Exhibition was held from 17 to 19 April 2026 at the Liaoning Industrial Exhibition Hall. Over three busy days, school managers, teachers and distributors met exhibitors on the show floor, and many conversations turned into plans for cooperation before the halls closed.

## The 2026 edition in numbers

- About 560 exhibitors
- About 36,000 professional visitors
- 20 forums and workshops

## What stood out

The smart classroom, laboratory and STEM areas drew the largest crowds, with live demonstrations and hands-on activities keeping teachers at the booths for longer than a quick look. Vocational colleges arrived in groups to see training equipment at work, while the sports and preschool areas were popular for letting visitors try products for themselves.

The forums and workshops looked at digital learning, practical science teaching and campus safety, and gave schools and suppliers a chance to talk through real problems face to face rather than over the phone.

## Looking ahead to 2027

The 22nd edition returns to the same venue from 16 to 18 April 2027. Returning and new exhibitors can apply through the [booth application page](/en/exhibit/apply), and visitors can save time on the day by completing [visitor pre-registration](/en/register) in advance.`,
			},
		},
	},
	{
		Path: "/about/highlights",
		Sort: 5,
		Text: map[string]sampleText{
			"zh": {
				Title:   "展会亮点",
				Summary: "新品集中亮相、专题论坛、现场体验与采购对接，三天内高效连接学校与企业。",
				Body: `作为一年一度的行业盛会，本届展会在展示、交流和对接三个方面精心安排，力求让参展企业和观众都有实实在在的收获。

## 新品集中亮相

展会是许多企业发布年度新产品的首选平台。从交互式教学设备到实验仪器、从教育机器人到校园家具，观众可以在一号馆、二号馆集中了解行业最新成果。

## 专题论坛与教学研讨

展期内将举办多场专题论坛和教学研讨活动，邀请教育管理者、一线教师和行业专家围绕教育数字化、实验教学、职业教育和校园安全等话题分享经验。活动安排请关注[展会日程](/zh/exhibit/schedule)。

## 动手体验

机器人编程、创客制作、体育器材和学前教玩具等展区设置体验环节，教师可以亲自上手，直观判断产品是否适合本校教学。

## 学校组团参观

欢迎各地学校组团前来。观众通过[观众预登记](/zh/register)可免费办理登记，现场快速入场。

## 采购对接

组委会将根据学校和企业的需求协助安排洽谈，帮助供需双方高效对接。`,
			},
			"en": {
				Title:   "Expo highlights",
				Summary: "Product launches, forums, hands-on demonstrations and buyer meetings bring schools and suppliers together over three days.",
				Body: `The exhibition is planned around three things that matter to everyone who comes: seeing what is new, learning from colleagues and meeting the right people.

## New products in one place

Many companies choose the exhibition to launch their products for the year. From interactive teaching displays and laboratory instruments to educational robots and classroom furniture, Halls 1 and 2 give visitors a compact overview of where the sector is heading.

## Forums and teaching workshops

A programme of forums and workshops runs alongside the exhibition. Education managers, teachers and industry specialists share their experience of digital learning, practical science teaching, vocational training and campus safety. Sessions and times are listed in the [exhibition schedule](/en/exhibit/schedule).

## Try it yourself

The robotics, maker, sports and preschool areas all include hands-on zones, so teachers can try equipment for themselves and judge whether it would work in their own classrooms.

## School groups welcome

Schools are warmly invited to visit in groups. Registration is free through [visitor pre-registration](/en/register), and registered visitors get into the halls faster on the day.

## Meetings with buyers

On request, the organising team arranges meetings between schools and suppliers, so both sides can use their time at the show efficiently.`,
			},
		},
	},
	{
		Path: "/about/organization",
		Sort: 6,
		Text: map[string]sampleText{
			"zh": {
				Title:   "组织机构",
				Summary: "展会由辽宁省教育装备行业协会主办，沈阳中赢展览有限公司承办。",
				Body: `2027辽宁教育装备展示会由行业协会主办、专业展览公司承办，并得到省内多个城市教育局的支持。

## 主办单位

**辽宁省教育装备行业协会**

协会由省内从事教育装备研发、生产、经营和服务的企业及相关单位组成，致力于推动行业规范发展，促进企业与学校之间的沟通与合作。自2006年首届展会起，协会每年主办本展会。

## 承办单位

**沈阳中赢展览有限公司**

负责展会的招展、观众组织、现场运营以及酒店、交通等配套服务，为参展企业和观众提供一站式支持。

## 支持单位

辽宁省内多个城市的教育局。

## 组委会办公室

- 服务热线：400-885-6191
- 传真：024-2281-6190
- 电子邮箱：expo@lnjyzb.example.cn
- 办公时间：周一至周五 08:30—17:00

组委会办公室负责展会日常联络和协调工作，如有合作、参展或参观方面的问题，请通过[联系我们](/zh/contact)页面与组委会联系。`,
			},
			"en": {
				Title:   "Organisation",
				Summary: "Organised by the Liaoning Educational Equipment Industry Association, with Shenyang Zhongying Exhibition Co., Ltd. as co-organiser.",
				Body: `The Liaoning Educational Equipment Exhibition 2027 is organised by an industry association, run with a professional exhibition company as co-organiser, and supported by the education bureaus of cities in Liaoning.

## Organiser

**Liaoning Educational Equipment Industry Association**

The association brings together companies and institutions in Liaoning that develop, make, sell and service equipment for schools. It works to raise standards across the sector and to improve communication between suppliers and schools. It has organised the exhibition every year since the first edition in 2006.

## Co-organiser

**Shenyang Zhongying Exhibition Co., Ltd.**

The co-organiser handles exhibitor sales, visitor promotion and on-site operations, as well as supporting services such as hotel bookings and travel advice, so that exhibitors and visitors have a single point of contact.

## Support

The exhibition is supported by the education bureaus of cities in Liaoning.

## Organising committee office

- Phone from abroad: +86 24 2281 6191
- Hotline (within China): 400-885-6191
- Fax: 024-2281-6190
- E-mail: expo@lnjyzb.example.cn
- Office hours: Monday to Friday, 08:30–17:00

For questions about partnerships, exhibiting or visiting, please use the details on the [contact page](/en/contact).`,
			},
		},
	},
	{
		Path: "/exhibit/why",
		Sort: 2,
		Text: map[string]sampleText{
			"zh": {
				Title:   "为何参展",
				Summary: "面向辽宁及东北地区学校的专业平台，帮助企业直接对接采购决策者。",
				Body: `辽宁教育装备展示会自2006年创办以来每年举办，始终聚焦学校的真实需求。对于希望开拓辽宁及东北市场的企业来说，这里是与客户面对面交流的理想场所。

## 精准的专业观众

上届展会吸引专业观众约36000名，其中既有学校管理人员和一线教师，也有教育部门工作人员和经销商。他们带着明确的采购和选型需求而来，洽谈效率更高。

## 集中展示品牌实力

约560家企业参加了上届展会。在同类产品集中展示的环境中，企业可以直观地展现产品优势，同时了解同行动态和市场趋势。

## 丰富的交流机会

上届展期共举办论坛与研讨活动20场。参展企业可借助这些活动与教育管理者和教师深入交流，了解学校在教学中遇到的实际问题。

## 周到的参展服务

组委会提供展位咨询、搭建协调、展商酒店协议价格预订和交通指引等服务，让企业专注于展示与洽谈。

## 现在报名

2027年2月28日前报名可享受早鸟价格，报名最终截止日期为2027年3月20日。价格详情请见[参展费用](/zh/exhibit/charges)，报名请前往[参展申请](/zh/exhibit/apply)。`,
			},
			"en": {
				Title:   "Why exhibit",
				Summary: "Meet the people who choose and buy equipment for schools across Liaoning and north-east China, face to face.",
				Body: `Held every year since 2006, the Liaoning Educational Equipment Exhibition has always been shaped by what schools actually need. For companies looking to grow in Liaoning and the wider north-east of China, it is the most direct way to meet customers in person.

## The right visitors

The 2026 edition welcomed about 36,000 professional visitors: school managers and teachers, education officials and distributors. Most come with a specific purchase or project in mind, which makes conversations on the booth more productive.

## A showcase among your peers

About 560 companies exhibited last year. With products grouped by category, you can show what sets yours apart and, at the same time, keep an eye on competitors and new trends.

## Time with educators

Last year's programme included 20 forums and workshops. They are a good opportunity to talk to education managers and teachers at length and to hear about the problems they face in the classroom.

## Practical support

The organising team helps with booth choice, stand-building arrangements, hotel bookings at negotiated rates for exhibitors and travel advice, leaving you free to concentrate on your visitors.

## Apply now

Applications received by 28 February 2027 qualify for early-bird pricing, and the final deadline is 20 March 2027. Prices are set out on the [exhibitor charges page](/en/exhibit/charges), and you can apply through the [booth application page](/en/exhibit/apply).`,
			},
		},
	},
	{
		Path: "/exhibit/process",
		Sort: 3,
		Text: map[string]sampleText{
			"zh": {
				Title:   "参展流程",
				Summary: "从咨询报名到撤展离场，按以下步骤和时间节点即可顺利完成参展。",
				Body: `为方便企业做好参展准备，组委会将参展流程整理如下，请留意各环节的时间节点。

## 参展步骤

1. **咨询与选位**：联系组委会了解展区分布和展位情况，价格标准请查阅[参展费用](/zh/exhibit/charges)。
2. **提交申请**：通过[参展申请](/zh/exhibit/apply)在线填写企业信息和展位需求。2027年2月28日前报名可享受早鸟价格，报名最终截止日期为2027年3月20日。
3. **确认展位**：组委会审核申请后与企业确认展位，企业按约定支付费用后，展位正式锁定。展位按先申请、先确认的原则安排。
4. **参展筹备**：按组委会要求提交会刊资料和楣板信息；特装展位须提前报送搭建方案，审核通过后方可进场施工。
5. **进场布展**：2027年4月14日—15日，凭参展证件进场布展。
6. **展期参展**：2027年4月16日—18日。4月16日、17日开放时间为09:00—17:00，4月18日为09:00—16:00。
7. **撤展离场**：4月18日16:00闭馆后开始撤展，请按展馆要求有序撤离。

## 温馨提示

各环节的详细时间安排以[展会日程](/zh/exhibit/schedule)为准。如有疑问，请致电服务热线400-885-6191。`,
			},
			"en": {
				Title:   "Exhibiting process",
				Summary: "From first enquiry to move-out, follow these steps and dates to prepare your participation.",
				Body: `To help you plan, here is the exhibiting process step by step, with the dates that matter.

## Steps to exhibiting

1. **Enquire and choose a booth**: contact the organising team to discuss the floor plan and available booths. Prices are listed on the [exhibitor charges page](/en/exhibit/charges).
2. **Apply**: complete the online form on the [booth application page](/en/exhibit/apply) with your company details and booth requirements. Apply by 28 February 2027 for early-bird pricing; the final deadline is 20 March 2027.
3. **Confirm your booth**: the organiser reviews your application and confirms your booth. Once payment has been made as agreed, the booth is secured. Booths are allocated in order of application.
4. **Prepare**: send the details for the exhibitor catalogue and your fascia name when requested. Exhibitors with space-only stands must submit their stand design for approval before building work can begin.
5. **Move in**: 14–15 April 2027. Bring your exhibitor badges to enter the halls.
6. **Exhibit**: 16–18 April 2027. The halls are open 09:00–17:00 on 16 and 17 April and 09:00–16:00 on 18 April.
7. **Move out**: dismantling starts after the halls close at 16:00 on 18 April. Please follow the venue's instructions so that everyone can leave safely.

## Good to know

Detailed timings for each stage are published in the [exhibition schedule](/en/exhibit/schedule). If anything is unclear, call +86 24 2281 6191 (or the hotline 400-885-6191 from within China).`,
			},
		},
	},
	{
		Path: "/exhibit/exhibits",
		Sort: 4,
		Text: map[string]sampleText{
			"zh": {
				Title:   "展品范围",
				Summary: "十一大类展品覆盖教学、实验、实训、体育、艺术、后勤与出版等各个方面。",
				Body: `本届展会展品分为以下十一大类，欢迎相关企业报名参展。

## 展品类别

- **智慧教室与教育信息化**：交互式智能平板、录播系统、校园网络与数据平台、教学软件
- **实验室与科学教学装备**：理化生实验室设备、实验仪器与耗材、通风与实验安全设施
- **STEM、机器人与创客教育**：教育机器人、编程套件、3D打印设备、开源硬件及配套课程
- **职业教育实训装备**：智能制造、汽车维修、电工电子等专业实训设备及虚拟仿真系统
- **体育运动与体育教学器材**：体育器材、运动场地设施、体质健康测试设备
- **艺术与音乐教育**：乐器、美术器材、音乐和舞蹈教室设备
- **学前教育装备与玩教具**：幼儿园家具、户外大型玩具、益智类教玩具
- **校园家具与宿舍用品**：课桌椅、讲台、宿舍床具与储物柜
- **校园安全与后勤保障**：安防监控、消防器材、食堂与饮水设备
- **图书馆与阅读**：图书馆家具、自助借还设备、阅读空间设计
- **图书与教育出版**：教辅图书、少儿读物、数字出版资源

已确认参展的企业及其展位可在[展商名录](/zh/exhibitors/)中按类别和展馆查询。

## 报名说明

以上列举仅为常见展品，与教育教学相关的其他产品和服务也欢迎参展。展位价格请见[参展费用](/zh/exhibit/charges)，报名请前往[参展申请](/zh/exhibit/apply)。`,
			},
			"en": {
				Title:   "Exhibits",
				Summary: "Eleven exhibit categories cover teaching, science, training, sport, the arts, campus services and publishing.",
				Body: `Exhibits at the 2027 exhibition fall into the eleven categories below. Companies whose products fit any of them are welcome to apply.

## Exhibit categories

- **Smart classroom and educational IT**: interactive flat panels, lesson-recording systems, campus networks and data platforms, teaching software
- **Laboratory and science equipment**: physics, chemistry and biology lab fittings, instruments and consumables, fume extraction and lab safety equipment
- **STEM, robotics and maker education**: educational robots, coding kits, 3D printers, open-source hardware and the courses that go with them
- **Vocational training equipment**: training rigs for smart manufacturing, motor-vehicle repair and electrical and electronic engineering, plus virtual simulation systems
- **Sports and physical-education equipment**: PE apparatus, sports ground facilities, fitness and health testing equipment
- **Arts and music education**: musical instruments, art supplies, fittings for music and dance rooms
- **Preschool equipment and toys**: kindergarten furniture, large outdoor play equipment, educational toys
- **School furniture and dormitory**: desks and chairs, lecterns, dormitory beds and lockers
- **Campus safety and logistics**: security and CCTV systems, fire-fighting equipment, canteen and drinking-water equipment
- **Library and reading**: library furniture, self-service issue and return machines, reading-space design
- **Books and educational publishing**: study guides, children's books, digital publishing resources

Companies already confirmed, with their booths, are listed in the [exhibitor directory](/en/exhibitors/), where you can browse by category and hall.

## Applying

These examples are not exhaustive; other products and services for education are also welcome. Booth prices are on the [exhibitor charges page](/en/exhibit/charges), and applications are made through the [booth application page](/en/exhibit/apply).`,
			},
		},
	},
	{
		Path: "/services/traffic",
		Sort: 1,
		Text: map[string]sampleText{
			"zh": {
				Title:   "沈阳交通",
				Summary: "沈阳航空、铁路和地铁交通便捷，展馆距地铁2号线市府广场站仅几步之遥。",
				Body: `沈阳是东北地区重要的交通枢纽，航空、铁路和城市轨道交通都十分便利。以下信息供参展商和观众参考。

## 航空

沈阳桃仙国际机场开通了国内主要城市及部分国际航线。从机场乘出租车到展馆约需40分钟，具体时间视路况而定。

## 铁路

沈阳北站和沈阳站均有大量高铁和动车停靠，从北京乘高铁到沈阳约需2.5至3小时。抵达后可乘地铁或出租车前往展馆。

## 地铁

沈阳地铁1号线、2号线覆盖市区主要区域。展馆距地铁2号线市府广场站仅需步行几分钟，乘坐1号线的观众可换乘2号线到达。

## 市内出行

- 出租车和网约车在市区随处可约，展期开闭馆时段车流较大，请预留出行时间
- 展馆周边停车位有限，建议尽量选择公共交通
- 学校组团参观如需安排车辆，请提前规划停车和上下车地点

## 更多帮助

如需交通方面的帮助，请通过[联系我们](/zh/contact)页面与组委会联系。`,
			},
			"en": {
				Title:   "Getting to Shenyang",
				Summary: "Shenyang is easy to reach by air, high-speed rail and metro, and the hall is a short walk from Shifu Square station.",
				Body: `Shenyang is the main transport hub of north-east China, and getting to the exhibition is straightforward whether you arrive by air or by rail.

## By air

Shenyang Taoxian International Airport has flights to and from major cities across China, as well as a number of international routes. A taxi from the airport to the exhibition hall takes about 40 minutes, depending on traffic.

## By rail

Shenyang North Railway Station and Shenyang Railway Station are both served by frequent high-speed trains. The journey from Beijing takes about two and a half to three hours. From either station you can continue to the hall by metro or taxi.

## By metro

Metro Lines 1 and 2 cover the main parts of the city. The exhibition hall is a short walk from Shifu Square station on Line 2; if you are travelling on Line 1, simply change to Line 2.

## Getting around the city

- Taxis and ride-hailing services are easy to find, but roads near the hall are busy at opening and closing times, so allow a little extra time
- Parking near the venue is limited, so public transport is the better choice where possible
- School groups travelling by coach should plan drop-off and pick-up points in advance

## Need help?

For help with travel arrangements, please get in touch with the organising team through the [contact page](/en/contact).`,
			},
		},
	},
	{
		Path: "/services/hotels",
		Sort: 2,
		Text: map[string]sampleText{
			"zh": {
				Title:   "酒店预订",
				Summary: "组委会为参展商提供展会周边酒店协议价格，请通过组委会酒店服务预订。",
				Body: `展会期间正值沈阳春季会展旺季，展馆周边酒店较为紧张，建议参展商和观众尽早安排住宿。

## 周边酒店类型

- **商务酒店**：展馆周边及市府广场一带有多家商务酒店，步行或短途乘车即可到达展馆，适合参展企业工作人员入住。
- **高星级酒店**：市中心有多家高星级酒店，会议和餐饮设施齐全，适合接待重要客户。
- **经济型酒店**：沿地铁线分布着不少经济型连锁酒店，价格实惠，适合预算有限的观众和学校团组。
- **服务式公寓**：适合布展和展期需要连续多日入住的团队。

## 组委会酒店服务

组委会与展馆周边部分酒店签订了展商协议价格。参展商请通过组委会酒店服务预订，以享受协议价格并获得入住保障。

预订时请提供入住人姓名、入住和离店日期、房型及数量。布展期为2027年4月14日—15日，如需提前入住请一并说明。

## 预订方式

- 服务热线：400-885-6191
- 电子邮箱：expo@lnjyzb.example.cn

选择酒店时，建议优先考虑地铁2号线沿线，方便往返展馆。交通信息请参阅[沈阳交通](/zh/services/traffic)。`,
			},
			"en": {
				Title:   "Hotels",
				Summary: "Negotiated rates for exhibitors at hotels near the venue; book through the organiser's hotel service.",
				Body: `The exhibition falls in Shenyang's busy spring event season, and rooms close to the venue are in demand. We recommend that exhibitors and visitors book their accommodation early.

## Where to stay

- **Business hotels**: there are several around the exhibition hall and Shifu Square, within walking distance or a short ride of the venue, well suited to exhibitor teams.
- **Upmarket hotels**: the city centre has a good choice of higher-end hotels with meeting rooms and restaurants, convenient for entertaining key customers.
- **Budget hotels**: chain hotels along the metro lines offer good value for visitors and school groups on a tighter budget.
- **Serviced apartments**: a practical option for teams staying for the whole period from move-in to move-out.

## The organiser's hotel service

The organiser has agreed negotiated rates for exhibitors with a number of hotels near the venue. To benefit from these rates and secure a room, please book through the organiser's hotel service rather than directly.

When booking, tell us the guests' names, arrival and departure dates, and the type and number of rooms. Move-in takes place on 14 and 15 April 2027, so let us know if you need to arrive early.

## How to book

- Phone from abroad: +86 24 2281 6191
- Hotline (within China): 400-885-6191
- E-mail: expo@lnjyzb.example.cn

A hotel near Metro Line 2 makes the daily journey to the hall easy. For more on local transport, see [Getting to Shenyang](/en/services/traffic).`,
			},
		},
	},
	{
		Path: "/services/travel",
		Sort: 3,
		Text: map[string]sampleText{
			"zh": {
				Title:   "旅游服务",
				Summary: "参展之余，可游览沈阳故宫、昭陵、张氏帅府和中街，感受沈阳的历史与烟火气。",
				Body: `沈阳是一座有着深厚历史底蕴的城市，清朝在这里起步，近代史上的许多重要事件也与这座城市相关。参展之余，不妨抽出半天时间走走看看。

## 推荐景点

- **沈阳故宫**：清朝入关前的皇宫，建筑风格融合满、汉、蒙等民族特色，已列入世界文化遗产名录，建议预留半天参观。
- **北陵公园（昭陵）**：清太宗皇太极的陵寝，同为世界文化遗产。公园面积大、绿树成荫，适合散步，乘地铁2号线即可到达。
- **张氏帅府**：张作霖、张学良父子的官邸和私宅，中西合璧的建筑群记录了沈阳的近代历史。
- **中街**：沈阳历史悠久的商业步行街，汇集老字号店铺、特色小吃和购物场所，晚间尤其热闹。

沈阳故宫、张氏帅府和中街相距不远，可安排在同一天游览。

## 组委会旅游服务

组委会可为参展商和观众提供游览线路建议，并协助安排团组参观。如有需要，请致电服务热线400-885-6191，或通过[联系我们](/zh/contact)页面咨询。

各景点开放时间可能调整，出行前请以景区公布的信息为准。`,
			},
			"en": {
				Title:   "Travel services",
				Summary: "Between show days, explore the Imperial Palace, Zhaoling Tomb, Zhang's Mansion and Middle Street.",
				Body: `Shenyang has a long and eventful history: the Qing dynasty began here, and the city played a part in many of the events that shaped modern China. If you can spare half a day around the exhibition, it is well worth exploring.

## Places to visit

- **Shenyang Imperial Palace**: the palace of the early Qing emperors before they moved to Beijing. Its buildings blend Manchu, Han and Mongol styles, and it is a UNESCO World Heritage Site. Allow half a day.
- **Zhaoling Tomb (Beiling Park)**: the tomb of Hong Taiji, the second Qing emperor, and also a World Heritage Site. The large, leafy park around it is lovely for a walk and is easy to reach on Metro Line 2.
- **Zhang's Mansion**: the official residence and family home of the warlord Zhang Zuolin and his son Zhang Xueliang. Its mix of Chinese and Western buildings tells the story of the city in the early twentieth century.
- **Middle Street**: one of Shenyang's oldest shopping streets, now pedestrianised, with long-established shops, street snacks and plenty of life in the evening.

The Imperial Palace, Zhang's Mansion and Middle Street are close to one another and can easily be combined in a single day.

## The organiser's travel service

The organising team can suggest routes for exhibitors and visitors and help arrange group visits. Call +86 24 2281 6191 (or the hotline 400-885-6191 from within China) or get in touch through the [contact page](/en/contact).

Opening times at the sights may change, so please check before you set out.`,
			},
		},
	},
	{
		Path: "/services/dining",
		Sort: 4,
		Text: map[string]sampleText{
			"zh": {
				Title:   "周边餐饮",
				Summary: "展馆内设餐饮区，周边辽宁风味、特色小吃和清真餐饮选择丰富。",
				Body: `展期工作节奏紧张，吃得方便、吃得踏实很重要。展馆内外都有不少选择。

## 展馆内用餐

展馆内设有餐饮区，展期内供应简餐、快餐和饮品，方便参展商和观众就近用餐。午间用餐高峰人多，建议错峰前往。

## 辽宁风味

来到沈阳，不妨尝尝地道的辽宁风味：

- **老边饺子**：沈阳传统名吃，以煸馅工艺著称，馅料鲜香，皮薄有劲
- **鸡架**：沈阳街头的招牌小吃，熏、烤、炒各有风味，是本地人的日常美食
- **烤串**：东北烧烤分量足、口味重，收展后约上同事吃顿烤串，是沈阳夜晚的标准打开方式
- 酸菜白肉、小鸡炖蘑菇等东北家常菜，也适合团队聚餐

## 清真餐饮

沈阳有不少清真餐馆，展馆周边及市内各区均可找到。需要清真餐的团组可提前联系组委会，我们将协助推荐合适的用餐地点。

## 商务宴请

如需安排客户宴请或团队聚餐，可致电服务热线400-885-6191，组委会可根据人数和预算提供建议。`,
			},
			"en": {
				Title:   "Dining nearby",
				Summary: "A food court at the hall, local Liaoning dishes nearby and halal options around the city.",
				Body: `Show days are long, so it helps to know where to find a good meal. There is plenty of choice both inside the hall and in the streets around it.

## Eating at the hall

The exhibition hall has a food court serving light meals, fast food and drinks throughout the show, so you never have to go far. It gets busy at lunchtime, so eating a little earlier or later saves queueing.

## Local flavours

Shenyang is a great place to try Liaoning cooking:

- **Laobian dumplings**: a Shenyang speciality for generations, known for a filling that is stir-fried before wrapping, giving a rich, savoury flavour
- **Chicken racks (jijia)**: the city's favourite street snack, smoked, grilled or stir-fried, and eaten by locals almost every day
- **Grilled skewers (kaochuan)**: north-eastern barbecue comes in generous portions with bold seasoning, and a round of skewers with colleagues is the classic end to a Shenyang evening
- Hearty home-style dishes such as pickled cabbage with pork, or chicken stewed with mushrooms, which work well for team dinners

## Halal food

Shenyang has a good number of halal restaurants, both near the venue and across the city. Groups who need halal meals are welcome to contact the organising team in advance for suggestions.

## Business dinners

If you are planning a dinner for customers or a team meal, call +86 24 2281 6191 (or the hotline 400-885-6191 from within China) and the organising team will suggest options to suit your numbers and budget.`,
			},
		},
	},
	{
		Path: "/contact",
		Sort: 1,
		Text: map[string]sampleText{
			"zh": {
				Title:   "联系我们",
				Summary: "参展、参观、酒店及交通等事宜，欢迎通过电话、传真或电子邮件联系组委会。",
				Body: `如对参展、参观或配套服务有任何疑问，欢迎与2027辽宁教育装备展示会组委会联系，我们将尽快答复。

## 组委会联系方式

- 服务热线：400-885-6191
- 传真：024-2281-6190
- 电子邮箱：expo@lnjyzb.example.cn
- 办公时间：周一至周五 08:30—17:00

## 展会地址

- 场馆：辽宁工业展览馆一号馆、二号馆
- 地址：辽宁省沈阳市和平区市府大路262甲
- 交通：从地铁2号线市府广场站步行即可到达

## 主办与承办

- 主办单位：辽宁省教育装备行业协会
- 承办单位：沈阳中赢展览有限公司

## 常见咨询

- 参展报名：请查阅[参展申请](/zh/exhibit/apply)和[参展费用](/zh/exhibit/charges)，早鸟价格截止日期为2027年2月28日
- 观众参观：请完成[观众预登记](/zh/register)，登记免费，欢迎学校组团
- 交通出行：请参阅[沈阳交通](/zh/services/traffic)

展期（2027年4月16日—18日）内，展馆现场设有组委会服务台，可随时前往咨询。非办公时间来信，我们将在下一个工作日内及时回复。`,
			},
			"en": {
				Title:   "Contact us",
				Summary: "Contact the organising committee by phone, fax or e-mail about exhibiting, visiting, hotels or travel.",
				Body: `If you have any questions about exhibiting, visiting or our supporting services, the organising committee of the Liaoning Educational Equipment Exhibition 2027 will be glad to help. We aim to reply as quickly as possible.

## Organising committee

- Phone from abroad: +86 24 2281 6191
- Hotline (within China): 400-885-6191
- Fax: 024-2281-6190
- E-mail: expo@lnjyzb.example.cn
- Office hours: Monday to Friday, 08:30–17:00

## Exhibition venue

- Venue: Liaoning Industrial Exhibition Hall, Halls 1 and 2
- Address: 262A Shifu Avenue, Heping District, Shenyang, Liaoning
- Metro: a short walk from Shifu Square station on Metro Line 2

## Organiser and co-organiser

- Organiser: Liaoning Educational Equipment Industry Association
- Co-organiser: Shenyang Zhongying Exhibition Co., Ltd.

## Common enquiries

- Exhibiting: see the [booth application page](/en/exhibit/apply) and the [exhibitor charges page](/en/exhibit/charges); early-bird pricing ends on 28 February 2027
- Visiting: complete [visitor pre-registration](/en/register), which is free, and school groups are welcome
- Travel: see [Getting to Shenyang](/en/services/traffic)

During the exhibition, from 16 to 18 April 2027, the organising committee runs a service desk in the halls where you can ask questions in person.`,
			},
		},
	},
}
