/**
 * The product specification (附件1 《杭州市公共法律服务产品说明书》) as data.
 * The declaration form, its validation, the reviewer's view, the printable sheet and the
 * citizen's product page are all drawn from this one definition.
 */
import { CATEGORIES, CATEGORY_LABELS, DISTRICTS, PURCHASE_METHODS, PURCHASE_METHOD_LABELS } from './domain';
import { HANGZHOU_BOUNDS } from './geo';

/** `coordinate`: a number (WGS-84 degrees) within `range`; every other kind is text. */
export type SpecFieldKind = 'text' | 'textarea' | 'choice' | 'phone' | 'date' | 'coordinate';

export interface SpecField {
  /** Dotted key, e.g. `content.audience`; part of the API. */
  key: string;
  label: string;
  /** The seed's 提示, or our own help where the seed has none. */
  hint?: string;
  kind: SpecFieldKind;
  maxLength?: number;
  choices?: readonly { value: string; label: string }[];
  /** Shown to citizens on the product page once the product is in the catalogue. */
  public?: boolean;
  /** May be left empty even on submission (issue 24: a service point's coordinates). */
  optional?: boolean;
  /** A coordinate's allowed values. */
  range?: { min: number; max: number };
}

export interface SpecSection {
  key: string;
  /** The form's own name for the section (attachment 1). */
  title: string;
  /** What the section is about in a citizen's words, shown beside the form's name on public pages (issue 24). */
  plain: string;
  /** Where the section comes from, for the reader of the code and the printed sheet. */
  source: string;
  fields: SpecField[];
}

