/**
 * This year's call in the demo (fictional): the declarations at every stage, the needs on the board, and what people
 * say — publicity comments with the bureau's answers, ratings' words, the panel's comments.
 */
import type { DemoProduct } from '../demoProducts';

const WEEKDAYS = '周一至周五 8:30-12:00，13:30-17:00';

/** Where a declaration of this year's call stands today. */
export type Stage = 'published' | 'not-passed' | 'in-publicity' | 'proposed' | 'in-review' | 'submitted' | 'draft' | 'awaiting-endorsement';

export interface NewDeclaration extends DemoProduct {
  stage: Stage;
  /** The panel's average it is scored around. */
  target: number;
  /** Recommended by the association (组织推荐). */
  recommended?: boolean;
  /** Needs on the board it answers (indices into NEEDS). */
  answersNeeds?: number[];
}

/** A provider that is not in the catalogue yet registers itself this year. */
export const NEW_PROVIDERS = [{ name: '杭州云帆网络科技有限公司', kind: 'enterprise' as const, district: '滨江区' as const, contactName: '蒋一帆', contactPhone: '0571-86890000' }];

export const NEW_DECLARATIONS: NewDeclaration[] = [
  {
    stage: 'published',
    target: 88,
    answersNeeds: [0],
    name: '新就业形态劳动者法律服务驿站',
    category: 'legal-aid',
    purchaseMethod: 'free',
    district: '钱塘区',
    provider: '钱塘区法律援助中心',
    summary: '在快递站点、外卖骑手驿站设立法律服务点，律师每周两次晚间坐班，欠薪、工伤、交通事故当场咨询，符合条件的当日受理法律援助。',
    audience: '快递员、外卖骑手、网约车司机等新就业形态劳动者',
    channels: '驿站坐班；拨打 12348 热线；微信小程序预约',
    price: '免费',
    address: '钱塘区白杨街道 6 号大街 452 号骑手驿站',
    latitude: 30.3102,
    longitude: 120.3551,
    phone: '0571-86909876',
    hours: '每周二、周四 18:00-21:00（驿站坐班）',
    materials: '本人身份证；平台账号截图、接单记录或工资流水；和站点、平台的聊天记录（没有也可以来）',
  },
  {
    stage: 'published',
    target: 86,
    name: '“银龄”法律服务热线',
    category: 'legal-service',
    purchaseMethod: 'free',
    district: '上城区',
    provider: '杭州湖滨律师事务所',
    summary: '律师轮值接听老年人法律咨询热线，解答赡养、继承、防范养老诈骗等问题，行动不便的可预约上门。',
    audience: '60 周岁以上老年人及其家属',
    channels: '拨打热线；社区养老服务中心转介',
    price: '免费',
    address: '上城区延安路 98 号',
    latitude: 30.2472,
    longitude: 120.1651,
    phone: '0571-87219988',
    hours: '周一至周五 9:00-17:00',
  },
  {
    stage: 'published',
    target: 90,
    name: '校园欺凌预防法治课堂',
    category: 'legal-education',
    purchaseMethod: 'government-purchase',
    district: '余杭区',
    provider: '余杭区青少年法治教育中心',
    summary: '检察官、律师进校园，用情景剧和真实案例讲解校园欺凌的法律后果和求助渠道，每学期每校不少于 2 课时。',
    audience: '中小学生、家长和教师',
    channels: '学校向区教育局统一预约；家长学校预约',
    price: '免费（政府购买）',
    address: '余杭区文一西路 1818 号',
    latitude: 30.288,
    longitude: 120.008,
    phone: '0571-89012345',
    hours: '每学期 3 月、9 月排课',
  },
  {
    stage: 'not-passed',
    target: 71,
    name: '婚恋交友法律风险提示',
    category: 'legal-education',
    purchaseMethod: 'other',
    district: '滨江区',
    provider: '杭州云帆网络科技有限公司',
    summary: '在婚恋交友平台推送法律风险提示文章，提醒用户防范婚恋诈骗。',
    audience: '婚恋交友平台的注册用户',
    channels: '平台内文章推送',
    price: '平台会员可看全文',
    address: '滨江区长河街道江虹路 1750 号',
    latitude: 30.191,
    longitude: 120.196,
    phone: '0571-86890000',
    hours: '全天（线上）',
  },
  {
    stage: 'in-publicity',
    target: 87,
    recommended: true,
    name: '企业劳动用工合规体检',
    category: 'legal-service',
    purchaseMethod: 'subsidy',
    district: '西湖区',
    provider: '杭州之江律师事务所',
    summary: '律师上门审查劳动合同、规章制度和社保缴纳，出具用工风险清单和整改建议，帮助小微企业少出劳动争议。',
    audience: '西湖区小微企业和个体工商户',
    channels: '企业服务平台预约；街道、商会转介；服务电话',
    price: '政府补贴后每家企业 500 元/次',
    address: '西湖区文三路 259 号昌地火炬大厦 12 楼',
    latitude: 30.279,
    longitude: 120.131,
    phone: '0571-87654321',
    hours: WEEKDAYS,
  },
  {
    stage: 'in-publicity',
    target: 85,
    name: '社区“法律明白人”微课堂',
    category: 'legal-education',
    purchaseMethod: 'free',
    district: '拱墅区',
    provider: '拱墅区和睦街道人民调解委员会',
    summary: '每月一次在社区议事厅讲解邻里、物业、婚姻家庭中的常见法律问题，课后调解员当场答疑。',
    audience: '和睦街道居民',
    channels: '社区公告栏报名；网格员通知；现场参加',
    price: '免费',
    address: '拱墅区和睦路 128 号和睦街道办事处一楼',
    latitude: 30.3093,
    longitude: 120.1432,
    phone: '0571-88012345',
    hours: '每月第一个周六 9:30-11:00',
  },
  {
    stage: 'in-publicity',
    target: 84,
    name: '跨境电商知识产权纠纷调解',
    category: 'mediation',
    purchaseMethod: 'subsidy',
    district: '滨江区',
    provider: '杭州高新知识产权服务中心',
    summary: '为跨境电商卖家调解商标、外观专利、图片著作权纠纷，联动平台投诉渠道，力争 30 日内化解。',
    audience: '滨江区跨境电商企业和卖家',
    channels: '服务中心窗口；园区服务站；线上申请',
    price: '当事人免费，调解经费财政补贴',
    address: '滨江区网商路 699 号',
    latitude: 30.1902,
    longitude: 120.1893,
    phone: '0571-86711234',
    hours: WEEKDAYS,
  },
  {
    stage: 'proposed',
    target: 86,
    answersNeeds: [2],
    name: '物业纠纷“云调解”',
    category: 'mediation',
    purchaseMethod: 'subsidy',
    district: '滨江区',
    provider: '滨江区物业纠纷人民调解委员会',
    summary: '业主、物业、社区三方视频连线调解，调解协议电子签名，上班族不用请假跑腿。',
    audience: '滨江区住宅小区业主、业委会和物业服务企业',
    channels: '“浙里办”在线申请；社区居委会转介；服务电话',
    price: '当事人免费，调解经费由财政补贴',
    address: '滨江区江南大道 3850 号',
    latitude: 30.2092,
    longitude: 120.2118,
    phone: '0571-86601234',
    hours: '周一至周五 9:00-20:00（线上）',
  },
  {
    stage: 'in-review',
    target: 88,
    name: '残疾人家庭法律顾问',
    category: 'legal-aid',
    purchaseMethod: 'free',
    district: '临平区',
    provider: '临平区法律援助中心',
    summary: '为重度残疾人家庭配备签约律师，每季度上门一次，提供监护、继承、社保等法律咨询，需要时指派法律援助。',
    audience: '临平区重度残疾人家庭',
    channels: '残联转介；援助中心窗口；电话预约上门',
    price: '免费',
    address: '临平区临平大道 567 号',
    latitude: 30.4203,
    longitude: 120.2995,
    phone: '0571-86201234',
    hours: WEEKDAYS,
  },
  {
    stage: 'submitted',
    target: 87,
    name: '交通事故“一站式”理赔调解',
    category: 'mediation',
    purchaseMethod: 'free',
    district: '临安区',
    provider: '临安区道路交通事故人民调解委员会',
    summary: '调解、保险理赔、司法确认在交警大队一站办理，当事人只跑一次。',
    audience: '交通事故当事人',
    channels: '交警大队调解室；电话预约',
    price: '免费',
    address: '临安区锦城街道钱王街 800 号',
    latitude: 30.233,
    longitude: 119.7162,
    phone: '0571-63701234',
    hours: '周一至周日 8:30-17:00',
  },
  {
    stage: 'draft',
    target: 0,
    name: '民营企业家法治讲堂',
    category: 'legal-education',
    purchaseMethod: 'free',
    district: '西湖区',
    provider: '杭州之江律师事务所',
    summary: '每季度一期，围绕合同、用工、税务合规和企业家刑事风险，律师面对面讲解并答疑。',
    audience: '西湖区民营企业负责人',
    channels: '商会报名；律所公众号报名',
    price: '免费',
    address: '西湖区文三路 259 号昌地火炬大厦 12 楼',
    latitude: 30.279,
    longitude: 120.131,
    phone: '0571-87654321',
    hours: '每季度最后一周的周五下午',
  },
  {
    stage: 'awaiting-endorsement',
    target: 0,
    recommended: true,
    name: '律师调解进商圈',
    category: 'mediation',
    purchaseMethod: 'free',
    district: '萧山区',
    provider: '杭州钱江律师事务所',
    summary: '律师调解员每周在商圈服务站坐班，调解商户之间、商户与顾客之间的合同和消费纠纷。',
    audience: '萧山区商圈内的商户和消费者',
    channels: '商圈服务站；商户微信群预约',
    price: '免费',
    address: '萧山区市心中路 818 号',
    latitude: 30.176,
    longitude: 120.2651,
    phone: '0571-82621234',
    hours: '每周三 14:00-17:00',
  },
];

