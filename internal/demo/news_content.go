package demo

// sampleArticles is the bilingual news of the demo site: the one article kept
// from the legacy site, and sample news from March 2025 to November 2026 about
// the 2026 (21st) and 2027 (22nd) editions and the education equipment sector.
// Some articles share a release day or minute, to exercise tie ordering.
var sampleArticles = []sampleArticle{
	{
		Category: "industry",
		Released: "2024-01-22 09:00",
		Cover:    "industry-education-conference-2024",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "辽宁：加快建设教育强省 为全面振兴新突破贡献更大力量",
				Summary: "2024年1月19日，全省教育工作会议在沈阳召开，部署加快建设教育强省，坚决打赢攻坚之年攻坚之战。",
				Source:  "2024辽宁教育装备展示会",
				Body: `2024年1月19日，全省教育工作会议在沈阳召开。会议要求，加快建设教育强省，坚决打赢攻坚之年攻坚之战。省教育厅党组书记、厅长兼省委教育工委副书记王庆东出席会议并讲话。

会议指出，2023年是极不平凡、令人难忘的一年。立德树人根本任务全面落实，学生全面发展、生动活泼的教育生态进一步巩固形成；“双一流”建设成效显著，学科实力稳步提升，人才培养实现新突破；服务振兴的质量和效益不断提升，推动更多科技成果落地转化，以实际行动回答了“教育为振兴发展做什么”的时代之问；教育对外开放交流合作不断扩大，辽宁教育影响力持续增强；教育民生持续改善，人民群众获得感、幸福感更加充实；教育保障坚强有力，教育系统保持安全稳定的良好局面；全面从严治党向纵深推进，推动党的全面领导不断深化落实。

会议强调，在加快建设教育强省的实践中，全省教育系统积累了一些宝贵经验。二是必须胸怀“国之大者”，跳出教育看教育、立足全局抓教育，把推动实现全面振兴新突破作为辽宁最大的政治任务，以教育之为助力辽宁发展。三是必须坚持底线思维，统筹发展和安全，坚持预防为主，从源头上防范化解重大风险，做到阵地稳、人员稳、校园稳。四是必须树立系统观念，坚持从政治上看教育、从民生上抓教育、从规律上办教育，统筹推进教育、科技、人才工作，加强整体谋划、一体推进。五是必须发扬斗争精神，遇到困难和矛盾不绕着走，敢于斗争、善于斗争，以顽强斗争为教育发展打开新天地。

会议指出，加快建设教育强省，为新时代“六地”建设提供有力的智力和人才支撑，是教育肩负的重大使命。必须正确认识、准确把握教育改革发展面临的新形势、新任务、新机遇。要深刻认识人口发展变化给教育带来的严峻挑战，牢牢把握教育的政治属性，把建设教育强省作为促进人口高质量发展的战略工程，以更加积极主动的姿态应对挑战。要进一步增强使命感、责任感、紧迫感，牢牢把握教育的民生属性，抓住一切有利时机和条件，用足用好支持政策，顺势而为、抢抓机遇、多措并举推动教育高质量发展，以教育之力厚植人民幸福之本。

会议强调，2024年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年，也是全面振兴新突破三年行动的攻坚之年，要重点做好六个方面的工作。要毫不动摇坚持和加强党对教育工作的全面领导。持续巩固深化主题教育成果，全面加强教育系统党的建设，纵深推进全面从严治党，使教育系统在党的旗帜下团结成为“一块坚硬的钢铁”，汇聚起建设教育强省的磅礴力量。全面落实意识形态工作责任制，健全突发事件分类应急处置机制，加强安全隐患排查，持续巩固安全稳定的良好局面。三是要强化高等教育龙头作用。着力提高人才培养质量，优化高校布局结构，深入推进“双一流”建设，提升“校企协同科技创新伙伴行动”质效，推进大学科技园建设，深度融入共建“一带一路”，扩大教育对外开放，促进高校毕业生高质量充分就业。要进一步夯实基础教育基点。聚焦人口变化趋势，加强前瞻性布局，推动义务教育优质均衡发展和城乡一体化，推进学前教育普及普惠安全优质发展，扩大普通高中优质资源，推进特殊教育融合发展，巩固深化“双减”成果，促进教育公平。要切实增强职业教育适应性和吸引力。推进产教深度融合，组建省级、市级产教联合体，打造行业产教融合共同体。增强人才培养适应性，引导学校聚焦经济社会发展需要和产业布局，优化专业结构。增强职业教育吸引力，加强校校、校地、校企合作，办好乡村振兴学院。要深化教育领域综合改革。推动高校分类发展，引导高校进一步明确办学定位。加强教师队伍建设，大力弘扬教育家精神，选树宣传优秀教师典型，营造尊师重教的良好氛围。深入推进教育数字化，为个性化学习、终身学习、扩大优质教育资源覆盖面和教育现代化提供有效支撑。

会议要求，全省教育系统要以坚定的政治站位不折不扣抓落实，以顽强拼搏的奋斗精神雷厉风行抓落实，以求真务实的科学态度抓落实，以敢于担当、善作善成的过硬本领抓落实，形成狠抓落实的良好局面，扎实推进教育强省建设，服务全省打赢攻坚之年攻坚之战。

会上，东北大学、辽阳市教育局、沈阳市皇姑区教育局、辽宁对外经贸学院、大连职业技术学院、铁岭开原市民主教育集团作交流发言。

会议以视频会议形式召开。省教育厅领导班子成员、厅机关全体同志、省招生考试办公室有关同志在主会场参加会议；各市教育局领导班子成员及各处室负责同志，沈抚示范区社会事业局及相关部门负责同志，各高校领导班子成员及各部门负责同志在分会场参加会议。`,
			},
			"en": {
				Title:   "Liaoning: Accelerating the Construction of an Education Strong Province and Contributing Greater Strength to Comprehensive Revitalization",
				Summary: "On 19 January 2024 the provincial education work conference in Shenyang set out the tasks for accelerating the construction of a strong education province.",
				Source:  "2024 Liaoning Education Equipment Exhibition",
				Body: `On January 19th, 2024, the provincial education work conference was held in Shenyang. Accelerate the construction of a strong education province, and resolutely win the battle of the year of hard work. Wang Qingdong, Secretary of the Party Group and Director of the Provincial Department of Education, as well as Deputy Secretary of the Provincial Party Committee's Education Working Committee, attended the meeting and delivered a speech.

The meeting pointed out that 2023 is an extremely extraordinary and unforgettable year. The fundamental task of cultivating morality and nurturing talents has been fully implemented, and the comprehensive and lively development of students has been further consolidated and formed in the education ecology; The construction of "Double First Class" has achieved significant results, with steady improvement in disciplinary strength and new breakthroughs in talent cultivation; Continuously improving the quality and efficiency of service revitalization, promoting the landing and transformation of more scientific and technological achievements, and answering the era's question of "what is education for revitalization and development" with practical actions; The open exchange and cooperation in education continue to expand, and the influence of education in Liaoning has been enhanced; Education and people's livelihoods continue to improve, and the people have a greater sense of gain and happiness; The education guarantee is strong and effective, and the education system maintains a safe, stable, and good situation; Comprehensively and strictly governing the Party is advancing in depth, promoting the continuous deepening and implementation of the Party's comprehensive leadership.

The meeting emphasized that in the practice of accelerating the construction of an education strong province, the education system of the whole province has accumulated some valuable experience. Secondly, we must embrace the greatness of our country, step out of education and focus on education as a whole, and make promoting the realization of new breakthroughs in comprehensive revitalization the biggest political task of Liaoning. We must contribute to Liaoning's development through the action of education. Thirdly, we must adhere to bottom line thinking, coordinate development and security, prioritize prevention, prevent and resolve major risks from the source, and achieve stable positions, stable personnel control, and campus stability. The fourth is to establish a systematic concept, adhere to viewing education from a political perspective, focusing on education from the perspective of people's livelihoods, and conducting education according to laws. We must coordinate the promotion of education, technology, and talent, and strengthen overall planning and promotion. Fifth, we must carry forward the spirit of struggle. When encountering difficulties and contradictions, we must not go around. We must dare to fight and be good at fighting, and open up a new world for the development of education through tenacious struggle.

The meeting pointed out that accelerating the construction of an education strong province and providing strong intellectual and talent support for the construction of the "six regions" in the new era is a major mission that education shoulders. It is necessary to correctly understand and accurately grasp the new situation, new tasks, and new opportunities of education reform and development. We must deeply understand the severe challenges that population development and changes bring to education, firmly grasp the political attributes of education, and regard the construction of a strong education province as a strategic project for high-quality population development. We should respond to the challenges with a more proactive and proactive attitude. We need to further enhance our sense of mission, responsibility, and urgency, firmly grasp the livelihood attributes of education, seize all favorable opportunities and conditions, make full use of supporting policies, adapt to the situation, seize the opportunity, and take multiple measures to promote high-quality development of education, and use the power of education to cultivate the foundation of people's happiness.

The meeting emphasized that 2024 marks the 75th anniversary of the founding of the People's Republic of China, is a crucial year for achieving the goals and tasks of the 14th Five Year Plan, and is a challenging year for the three-year action plan for comprehensive revitalization and new breakthroughs. It is necessary to do a good job in six key areas. We must unwaveringly adhere to and strengthen the Party's comprehensive leadership over educational work. Continuously consolidating and deepening the achievements of theme education, comprehensively strengthening the construction of the Party in the education system, and advancing the comprehensive strict governance of the Party in depth, so that the education system can unite under the banner of the Party as a "hard steel" and gather the magnificent force of building a strong education province. Fully implement the responsibility system for ideological work, improve the classification and emergency response mechanism for emergencies, strengthen the investigation of safety hazards, and continuously consolidate a good situation of safety and stability. Thirdly, we need to strengthen the leading role of higher education. We will strive to improve the quality of talent training, optimize the layout and structure of colleges and universities, deeply promote the construction of "double first-class", improve the quality and efficiency of "school enterprise coordinated scientific and technological innovation partnership action", promote the construction of university science parks, deeply integrate into the joint construction of the "the Belt and Road", expand the opening of education to the outside world, and promote high-quality and full employment of college graduates. We need to further strengthen the foundation of basic education. Focusing on the trend of population changes, strengthening forward-looking layout, promoting high-quality and balanced development of compulsory education and urban-rural integration, promoting the popularization, inclusive, safe and high-quality development of preschool education, expanding high-quality resources of ordinary high schools, strengthening the inclusive development of special education, consolidating and deepening the achievements of "double reduction", and promoting educational equity. We must effectively enhance the adaptability and attractiveness of vocational education. Promote the deep integration of industry and education, create provincial-level city level industry and education consortia, and build a new industry industry industry and education integration community. Enhance the adaptability of talent cultivation, guide schools to focus on economic and social development needs and industrial layout, and optimize professional structure. Enhance the attractiveness of vocational education, strengthen cooperation between schools, regions, and enterprises, and establish a good college for rural revitalization. We need to deepen comprehensive reforms in the field of education. Promote the development of classified universities and guide them to further clarify their educational positioning. Strengthen the construction of the teaching staff, vigorously promote the spirit of educators, select and promote outstanding teacher models, and create an atmosphere of respecting teachers and valuing education. Further promote the digitization of education, providing effective support for personalized learning, lifelong learning, expanding the coverage of high-quality educational resources, and modernizing education.

The meeting called for the education system in the whole province to firmly hold a political stance and ensure implementation without compromise, with a tenacious spirit of hard work and swift implementation, with a scientific work attitude of seeking truth and pragmatism, with strong abilities and responsibilities, daring to do good deeds, and with a good situation of implementation, to solidly promote the construction of a strong education province, and serve the whole province to win the battle against difficulties.

At the meeting, Northeastern University, Education Bureau of Liaoyang City, Education Bureau of Huanggu District, Shenyang City, Liaoning University of International Business and Economics, Dalian Vocational and Technical College, and Democratic Education Group of Kaiyuan City in Tieling made exchange speeches.

The meeting was held in the form of a video conference, with members of the leadership team of the Provincial Department of Education, all comrades of the government, and members of the Provincial Admissions Office attending the main venue. Members of the leadership team of the education bureaus of each city and officials in charge of various departments, officials in charge of the Social Affairs Bureau of the Shenfu Demonstration Zone and relevant departments, members of the leadership team of various universities and officials in charge of various departments attended the meeting at the branch venue.`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2025-09-16 10:00",
		Cover:    "expo-2026-booth-sales",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "2026辽宁教育装备展示会展位报名正式启动",
				Summary: "第二十一届辽宁教育装备展示会将于2026年4月17日—19日在沈阳举办，即日起接受企业展位报名。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2026辽宁教育装备展示会（第二十一届）展位报名即日起正式启动。本届展会将于2026年4月17日—19日在沈阳辽宁工业展览馆举办。

## 展位类型

本届展会提供标准展位和光地两种形式。展品按类别分区布置，涵盖智慧教室与教育信息化、实验室装备、体育器材、学前教育、校园后勤等领域，方便观众集中了解和比较同类产品。

## 早鸟优惠

2026年2月28日前报名的企业可享受早鸟价格。展位按先申请、先确认的原则安排，欢迎往届展商尽早确认心仪位置。

## 报名方式

企业可通过[参展申请](/zh/exhibit/apply)页面在线报名。如对展位选择或展品归类有疑问，欢迎致电服务热线400-885-6191，组委会将为您提供咨询服务。`,
			},
			"en": {
				Title:   "Booth applications open for the 2026 exhibition",
				Summary: "Companies can now apply for booths at the 21st Liaoning Educational Equipment Exhibition, held on 17–19 April 2026 in Shenyang.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `The organising committee has opened booth applications for the Liaoning Educational Equipment Exhibition 2026, the 21st edition of the show. It will take place from 17 to 19 April 2026 at the Liaoning Industrial Exhibition Hall in Shenyang.

## What is on offer

Both standard booths and space-only plots are available. Products are grouped by category, from smart classroom technology and laboratory equipment to sports, preschool and campus logistics, so that visitors can compare similar products in one place.

## Early-bird pricing

Companies that apply by 28 February 2026 qualify for the early-bird price. Booths are allocated in order of application, and returning exhibitors are encouraged to confirm their preferred locations early.

## How to apply

Applications are made online through the [booth application page](/en/exhibit/apply). The organising team is happy to advise on booth choice and on the category that best fits your products: call +86 24 2281 6191 (or the hotline 400-885-6191 from within China) for help.`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-01-12 09:00",
		Cover:    "expo-visitor-registration-2026",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "2026辽宁教育装备展示会观众预登记开启",
				Summary: "专业观众和学校团组即日起可免费预登记参观2026年4月17日—19日举办的第二十一届展会。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2026辽宁教育装备展示会专业观众预登记现已开启。登记免费，只需几分钟即可完成。

## 为什么要提前登记

- 预登记观众可在专用窗口快速领取证件，入场更便捷
- 登记信息有助于组委会围绕观众关注的内容安排论坛、研讨和体验活动
- 登记观众将在展前收到参观指南等实用信息

## 学校组团参观

欢迎各地学校组团参观。带队老师可一次性为全体成员办理登记，并告知组委会预计到达时间，以便现场做好接待安排。

## 时间与地点

展会将于2026年4月17日—19日在沈阳辽宁工业展览馆举办，每日开放时间请以展会日程为准。请通过[观众预登记](/zh/register)页面办理登记。`,
			},
			"en": {
				Title:   "Visitor pre-registration opens for the 2026 exhibition",
				Summary: "Trade visitors and school groups can now register free of charge for the 21st edition, held on 17–19 April 2026.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `Pre-registration for trade visitors to the Liaoning Educational Equipment Exhibition 2026 is now open. Registration is free and takes only a few minutes.

## Why register in advance

- Pre-registered visitors collect their badges at a dedicated counter and get into the halls faster
- Registration details help the organiser plan forums, workshops and hands-on sessions around what visitors want to see
- Registered visitors receive a visitor guide and other practical information before the show

## School groups

Schools are warmly invited to visit in groups. A group leader can register the whole party in one go and let the organising team know the expected time of arrival, so that the visit runs smoothly.

## Dates and venue

The exhibition runs from 17 to 19 April 2026 at the Liaoning Industrial Exhibition Hall, Shenyang; opening hours for each day are given in the exhibition schedule. Register through [visitor pre-registration](/en/register).`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-02-16 14:00",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "早鸟价格报名倒计时两周",
				Summary: "2026辽宁教育装备展示会早鸟价格将于2026年2月28日截止，热门展区展位日趋紧张。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2026辽宁教育装备展示会早鸟价格报名进入最后两周，优惠将于2026年2月28日截止。

## 热门展区展位紧张

智慧教室、实验室装备和STEM展区报名最为踊跃，主通道两侧的标准展位已基本订满。职业教育实训、体育器材和学前教育展区仍有较好位置可选，计划搭建特装展位的企业也仍可选择光地。

## 报名前请做好准备

- 确定主要展品所属的展示类别
- 考虑选择标准展位还是光地
- 如需自行搭建特装展位，请为搭建方案审核预留时间

展位按先申请、先确认的原则安排。如需了解展位分布，请致电服务热线400-885-6191，或通过[参展申请](/zh/exhibit/apply)页面直接报名。`,
			},
			"en": {
				Title:   "Two weeks left for early-bird booth prices",
				Summary: "Early-bird pricing for the 2026 exhibition ends on 28 February 2026, and the most popular areas are filling up.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `There are two weeks left to book a booth at the Liaoning Educational Equipment Exhibition 2026 at the early-bird price. The offer ends on 28 February 2026.

## Popular areas filling up

Demand has been strongest in the smart classroom, laboratory and STEM areas, where most standard booths on the main aisles have already been taken. Good locations are still available in the vocational training, sports and preschool areas, and space-only plots remain for companies planning a larger stand.

## Before you apply

- Decide which display category suits your main products
- Choose between a standard booth and a space-only plot
- Allow time for your stand design to be approved if you are building your own stand

Booths are allocated in order of application. For advice on the floor plan, call +86 24 2281 6191 (or the hotline 400-885-6191 from within China), or apply straight away through the [booth application page](/en/exhibit/apply).`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-03-18 10:00",
		Cover:    "forum-programme-2026",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "2026展会论坛日程公布：20场活动聚焦教育装备热点",
				Summary: "展期将举办20场论坛与研讨活动，围绕教育数字化、实验教学、职业教育和校园安全等话题展开。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `组委会近日公布了2026辽宁教育装备展示会论坛与研讨活动日程。4月17日—19日展期内，共将举办20场活动。

## 活动主题

- **教育数字化**：如何在日常教学中用好智慧教室装备，如何做好校园数据管理
- **实验教学**：实验室管理、实验设计与实验室安全
- **职业教育**：实训装备如何支撑校企深度合作
- **校园安全与健康**：安全的校园设施、体育器材与健康的学习环境
- **学前教育与阅读**：幼儿园游戏化学习和学校阅读空间建设

## 分享嘉宾

活动邀请教育管理者、一线教师、研究人员和装备专家共同参与。许多研讨活动设有现场演示环节，让参与者直观了解装备在真实课堂中的用法。

## 如何参加

论坛活动面向已登记的专业观众开放。部分研讨活动名额有限，建议观众尽早完成[观众预登记](/zh/register)。`,
			},
			"en": {
				Title:   "Forum programme announced: 20 sessions at the 2026 exhibition",
				Summary: "Twenty forums and workshops on digital learning, science teaching, vocational training and campus safety will run alongside the 2026 exhibition.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `The organising committee has published the programme of forums and workshops for the Liaoning Educational Equipment Exhibition 2026. Twenty sessions will take place over the three days of the show, from 17 to 19 April.

## Themes

- **Digital learning**: making good use of smart classroom equipment in everyday teaching, and managing data on campus
- **Practical science teaching**: laboratory organisation, experiment design and lab safety
- **Vocational training**: how training equipment supports closer cooperation between colleges and companies
- **Campus safety and health**: safe facilities, PE equipment and healthy learning environments
- **Early years and reading**: play-based learning in kindergartens and reading spaces in schools

## Who speaks

Sessions bring together education managers, teachers, researchers and equipment specialists. Many workshops include demonstrations, so that participants can see how equipment is used in real lessons.

## Taking part

Forums are open to registered visitors. Places at some workshops are limited, so visitors are advised to complete [visitor pre-registration](/en/register) early.`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-04-08 15:00",
		Cover:    "press-conference-2026",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "第二十一届辽宁教育装备展示会新闻发布会在沈阳举行",
				Summary: "主办方向媒体介绍了4月17日开幕的2026展会，目前已有550余家企业确认参展。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2026辽宁教育装备展示会新闻发布会近日在沈阳举行。主办方向媒体介绍了本届展会的筹备情况。展会将于4月17日在辽宁工业展览馆开幕。

## 第二十一届展会概况

目前已有550余家企业确认参展。展品覆盖学校装备的各个方面，从交互式教学设备、实验仪器到职业教育实训设备、体育器材、校园家具和学前教育玩教具，应有尽有。

## 本届新亮点

- 增设更多体验区，教师可亲自上手试用装备
- 举办20场论坛与研讨活动
- 根据需求为学校和企业安排洽谈对接

## 参观提示

专业观众可提前免费预登记，欢迎学校组团参观。主办方建议观众乘坐公共交通前往，展馆距地铁2号线市府广场站仅需步行几分钟。

展会将持续至4月19日。`,
			},
			"en": {
				Title:   "Press conference held in Shenyang ahead of the 21st exhibition",
				Summary: "The organiser briefed the media on the 2026 exhibition, which opens on 17 April with more than 550 exhibitors confirmed.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `The organiser held a press conference in Shenyang to introduce the Liaoning Educational Equipment Exhibition 2026, which opens at the Liaoning Industrial Exhibition Hall on 17 April.

## The 21st edition

More than 550 companies have confirmed their participation. Exhibits cover the full range of school equipment, from interactive displays and laboratory instruments to vocational training rigs, sports equipment, school furniture and preschool toys.

## New this year

- More hands-on zones where teachers can try equipment for themselves
- A programme of 20 forums and workshops
- Meetings between schools and suppliers arranged on request

## Visitor information

Trade visitors can register free of charge in advance, and school groups are welcome. The organiser recommends public transport: the venue is a short walk from Shifu Square station on Metro Line 2.

The exhibition runs until 19 April.`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-04-19 17:30",
		Cover:    "expo-hall-2026-closing",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "第二十一届辽宁教育装备展示会闭幕 专业观众约36000名",
				Summary: "为期三天的2026展会吸引约560家企业参展、约36000名专业观众到场。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2026辽宁教育装备展示会今天下午在辽宁工业展览馆圆满闭幕。

## 展会数据

- 参展企业：约560家
- 专业观众：约36000名
- 论坛与研讨活动：20场

## 展会现场

智慧教室、实验室装备和STEM展区人气最旺，精彩的现场演示吸引教师驻足良久。职业院校组团参观实训装备展区，体育器材和学前教育展区的动手体验活动也广受欢迎。

参展企业表示，与校长、教育部门工作人员和经销商进行了大量富有成效的交流，不少合作意向在现场达成。

## 2027年再相聚

第二十二届展会将于2027年4月16日—18日在同一场馆举办，2027年展位报名将于秋季启动。`,
			},
			"en": {
				Title:   "The 21st exhibition closes with about 36,000 professional visitors",
				Summary: "Three days of the 2026 exhibition brought about 560 exhibitors and some 36,000 professional visitors to Shenyang.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `The Liaoning Educational Equipment Exhibition 2026 closed this afternoon at the Liaoning Industrial Exhibition Hall after three busy days.

## In numbers

- About 560 exhibitors
- About 36,000 professional visitors
- 20 forums and workshops

## On the show floor

The smart classroom, laboratory and STEM areas drew the largest crowds, and live demonstrations kept teachers at the booths for longer than a quick look. Vocational colleges came in groups to see training equipment at work, and the sports and preschool areas were popular for their hands-on activities.

Exhibitors reported many productive conversations with head teachers, education officials and distributors, and a number of cooperation plans were agreed in principle on site.

## See you in 2027

The 22nd edition will take place from 16 to 18 April 2027 at the same venue. Booth applications for 2027 open in the autumn.`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-09-15 10:00",
		Cover:    "expo-2027-booth-sales",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "2027辽宁教育装备展示会展位报名正式启动",
				Summary: "第二十二届辽宁教育装备展示会将于2027年4月16日—18日举办，即日起接受企业展位报名。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2027辽宁教育装备展示会（第二十二届）展位报名即日起正式启动。本届展会将于2027年4月16日—18日在沈阳辽宁工业展览馆一号馆、二号馆举办。

## 重要时间节点

- 早鸟价格：2027年2月28日前报名
- 报名截止：2027年3月20日
- 进场布展：2027年4月14日—15日
- 展会展期：2027年4月16日—18日

## 展览规模与类别

本届展会展览面积约3万平方米，可设标准展位约1200个，按十一大展示类别分区布置。计划自行搭建特装展位的企业可选择光地。

## 报名方式

请通过[参展申请](/zh/exhibit/apply)页面报名。展位按先申请、先确认的原则安排，有意向位置的企业请尽早报名。价格详情请见[参展费用](/zh/exhibit/charges)。`,
			},
			"en": {
				Title:   "Booth applications open for the 2027 exhibition",
				Summary: "Companies can now apply for booths at the 22nd Liaoning Educational Equipment Exhibition, held on 16–18 April 2027.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `Booth applications are now open for the Liaoning Educational Equipment Exhibition 2027, the 22nd edition of the show. It takes place from 16 to 18 April 2027 in Halls 1 and 2 of the Liaoning Industrial Exhibition Hall, Shenyang.

## Key dates

- Early-bird pricing: applications received by 28 February 2027
- Final application deadline: 20 March 2027
- Move-in: 14–15 April 2027
- Exhibition: 16–18 April 2027

## Space and categories

The exhibition offers about 30,000 m² of space with about 1,200 standard booths, arranged in eleven display categories. Space-only plots are available for companies that want to build their own stand.

## How to apply

Apply through the [booth application page](/en/exhibit/apply). Booths are allocated in order of application, so companies with a preferred location should apply early. Prices are listed on the [exhibitor charges page](/en/exhibit/charges).`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-10-20 09:00",
		Cover:    "expo-hall-layout-2027",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "2027展会展区布局公布 相关类别集中布置",
				Summary: "2027年展会将十一大展示类别分布在一号馆和二号馆，相关产品集中展示，方便观众参观。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `主办方近日公布了2027辽宁教育装备展示会展区布局。十一大展示类别按照学校的采购规划思路重新分组，观众的参观路线将更加便捷。

## 一号馆：教学与学习

智慧教室与教育信息化，实验室与科学教学装备，STEM、机器人与创客教育，职业教育实训装备，图书馆与阅读，图书与教育出版。

## 二号馆：校园生活与后勤

体育运动与体育教学器材，艺术与音乐教育，学前教育装备与玩教具，校园家具与宿舍用品，校园安全与后勤保障。

## 其他变化

- 两个展馆的主通道均有所加宽
- 在机器人、体育和学前教育展区旁设置体验区
- 每个展馆各设一个论坛区，活动地点紧邻相关展区

组委会将与已报名企业联系确认展位位置。标注参展企业名称的完整展位图将在临近开展时发布。`,
			},
			"en": {
				Title:   "New hall layout for 2027 groups related categories together",
				Summary: "The 2027 floor plan arranges the eleven display categories across Halls 1 and 2 so that visitors can find related products in one area.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `The organiser has published the hall layout for the Liaoning Educational Equipment Exhibition 2027. The eleven display categories are now grouped the way schools plan their purchases, which should shorten visitors' routes through the show.

## Hall 1: teaching and learning

Smart classroom and educational IT; laboratory and science equipment; STEM, robotics and maker education; vocational training equipment; library and reading; books and educational publishing.

## Hall 2: school life and campus

Sports and physical-education equipment; arts and music education; preschool equipment and toys; school furniture and dormitory; campus safety and logistics.

## Other changes

- Wider main aisles in both halls
- Hands-on zones next to the robotics, sports and preschool areas
- A forum area in each hall, so that sessions are close to the related exhibits

The organising team will contact exhibitors who have already applied about their booth locations. A full floor plan with exhibitor names will be published closer to the show.`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-11-20 10:00",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "2027展会报名企业突破300家",
				Summary: "展位报名启动两个月来，已有300余家企业报名参加第二十二届展会。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2027辽宁教育装备展示会展位报名启动两个月以来，报名参展企业已突破300家。

## 老展商与新展商

目前报名企业中，大部分为2026年的参展企业，同时也有不少首次参展的企业，主要集中在STEM、职业教育实训和校园安全等类别。

## 仍有展位可选

两个展馆仍有标准展位和光地可供选择。智慧教室和实验室展区所在的一号馆最为抢手，有意向的企业请尽早报名。

## 早鸟优惠

2027年2月28日前报名可享受早鸟价格，报名最终截止日期为2027年3月20日。请通过[参展申请](/zh/exhibit/apply)页面报名，或致电服务热线400-885-6191咨询。`,
			},
			"en": {
				Title:   "More than 300 companies have applied for the 2027 exhibition",
				Summary: "Two months after booth applications opened, more than 300 companies have signed up for the 22nd edition.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `Two months after booth applications opened, more than 300 companies have applied to exhibit at the Liaoning Educational Equipment Exhibition 2027.

## Returning and new exhibitors

Most applications so far come from companies that exhibited in 2026, but there are also many first-time exhibitors, particularly in the STEM, vocational training and campus safety categories.

## Booths still available

Standard booths and space-only plots remain available in both halls. Demand is highest in Hall 1, home to the smart classroom and laboratory areas, so companies interested in those areas are advised to apply soon.

## Early-bird pricing

Applications received by 28 February 2027 qualify for the early-bird price, and the final deadline is 20 March 2027. Apply through the [booth application page](/en/exhibit/apply) or call +86 24 2281 6191 (or the hotline 400-885-6191 from within China).`,
			},
		},
	},
	{
		Category: "expo",
		Released: "2026-11-20 10:00",
		Cover:    "expo-visitor-registration-2027",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "2027辽宁教育装备展示会观众预登记开启",
				Summary: "专业观众和学校团组即日起可免费预登记参观2027年4月16日—18日举办的第二十二届展会。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2027辽宁教育装备展示会观众预登记现已开启。学校管理人员、一线教师、教育部门工作人员和经销商等专业观众，可通过[观众预登记](/zh/register)免费办理登记。

## 开放时间

- 2027年4月16日、17日：09:00—17:00
- 2027年4月18日：09:00—16:00

## 提前登记的好处

预登记观众可在展馆入口处的观众登记区快速领取证件。登记信息还有助于组委会根据观众关注的内容安排论坛、研讨活动和采购对接。

## 学校组团参观

欢迎各地学校组团参观。带队老师可提前与组委会联系，沟通到达时间；乘坐大巴前来的团组请提前规划上下车地点，展馆周边停车位有限。

展馆距地铁2号线市府广场站仅需步行几分钟。`,
			},
			"en": {
				Title:   "Visitor pre-registration opens for the 2027 exhibition",
				Summary: "Trade visitors and school groups can now register free of charge for the 22nd edition, held on 16–18 April 2027.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `Pre-registration for the Liaoning Educational Equipment Exhibition 2027 is now open. Trade visitors, including head teachers, teachers, education officials and distributors, can register free of charge through [visitor pre-registration](/en/register).

## Opening hours

- 16 and 17 April 2027: 09:00–17:00
- 18 April 2027: 09:00–16:00

## Why register early

Pre-registered visitors collect their badges quickly at the registration area by the entrance. Registration also helps the organiser plan forums, workshops and meetings with suppliers around visitors' interests.

## School groups

Schools are warmly welcome to visit in groups. Group leaders can contact the organising team to plan arrival times, and coach parties should arrange drop-off and pick-up points in advance, as parking near the venue is limited.

The venue is a short walk from Shifu Square station on Metro Line 2.`,
			},
		},
	},
	{
		Category: "industry",
		Released: "2025-03-12 09:00",
		Cover:    "digital-campus-platform",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "从“建起来”到“用起来”：教育数字化进入常态应用阶段",
				Summary: "经过多年硬件投入，学校的关注点正转向如何在日常教学中用好数字化装备。",
				Source:  "教育装备行业资讯",
				Body: `过去十年间，大多数中小学已配备交互式教学设备、校园网络和数字化学习平台。如今，学校关心的问题不再是“买什么”，而是如何用好已有的装备。

## 融入日常教学

教育管理部门越来越关注装备的使用频率和对教学方式的实际改变，而不只是设备数量。不少学校开展优秀课例交流和教师培训，并组建技术支持团队，帮助对新技术不太熟悉的教师。

## 学校对供应商的期待

- 设备开机简便，日常使用稳定可靠
- 软件能与学校现有平台兼容
- 安装之后持续提供培训和售后服务
- 在学生数据的采集和保护方面有明确规范

## 未来趋势

能够说明产品如何服务教学、而不仅仅罗列功能的供应商，将在未来几年更受学校青睐。`,
			},
			"en": {
				Title:   "From installation to everyday use: schools shift focus in education digitalisation",
				Summary: "After years of investment in hardware, schools are turning their attention to how digital equipment is used in everyday teaching.",
				Source:  "Education Equipment Industry News",
				Body: `Over the past decade, most primary and secondary schools have installed interactive displays, campus networks and digital learning platforms. The question schools now ask is less about what to buy and more about how to make good use of what they already have.

## Use in everyday lessons

Education authorities increasingly look at how often equipment is used and how it changes teaching, rather than at the number of devices installed. Schools are sharing lesson examples, organising teacher training and setting up support teams to help colleagues who are less confident with technology.

## What suppliers are asked for

- Equipment that is simple to start and reliable in daily use
- Software that works with the platforms a school already has
- Training and after-sales service that continue after installation
- Clear rules for collecting and protecting student data

## Looking ahead

Suppliers who can show how their products support teaching, not just which features they have, are likely to find the most interest from schools in the coming years.`,
			},
		},
	},
	{
		Category: "industry",
		Released: "2025-05-20 09:00",
		Cover:    "lab-safety-storage",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "中小学实验室把安全管理放在首位",
				Summary: "随着实验教学不断加强，学校正全面检视化学品存放、通风设施和安全培训。",
				Source:  "教育装备行业资讯",
				Body: `随着实验教学在课程中的比重不断提高，学生在实验室的时间越来越多。许多学校借此机会，对实验室管理进行全面检视。

## 存放与通风

化学品应分类存放在专用柜中，并对入库、领用和处置做好清晰记录。学校同时检查通风橱和室内通风系统是否正常运行，及时更换不再符合现行要求的设备。

## 设备与布局

- 紧急洗眼器和喷淋装置设在方便取用的位置
- 配备与所用化学品相适应的消防器材
- 实验台和水电气布置便于教师看到每一个小组
- 燃气、水、电能够快速切断

## 安全培训

仅有设备还不够。实验员和理科教师需要定期接受安全培训，学生也应从第一次实验起就养成安全规范的操作习惯。

供应商也在积极响应，推出一体化存储系统、更适合学生使用的安全型仪器，以及记录化学品和安全检查情况的管理软件。`,
			},
			"en": {
				Title:   "School laboratories put safety management first",
				Summary: "Schools are reviewing chemical storage, ventilation and safety training as practical science teaching expands.",
				Source:  "Education Equipment Industry News",
				Body: `As practical science teaching takes a larger place in the curriculum, students spend more time in school laboratories. Many schools are taking the opportunity to review how their labs are managed.

## Storage and ventilation

Chemicals need to be stored by type in dedicated cabinets, with clear records of what is received, used and disposed of. Schools are also checking that fume cupboards and room ventilation work as intended, and replacing equipment that no longer meets current requirements.

## Equipment and layout

- Emergency eyewash stations and showers within easy reach
- Fire-fighting equipment suited to the chemicals in use
- Benches and services laid out so that teachers can see every group
- Gas, water and power that can be shut off quickly

## Training

Equipment alone is not enough. Laboratory staff and science teachers need regular safety training, and students should learn safe working habits from their very first experiment.

Suppliers are responding with integrated storage systems, safer instruments for student use and management software that keeps track of chemicals and inspections.`,
			},
		},
	},
	{
		Category: "industry",
		Released: "2025-07-08 09:00",
		Cover:    "vocational-training-base",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "职业院校实训装备向真实生产场景靠拢",
				Summary: "职业院校与企业合作日益紧密，正在改变院校采购实训装备的方向。",
				Source:  "教育装备行业资讯",
				Body: `随着职业院校与区域内企业的合作日益紧密，职业教育正在快速变化。院校采购的实训装备，越来越贴近学生今后在工作岗位上使用的设备。

## 从教学模型到真实生产

在智能制造、汽车维修、电气工程和物流等专业，院校正以基于真实工业设备的实训线取代简单的教学模型。一些企业还参与实训基地的设计，并派技术人员与院校教师共同授课。

## 虚拟仿真

对于价格昂贵、存在危险或体积过大而难以进入教室的设备，虚拟仿真系统让学生可以在操作真实设备之前反复练习。仿真还可用于训练设备故障等现实中少见的情况。

## 对供应商的意义

院校希望供应商既懂行业又懂教学：装备要经得起学生日常使用，要配套课程资源，还要能随着行业技术进步方便地升级。`,
			},
			"en": {
				Title:   "Vocational colleges invest in training equipment that mirrors industry",
				Summary: "Closer cooperation between vocational colleges and companies is changing the kind of training equipment colleges buy.",
				Source:  "Education Equipment Industry News",
				Body: `Vocational education is changing quickly as colleges work more closely with companies in their region. The training equipment they buy increasingly mirrors the equipment students will meet at work.

## From teaching models to real production

Colleges are replacing simple teaching models with training lines built around real industrial equipment, in fields such as smart manufacturing, motor-vehicle repair, electrical engineering and logistics. Some companies help design the training bases and send staff to teach alongside college lecturers.

## Virtual simulation

Where real equipment is too expensive, too dangerous or too large for a classroom, virtual simulation systems let students practise procedures many times before working on real machines. Simulation is also used to train for situations that are rare in real life, such as equipment faults.

## What this means for suppliers

Colleges look for suppliers who understand both the industry and teaching: equipment must be robust enough for daily student use, come with course materials and be easy to update as industry technology moves on.`,
			},
		},
	},
	{
		Category: "industry",
		Released: "2025-09-02 09:00",
		Cover:    "sport-pe-facilities",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "新学期新检查：学校全面排查体育器材和场地设施",
				Summary: "开学之际，学校对体育器材进行安全检查，并探索支持学生每天参加体育锻炼的新办法。",
				Source:  "教育装备行业资讯",
				Body: `秋季开学是学校体育部门最忙碌的时候。开课之前，要对器材和场地设施进行检查，并制定全年的体育教学和课后体育活动计划。

## 安全第一

篮球架、足球门、攀爬架等固定器材必须安装牢固并定期检查。垫子、球类和小型器材损耗较快，需要及时更换。跑道和运动地面也要检查有无可能造成伤害的破损。

## 每天都要动起来

学校积极保障学生每天参加体育锻炼，这带动了以下需求：

- 课间可以快速摆放和收纳的器材
- 适合操场角落和小场地使用的器材，而不仅仅是标准场地
- 能够自动记录成绩的体质健康测试设备

## 重视质量

采购时，学校重点关注产品安全标准、耐用性和售后服务。能够将安装、检查和维护一并提供的供应商更具优势。`,
			},
			"en": {
				Title:   "New term, new checks: schools review PE equipment and sports facilities",
				Summary: "At the start of the school year, schools check sports equipment for safety and look for new ways to support daily physical activity.",
				Source:  "Education Equipment Industry News",
				Body: `The start of the autumn term is a busy time for school sports departments. Before lessons begin, equipment and facilities are checked, and plans are made for the year's physical education and after-school sport.

## Safety first

Fixed equipment such as basketball stands, football goals and climbing frames must be firmly anchored and inspected regularly. Mats, balls and small apparatus wear out quickly and need to be replaced in good time. Running tracks and sports floors are checked for damage that could cause injuries.

## More activity every day

Schools are working to make sure that students are physically active every day. This has increased demand for:

- Equipment that can be set up and put away quickly between lessons
- Apparatus for playgrounds and small spaces, not only for full-size pitches
- Fitness and health testing equipment that records results automatically

## Looking for quality

When buying, schools pay close attention to product safety standards, durability and after-sales service. Suppliers who can offer installation, inspection and maintenance as one package are well placed.`,
			},
		},
	},
	{
		Category: "industry",
		Released: "2025-11-18 09:00",
		Cover:    "smart-classroom-lighting",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "智慧教室更加关注光环境与视力健康",
				Summary: "学校在改造教室时，越来越重视教室照明、显示设备质量和屏幕使用时长。",
				Source:  "教育装备行业资讯",
				Body: `对儿童青少年近视问题的关注，促使学校更加细致地审视学生的学习环境，照明和显示设备成为讨论的焦点。

## 更好的教室照明

许多学校正在用专为教室设计的照明灯具替换老旧灯具，使每张课桌的光线均匀，并减少黑板上的眩光。为黑板或显示区域单独设置照明，能让后排学生看得更清楚。一些系统还能随自然光变化自动调节亮度。

## 更护眼的显示设备

如今的交互式智能平板普遍具备防眩光屏幕、低频闪等功能。学校也在思考每节课的屏幕使用时长，以及屏幕、纸笔和动手活动之间的平衡。

## 审慎采购

教室照明应符合国家有关教室照明的标准，采购时不妨向供应商索取检测报告和安装方案。与其他改造一样，好的效果不仅取决于产品本身，也离不开规范安装和定期维护。`,
			},
			"en": {
				Title:   "Smart classrooms pay more attention to light and eye health",
				Summary: "Classroom lighting, display quality and screen time are getting more attention as schools upgrade their classrooms.",
				Source:  "Education Equipment Industry News",
				Body: `Concern about short-sightedness among children and young people has made schools look more carefully at the environment in which students learn. Lighting and displays are at the centre of this discussion.

## Better classroom lighting

Many schools are replacing old fittings with lighting designed for classrooms, giving even light across every desk and reducing glare on the board. Separate lighting for the blackboard or display area helps students at the back of the room read clearly. Some systems adjust light levels automatically as daylight changes.

## Displays that are easier on the eyes

Interactive flat panels now often include anti-glare surfaces and reduced flicker. Schools are also thinking about how long screens are used in each lesson, and about the balance between screens, paper and hands-on activities.

## Buying with care

Lighting should meet the national standards for classrooms, and it is worth asking suppliers for test reports and installation plans. As with any upgrade, a good result depends on correct installation and regular maintenance, not just on the product itself.`,
			},
		},
	},
	{
		Category: "industry",
		Released: "2026-01-20 09:00",
		Cover:    "stem-maker-space",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "STEM与创客空间从兴趣小组走进课程表",
				Summary: "学校正把创客空间和机器人实验室纳入常规课程，对装备供应商提出了新的要求。",
				Source:  "教育装备行业资讯",
				Body: `几年前，机器人和创客活动大多以课后兴趣小组的形式开展，参与的只是少数爱好者。如今，许多学校已将其纳入信息科技、科学和通用技术等常规课程。

## 学校在建什么

- 配备3D打印机、激光切割机和手工工具的创客空间
- 配备适合不同年龄段套件的机器人与编程实验室
- 可灵活组合、便于小组项目学习的家具

## 课程与套件同样重要

教师们反映，最难的不是选装备，而是设计一套能逐年提升学生能力的课程。因此，学校更看重能提供课程资源、教师培训以及与课程标准相衔接的项目的供应商。

## 安全与管理

创客空间的工具和设备需要明确的安全规范、现场管理和妥善存放。学校还需要简便的方法管理耗材、保持设备完好，让创客空间在建成多年后依然得到充分使用。`,
			},
			"en": {
				Title:   "STEM and maker spaces move from after-school clubs into the timetable",
				Summary: "Schools are building maker spaces and robotics labs into regular lessons, changing what they need from equipment suppliers.",
				Source:  "Education Equipment Industry News",
				Body: `A few years ago, robotics and maker activities were mostly run as after-school clubs for a small number of enthusiastic students. Today many schools are bringing them into the regular timetable, in information technology, science and general technology lessons.

## What schools are building

- Maker spaces with 3D printers, laser cutters and hand tools
- Robotics and coding labs with kits suited to different age groups
- Flexible furniture that can be rearranged for group projects

## Courses matter as much as kits

Teachers report that the hardest part is not choosing the equipment but planning a sequence of lessons that builds students' skills from year to year. Schools therefore look for suppliers who provide course materials, teacher training and projects that connect to the curriculum.

## Safety and management

Tools and machines in maker spaces need clear safety rules, supervision and storage. Schools also need a simple way to manage consumables and keep equipment in working order, so that the space is still well used several years after it opens.`,
			},
		},
	},
	{
		Category: "industry",
		Released: "2026-06-16 09:00",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "可调节课桌椅成为新建教室标配",
				Summary: "学校在采购新课桌椅时，越来越多地选择可根据学生身高调节的产品。",
				Source:  "教育装备行业资讯",
				Body: `同一个班级的学生身高差异可能很大，而且在一个学年里还在不断长高。合适的课桌椅有助于保持良好坐姿、集中注意力和保护视力。

## 可调节是基本要求

许多学校在采购时明确要求课桌椅高度可调，有的学校还会在学年初测量学生身高后分配桌椅。学校更青睐结构简单、坚固耐用，教师或后勤人员无需专用工具即可调节的产品。

## 其他要求

- 边角圆润、框架稳固，保证安全
- 桌面易清洁、耐刮擦
- 采用低释放材料，并能提供检测报告
- 便于拼组，满足讨论和项目学习的需要

## 采购规划

课桌椅要使用很多年，因此学校十分看重产品质量、质保条款和配件供应。大批量采购之前，到展厅或展会现场亲自试用，仍是重要的一步。`,
			},
			"en": {
				Title:   "Height-adjustable desks and chairs become standard in new classrooms",
				Summary: "Schools buying new classroom furniture increasingly choose desks and chairs that can be adjusted to each student's height.",
				Source:  "Education Equipment Industry News",
				Body: `Students in the same class can differ in height by a wide margin, and they keep growing through the school year. Furniture that fits them well helps posture, concentration and eye health.

## Adjustable by design

Many schools now specify desks and chairs that can be adjusted in height, and some assign furniture to students after measuring them at the start of the year. Simple, robust mechanisms that teachers or caretakers can adjust without special tools are preferred.

## Other requirements

- Rounded edges and stable frames for safety
- Surfaces that are easy to clean and resistant to scratches
- Low-emission materials, with test reports available
- Designs that allow desks to be grouped for discussion and project work

## Planning purchases

Furniture is expected to last many years, so schools look closely at quality, warranty terms and the availability of spare parts. Trying furniture in person at a showroom or exhibition remains an important step before a large order.`,
			},
		},
	},
	{
		Category: "industry",
		Released: "2026-08-25 09:00",
		Cover:    "library-reading-space",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "学校图书馆正在变身阅读与学习空间",
				Summary: "学校正把传统图书馆改造成开放、舒适、鼓励阅读和自主学习的空间。",
				Source:  "教育装备行业资讯",
				Body: `各学段学校都高度重视阅读，许多学校也在重新规划图书馆。目标是让图书馆从“存书的房间”变成学生愿意停留的空间。

## 开放与灵活

新建的学校图书馆常采用适合儿童身高的开放式书架、配有软座的阅读角，以及可移动、便于小组学习的桌子。阅读区也开始出现在走廊、教室和户外，让图书离学生更近。

## 隐身幕后的技术

自助借还设备、数字化书目和电子阅读资源，让学生更容易找到和借阅图书，也让图书馆工作人员有更多时间组织阅读活动。

## 图书与家具的选择

学校希望馆藏适合学生的年龄和兴趣，家具安全、耐用、舒适。良好的照明和安静的区域，与书架上的图书数量同样重要。`,
			},
			"en": {
				Title:   "School libraries are being redesigned as reading and learning spaces",
				Summary: "Schools are turning traditional libraries into open, comfortable spaces that encourage reading and independent study.",
				Source:  "Education Equipment Industry News",
				Body: `Reading is a priority in schools at every level, and many are rethinking their libraries to match. The aim is to move from a room where books are stored to a space where students want to spend time.

## Open and flexible

New school libraries often feature open shelving at child height, reading corners with soft seating and tables that can be moved for group work. Reading areas are also appearing in corridors, classrooms and outdoor spaces, bringing books closer to students.

## Technology in the background

Self-service issue and return machines, digital catalogues and e-reading resources make it easier for students to find and borrow books, and free library staff to spend more time on reading activities.

## Choosing books and furniture

Schools look for collections that suit their students' ages and interests, and for furniture that is safe, durable and comfortable. Good lighting and quiet zones matter as much as the number of books on the shelves.`,
			},
		},
	},
	{
		Category: "media",
		Released: "2026-04-17 18:00",
		Cover:    "media-smart-classroom-crowds",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "开幕首日：智慧教室和STEM展区人气火爆",
				Summary: "第二十一届辽宁教育装备展示会在沈阳开幕，智慧教室和STEM展区通道人头攒动。",
				Source:  "辽宁教育报道",
				Body: `2026辽宁教育装备展示会今天上午在沈阳辽宁工业展览馆开幕。上午十点刚过，智慧教室和STEM展区的通道里已挤满了前来参观的教师和学校管理人员。

## 先体验，再选择

不少观众带着具体问题而来。教师们试用交互式教学设备和录播系统，询问课程资源如何在教室之间共享，并比较不同系统的上手难度。

在机器人和编程展位前，观众围观现场搭建和编程的学生项目。多家参展企业表示，教师们不仅关心套件本身，对配套课程和培训也格外感兴趣。

## 学校组团参观

学校参观团组全天陆续抵达。对许多教师来说，展会是难得的机会，可以集中比较各类产品，并与供应商面对面交流。

展会将持续至4月19日。`,
			},
			"en": {
				Title:   "Opening day: smart classroom and STEM areas draw crowds",
				Summary: "The 21st Liaoning Educational Equipment Exhibition opened in Shenyang with busy aisles in the smart classroom and STEM areas.",
				Source:  "Liaoning Education Report",
				Body: `The Liaoning Educational Equipment Exhibition 2026 opened this morning at the Liaoning Industrial Exhibition Hall in Shenyang. By mid-morning, the aisles around the smart classroom and STEM areas were crowded with teachers and school managers.

## Trying before buying

Many visitors came with specific questions. Teachers tested interactive displays and lesson-recording systems, asked how lesson content could be shared between classrooms, and compared how quickly colleagues could learn different systems.

At the robotics and coding booths, visitors watched student projects being built and programmed on the spot. Several exhibitors said teachers were particularly interested in courses and training, not only in the kits themselves.

## School groups

School groups arrived throughout the day. For many teachers, the exhibition is a rare chance to compare a wide range of products side by side and to talk directly with suppliers.

The exhibition continues until 19 April.`,
			},
		},
	},
	{
		Category: "media",
		Released: "2026-04-18 16:00",
		Cover:    "media-vocational-training-zone",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "职业院校组团参观 实训装备展区受关注",
				Summary: "展会第二天，来自各地职业院校的教师集中参观实训装备展区，关注贴近真实岗位的实训设备。",
				Source:  "东北装备观察",
				Body: `2026辽宁教育装备展示会第二天，来自全省各地职业院校的教师团组集中来到职业教育实训装备展区。

## 贴近真实岗位的装备

参展企业展示了智能制造、汽车维修、电气工程等专业的实训设备，其中许多采用与工业现场相同的部件。虚拟仿真系统让观众可以体验那些在真实设备上练习成本高或风险大的操作流程。

## 院校关心的问题

院校教师询问装备如何随技术进步升级、可同时容纳多少学生实训，以及是否配套课程资源和师资培训。多家参展企业专门派出工程师现场解答技术问题。

## 持续升温的展区

该展区的参展企业表示，与往届相比，观众关注度明显提升，这也反映出区域内院校与企业合作日益紧密。`,
			},
			"en": {
				Title:   "Vocational colleges come in groups to see training equipment at work",
				Summary: "Teachers from vocational colleges spent the second day of the 2026 exhibition in the training equipment area, looking at equipment that mirrors real workplaces.",
				Source:  "North-East Equipment Observer",
				Body: `On the second day of the Liaoning Educational Equipment Exhibition 2026, groups of teachers from vocational colleges across the province gathered in the vocational training equipment area.

## Equipment that mirrors the workplace

Exhibitors showed training rigs for smart manufacturing, motor-vehicle repair and electrical engineering, many of them built around components used in industry. Virtual simulation systems let visitors try procedures that would be expensive or risky to practise on real equipment.

## Questions from colleges

College teachers asked how equipment could be updated as technology changes, how many students could train at the same time, and whether course materials and teacher training were included. Several exhibitors brought engineers to answer technical questions.

## A growing area

Exhibitors in the area said interest had grown compared with previous years, reflecting closer cooperation between colleges and companies in the region.`,
			},
		},
	},
	{
		Category: "media",
		Released: "2026-04-20 09:00",
		Cover:    "media-forum-digital-learning",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "教育数字化论坛：从配齐设备到日常应用",
				Summary: "2026展会期间举办的一场论坛，探讨学校如何把数字化装备投入转化为更好的日常教学。",
				Source:  "教育科技周刊",
				Body: `教育数字化论坛是2026辽宁教育装备展示会上最受欢迎的活动之一，学校管理者、一线教师和技术专家齐聚一堂。

## 主要观点

- **从教学需求出发**：与会者一致认为，学校从明确的教学目标而不是功能清单出发，才能让新装备发挥更大作用。
- **支持教师**：培训、共享课例和可以随时请教的同事，比设备数量更重要。
- **简单好用**：开机快、运行稳定的设备，使用率更高。
- **保护数据**：学校需要明确学生数据采集、存储和共享的规则。

## 来自台下的声音

台下的教师提出了不少实际问题，例如如何保持设备及时更新，如何应对同一所学校里多家供应商的设备。有教师建议，供应商应在安装之后提供更长期的支持。

该论坛是为期三天的展会期间举办的20场活动之一。`,
			},
			"en": {
				Title:   "Forum on digital learning: from devices to daily practice",
				Summary: "A forum at the 2026 exhibition looked at how schools can turn investment in digital equipment into better everyday teaching.",
				Source:  "EdTech Weekly",
				Body: `One of the best-attended sessions at the Liaoning Educational Equipment Exhibition 2026 was a forum on digital learning, which brought together school managers, teachers and technology specialists.

## Main points

- **Start with teaching needs**: participants agreed that schools get more from new equipment when they begin with a clear teaching goal rather than a list of features.
- **Support teachers**: training, shared lesson examples and a colleague to ask for help were seen as more important than the number of devices.
- **Keep it simple**: equipment that starts quickly and works reliably is used more often.
- **Look after data**: schools need clear rules for collecting, storing and sharing student data.

## From the audience

Teachers in the audience raised practical issues, such as keeping devices up to date and dealing with equipment from several suppliers in one school. Some suggested that suppliers should offer longer-term support after installation.

The forum was one of 20 sessions held during the three-day exhibition.`,
			},
		},
	},
	{
		Category: "media",
		Released: "2026-05-06 09:00",
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "2026展会观察：学校采购方最看重什么",
				Summary: "耐用性、售后服务和配套培训，是今年辽宁教育装备展示会上学校采购方最关注的三个方面。",
				Source:  "校园采购参考",
				Body: `2026辽宁教育装备展示会共接待专业观众约36000名。从展会现场与采购方的交流来看，学校的关注点相当清晰。

## 可靠胜过新奇

采购方对新产品很感兴趣，但最关心的还是装备在学生多年日常使用后能否经久耐用。质保条款和配件供应是许多洽谈中反复提到的话题。

## 服务贴近学校

学校更愿意选择出现问题时能够快速响应的供应商。在辽宁设有服务团队或在当地有合作伙伴的参展企业，在这方面优势明显。

## 培训不可或缺

尤其是数字化和STEM类装备，采购方会询问是否包含教师培训、是否提供配套课程资源。

## 同台比较

许多采购方表示，展会最大的价值在于可以集中比较同类产品，为制定下一年度的采购计划节省了大量时间。`,
			},
			"en": {
				Title:   "What school buyers looked for at the 2026 exhibition",
				Summary: "Durability, after-sales service and training topped school buyers' lists at this year's Liaoning Educational Equipment Exhibition.",
				Source:  "School Procurement Review",
				Body: `The Liaoning Educational Equipment Exhibition 2026 welcomed about 36,000 professional visitors. Conversations with buyers on the show floor point to a few clear priorities.

## Reliability over novelty

Buyers were interested in new products, but asked above all how equipment would hold up after several years of daily use by students. Warranty terms and the availability of spare parts came up in many conversations.

## Service close to schools

Schools prefer suppliers who can respond quickly when something goes wrong. Exhibitors with service teams in Liaoning, or partners nearby, found this a strong selling point.

## Training included

For digital and STEM equipment in particular, buyers asked what teacher training was included and whether course materials were provided.

## Seeing products side by side

Many buyers said the exhibition's main value was the chance to compare similar products in one place, which saved time when preparing purchasing plans for the coming year.`,
			},
		},
	},
	{
		Category: "video",
		Released: "2026-04-19 17:30",
		Cover:    "video-expo-hall-2026",
		Video:    true,
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "视频：2026辽宁教育装备展示会精彩回顾",
				Summary: "一段短片带您回顾第二十一届辽宁教育装备展示会的三天精彩瞬间。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `这段短片回顾了2026年4月17日—19日在沈阳辽宁工业展览馆举办的2026辽宁教育装备展示会。

## 视频内容

- 开幕当天上午，首批观众陆续入场
- 智慧教室和实验室展区的现场演示
- 教师在体验区试用机器人套件和体育器材
- 教育数字化论坛现场

## 本届展会速览

本届展会约560家企业参展，专业观众约36000名，三天内共举办论坛与研讨活动20场。

第二十二届展会将于2027年4月16日—18日在同一场馆举办。`,
			},
			"en": {
				Title:   "Video: highlights of the 2026 exhibition",
				Summary: "A short film looks back at three days of the 21st Liaoning Educational Equipment Exhibition.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `This short video looks back at the Liaoning Educational Equipment Exhibition 2026, held from 17 to 19 April at the Liaoning Industrial Exhibition Hall in Shenyang.

## In the video

- The halls on opening morning, as the first visitors arrive
- Live demonstrations in the smart classroom and laboratory areas
- Teachers trying robotics kits and sports equipment in the hands-on zones
- A forum session on digital learning

## The 2026 edition at a glance

About 560 exhibitors and about 36,000 professional visitors took part, and 20 forums and workshops were held over the three days.

The 22nd edition will take place from 16 to 18 April 2027 at the same venue.`,
			},
		},
	},
	{
		Category: "video",
		Released: "2026-10-20 15:00",
		Cover:    "video-hall-plan-2027",
		Video:    true,
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "视频：抢先看2027展会展区布局",
				Summary: "一段简短动画展示2027年十一大展示类别在一号馆和二号馆的分布。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `配合2027年展区布局的发布，主办方推出一段简短动画，展示本届展会在辽宁工业展览馆一号馆、二号馆的整体布局。

## 动画内容

- 一号馆：智慧教室、实验室、STEM、职业教育实训、图书馆与阅读、图书与教育出版等教学与学习类展区
- 二号馆：体育、艺术与音乐、学前教育、校园家具、校园安全与后勤等校园生活类展区
- 加宽的主通道和新设的体验区
- 两个展馆的论坛区

## 规划您的参展与参观

展会将于2027年4月16日—18日举办。企业仍可报名参展，2027年2月28日前报名可享受早鸟价格。`,
			},
			"en": {
				Title:   "Video: a first look at the 2027 hall plan",
				Summary: "A short animation shows how the eleven display categories will be arranged across Halls 1 and 2 in 2027.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `To accompany the publication of the 2027 hall layout, the organiser has released a short animation showing how the exhibition will be arranged in Halls 1 and 2 of the Liaoning Industrial Exhibition Hall.

## What the animation shows

- Hall 1, with the teaching and learning categories: smart classroom, laboratory, STEM, vocational training, library and reading, and publishing
- Hall 2, with the school life and campus categories: sports, arts and music, preschool, furniture, and campus safety and logistics
- The wider main aisles and the new hands-on zones
- The forum areas in both halls

## Plan your visit

The exhibition takes place from 16 to 18 April 2027. Companies can still apply for booths, with early-bird pricing until 28 February 2027.`,
			},
		},
	},
	{
		Category: "photo",
		Released: "2026-04-17 18:00",
		Cover:    "photo-2026-hall-entrance",
		Photos: []samplePhoto{
			{Image: "photo-2026-hall-entrance", Caption: map[string]string{
				"zh": "开幕当天上午，观众陆续抵达辽宁工业展览馆。",
				"en": "Visitors arrive at the Liaoning Industrial Exhibition Hall on opening morning.",
			}},
			{Image: "photo-2026-smart-classroom-area", Caption: map[string]string{
				"zh": "教师在智慧教室展区体验交互式教学设备。",
				"en": "Teachers try interactive displays in the smart classroom area.",
			}},
			{Image: "photo-2026-lab-demo", Caption: map[string]string{
				"zh": "实验室装备展位上的现场实验演示。",
				"en": "A live experiment at a laboratory equipment booth.",
			}},
			{Image: "photo-2026-robot-stem-zone", Caption: map[string]string{
				"zh": "STEM展区展出的教育机器人。",
				"en": "Educational robots on show in the STEM area.",
			}},
			{Image: "photo-2026-forum-digital-learning", Caption: map[string]string{
				"zh": "教育数字化论坛现场座无虚席。",
				"en": "A full room for the forum on digital learning.",
			}},
			{Image: "photo-2026-hall-aisles", Caption: map[string]string{
				"zh": "午后的展馆通道人流不息。",
				"en": "Busy aisles in the afternoon.",
			}},
		},
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "图片故事：2026展会开幕首日",
				Summary: "一组图片记录第二十一届辽宁教育装备展示会在沈阳开幕的第一天。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `2026辽宁教育装备展示会于4月17日在沈阳辽宁工业展览馆开幕。这组图片记录了开幕首日的场景：从清晨首批观众入场，到午后展馆通道里的熙熙攘攘。

教师和学校管理人员在智慧教室、实验室装备和STEM展区停留的时间最长，他们亲手试用装备，与参展企业深入交流。下午，论坛日程中的首批活动陆续开始，教育数字化成为最受关注的话题之一。

在各个展区之间，不少学校团组一边参观一边讨论，把感兴趣的产品记录下来，准备带回学校与同事分享。

展会将持续至4月19日。`,
			},
			"en": {
				Title:   "Photo story: opening day of the 2026 exhibition",
				Summary: "Pictures from the first day of the 21st Liaoning Educational Equipment Exhibition in Shenyang.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `The Liaoning Educational Equipment Exhibition 2026 opened on 17 April at the Liaoning Industrial Exhibition Hall in Shenyang. These pictures follow the first day, from the arrival of the first visitors in the morning to the busy aisles of the afternoon.

Teachers and school managers spent much of the day in the smart classroom, laboratory and STEM areas, trying equipment for themselves and talking with exhibitors. In the afternoon the first sessions of the forum programme began, with digital learning among the most popular topics.

Between the stands, many school groups compared notes as they went, writing down the products that interested them to share with colleagues back at school.

The exhibition continues until 19 April.`,
			},
		},
	},
	{
		Category: "photo",
		Released: "2026-04-19 12:00",
		Cover:    "photo-2026-hands-on-robot-coding",
		Photos: []samplePhoto{
			{Image: "photo-2026-hands-on-robot-coding", Caption: map[string]string{
				"zh": "在编程体验区为机器人编写程序。",
				"en": "Programming a robot at the coding workshop.",
			}},
			{Image: "photo-2026-hands-on-maker-printing", Caption: map[string]string{
				"zh": "创客展区里正在工作的3D打印机。",
				"en": "A 3D printer at work in the maker area.",
			}},
			{Image: "photo-2026-hands-on-sport-equipment", Caption: map[string]string{
				"zh": "体育教师在体育器材展区试用教学器材。",
				"en": "PE teachers try out equipment in the sports area.",
			}},
			{Image: "photo-2026-hands-on-preschool-corner", Caption: map[string]string{
				"zh": "幼儿园教师在学前教育体验角。",
				"en": "Kindergarten teachers at the preschool play corner.",
			}},
			{Image: "photo-2026-hands-on-reading-corner", Caption: map[string]string{
				"zh": "阅读角里的安静时光。",
				"en": "A quiet moment in the reading corner.",
			}},
		},
		Text: map[string]sampleNewsText{
			"zh": {
				Title:   "图片故事：2026展会体验区",
				Summary: "在2026展会体验区，教师们亲手试用机器人、体育器材、学前教育玩教具等各类装备。",
				Source:  "辽宁教育装备展示会组委会",
				Body: `体验区是2026辽宁教育装备展示会最受欢迎的亮点之一。教师们不再只是站在通道里观看演示，而是可以坐下来，拿起装备，像学生一样亲自试一试。

在机器人和创客展区，观众为机器人编写程序，观看3D打印机工作。在体育器材展区，体育教师试用各类教学器材和体质测试设备；幼儿园教师则在学前教育体验角流连忘返。阅读角为观众提供了一处安静的角落，可以翻阅图书、体验图书馆家具。

参展企业表示，亲身体验让双方围绕装备如何在真实课堂中使用展开了更深入的交流。`,
			},
			"en": {
				Title:   "Photo story: hands-on zones at the 2026 exhibition",
				Summary: "Teachers tried robots, sports equipment, preschool toys and more in the hands-on zones of the 2026 exhibition.",
				Source:  "Organising Committee, Liaoning Educational Equipment Exhibition",
				Body: `Hands-on zones were one of the most popular features of the Liaoning Educational Equipment Exhibition 2026. Instead of watching demonstrations from the aisle, teachers could sit down, pick up the equipment and try it as their students would.

In the robotics and maker areas, visitors programmed robots and watched 3D printers at work. In the sports area, PE teachers tested apparatus and fitness testing equipment, while kindergarten teachers spent time in the preschool play corner. The reading corner offered a quieter place to browse books and try library furniture.

Exhibitors said that time spent trying products led to more detailed conversations about how equipment would be used in real lessons.`,
			},
		},
	},
}
