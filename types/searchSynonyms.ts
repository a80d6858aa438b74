/**
 * What citizens say, and the legal concepts the catalogue's texts use for it: search's synonym resource, kept as data so
 * the bureau can review and extend it. Read only by the catalogue function (cloudfunctions/catalogue/searchQuery.ts):
 * the mini-program never carries it.
 *
 * Organised by concept (one matter a citizen brings), not by query. Each concept has
 * - `terms`: the words a product about it would use — the statute's own words and the products' texts (劳动报酬,
 *   人民调解, 行政复议 …). A query that fires the concept is also searched by these, weighted below the citizen's own words.
 * - `says`: what people say (王阿姨 and 小李 in PRODUCT.md). A phrase fires when the query holds it, or when the query holds
 *   every one of its words in any order (拿不到工资 fires for 工资拿不到). A single everyday word (医院, 辞退) fires on its own.
 * - `category`: the catalogue category the concept clearly belongs to, if any. A query that names a category — through
 *   CATEGORY_NAMES or such a concept — is never answered with nothing (searchCatalogue.ts: that category's products).
 * - `source`: where the words come from.
 *
 * Sources, in general: the regulation's product categories (types/domain.ts CATEGORY_LABELS); the statutes that name each
 * matter (法律援助法 第31条 lists the matters legal aid covers, 劳动争议调解仲裁法 第2条 the labour disputes, 民法典
 * 婚姻家庭编 and 继承编, 人民调解法 第2条 民间纠纷, 行政复议法 第11条); the kinds of matter public legal consultations such as
 * the 12348 hotline are commonly sorted into (劳动争议, 婚姻家庭, 交通事故, 医疗纠纷, 债权债务, 物业房产, 消费维权, 行政争议,
 * 刑事) — the common grouping, not an official list; and the products' own texts (server/demoProducts.ts) for the words
 * providers write. Nothing here changes what is stored: it is read at query time only, so editing it never leaves stored
 * products stale.
 */
import type { Category } from './domain';

export interface SearchConcept {
  /** The legal concept, as statutes and products name it. */
  concept: string;
  terms: readonly string[];
  says: readonly string[];
  category?: Category;
  source: string;
}

