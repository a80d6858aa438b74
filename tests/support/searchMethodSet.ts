/**
 * The method test (issue 24): queries generated from the products' own texts, which neither the synonyms nor the test
 * writer ever saw. For each product, with a fixed seed: take one of its describing fields (summary, audience, the problem
 * it solves), cut it into clauses and words, keep two or three content words from one clause, shuffle them, sometimes
 * put a common everyday word in place of the written one (老年人 → 老人 …), and wrap them in what people say around a
 * question (我想…, …怎么办). A query is fair only if its product is the one product whose texts hold all of the chosen
 * words (before substitution); otherwise another draw is made, and a product without a fair query is left out.
 * The catalogue is the demo's products plus a few hundred synthetic ones (`syntheticProducts`), so ranking is tested
 * among many products that share most words. Each query must find its product in the top 3.
 */
import type { DemoProduct } from '../../server/demoProducts';
import { DISTRICTS, type Category, type PurchaseMethod } from '../../types/domain';

/** mulberry32: a small seeded generator, so every run draws the same queries. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
function shuffle<T>(r: () => number, xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The synthetic catalogue's parts: matters with their own words, who they are for, and kinds of service. */
const MATTERS: { topic: string; words: string[]; category: Category }[] = [
  { topic: '宠物纠纷', words: ['犬只', '咬伤', '饲养'], category: 'mediation' },
  { topic: '加装电梯', words: ['电梯', '低层住户', '出资比例'], category: 'mediation' },
  { topic: '土地承包', words: ['承包地', '流转', '村集体'], category: 'legal-service' },
  { topic: '宅基地', words: ['宅基地', '建房审批', '翻建'], category: 'legal-service' },
  { topic: '校园安全', words: ['校园', '课间', '意外伤害'], category: 'legal-education' },
  { topic: '网络购物', words: ['直播带货', '退货', '七日无理由'], category: 'legal-service' },
  { topic: '个人信息保护', words: ['个人信息', '隐私', '泄露'], category: 'legal-education' },
  { topic: '养老机构', words: ['养老院', '护理', '入住合同'], category: 'legal-service' },
  { topic: '农产品电商', words: ['农产品', '网店', '食品标签'], category: 'legal-service' },
  { topic: '渔业纠纷', words: ['渔船', '捕捞', '水域'], category: 'mediation' },
  { topic: '茶园经营', words: ['茶园', '茶叶', '收购价'], category: 'legal-service' },
  { topic: '民宿经营', words: ['民宿', '消防', '营业执照'], category: 'legal-service' },
  { topic: '垃圾分类', words: ['垃圾分类', '罚款', '社区公约'], category: 'legal-education' },
  { topic: '文物保护', words: ['古建筑', '文物', '修缮'], category: 'legal-education' },
  { topic: '婚前财产', words: ['婚前协议', '房产登记', '彩礼'], category: 'legal-service' },
  { topic: '遗赠扶养', words: ['遗赠扶养协议', '孤寡老人', '晚年照料'], category: 'legal-service' },
  { topic: '车辆买卖', words: ['二手车', '过户', '里程'], category: 'legal-service' },
  { topic: '快递丢件', words: ['快递', '丢件', '保价'], category: 'mediation' },
  { topic: '装修质量', words: ['装修', '瓷砖', '返工'], category: 'mediation' },
  { topic: '教育培训退费', words: ['培训机构', '课时费', '退费'], category: 'mediation' },
  { topic: '工程款', words: ['工程款', '分包', '结算'], category: 'legal-aid' },
  { topic: '职业病', words: ['尘肺', '职业病诊断', '赔偿'], category: 'legal-aid' },
  { topic: '劳务派遣', words: ['派遣', '同工同酬', '用工单位'], category: 'legal-aid' },
  { topic: '精神障碍', words: ['精神障碍', '监护人', '强制医疗'], category: 'legal-aid' },
  { topic: '反诈', words: ['刷单', '冒充客服', '转账'], category: 'legal-education' },
  { topic: '防范非法集资', words: ['集资', '高额回报', '理财'], category: 'legal-education' },
  { topic: '网络欺凌', words: ['网络暴力', '辱骂', '截图'], category: 'legal-education' },
  { topic: '环境污染', words: ['噪声', '排污', '异味'], category: 'mediation' },
  { topic: '山林权属', words: ['山林', '林权证', '界址'], category: 'mediation' },
  { topic: '水电费', words: ['水费', '电表', '欠费停电'], category: 'mediation' },
  { topic: '房屋漏水', words: ['漏水', '防水层', '维修责任'], category: 'mediation' },
  { topic: '征兵入伍', words: ['入伍', '优待金', '退役安置'], category: 'legal-service' },
  { topic: '出国留学', words: ['留学', '学历认证', '出入境'], category: 'other' },
  { topic: '跨境电商', words: ['跨境电商', '海关', '出口退税'], category: 'other' },
  { topic: '数据合规', words: ['数据出境', '安全评估', '合规审查'], category: 'legal-service' },
  { topic: '小区停车', words: ['车位', '停车费', '业主大会'], category: 'mediation' },
  { topic: '老年人防骗', words: ['保健品', '养生讲座', '高价'], category: 'legal-education' },
  { topic: '新市民落户', words: ['落户', '积分', '居住证'], category: 'other' },
  { topic: '残疾人就业', words: ['残疾人', '就业补贴', '岗位'], category: 'legal-aid' },
  { topic: '未成年人监护', words: ['留守儿童', '临时监护', '委托照护'], category: 'legal-aid' },
];
const AUDIENCES = ['外卖骑手', '退休职工', '留守儿童', '个体工商户', '新市民', '网约车司机', '残疾人家庭', '涉农企业', '高校学生', '社区居民', '村民', '中小企业'];
const FORMS = [
  { form: '咨询', verb: '提供法律咨询' },
  { form: '调解', verb: '组织调解' },
  { form: '代理', verb: '代理诉讼和仲裁' },
  { form: '讲座', verb: '开展专题讲座' },
  { form: '培训', verb: '开展系统培训' },
  { form: '援助', verb: '提供法律援助' },
  { form: '巡回服务', verb: '定期巡回服务' },
  { form: '上门服务', verb: '上门提供服务' },
];
const ORGS = ['律师事务所', '司法所', '人民调解委员会', '法律援助中心', '公共法律服务中心', '普法志愿者协会'];
const METHODS: PurchaseMethod[] = ['free', 'subsidy', 'government-purchase', 'standard-fee', 'other'];

