/** The specification as data, checked against the seed's attachment 1 and exercised through its schemas. */
import fs from 'fs';
import path from 'path';
import { CATEGORY_LABELS, PURCHASE_METHOD_LABELS } from '../../types/domain';
import { PUBLIC_SPEC_FIELDS, SPEC_FIELDS, SPEC_SECTIONS, specDraftSchema, specSchema } from '../../types/spec';
import { issuesOf } from '../../types/validation';
import { DEMO_PRODUCTS } from '../../server/demoProducts';

const seedDir = path.resolve(__dirname, '../../../shared/seed');
const seed = fs.existsSync(seedDir) ? fs.readdirSync(seedDir).map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8')).join('\n') : null;
const attachment1 = seed ? seed.slice(seed.indexOf('附件 1'), seed.indexOf('附件 2')) : '';

(seed ? describe : describe.skip)('against the seed (attachment 1)', () => {
  test('every field of attachment 1 is in the definition, under the seed’s own words', () => {
    const labels = SPEC_FIELDS.map((f) => f.label);
    const seedRows = [
      '产品名称', '产品类别', '购买方式', '产品简介',
      '业务掌握程度', '服务要求', '产品服务的对象', '产品设计的依据', '产品设计重点解决的问题', '产品获得的渠道', '产品服务的周期频次',
      '管理制度', '服务流程', '相关政策、服务指南面向公众的公布情况', '服务记录保存的及时性、完整性、准确性', '服务质量监管机制',
      '针对产品服务标准制定个性评价指标', '服务过程及结束后服务对象满意度', '产品投入产出效益分析',
    ];
    for (const row of seedRows) {
      expect(attachment1.replace(/\s/g, '')).toContain(row);
      expect(labels).toContain(row);
    }
    for (const cover of ['申报单位', '主要负责人', '联系人', '申报时间']) expect(attachment1).toContain(cover);
  });

  test('the seed’s hints (提示) are the help texts', () => {
    const hints = [...attachment1.matchAll(/提示：([^）]+)）/g)].map((m) => m[1].trim());
    expect(hints.length).toBeGreaterThanOrEqual(8);
    const ours = SPEC_FIELDS.map((f) => f.hint ?? '');
    for (const hint of hints) expect(ours).toContain(hint);
  });

  test('categories and purchase methods are the seed’s five each', () => {
    for (const label of Object.values(CATEGORY_LABELS)) expect(attachment1).toContain(label);
    for (const label of Object.values(PURCHASE_METHOD_LABELS)) expect(attachment1).toContain(label);
  });
});

describe('the definition', () => {
  test('keys are unique and follow the API’s dotted names', () => {
    const keys = SPEC_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of ['name', 'category', 'purchaseMethod', 'summary', 'fundingSource', 'price', 'serviceStandard', 'evaluationMethod', 'cover.applicantName', 'cover.principal', 'cover.contactName', 'cover.contactPhone', 'cover.declaredOn', 'provider.expertise', 'provider.serviceRequirements', 'provider.coverage', 'provider.training', 'content.audience', 'content.basis', 'content.problemSolved', 'content.channels', 'content.frequency', 'management.rules', 'management.process', 'management.publicGuide', 'management.records', 'management.qualityControl', 'efficiency.indicators', 'satisfaction.satisfaction', 'satisfaction.benefit'])
      expect(keys).toContain(k);
    expect(SPEC_SECTIONS.every((s) => s.fields.length > 0)).toBe(true);
  });

  test('the applicant’s internal contacts are never public', () => {
    const pub = PUBLIC_SPEC_FIELDS.map((f) => f.key);
    for (const k of ['cover.principal', 'cover.contactName', 'cover.contactPhone']) expect(pub).not.toContain(k);
  });
});

describe('validation', () => {
  test('an empty submission reports every missing field at once, with its path', () => {
    const result = specSchema.safeParse({ attachments: [] });
    expect(result.success).toBe(false);
    const issues = issuesOf(result.error!);
    const paths = issues.map((i) => i.path);
    for (const f of SPEC_FIELDS) expect(paths).toContain(f.key);
    expect(issues.find((i) => i.path === 'content.audience')?.message).toBe('请填写产品服务的对象');
    expect(issues.find((i) => i.path === 'category')?.message).toBe('请从列表中选择产品类别');
  });

  test('a draft may be partial, but what is there must fit', () => {
    expect(specDraftSchema.safeParse({ name: '调解' }).success).toBe(true);
    expect(specDraftSchema.safeParse({ content: { audience: '老年人' } }).success).toBe(true);
    const tooLong = specDraftSchema.safeParse({ name: '很'.repeat(41) });
    expect(issuesOf(tooLong.error!)).toEqual([{ path: 'name', message: '产品名称不能超过 40 字' }]);
    const unknown = specDraftSchema.safeParse({ content: { color: 'red' } });
    expect(issuesOf(unknown.error!)[0].path).toBe('content');
  });

  test('phones: mobiles, landlines with area codes, and hotlines pass; others do not', () => {
    const phone = (v: string) => specDraftSchema.safeParse({ cover: { contactPhone: v } }).success;
    for (const ok of ['13905711234', '0571-85256615', '057185256615', '85256615', '0571-8525661-123', '12348', '400-123-4567']) expect(phone(ok)).toBe(true);
    for (const bad of ['12345678901', '1390571123', 'abc', '0571-123', '+86 139 0571 1234x']) expect(phone(bad)).toBe(false);
  });

  test('the demo catalogue has at least 30 products, every phone valid', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(30);
    for (const p of DEMO_PRODUCTS) expect(specDraftSchema.safeParse({ publicInfo: { servicePhone: p.phone, district: p.district } }).success).toBe(true);
  });
});