export const SEARCH_CONCEPTS: readonly SearchConcept[] = [
  // ── Work (劳动争议) ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    concept: '劳动报酬',
    terms: ['劳动报酬', '工资', '欠薪', '劳动争议', '工资争议'],
    says: ['欠薪', '讨薪', '拖欠工资', '欠工资', '拿不到工资', '不发工资', '没发工资', '老板不给钱', '老板不给工资', '工钱', '讨工钱', '要工资', '克扣工资', '扣工资', '工资被扣', '包工头跑了', '加班费', '薪水', '薪资', '血汗钱'],
    source: '法律援助法 第31条（二）请求支付劳动报酬；劳动争议调解仲裁法 第2条（追索劳动报酬）',
  },
  {
    concept: '劳动合同解除',
    terms: ['劳动合同', '解除劳动合同', '劳动争议', '经济补偿', '用工'],
    says: ['辞退', '开除', '解雇', '裁员', '炒鱿鱼', '劝退', '辞职', '离职', '赔偿金', '没签合同', '不签合同', '试用期', '劳动关系'],
    source: '劳动合同法 第36–47条（解除劳动合同、经济补偿）；法律援助法 第31条（二）确认劳动关系',
  },
  {
    concept: '工伤',
    terms: ['工伤', '工伤赔偿', '工伤保险'],
    says: ['工伤', '干活受伤', '上班受伤', '工地受伤', '工伤认定', '职业病'],
    source: '工伤保险条例；法律援助法 第31条（六）工伤事故人身损害赔偿',
  },
  {
    concept: '社会保险',
    terms: ['社保', '社会保险', '工伤保险'],
    says: ['社保', '没交社保', '不交社保', '五险一金', '养老保险', '医保'],
    source: '法律援助法 第31条（三）请求给予社会保险待遇',
  },
  {
    concept: '劳动仲裁',
    terms: ['仲裁', '劳动人事争议'],
    says: ['劳动仲裁', '仲裁', '申请仲裁'],
    source: '劳动争议调解仲裁法',
  },
  {
    concept: '新就业形态劳动者',
    terms: ['新就业形态', '骑手', '网约车', '劳动者'],
    says: ['外卖骑手', '骑手', '快递员', '送外卖', '跑外卖', '送快递', '跑滴滴', '网约车司机', '开网约车'],
    source: '产品文本（劳动争议法律援助快速通道：快递骑手、网约车司机等新就业形态劳动者）',
  },
  {
    concept: '农民工',
    terms: ['农民工', '务工', '劳务'],
    says: ['打工', '打工的', '民工', '外地打工', '工地', '干活'],
    source: '产品文本（农民工工资争议速裁调解、外来务工人员法律夜校）',
  },
  // ── Family (婚姻家庭、继承) ───────────────────────────────────────────────────────────────────────────────────────
  {
    concept: '离婚',
    terms: ['婚姻家庭', '离婚', '财产分割'],
    says: ['离婚', '闹离婚', '分居', '感情破裂', '夫妻吵架', '老公出轨', '老婆出轨', '分财产', '彩礼', '结婚'],
    source: '民法典 第1076–1092条（离婚）',
  },
  {
    concept: '家庭暴力',
    terms: ['家庭暴力', '婚姻家庭', '妇女'],
    says: ['家暴', '老公打我', '丈夫打人', '被老公打', '家里打人'],
    source: '反家庭暴力法；产品文本（保护妇女儿童权益）',
  },
  {
    concept: '抚养',
    terms: ['抚养', '抚养费', '监护权', '未成年人'],
    says: ['抚养费', '抚养权', '孩子归谁', '孩子跟谁', '孩子的抚养', '不给抚养费', '孩子生活费'],
    source: '民法典 第1084–1085条；法律援助法 第31条（四）请求给付抚养费',
  },
  {
    concept: '赡养',
    terms: ['赡养', '赡养费', '赡养纠纷', '老年人'],
    says: ['不赡养', '不养老人', '不养父母', '不养我', '子女不养', '儿女不养', '子女不管', '儿女不管', '没人养老', '养老钱', '不孝'],
    source: '民法典 第1067条（成年子女不履行赡养义务的，父母有要求给付赡养费的权利）；老年人权益保障法 第14条；法律援助法 第31条（四）',
  },
  {
    concept: '家庭矛盾',
    terms: ['家庭矛盾', '婚姻家庭'],
    says: ['婆媳', '婆媳矛盾', '家里吵架', '家务事', '分家', '兄弟分家'],
    source: '人民调解法 第2条（民间纠纷）；产品文本（家庭矛盾）',
  },
  {
    concept: '继承',
    terms: ['继承', '遗嘱', '遗产'],
    says: ['遗嘱', '立遗嘱', '写遗嘱', '遗产', '分遗产', '继承', '房子过户', '父母的房子'],
    source: '民法典 继承编',
  },
  {
    concept: '意定监护',
    terms: ['意定监护', '监护'],
    says: ['意定监护', '老了谁管', '以后谁照顾我'],
    source: '民法典 第33条（意定监护）',
  },
  // ── Neighbours and everyday disputes (民间纠纷) ─────────────────────────────────────────────────────────────────────
  {
    concept: '邻里纠纷',
    terms: ['邻里纠纷', '邻里', '矛盾化解'],
    says: ['邻居', '邻居吵架', '邻居纠纷', '邻里矛盾', '和邻居闹矛盾', '楼上漏水', '漏水', '噪音', '楼上太吵', '占道', '乱堆乱放', '装修吵', '吵架', '打架'],
    category: 'mediation',
    source: '人民调解法 第2条（民间纠纷）；产品文本（邻里纠纷、家庭矛盾）',
  },
  {
    concept: '人民调解',
    terms: ['人民调解', '调解', '调解员'],
    says: ['说和', '劝和', '和解', '评理', '老娘舅', '调解员', '找人调解', '私了'],
    category: 'mediation',
    source: '人民调解法；在杭州，老娘舅是对调解人的称呼',
  },
  {
    concept: '民间借贷',
    terms: ['民间借贷', '借贷', '欠款', '借条'],
    says: ['借钱不还', '欠钱不还', '欠钱', '欠我钱', '被欠钱', '要债', '讨债', '催债', '欠条', '借条', '高利贷', '借出去的钱', '借钱'],
    source: '民法典 合同编 借款合同；常见咨询类别：债权债务',
  },
  {
    concept: '合同纠纷',
    terms: ['合同', '货款', '合同审查', '商事'],
    says: ['合同纠纷', '欠货款', '货款', '看合同', '签合同', '违约', '生意纠纷', '做生意'],
    source: '民法典 合同编；产品文本（合同、货款、合伙纠纷）',
  },
  {
    concept: '合伙',
    terms: ['合伙', '商事'],
    says: ['合伙', '合伙人', '合伙做生意', '股东闹翻'],
    source: '民法典 第967–978条（合伙合同）',
  },
  {
    concept: '交通事故',
    terms: ['交通事故', '损害赔偿', '理赔'],
    says: ['车祸', '撞车', '出车祸', '被车撞', '电瓶车撞人', '追尾', '肇事', '撞人', '被撞'],
    source: '法律援助法 第31条（六）交通事故人身损害赔偿；道路交通安全法',
  },
  {
    concept: '医疗纠纷',
    terms: ['医疗纠纷', '医疗损害', '医患', '医疗事故'],
    says: ['医院', '看病', '医生', '手术', '医闹', '误诊', '治坏了', '手术失败', '看病出事', '医院赔偿'],
    source: '医疗纠纷预防和处理条例；法律援助法 第31条（六）医疗事故人身损害赔偿',
  },
  {
    concept: '人身损害赔偿',
    terms: ['损害赔偿', '赔偿'],
    says: ['赔偿', '受伤赔偿', '被打伤', '人身伤害', '狗咬人', '摔伤'],
    source: '民法典 侵权责任编',
  },
  {
    concept: '物业',
    terms: ['物业', '物业费', '业委会', '维修基金', '停车'],
    says: ['物业', '物业费', '停车位', '维修基金', '业委会', '小区', '物业不管', '业主'],
    source: '物业管理条例；产品文本（物业纠纷专业调解）',
  },
  {
    concept: '征收拆迁',
    terms: ['征收', '拆迁', '征地', '补偿'],
    says: ['拆迁', '征地', '房子被拆', '拆迁补偿', '强拆', '拆房子', '土地被征'],
    source: '国有土地上房屋征收与补偿条例；产品文本（征地拆迁法律咨询）',
  },
  {
    concept: '租房',
    terms: ['租房', '租赁'],
    says: ['租房', '房东', '押金', '房东不退押金', '租客', '房租'],
    source: '民法典 租赁合同',
  },
  {
    concept: '房产',
    terms: ['房产', '房屋'],
    says: ['买房', '卖房', '二手房', '房产证', '开发商', '交房'],
    source: '常见咨询类别：物业房产',
  },
  // ── Consumers and fraud ────────────────────────────────────────────────────────────────────────────────────────────
  {
    concept: '消费维权',
    terms: ['消费维权', '消费纠纷', '预付卡', '网购', '投诉'],
    says: ['退钱', '退款', '办卡跑路', '健身卡', '美容卡', '买到假货', '假货', '被坑', '网购', '投诉商家', '消费者', '商家不退'],
    source: '消费者权益保护法；产品文本（预付卡、网购、装修等消费纠纷）',
  },
  {
    concept: '旅游纠纷',
    terms: ['旅游', '游客', '旅行社', '民宿', '景区'],
    says: ['旅游', '旅游被坑', '旅行社', '民宿', '景区', '导游', '强制购物'],
    source: '旅游法；产品文本（旅游纠纷快速调处）',
  },
  {
    concept: '诈骗',
    terms: ['诈骗', '电信诈骗'],
    says: ['被骗', '诈骗', '电话诈骗', '网上被骗', '刷单', '骗子', '骗钱'],
    source: '反电信网络诈骗法；产品文本（防范电信诈骗）',
  },
  {
    concept: '保险理赔',
    terms: ['理赔', '保险'],
    says: ['保险理赔', '保险不赔', '保险公司'],
    source: '保险法；产品文本（联动保险公司快速理赔）',
  },
  // ── Business ─────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    concept: '小微企业',
    terms: ['小微企业', '个体工商户', '中小企业', '企业'],
    says: ['小企业', '小公司', '开公司', '开店', '小老板', '个体户', '创业', '公司法律问题', '企业法律风险'],
    source: '产品文本（小微企业法律体检、企业合规指导服务）',
  },
  {
    concept: '企业合规',
    terms: ['合规', '合规管理'],
    says: ['企业合规', '合规', '安全生产', '数据保护'],
    source: '产品文本（企业合规指导服务）',
  },
  {
    concept: '法律顾问',
    terms: ['法律顾问', '常年法律顾问'],
    says: ['法律顾问', '公司律师', '长期律师', '企业律师'],
    source: '律师法 第28条（担任法律顾问）；产品文本',
  },
  {
    concept: '知识产权',
    terms: ['知识产权', '商标', '专利', '著作权', '侵权'],
    says: ['商标', '商标被抢注', '专利', '版权', '被抄袭', '盗版', '山寨'],
    source: '商标法、专利法、著作权法',
  },
  {
    concept: '涉外',
    terms: ['涉外', '外籍人士', '跨境', '外贸'],
    says: ['外国人', '老外', '签证', '外贸', '出口', '跨境'],
    source: '产品文本（涉外法律咨询）',
  },
  // ── Government (行政争议) ─────────────────────────────────────────────────────────────────────────────────────────
  {
    concept: '行政复议',
    terms: ['行政复议', '行政行为', '行政诉讼'],
    says: ['告政府', '民告官', '处罚不服', '罚款不服', '被罚款', '行政处罚', '吊销执照', '复议', '政府决定不服'],
    source: '行政复议法 第11条（对行政机关作出的行政处罚决定不服）；行政诉讼法',
  },
  // ── Courts, legal aid, criminal matters ─────────────────────────────────────────────────────────────────────────────
  {
    concept: '法律援助',
    terms: ['法律援助', '指派律师', '免费律师'],
    says: ['请不起律师', '没钱请律师', '律师费太贵', '付不起律师费', '免费律师', '法援'],
    category: 'legal-aid',
    source: '法律援助法 第2条（无偿提供法律咨询、代理、刑事辩护）',
  },
  {
    concept: '经济困难',
    terms: ['经济困难', '低保', '困难群众'],
    says: ['低保', '困难户', '没钱', '家里困难'],
    source: '法律援助法 第34条（经济困难标准）',
  },
  {
    concept: '诉讼费',
    terms: ['诉讼费', '缓交', '减交', '免交'],
    says: ['诉讼费', '交不起诉讼费', '打官司的钱', '诉讼费减免'],
    source: '诉讼费用交纳办法 第44–51条（司法救助）',
  },
  {
    concept: '诉讼',
    terms: ['诉讼', '起诉', '诉讼代理'],
    says: ['打官司', '起诉', '告人', '被起诉', '上法院', '被告了'],
    source: '民事诉讼法',
  },
  {
    concept: '刑事辩护',
    terms: ['刑事', '辩护', '刑事案件', '看守所'],
    says: ['被抓', '坐牢', '犯罪', '判刑', '拘留', '家人被抓', '辩护'],
    source: '刑事诉讼法；法律援助法 第25条（指派律师担任辩护人）',
  },
  {
    concept: '社区矫正',
    terms: ['社区矫正'],
    says: ['缓刑', '假释', '社区矫正'],
    source: '社区矫正法',
  },
  {
    concept: '公证',
    terms: ['公证'],
    says: ['公证', '办公证', '委托书', '赠与', '出国公证', '房产公证'],
    category: 'legal-service',
    source: '公证法；产品文本（公证服务“最多跑一次”）',
  },
  {
    concept: '法律咨询',
    terms: ['法律咨询', '咨询'],
    says: ['问问律师', '法律咨询', '咨询律师', '免费咨询', '问个法律问题'],
    category: 'legal-service',
    source: '公共法律服务：法律咨询',
  },
  {
    concept: '热线',
    terms: ['12348', '热线'],
    says: ['热线', '打电话问', '电话咨询', '12348'],
    source: '12348 公共法律服务热线',
  },
  // ── Who it is for ──────────────────────────────────────────────────────────────────────────────────────────────────
  {
    concept: '残疾人',
    terms: ['残疾人', '手语'],
    says: ['残疾', '残疾人', '聋哑', '盲人', '残疾证', '坐轮椅'],
    source: '残疾人保障法；types/domain.ts 推介群体',
  },
  {
    concept: '退役军人',
    terms: ['退役军人', '军人', '军人家属'],
    says: ['退伍', '当兵的', '军属', '老兵', '转业'],
    source: '退役军人保障法；types/domain.ts 推介群体',
  },
  {
    concept: '未成年人',
    terms: ['未成年人', '儿童', '中小学生', '青少年', '欺凌'],
    says: ['孩子', '小孩', '学生', '校园欺凌', '被欺负', '网瘾', '未成年', '上学'],
    source: '未成年人保护法；types/domain.ts 推介群体',
  },
  {
    concept: '老年人',
    terms: ['老年人', '养老'],
    says: ['老人', '老年人', '老人家', '年纪大了', '退休'],
    source: '老年人权益保障法；types/domain.ts 推介群体',
  },
  {
    concept: '上门服务',
    terms: ['上门', '行动不便'],
    says: ['上门', '行动不便', '走不动', '来家里'],
    source: '产品文本（上门服务、上门受理）',
  },
  {
    concept: '乡村',
    terms: ['村民', '乡村', '行政村', '驻村', '山区'],
    says: ['农村', '村里', '山区', '土地承包', '宅基地'],
    source: '产品文本（一村一法律顾问、山区群众巡回法律服务）',
  },
  // ── Learning the law (法治宣传) ──────────────────────────────────────────────────────────────────────────────────
  {
    concept: '法治宣传',
    terms: ['普法', '法治宣传', '法治教育', '法律知识', '讲座', '培训'],
    says: ['学法', '学法律', '法律讲座', '普法', '懂法', '法律课', '法律知识'],
    category: 'legal-education',
    source: '法治宣传教育：types/domain.ts CATEGORY_LABELS',
  },
  {
    concept: '禁毒',
    terms: ['毒品', '禁毒'],
    says: ['毒品', '吸毒'],
    source: '禁毒法；产品文本（禁毒展馆）',
  },
  {
    concept: '宪法',
    terms: ['宪法'],
    says: ['宪法', '宪法日'],
    source: '国家宪法日（12 月 4 日）',
  },
  {
    concept: '网络普法',
    terms: ['直播', '线上'],
    says: ['直播', '看直播', '抖音', '视频号'],
    source: '产品文本（网络直播普法）',
  },
  {
    concept: '自助服务',
    terms: ['自助', '机器人', '24 小时'],
    says: ['机器人', '自助', '半夜'],
    source: '产品文本（公共法律服务机器人自助咨询）',
  },
];