/** The draft leaves these parts unwritten (its problems show on the form). */
export const DRAFT_LEAVES_OUT = ['efficiency', 'satisfaction'] as const;

export interface DemoNeed {
  text: string;
  category: 'legal-service' | 'legal-education' | 'legal-aid' | 'mediation' | 'other';
  district: string;
  audience: string;
  supporters: number;
  /** The bureau's answer: `existing-product` names a catalogue product by name (a new one or an old one). */
  answer?: { status: 'noted' | 'existing-product' | 'planned'; reply: string; productName?: string };
}

export const NEEDS: DemoNeed[] = [
  {
    text: '我是外卖骑手，平台说我们不是员工，被拖欠的配送费不知道找谁要，希望站点附近就有能咨询的律师。',
    category: 'legal-aid',
    district: '钱塘区',
    audience: '外卖骑手',
    supporters: 14,
    answer: { status: 'existing-product', reply: '今年新认定的“新就业形态劳动者法律服务驿站”已在钱塘区骑手驿站设点，每周二、周四晚上有律师坐班，欢迎前往咨询。', productName: '新就业形态劳动者法律服务驿站' },
  },
  {
    text: '家里老人想立遗嘱，律师见证收费不便宜，希望有政府补贴的遗嘱见证服务。',
    category: 'legal-service',
    district: '上城区',
    audience: '老年人',
    supporters: 9,
    answer: { status: 'planned', reply: '已列入下一年度申报公告的征集方向，欢迎律师事务所申报面向老年人的低价遗嘱见证产品。' },
  },
  { text: '小区物业费纠纷太多了，希望调解能在线上办，上班族实在没时间跑。', category: 'mediation', district: '滨江区', audience: '小区业主', supporters: 11 },
  { text: '农村土地流转合同看不懂，希望有人到村里讲一讲合同要注意什么。', category: 'legal-education', district: '建德市', audience: '农村村民', supporters: 6 },
  {
    text: '残疾人申请法律援助能不能上门办理？行动不便很难去窗口。',
    category: 'legal-aid',
    district: '临平区',
    audience: '残疾人',
    supporters: 5,
    answer: { status: 'existing-product', reply: '“残疾人法律援助绿色通道”可以上门受理，拨打服务电话预约即可。', productName: '残疾人法律援助绿色通道' },
  },
  { text: '希望多一些防范网络诈骗的普法短视频，家里老人很容易上当。', category: 'legal-education', district: '市本级', audience: '老年人', supporters: 8 },
  { text: '租房押金被房东扣着不退，金额不大，打官司不划算，有没有快一点的调解渠道？', category: 'mediation', district: '西湖区', audience: '租房的年轻人', supporters: 10 },
];