/** `n` synthetic products with a fixed seed: matters × audiences × forms, in districts across Hangzhou. */
export function syntheticProducts(n: number, seed = 24): (DemoProduct & { problemSolved: string })[] {
  const r = seeded(seed);
  const out: (DemoProduct & { problemSolved: string })[] = [];
  const names = new Set<string>();
  while (out.length < n) {
    const m = pick(r, MATTERS);
    const audience = pick(r, AUDIENCES);
    const f = pick(r, FORMS);
    const district = pick(r, DISTRICTS.slice(1));
    const [w1, w2, w3] = shuffle(r, m.words);
    const name = `${district.replace(/[区县市]$/, '')}${m.topic}${f.form}`;
    if (names.has(name)) continue;
    names.add(name);
    out.push({
      name,
      category: m.category,
      purchaseMethod: pick(r, METHODS),
      district,
      provider: `${district}${pick(r, ORGS)}`,
      summary: `针对${w1}、${w2}等问题，为${audience}${f.verb}，帮助依法解决${m.topic}。`,
      audience: `${district}${audience}`,
      problemSolved: `${audience}遇到${w3}问题不知道找谁、怎么办`,
      channels: '窗口预约；服务电话；线上申请',
      price: '免费',
      address: `${district}示例路 ${out.length + 1} 号`,
      phone: `0571-8${String(1000000 + out.length).slice(1)}`,
      hours: '周一至周五 8:30-17:00',
    });
  }
  return out;
}

/** Words that carry nothing on their own, for the generator's own cutting (not the search's stop list). */
const FILLER = new Set(['提供', '开展', '进行', '相关', '方面', '问题', '帮助', '依法', '解决', '以及', '特别', '其他', '服务', '群众', '组织', '当事人', '针对', '不知道', '怎么办', '遇到', '找谁', '可以', '或者', '并且']);
/** Common everyday substitutions a citizen makes for the written word. */
const EVERYDAY: Record<string, string> = { 老年人: '老人', 未成年人: '孩子', 中小学生: '学生', 企业: '公司', 劳动者: '打工的', 居民: '住户', 纠纷: '矛盾', 咨询: '问问', 调解: '说和', 申请: '办', 赔偿: '赔钱' };
const WRAPS = [(q: string) => q, (q: string) => `我想问${q}`, (q: string) => `${q}怎么办`, (q: string) => `${q}找谁`, (q: string) => `哪里能${q}`, (q: string) => `关于${q}`];

const seg = new Intl.Segmenter('zh', { granularity: 'word' });
function contentWordsOf(clause: string): string[] {
  const out: string[] = [];
  for (const s of seg.segment(clause)) if (s.isWordLike && s.segment.length >= 2 && !FILLER.has(s.segment) && !/^\d+$/.test(s.segment)) out.push(s.segment);
  return [...new Set(out)];
}

export interface MethodCase {
  q: string;
  expect: string[];
  /** The words taken from the product's text. */
  words: string[];
}

export interface MethodProduct {
  name: string;
  /** Its describing fields (summary, audience, the problem it solves). */
  fields: string[];
  /** How many queries to draw for it (0: it is only there to be ranked against). */
  queries: number;
}

/** Fair queries from each product's own describing fields, fair against the whole catalogue `products`. */
export function methodQueries(products: MethodProduct[], seed = 2024): MethodCase[] {
  const r = seeded(seed);
  const texts = products.map((p) => [p.name, ...p.fields].join('\n'));
  const out: MethodCase[] = [];
  products.forEach((p, i) => {
    const clauses = p.fields.flatMap((f) => f.split(/[，。；、：,.;:（）()“”\s]+/)).filter((c) => contentWordsOf(c).length >= 2);
    const made = new Set<string>();
    for (let attempt = 0; attempt < 40 && made.size < p.queries && clauses.length; attempt++) {
      const words = shuffle(r, contentWordsOf(pick(r, clauses))).slice(0, 2 + Math.floor(r() * 2));
      if (words.length < 2) continue;
      // Fair: no other product's texts hold all of these words.
      if (texts.some((t, j) => j !== i && words.every((w) => t.includes(w)))) continue;
      const said = words.map((w) => (r() < 0.3 && EVERYDAY[w] ? EVERYDAY[w] : w));
      const q = pick(r, WRAPS)(said.join(r() < 0.5 ? '' : ' '));
      if (made.has(q) || q.length > 50) continue;
      made.add(q);
      out.push({ q, expect: [p.name], words });
    }
  });
  return out;
}
