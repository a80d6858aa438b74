/**
 * Who is who in the demo year (fictional organisations and people; public-data-clean: no real person's name or
 * number). The providers of server/demoProducts.ts with their kinds and credit codes, the association, the expert
 * pool, the assessors, the purchasing unit, and what each catalogue product's year looks like.
 */
import { createHash } from 'crypto';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../types/creditCode';
import type { District } from '../../types/domain';
import type { OrgKind } from '../../types/org';
import type { ExpertKind } from '../../types/rubric';
import { DEMO_PRODUCTS } from '../demoProducts';

/** 行政区划代码 of Hangzhou's districts (the credit code's characters 3–8). */
export const DIVISION_CODES: Record<District, string> = {
  市本级: '330100',
  上城区: '330102',
  拱墅区: '330105',
  西湖区: '330106',
  滨江区: '330108',
  萧山区: '330109',
  余杭区: '330110',
  富阳区: '330111',
  临安区: '330112',
  临平区: '330113',
  钱塘区: '330114',
  桐庐县: '330122',
  淳安县: '330127',
  建德市: '330182',
};

/** GB 32100-2015's registration authority and organisation category (characters 1–2) by kind. */
const AUTHORITY: Record<OrgKind, string> = {
  'law-firm': '31', // 司法行政 · 律师执业机构
  notary: '32', // 司法行政 · 公证处
  mediation: '39', // 司法行政 · 其他
  'legal-aid': '12', // 机构编制 · 事业单位
  'public-institution': '12',
  association: '51', // 民政 · 社会团体
  'social-org': '52', // 民政 · 民办非企业单位
  enterprise: '91', // 工商 · 企业
};

/**
 * A fictional but valid 统一社会信用代码 for an organisation: its kind's authority and category, its district's
 * division code, a nine-character body drawn from its name, and the check character of types/creditCode.ts.
 */