/** Publicity comments on the declarations in publicity now (by declaration name), with the bureau's answer where given. */
export const COMMENTS_NOW: { declaration: string; text: string; answer?: { disposition: 'adopted' | 'partly-adopted' | 'not-adopted' | 'not-relevant'; reply: string } }[] = [
  {
    declaration: '企业劳动用工合规体检',
    text: '补贴后 500 元一次，是否包含上门的交通费？服务标准里没有写清楚。',
    answer: { disposition: 'adopted', reply: '已请申报单位在服务标准中写明：补贴后价格已包含西湖区范围内的上门交通费。' },
  },
  { declaration: '企业劳动用工合规体检', text: '我们是只有 5 个人的小店，也能申请吗？希望不要设门槛。' },
  {
    declaration: '社区“法律明白人”微课堂',
    text: '希望课堂能安排在周末，上班的人也能参加。',
    answer: { disposition: 'partly-adopted', reply: '课堂已定在每月第一个周六上午；工作日晚间场次将视报名情况增设。' },
  },
  { declaration: '社区“法律明白人”微课堂', text: '去年听过一次调解员讲邻里纠纷，讲得很实在，支持。' },
  { declaration: '跨境电商知识产权纠纷调解', text: '30 日内化解的承诺，如果对方是境外卖家能做到吗？' },
];

