/** Realistic demo catalogue entries (fictional organisations and numbers) for the local mode's first start. */
import type { Category, District, PurchaseMethod } from '../types/domain';

export interface DemoProduct {
  name: string;
  category: Category;
  purchaseMethod: PurchaseMethod;
  district: District;
  provider: string;
  summary: string;
  audience: string;
  channels: string;
  price: string;
  address: string;
  phone: string;
  hours: string;
  /** What to bring; when absent, the category's usual list (DEMO_MATERIALS). */
  materials?: string;
  /** Issue 24: where the service point is (WGS-84), read off a map at its address (every demo product has it). */
  latitude?: number;
  longitude?: number;
}

/** What people usually bring, by kind of service (demo data). */
export const DEMO_MATERIALS: Record<Category, string> = {
  'legal-aid': '本人身份证；经济困难的证明或书面承诺（劳动者追索报酬、工伤赔偿的免于审查）；与事情有关的材料，如合同、欠条、聊天记录、照片',
  mediation: '本人身份证；与纠纷有关的材料，如借条、合同、收据、照片、聊天记录；对方的姓名和联系方式（知道的话）',
  'legal-service': '本人身份证（单位带营业执照复印件）；要咨询或办理事项的材料，如合同、协议、证书',
  'legal-education': '无需准备材料；集体预约的请带单位或学校的联系人姓名和电话',
  other: '本人身份证；与事情有关的材料',
};

/** How often the service is given (服务周期频次), by kind of service (demo data): not the opening hours, which are their own field. */
export const DEMO_FREQUENCY: Record<Category, string> = {
  'legal-aid': '全年常态化受理；收到申请之日起 7 日内作出是否给予法律援助的决定，符合条件的当即指派',
  mediation: '全年常态化提供，纠纷随到随调，一般在 1 个月内调解结束；每月进社区（村）集中调解 1 次',
  'legal-service': '全年常态化提供，工作日每日接待；每月进社区（村、企业）集中服务不少于 1 次',
  'legal-education': '每月开展普法活动不少于 2 场，宪法宣传周、民法典宣传月等节点集中开展',
  other: '全年提供，按预约安排；每季度回访服务对象一次',
};

const WEEKDAYS = '周一至周五 8:30-12:00，13:30-17:00';