export function demoCreditCode(name: string, kind: OrgKind, district: District): string {
  const digest = createHash('sha256').update(`demo-org:${name}`).digest();
  // Digits first (as older organisation codes are), then letters and digits.
  let body = '';
  for (let i = 0; i < 9; i++) body += i < 4 ? String(digest[i] % 10) : CREDIT_CODE_ALPHABET[digest[i] % CREDIT_CODE_ALPHABET.length];
  const first17 = `${AUTHORITY[kind]}${DIVISION_CODES[district]}${body}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** The kind of a provider, read from its name. */
export function kindOfProvider(name: string): OrgKind {
  if (name.endsWith('律师事务所')) return 'law-firm';
  if (name.endsWith('公证处')) return 'notary';
  if (name.includes('法律援助中心')) return 'legal-aid';
  if (name.includes('调解')) return 'mediation';
  if (name.endsWith('律师协会')) return 'association';
  if (name.endsWith('协会') || name.endsWith('联盟') || name.endsWith('服务社')) return 'social-org';
  if (name.endsWith('有限公司')) return 'enterprise';
  return 'public-institution';
}

/** How a product's assessed year goes: ratings, inspections, use and bad-rating cases all follow it. */
export type Profile = 'excellent' | 'good' | 'fair' | 'poor' | 'thin';

export interface CatalogueEntry {
  /** Index into DEMO_PRODUCTS. */
  index: number;
  /** 0: published the year before last; 1: published last year. */
  round: 0 | 1;
  profile: Profile;
}

/** The profile of each of the 34 catalogue products (by index), in DEMO_PRODUCTS order. */
const PROFILES: Profile[] = [
  'excellent', // “老娘舅”人民调解上门服务
  'excellent', // 劳动争议法律援助快速通道
  'good', // 小微企业法律体检 (the demo applicant's)
  'good', // “法治进万家”普法讲座 (bought by the demo purchasing unit)
  'good', // 公证服务“最多跑一次”
  'excellent', // “一村一法律顾问”驻村服务
  'excellent', // 婚姻家庭纠纷调解室
  'fair', // 物业纠纷专业调解
  'good', // 未成年人法治教育基地
  'excellent', // 残疾人法律援助绿色通道
  'fair', // 企业合规指导服务
  'good', // 退役军人法律服务站
  'good', // 农民工工资争议速裁调解
  'good', // 老年人遗嘱咨询与见证 (appeals a mystery visit outside its hours: accepted)
  'fair', // “枫桥式”商会调解
  'good', // 消费维权法律咨询
  'thin', // “宪法宣传周”主题活动 (one week a year: few ratings)
  'good', // 交通事故损害赔偿调解
  'good', // 外来务工人员法律夜校
  'excellent', // 知识产权维权援助
  'thin', // 刑事案件律师辩护全覆盖 (defendants rarely rate)
  'good', // 山区群众巡回法律服务
  'good', // 医疗纠纷人民调解
  'fair', // 社区矫正对象法治教育
  'excellent', // 家事法律援助“护苗”行动
  'good', // 网络直播普法
  'good', // 行政复议咨询服务
  'good', // 法律顾问进企业（按需付费）
  'fair', // 旅游纠纷快速调处 (suspended this year after a verified complaint)
  'good', // 乡村“法律明白人”培训
  'poor', // 涉外法律咨询 (不合格 for real reasons: exits the catalogue)
  'fair', // 公共法律服务机器人自助咨询
  'good', // 困难群众诉讼费缓减指引
  'good', // 征地拆迁法律咨询 (appeals its satisfaction: not accepted)
];

export const CATALOGUE: CatalogueEntry[] = DEMO_PRODUCTS.map((_, index) => ({ index, round: index % 2 === 0 ? 0 : 1, profile: PROFILES[index] }));

/** Named products of the story, by index into DEMO_PRODUCTS. */
export const STORY = {
  /** 张律师's firm (PRODUCT.md): the demo applicant. */
  demoApplicant: 2,
  /** Bought by the demo purchasing unit last year (confirmed; its opinion counts in the assessment). */
  boughtLastYear: 3,
  /** The appeal the bureau accepts (a mystery visit on a Saturday, outside the published hours). */
  appealAccepted: 13,
  /** The appeal the bureau does not accept. */
  appealRejected: 33,
  /** Graded 不合格 and exits the catalogue by document. */
  failing: 30,
  /** Suspended pending review after a verified complaint. */
  suspended: 28,
  /** A closed bad-rating case this year: called back, fixed, the person satisfied. */
  closedCase: 1,
  /** Criticised by the association (通报批评), with the firm's statement. */
  criticised: 10,
  /** Thin, and never inspected: 证据不足, the bureau decides 本年度不定等次. */
  uninspected: 20,
} as const;

export const ASSOCIATION = { name: '杭州市律师协会', kind: 'association' as const, district: '市本级' as const, contactName: '沈书言', contactPhone: '0571-85180000' };

/** Law firms the bureau links to the association as its members. */
export const ASSOCIATION_MEMBERS = DEMO_PRODUCTS.map((p) => p.provider).filter((name, i, all) => name.endsWith('律师事务所') && all.indexOf(name) === i);

export interface DemoExpert {
  name: string;
  organisation: string;
  kind: ExpertKind;
  title: string;
  specialties: string[];
}

/** The expert pool: three of each kind the regulation names. 陈明远 is PRODUCT.md's 陈教授. */
export const EXPERTS: DemoExpert[] = [
  { name: '陈明远', organisation: '浙江大学光华法学院', kind: 'academic', title: '教授', specialties: ['民商法', '公共法律服务'] },
  { name: '林婉清', organisation: '浙江工商大学法学院', kind: 'academic', title: '副教授', specialties: ['劳动法', '社会法'] },
  { name: '周慕白', organisation: '杭州师范大学沈钧儒法学院', kind: 'academic', title: '教授', specialties: ['行政法', '法治宣传'] },
  { name: '赵启航', organisation: '杭州市司法局公共法律服务管理处', kind: 'industry-authority', title: '处长', specialties: ['法律援助', '人民调解'] },
  { name: '吴彦秋', organisation: '西湖区司法局', kind: 'industry-authority', title: '副局长', specialties: ['基层法律服务'] },
  { name: '郑书宁', organisation: '萧山区司法局', kind: 'industry-authority', title: '科长', specialties: ['律师管理', '公证管理'] },
  { name: '钱思远', organisation: '杭州市财政局绩效评价中心', kind: 'performance-management', title: '高级会计师', specialties: ['预算绩效', '政府购买服务'] },
  { name: '冯晓雯', organisation: '杭州市发展和改革委员会', kind: 'performance-management', title: '四级调研员', specialties: ['绩效评价'] },
  { name: '许卓然', organisation: '杭州市统计局', kind: 'performance-management', title: '高级统计师', specialties: ['满意度调查', '数据分析'] },
];

/** The assessing organisations the bureau invites: its own inspectors, and a third-party evaluator. */
export const ASSESSORS = {
  inspectors: { name: '杭州市公共法律服务评估中心', methods: ['ledger', 'case-files', 'mystery'] as const },
  thirdParty: { name: '浙江求是社会评价研究院', methods: ['phone-callback', 'third-party'] as const },
};

export const PURCHASER = { name: '拱墅区和睦街道办事处', unitKind: 'sub-district-office' as const };

/** A registration the bureau has not checked yet (its queue on 单位核验). */
export const PENDING_ORG = { name: '杭州明德社会工作服务中心', kind: 'social-org' as const, district: '拱墅区' as const, contactName: '韩知秋', contactPhone: '0571-88350000' };

/** Fictional contact people for the providers (personal data: never on a public page). */
const GIVEN = ['晓岚', '志远', '雨桐', '建平', '丽华', '浩然', '静怡', '文博', '思琪', '国强', '慧敏', '子涵', '海峰', '佳怡', '立新', '婉婷', '明轩'];
const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
export function contactFor(i: number): { contactName: string; contactPhone: string } {
  return { contactName: FAMILY[i % FAMILY.length] + GIVEN[(i * 7) % GIVEN.length], contactPhone: `1390571${String(2000 + i).padStart(4, '0')}` };
}