/** Comments on the earlier rounds' declarations (answered before their publicity closed). */
export const COMMENTS_EARLIER: { declaration: string; text: string; disposition: 'adopted' | 'partly-adopted' | 'not-adopted' | 'not-relevant'; reply: string }[] = [
  { declaration: '新就业形态劳动者法律服务驿站', text: '晚上坐班很好，骑手白天跑单没空，建议周末也开。', disposition: 'partly-adopted', reply: '驿站将在旺季增设周六晚间场次，其余时间可拨打 12348 热线。' },
  { declaration: '“银龄”法律服务热线', text: '热线号码能不能印在社区养老服务中心的宣传栏上？', disposition: 'adopted', reply: '已请各社区养老服务中心张贴热线号码。' },
];

/** What people write with a rating, by level. */
export const RATING_WORDS: Record<1 | 2 | 3 | 4 | 5, string[]> = {
  5: ['调解员很耐心，两次就把事情说清楚了。', '律师讲得很明白，材料也帮我理好了，谢谢！', '当天就受理了，比想象的快。', '服务态度好，还主动打电话回访。'],
  4: ['总体满意，就是排队稍微久了点。', '解答很专业，希望以后能线上预约。', '问题解决了，流程可以再简化一些。'],
  3: ['能解决问题，但等了好几天才有人联系。', '讲得有点快，老人听不太懂。'],
  2: ['打了三次电话才有人接，答复也比较笼统。', '说好的回访一直没有。'],
  1: ['到了服务点没人，白跑一趟。', '工作人员态度很差，问什么都说不清楚。'],
};

/** The panel's comments (each expert writes one; the applicant reads them, unsigned). */
export const PANEL_COMMENTS = [
  '服务对象明确，渠道多样，建议细化满意度指标的计算方法。',
  '公益属性突出，服务流程清楚；投入产出分析可再量化。',
  '服务标准可操作，建议补充服务人员的培训计划。',
  '产品设计贴近群众需求，台帐模板完整。',
  '建议明确服务半径和响应时限，便于测评。',
];