/**
 * Words that name a catalogue category. A query holding one is never answered with nothing: the category's products
 * and the 12348 hotline instead. The labels themselves, and unambiguous short forms.
 */
export const CATEGORY_NAMES: Readonly<Record<Category, readonly string[]>> = {
  'legal-service': ['法律服务'],
  'legal-education': ['法治宣传', '普法', '法治教育'],
  'legal-aid': ['法律援助', '法援'],
  mediation: ['人民调解', '调解'],
  other: [],
};

/**
 * Words a query holds that say nothing about the matter (function words, question words, politeness, and what every
 * product is). Dropped before matching; a query of nothing else lists the catalogue as browsing does.
 */
export const STOP_WORDS: readonly string[] = [
  '的', '了', '着', '过', '地', '得', '之', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '哈',
  '我', '我的', '我们', '你', '你们', '他', '她', '它', '他们', '她们', '自己', '人家', '别人',
  '这', '那', '这个', '那个', '这些', '那些', '这样', '那样', '这种', '那种', '一个', '一下', '一些', '有些',
  '是', '有', '在', '和', '与', '跟', '及', '或', '或者', '还是', '也', '都', '就', '还', '又', '才', '很', '太', '更', '最',
  '被', '把', '给', '让', '对', '向', '从', '到', '为', '为了', '因为', '所以', '如果', '但是', '可是', '而且',
  '怎么', '怎么办', '怎样', '怎么样', '如何', '什么', '啥', '哪里', '哪儿', '哪个', '哪些', '谁', '为什么', '多少', '几',
  '能', '能不能', '可以', '可不可以', '会', '想', '要', '想要', '应该', '需要', '得到', '必须',
  '我想', '想问', '关于', '对于', '有关',
  '请', '请问', '麻烦', '谢谢', '您好', '你好', '帮', '帮忙', '帮我', '找', '问', '问问', '问题', '办', '办理', '事', '事情', '情况',
  '不', '没', '没有', '不到', '不起', '不了', '出了', '了解', '知道', '现在', '已经', '一直', '还有', '之前', '以后',
  // What every product in this catalogue is (its name says so: …服务).
  '服务',
];