export const DEMO_PRODUCTS: DemoProduct[] = [
  { name: '“老娘舅”人民调解上门服务', category: 'mediation', purchaseMethod: 'free', district: '拱墅区', provider: '拱墅区和睦街道人民调解委员会', summary: '调解员上门化解邻里纠纷、家庭矛盾、小额借贷纠纷，当场调解、当场记录，达成协议的可申请司法确认。', audience: '辖区居民，特别是行动不便的老年人和残疾人', channels: '拨打服务电话预约；到街道调委会窗口；“浙里办”在线申请调解', price: '免费', address: '拱墅区和睦路 128 号和睦街道办事处一楼', phone: '0571-88012345', hours: WEEKDAYS, materials: '不用特意准备：打个电话，调解员上门来；有借条、收据、照片的，放在手边就好', latitude: 30.3093, longitude: 120.1432 },
  { name: '劳动争议法律援助快速通道', category: 'legal-aid', purchaseMethod: 'free', district: '钱塘区', provider: '钱塘区法律援助中心', summary: '为追索劳动报酬、工伤赔偿的劳动者提供免于经济困难审查的法律援助，三个工作日内指派律师。', audience: '农民工、快递骑手、网约车司机等新就业形态劳动者', channels: '拨打 12348 热线；到法律援助中心窗口；工地、站点流动服务点', price: '免费', address: '钱塘区文泽路 8 号公共法律服务中心', phone: '0571-86901234', hours: '周一至周六 8:30-17:30', materials: '本人身份证；劳动合同、工牌或工作服照片等能证明在这里干活的材料；工资条、转账记录、考勤记录；和老板或包工头的聊天记录（没有也可以来，律师会帮您想办法）', latitude: 30.3126, longitude: 120.3452 },
  { name: '小微企业法律体检', category: 'legal-service', purchaseMethod: 'subsidy', district: '西湖区', provider: '杭州之江律师事务所', summary: '律师上门为小微企业梳理合同、用工、知识产权等法律风险，出具体检报告和整改建议。', audience: '西湖区注册的小微企业和个体工商户', channels: '企业服务平台预约；商会统一报名；服务电话', price: '政府补贴后每家企业 300 元/次', address: '西湖区文三路 259 号昌地火炬大厦 12 楼', phone: '0571-87654321', hours: WEEKDAYS, latitude: 30.279, longitude: 120.131 },
  { name: '“法治进万家”普法讲座', category: 'legal-education', purchaseMethod: 'government-purchase', district: '上城区', provider: '上城区普法志愿者协会', summary: '围绕婚姻家庭、消费维权、防范电信诈骗等主题，进社区、进学校、进企业开展普法讲座。', audience: '社区居民、在校学生、企业职工', channels: '社区、学校、企业向街道司法所预约', price: '免费（政府购买）', address: '上城区清泰街 520 号', phone: '0571-87011234', hours: WEEKDAYS, latitude: 30.2538, longitude: 120.178 },
  { name: '公证服务“最多跑一次”', category: 'legal-service', purchaseMethod: 'standard-fee', district: '市本级', provider: '杭州市钱塘公证处', summary: '继承、赠与、委托等常见公证事项材料齐全的一次办结，支持线上申办、邮寄送达。', audience: '办理公证的市民和企业', channels: '公证处窗口；微信小程序在线申办；电话预约上门', price: '按浙江省公证服务收费标准收取', address: '上城区解放东路 45 号', phone: '0571-85100123', hours: '周一至周五 8:30-17:00，周六上午', latitude: 30.2468, longitude: 120.2098 },
  { name: '“一村一法律顾问”驻村服务', category: 'legal-service', purchaseMethod: 'government-purchase', district: '淳安县', provider: '淳安县千岛湖律师事务所', summary: '律师每月驻村坐班，为村两委和村民提供法律咨询、合同审查、矛盾化解。', audience: '淳安县各行政村村民和村两委', channels: '村便民服务中心坐班；微信群在线咨询；电话', price: '免费（政府购买）', address: '淳安县千岛湖镇新安大街 66 号', phone: '0571-64811234', hours: '每月第二、第四周周三驻村', latitude: 29.6062, longitude: 119.0398 },
  { name: '婚姻家庭纠纷调解室', category: 'mediation', purchaseMethod: 'free', district: '西湖区', provider: '西湖区妇女联合会婚姻家庭纠纷调解委员会', summary: '专业调解员和心理咨询师共同调解离婚财产分割、抚养、赡养纠纷，保护妇女儿童权益。', audience: '婚姻家庭纠纷当事人，特别是妇女和未成年人', channels: '到调解室；妇联热线 12338；法院诉前委派', price: '免费', address: '西湖区保俶路 80 号', phone: '0571-87901122', hours: WEEKDAYS, latitude: 30.266, longitude: 120.148 },
  { name: '物业纠纷专业调解', category: 'mediation', purchaseMethod: 'subsidy', district: '滨江区', provider: '滨江区物业纠纷人民调解委员会', summary: '针对物业费、停车、维修基金、装修等纠纷，组织业主、物业、社区三方调解。', audience: '滨江区住宅小区业主、业委会和物业服务企业', channels: '社区居委会转介；服务电话；线上申请', price: '当事人免费，调解经费由财政补贴', address: '滨江区江南大道 3850 号', phone: '0571-86601234', hours: WEEKDAYS, latitude: 30.2092, longitude: 120.2118 },
  { name: '未成年人法治教育基地', category: 'legal-education', purchaseMethod: 'free', district: '余杭区', provider: '余杭区青少年法治教育中心', summary: '模拟法庭、情景互动、禁毒展馆，帮助中小学生认识欺凌、网络沉迷、毒品危害。', audience: '中小学生、家长和教师', channels: '学校集体预约；节假日家庭预约', price: '免费', address: '余杭区文一西路 1818 号', phone: '0571-89012345', hours: '周二至周日 9:00-16:30', latitude: 30.288, longitude: 120.008 },
  { name: '残疾人法律援助绿色通道', category: 'legal-aid', purchaseMethod: 'free', district: '临平区', provider: '临平区法律援助中心', summary: '残疾人申请法律援助优先受理、优先指派，行动不便的可上门受理、手语翻译。', audience: '持证残疾人及其监护人', channels: '援助中心窗口；残联转介；上门受理', price: '免费', address: '临平区临平大道 567 号', phone: '0571-86201234', hours: WEEKDAYS, latitude: 30.4203, longitude: 120.2995 },
  { name: '企业合规指导服务', category: 'legal-service', purchaseMethod: 'subsidy', district: '萧山区', provider: '杭州萧然律师事务所', summary: '为中小企业建立合规管理制度，覆盖劳动用工、安全生产、数据保护，提供年度合规培训。', audience: '萧山区规模以下工业企业和商贸企业', channels: '企业向区工商联报名；服务电话预约', price: '政府补贴后 2000 元/年', address: '萧山区金城路 1038 号', phone: '0571-82701234', hours: WEEKDAYS, latitude: 30.1822, longitude: 120.2641 },
  { name: '退役军人法律服务站', category: 'legal-service', purchaseMethod: 'free', district: '富阳区', provider: '富阳区退役军人服务中心法律服务站', summary: '为退役军人及家属提供安置、社保、涉军维权等法律咨询和代理。', audience: '退役军人、现役军人家属', channels: '服务站窗口；电话；退役军人服务中心转介', price: '免费', address: '富阳区富春街道江滨西大道 21 号', phone: '0571-63301234', hours: WEEKDAYS, latitude: 30.0461, longitude: 119.954 },
  { name: '农民工工资争议速裁调解', category: 'mediation', purchaseMethod: 'free', district: '萧山区', provider: '萧山区劳动人事争议调解中心', summary: '工资争议当日受理、七日内调结，调解不成的引导仲裁，必要时申请法律援助。', audience: '被拖欠工资的农民工和劳务人员', channels: '调解中心窗口；12333 转介；工地流动调解', price: '免费', address: '萧山区人民路 258 号', phone: '0571-82861234', hours: '周一至周六 8:30-17:00', latitude: 30.166, longitude: 120.2701 },
  { name: '老年人遗嘱咨询与见证', category: 'legal-service', purchaseMethod: 'standard-fee', district: '上城区', provider: '杭州湖滨律师事务所', summary: '为老年人提供遗嘱、意定监护、赡养协议的咨询和律师见证，全程录音录像。', audience: '60 周岁以上老年人及其家属', channels: '律所预约；社区养老服务中心转介', price: '咨询免费；律师见证按标准收费 800 元/件', address: '上城区延安路 98 号', phone: '0571-87211234', hours: WEEKDAYS, latitude: 30.2472, longitude: 120.1651 },
  { name: '“枫桥式”商会调解', category: 'mediation', purchaseMethod: 'other', district: '余杭区', provider: '余杭区商会商事调解委员会', summary: '由商会推选的企业家和律师调解会员企业之间的合同、货款、合伙纠纷。', audience: '商会会员企业及其交易对象', channels: '商会秘书处；法院诉前委派', price: '会员免费；非会员按调解标的协商收费', address: '余杭区五常街道五常大道 181 号', phone: '0571-86121234', hours: WEEKDAYS, latitude: 30.283, longitude: 120.052 },
  { name: '消费维权法律咨询', category: 'legal-service', purchaseMethod: 'free', district: '拱墅区', provider: '拱墅区消费者权益保护协会', summary: '为预付卡、网购、装修等消费纠纷提供法律咨询和投诉指导。', audience: '拱墅区消费者', channels: '12315 转介；协会窗口；线上留言', price: '免费', address: '拱墅区湖墅南路 186 号', phone: '0571-88301234', hours: WEEKDAYS, latitude: 30.2801, longitude: 120.1552 },
  { name: '“宪法宣传周”主题活动', category: 'legal-education', purchaseMethod: 'government-purchase', district: '市本级', provider: '杭州市法治宣传教育中心', summary: '每年 12 月围绕宪法组织主题展览、知识竞赛和线上答题，覆盖全市各区县。', audience: '全体市民', channels: '线下展览；微信公众号线上答题', price: '免费（政府购买）', address: '拱墅区环城北路 318 号', phone: '0571-85170123', hours: '每年 12 月 1 日至 12 月 7 日', latitude: 30.276, longitude: 120.1671 },
  { name: '交通事故损害赔偿调解', category: 'mediation', purchaseMethod: 'free', district: '临安区', provider: '临安区道路交通事故人民调解委员会', summary: '驻交警队调解室，对交通事故赔偿争议进行调解，联动保险公司快速理赔。', audience: '交通事故当事人', channels: '交警大队调解室；电话预约', price: '免费', address: '临安区锦城街道钱王街 800 号', phone: '0571-63701234', hours: '周一至周日 8:30-17:00', latitude: 30.233, longitude: 119.7162 },
  { name: '外来务工人员法律夜校', category: 'legal-education', purchaseMethod: 'subsidy', district: '钱塘区', provider: '钱塘区工会职工服务中心', summary: '每周两个晚上开课，讲授劳动合同、工伤保险、租房等实用法律知识。', audience: '外来务工人员', channels: '工会报名；企业统一组织', price: '学员免费，课程经费财政补贴', address: '钱塘区下沙路 188 号', phone: '0571-86911234', hours: '周二、周四 19:00-21:00', latitude: 30.3052, longitude: 120.3301 },
  { name: '知识产权维权援助', category: 'legal-service', purchaseMethod: 'subsidy', district: '滨江区', provider: '杭州高新知识产权服务中心', summary: '为科技型中小企业提供商标、专利、著作权侵权的维权咨询、证据保全指导和诉讼代理。', audience: '滨江区科技型中小企业、创业团队', channels: '服务中心窗口；园区服务站；线上申请', price: '咨询免费；代理费用财政补贴 50%', address: '滨江区网商路 699 号', phone: '0571-86711234', hours: WEEKDAYS, latitude: 30.1902, longitude: 120.1893 },
  { name: '刑事案件律师辩护全覆盖', category: 'legal-aid', purchaseMethod: 'government-purchase', district: '市本级', provider: '杭州市法律援助中心', summary: '对适用普通程序审理的一审刑事案件，没有委托辩护人的被告人由法律援助律师辩护。', audience: '没有委托辩护人的刑事案件被告人', channels: '法院通知；看守所法律援助工作站', price: '免费（政府购买）', address: '上城区庆春路 227 号', phone: '12348', hours: '周一至周五 8:30-17:00', latitude: 30.2592, longitude: 120.1742 },
  { name: '山区群众巡回法律服务', category: 'legal-service', purchaseMethod: 'government-purchase', district: '建德市', provider: '建德市公共法律服务中心', summary: '法律服务车定期进山入村，提供咨询、调解、公证预约和法律援助受理。', audience: '建德市偏远山区村民', channels: '巡回服务车；村委会预约', price: '免费（政府购买）', address: '建德市新安江街道严州大道 188 号', phone: '0571-64711234', hours: '每周三、周五巡回', latitude: 29.4782, longitude: 119.2801 },
  { name: '医疗纠纷人民调解', category: 'mediation', purchaseMethod: 'free', district: '市本级', provider: '杭州市医疗纠纷人民调解委员会', summary: '由医学和法律专家组成的调解员队伍，对医疗损害赔偿纠纷进行专业调解。', audience: '医患纠纷双方当事人', channels: '医调委窗口；医院投诉办转介；电话', price: '免费', address: '西湖区天目山路 198 号', phone: '0571-85801234', hours: WEEKDAYS, latitude: 30.2761, longitude: 120.1352 },
  { name: '社区矫正对象法治教育', category: 'legal-education', purchaseMethod: 'other', district: '桐庐县', provider: '桐庐县社区矫正社会工作服务社', summary: '为社区矫正对象开展集中法治教育、心理辅导和就业指导，帮助顺利回归社会。', audience: '社区矫正对象及其家属', channels: '司法所统一安排', price: '免费（社会组织公益项目）', address: '桐庐县城南街道迎春南路 50 号', phone: '0571-64311234', hours: '每月第一周周五', latitude: 29.7881, longitude: 119.6902 },
  { name: '家事法律援助“护苗”行动', category: 'legal-aid', purchaseMethod: 'free', district: '富阳区', provider: '富阳区法律援助中心', summary: '为涉及抚养费、监护权的未成年人提供法律援助，儿童权益受侵害时优先指派律师。', audience: '未成年人及其监护人', channels: '援助中心窗口；学校、妇联转介', price: '免费', address: '富阳区金桥北路 8 号', phone: '0571-63401234', hours: WEEKDAYS, latitude: 30.0522, longitude: 119.9621 },
  { name: '网络直播普法', category: 'legal-education', purchaseMethod: 'free', district: '临平区', provider: '临平区律师协会', summary: '律师每周直播解读热点案例，在线答复网友法律问题，回放长期可看。', audience: '全体网民，特别是青年群体', channels: '微信视频号、抖音直播；回放在公众号', price: '免费', address: '临平区星桥街道星光街 99 号', phone: '0571-86221234', hours: '每周四 20:00 直播', latitude: 30.392, longitude: 120.2682 },
  { name: '行政复议咨询服务', category: 'legal-service', purchaseMethod: 'free', district: '市本级', provider: '杭州市行政复议咨询服务中心', summary: '解答行政复议申请条件、期限、材料，指导群众依法表达诉求。', audience: '对行政行为有异议的公民、法人和其他组织', channels: '窗口咨询；电话；网上申请', price: '免费', address: '上城区解放东路 18 号', phone: '0571-85251234', hours: WEEKDAYS, latitude: 30.2451, longitude: 120.2118 },
  { name: '法律顾问进企业（按需付费）', category: 'legal-service', purchaseMethod: 'standard-fee', district: '萧山区', provider: '杭州钱江律师事务所', summary: '为企业提供常年法律顾问服务，按服务包计费，包括合同审查、催收、劳动用工咨询。', audience: '有常年法律服务需求的中小企业', channels: '律所预约；企业服务平台', price: '按服务包标准：基础包 6000 元/年起', address: '萧山区市心中路 818 号', phone: '0571-82621234', hours: WEEKDAYS, latitude: 30.176, longitude: 120.2651 },
  { name: '旅游纠纷快速调处', category: 'mediation', purchaseMethod: 'subsidy', district: '淳安县', provider: '千岛湖旅游纠纷人民调解委员会', summary: '景区设点调解游客与旅行社、景区、民宿之间的消费纠纷，力争当日化解。', audience: '来淳游客、旅游经营者', channels: '景区服务点；旅游投诉热线转介', price: '当事人免费，调解经费财政补贴', address: '淳安县千岛湖镇环湖北路 300 号', phone: '0571-64821234', hours: '每日 8:00-18:00', latitude: 29.6122, longitude: 119.035 },
  { name: '乡村“法律明白人”培训', category: 'legal-education', purchaseMethod: 'government-purchase', district: '桐庐县', provider: '桐庐县司法局', summary: '每村培养不少于 3 名“法律明白人”，系统培训土地承包、婚姻家庭、邻里纠纷等法律知识。', audience: '村干部、网格员、乡贤', channels: '乡镇司法所组织报名', price: '免费（政府购买）', address: '桐庐县桐君街道白云源路 1 号', phone: '0571-64621234', hours: '每季度一期', latitude: 29.8002, longitude: 119.6802 },
  { name: '涉外法律咨询', category: 'other', purchaseMethod: 'other', district: '滨江区', provider: '杭州涉外法律服务联盟', summary: '为外贸企业和在杭外籍人士提供中英文法律咨询，涉及跨境合同、签证、劳动。', audience: '外贸企业、在杭外籍人士', channels: '线上预约；联盟成员律所', price: '首次咨询免费，后续按协商收费', address: '滨江区江虹路 768 号', phone: '0571-86821234', hours: WEEKDAYS, latitude: 30.1982, longitude: 120.193 },
  { name: '公共法律服务机器人自助咨询', category: 'other', purchaseMethod: 'free', district: '余杭区', provider: '余杭区公共法律服务中心', summary: '智能法律服务终端 24 小时自助咨询、文书生成和视频连线律师。', audience: '全体市民', channels: '各镇街公共法律服务站自助终端', price: '免费', address: '余杭区仓前街道文一西路 1500 号', phone: '0571-86131234', hours: '全天 24 小时（视频律师 9:00-17:00）', latitude: 30.29, longitude: 119.99 },
  { name: '困难群众诉讼费缓减指引', category: 'legal-aid', purchaseMethod: 'other', district: '建德市', provider: '建德市法律援助中心', summary: '指导经济困难当事人申请诉讼费缓交、减交、免交，并协助准备材料。', audience: '低保、低边家庭及其他经济困难群众', channels: '援助中心窗口；电话', price: '免费', address: '建德市新安江街道府东街 20 号', phone: '0571-64781234', hours: WEEKDAYS, latitude: 29.4752, longitude: 119.2851 },
  { name: '征地拆迁法律咨询', category: 'other', purchaseMethod: 'subsidy', district: '临安区', provider: '杭州临安天目律师事务所', summary: '为被征收群众解读征收补偿政策，审查补偿协议，引导依法维权。', audience: '被征收房屋、土地的群众', channels: '律所；乡镇司法所转介', price: '政府补贴，群众免费咨询', address: '临安区锦北街道农林大路 100 号', phone: '0571-63791234', hours: WEEKDAYS, latitude: 30.2551, longitude: 119.7252 },
];