const SHORT = 60;
const MEDIUM = 500;
const LONG = 2000;

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export const SPEC_SECTIONS: SpecSection[] = [
  {
    key: 'cover',
    plain: '申报单位和联系人',
    title: '封面',
    source: '附件1 封面',
    fields: [
      { key: 'cover.applicantName', label: '申报单位', kind: 'text', maxLength: SHORT, hint: '与公章一致的单位全称' },
      { key: 'cover.principal', label: '主要负责人', kind: 'text', maxLength: 30 },
      { key: 'cover.contactName', label: '联系人姓名', kind: 'text', maxLength: 30 },
      { key: 'cover.contactPhone', label: '联系人电话', kind: 'phone', hint: '手机号或带区号的固定电话，如 0571-85256615' },
      { key: 'cover.declaredOn', label: '申报时间', kind: 'date' },
    ],
  },
  {
    key: 'basic',
    plain: '这是什么服务、花不花钱',
    title: '产品基本情况',
    source: '附件1 表头；正文“申报”段',
    fields: [
      { key: 'name', label: '产品名称', kind: 'text', maxLength: 40, public: true },
      {
        key: 'category',
        label: '产品类别',
        kind: 'choice',
        choices: choices(CATEGORIES, CATEGORY_LABELS),
        hint: '根据产品内容选择“法律服务、法治宣传、法律援助、人民调解、其他类别”的其中一类',
        public: true,
      },
      {
        key: 'purchaseMethod',
        label: '购买方式',
        kind: 'choice',
        choices: choices(PURCHASE_METHODS, PURCHASE_METHOD_LABELS),
        hint: '政府补贴指纳入财政资金保障，支付产品所需部分市场价格；政府购买指纳入财政资金保障，支付产品所需全部市场价格',
        public: true,
      },
      { key: 'summary', label: '产品简介', kind: 'textarea', maxLength: MEDIUM, public: true },
      { key: 'fundingSource', label: '资金来源', kind: 'textarea', maxLength: MEDIUM, public: true },
      { key: 'price', label: '服务价格', kind: 'text', maxLength: 200, hint: '免费的请写“免费”；收费的写明标准', public: true },
      { key: 'serviceStandard', label: '服务标准', kind: 'textarea', maxLength: LONG, public: true },
      { key: 'evaluationMethod', label: '评价办法', kind: 'textarea', maxLength: LONG },
    ],
  },
  {
    key: 'publicInfo',
    plain: '在哪里、怎么联系',
    title: '对公众公开的服务信息',
    source: '本系统补充：目录库向群众展示的联系方式（正文“推介”段）',
    fields: [
      {
        key: 'publicInfo.district',
        label: '服务所在区县',
        kind: 'choice',
        choices: DISTRICTS.map((d) => ({ value: d, label: d })),
        public: true,
      },
      { key: 'publicInfo.address', label: '服务地址', kind: 'text', maxLength: 120, public: true },
      { key: 'publicInfo.servicePhone', label: '服务电话', kind: 'phone', hint: '群众可直接拨打的电话', public: true },
      { key: 'publicInfo.hours', label: '服务时间', kind: 'text', maxLength: 100, public: true },
      {
        key: 'publicInfo.materials',
        label: '需要准备的材料',
        kind: 'textarea',
        maxLength: 500,
        hint: '群众来办理时要带的证件和材料，用群众听得懂的话写；不需要材料的写“无需准备材料”',
        public: true,
      },
      // Issue 24, nearest first: where the service point is, so citizens can find the nearest one and open a map.
      {
        key: 'publicInfo.latitude',
        label: '服务地点纬度',
        kind: 'coordinate',
        range: HANGZHOU_BOUNDS.latitude,
        hint: '在手机上可点“在地图上选点”自动填入；也可以从地图网站查到后填写，如 30.2741（北纬，杭州在 29 到 30.8 之间）',
        public: true,
        optional: true,
      },
      {
        key: 'publicInfo.longitude',
        label: '服务地点经度',
        kind: 'coordinate',
        range: HANGZHOU_BOUNDS.longitude,
        hint: '如 120.1302（东经，杭州在 118.2 到 120.9 之间）。填了经纬度，群众就能按距离找到最近的服务点，并一键导航',
        public: true,
        optional: true,
      },
    ],
  },
  {
    key: 'provider',
    plain: '谁来服务',
    title: '提供主体的专业性',
    source: '附件1 提供主体的专业性',
    fields: [
      { key: 'provider.expertise', label: '业务掌握程度', kind: 'textarea', maxLength: LONG, hint: '需明确服务提供者需具备怎么程度的专业资质、从业经历等' },
      { key: 'provider.serviceRequirements', label: '服务要求', kind: 'textarea', maxLength: LONG, hint: '需明确服务语言、服装仪态、服务对象反馈等' },
      { key: 'provider.coverage', label: '提供主体的范围数量', kind: 'textarea', maxLength: LONG, hint: '需明确基于对各类服务需求的满足程度', public: true },
      { key: 'provider.training', label: '人员培训情况', kind: 'textarea', maxLength: LONG, hint: '需明确职业培训的频次、内容、覆盖面等' },
    ],
  },
  {
    key: 'content',
    plain: '为谁解决什么问题',
    title: '服务内容的实用性',
    source: '附件1 服务内容的实用性',
    fields: [
      { key: 'content.audience', label: '产品服务的对象', kind: 'textarea', maxLength: MEDIUM, public: true },
      { key: 'content.basis', label: '产品设计的依据', kind: 'textarea', maxLength: LONG, hint: '只需填写文件名称，具体文件可作为附件提供' },
      { key: 'content.problemSolved', label: '产品设计重点解决的问题', kind: 'textarea', maxLength: LONG, hint: '可以从服务民生、服务法治环境打造等角度分析', public: true },
      { key: 'content.channels', label: '产品获得的渠道', kind: 'textarea', maxLength: MEDIUM, public: true },
      { key: 'content.frequency', label: '产品服务的周期频次', kind: 'textarea', maxLength: MEDIUM, public: true },
    ],
  },
  {
    key: 'management',
    plain: '怎么办理',
    title: '服务管理的规范性',
    source: '附件1 服务管理的规范性',
    fields: [
      { key: 'management.rules', label: '管理制度', kind: 'textarea', maxLength: LONG, hint: '只需填写制度文件名称，具体文件可作为附件提供' },
      { key: 'management.process', label: '服务流程', kind: 'textarea', maxLength: LONG, public: true },
      { key: 'management.publicGuide', label: '相关政策、服务指南面向公众的公布情况', kind: 'textarea', maxLength: LONG },
      { key: 'management.records', label: '服务记录保存的及时性、完整性、准确性', kind: 'textarea', maxLength: LONG, hint: '需明确服务各环节记录的要素' },
      { key: 'management.qualityControl', label: '服务质量监管机制', kind: 'textarea', maxLength: LONG },
    ],
  },
  {
    key: 'efficiency',
    plain: '要达到什么效果',
    title: '服务过程的高效性',
    source: '附件1 服务过程的高效性',
    fields: [
      { key: 'efficiency.indicators', label: '针对产品服务标准制定个性评价指标', kind: 'textarea', maxLength: LONG, hint: '具体描述服务所要达到的效果，需量化评价指标' },
    ],
  },
  {
    key: 'satisfaction',
    plain: '群众满不满意',
    title: '服务结果的满意度',
    source: '附件1 服务结果的满意度',
    fields: [
      { key: 'satisfaction.satisfaction', label: '服务过程及结束后服务对象满意度', kind: 'textarea', maxLength: LONG, hint: '需量化指标，如，有明确要实现的续约率、活动参与率、意见采纳率、投诉率，等等' },
      { key: 'satisfaction.benefit', label: '产品投入产出效益分析', kind: 'textarea', maxLength: LONG, hint: '需体现产品投入的成本，投入后预期产生的社会效益、经济效益等' },
    ],
  },
];

export const SPEC_FIELDS: SpecField[] = SPEC_SECTIONS.flatMap((s) => s.fields);
export const PUBLIC_SPEC_FIELDS: SpecField[] = SPEC_FIELDS.filter((f) => f.public);

/** Reads a dotted key from a (possibly partial) specification. */
export function readField(spec: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), spec);
}

/**
 * The Chinese label of a field issue's path (`cover.contactPhone`, `spec.cover.contactPhone`, `attachments.0.name`),
 * so no page shows an internal path; undefined for a path that is not the specification's.
 */
export function specFieldLabel(path: string): string | undefined {
  const key = path.replace(/^spec\./, '');
  if (key === 'attachments' || key.startsWith('attachments.')) return '附件清单';
  return SPEC_FIELDS.find((f) => f.key === key)?.label;
}

/** A field issue as a person reads it: the field's label, then what is wrong (once, if the message already names it). */
export function specIssueText(issue: { path: string; message: string }): string {
  const label = specFieldLabel(issue.path);
  return !label || issue.message.includes(label) ? issue.message : `${label}：${issue.message}`;
}
