/** The specification as data, checked against the seed's attachment 1 and exercised through its schemas. */
import { CATEGORY_LABELS, PURCHASE_METHOD_LABELS } from '../../types/domain';
import { DRAFT_SHORT_CAP, DRAFT_SLACK, PUBLIC_SPEC_FIELDS, SPEC_FIELDS, SPEC_SECTIONS, draftCap, draftProblems, specDraftSchema, specFieldLabel, specIssueText, specSchema, specStoredDraftSchema } from '../../types/spec';
import { issuesOf, summaryOf } from '../../types/validation';
import { demoSpec } from '../../server/seedDemo';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { SEED } from '../support/seed';

const attachment1 = SEED ? SEED.slice(SEED.indexOf('附件 1'), SEED.indexOf('附件 2')) : '';

/** Attachment 1's table: `row` or `section ⇥ n、label（提示：hint）`, from 产品名称 to the notes (备注). */
function parseAttachment1(text: string) {
  const table = text.slice(text.indexOf('产品名称\t'), text.indexOf('备注'));
  const rows: { section: string | null; label: string; hint?: string }[] = [];
  let section: string | null = null;
  for (const line of table.split('\n')) {
    const cells = line.split('\t').map((c) => c.trim()).filter(Boolean);
    if (!cells.length) continue;
    if (cells.length === 2) section = cells[0];
    const m = /^(?:\d、)?(.+?)(?:（提示：(.+)）)?$/.exec(cells[cells.length - 1])!;
    rows.push({ section: cells.length === 1 && !line.startsWith('\t') ? null : section, label: m[1], ...(m[2] ? { hint: m[2] } : {}) });
  }
  const cover = [...text.slice(0, text.indexOf('产品名称\t')).matchAll(/^(.+?)：\s*_+/gm)].map((m) => m[1].replace(/\s/g, ''));
  const listed = (before: string) => new RegExp(`${before}“([^”]+)”`).exec(text)![1].split('、');
  return { rows, cover, categories: listed('选择'), purchaseMethods: listed('从') };
}
const parsed1 = SEED ? parseAttachment1(attachment1) : null;

(parsed1 ? describe : describe.skip)('against the seed (attachment 1)', () => {
  test('the parser read the whole table: 4 head rows and 5 sections of 17 items', () => {
    expect(parsed1!.rows).toHaveLength(21);
    expect([...new Set(parsed1!.rows.map((r) => r.section).filter(Boolean))]).toHaveLength(5);
  });

  test('every row of attachment 1 is a field under the seed’s own words and hint, in order, and every field of its sections is a row', () => {
    const fromAttachment = SPEC_SECTIONS.filter((s) => s.source.startsWith('附件1') && s.key !== 'cover');
    const basicSeed = parsed1!.rows.filter((r) => !r.section).map((r) => r.label);
    const basic = fromAttachment.find((s) => s.key === 'basic')!.fields;
    // The table's head rows, in order; the other basic fields are the 申报 paragraph's own words (资金来源, 服务价格…).
    expect(basic.filter((f) => basicSeed.includes(f.label)).map((f) => f.label)).toEqual(basicSeed);
    const declarationParagraph = SEED!.slice(SEED!.indexOf('申报:'), SEED!.indexOf('评估:'));
    for (const f of basic.filter((x) => !basicSeed.includes(x.label))) expect({ field: f.label, named: declarationParagraph.includes(f.label) }).toEqual({ field: f.label, named: true });

    const ours = fromAttachment.filter((s) => s.key !== 'basic').flatMap((s) => s.fields.map((f) => ({ section: s.title, label: f.label, ...(f.hint ? { hint: f.hint } : {}) })));
    const seedRows = parsed1!.rows.filter((r) => r.section);
    // Our hints for rows without a seed hint are our own help: compare hints only where the seed gives one, and no seed hint may be missing.
    expect(ours.map(({ section, label }) => ({ section, label }))).toEqual(seedRows.map(({ section, label }) => ({ section, label })));
    for (const [i, row] of seedRows.entries()) if (row.hint) expect(ours[i].hint).toBe(row.hint);
  });

  test('the cover asks for what the seed’s cover asks', () => {
    const cover = SPEC_SECTIONS.find((s) => s.key === 'cover')!.fields.map((f) => f.label);
    expect(parsed1!.cover).toEqual(['申报产品名称', '申报单位（盖章）', '主要负责人签名', '联系人姓名', '联系人电话', '申报时间']);
    expect(cover).toEqual(['申报单位', '主要负责人', '联系人姓名', '联系人电话', '申报时间']);
  });

  test('categories and purchase methods are the seed’s five each, nothing missing, nothing extra', () => {
    expect(Object.values(CATEGORY_LABELS)).toEqual(parsed1!.categories);
    expect(Object.values(PURCHASE_METHOD_LABELS).sort()).toEqual([...parsed1!.purchaseMethods].sort());
    expect(parsed1!.categories).toHaveLength(5);
    expect(parsed1!.purchaseMethods).toHaveLength(5);
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
    // Every field but the optional ones (issue 24: a service point's coordinates may be left out).
    for (const f of SPEC_FIELDS) expect({ key: f.key, reported: paths.includes(f.key) }).toEqual({ key: f.key, reported: !f.optional });
    expect(SPEC_FIELDS.filter((f) => f.optional).map((f) => f.key)).toEqual(['publicInfo.latitude', 'publicInfo.longitude']);
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

  test('issue 24: coordinates are numbers inside Hangzhou, given together or not at all', () => {
    const problems = (publicInfo: Record<string, unknown>) => (specDraftSchema.safeParse({ publicInfo }).error ? issuesOf(specDraftSchema.safeParse({ publicInfo }).error!) : []);
    expect(problems({ latitude: 30.2741, longitude: 120.1302 })).toEqual([]);
    expect(problems({})).toEqual([]);
    // Both ends of each range pass; just outside fails (and a swapped pair is caught by the ranges).
    expect(problems({ latitude: 29.0, longitude: 118.2 })).toEqual([]);
    expect(problems({ latitude: 30.8, longitude: 120.9 })).toEqual([]);
    expect(problems({ latitude: 28.99, longitude: 120.1 }).map((p) => p.path)).toEqual(['publicInfo.latitude']);
    expect(problems({ latitude: 30.81, longitude: 120.1 }).map((p) => p.path)).toEqual(['publicInfo.latitude']);
    expect(problems({ latitude: 30.2, longitude: 118.19 }).map((p) => p.path)).toEqual(['publicInfo.longitude']);
    expect(problems({ latitude: 30.2, longitude: 120.91 }).map((p) => p.path)).toEqual(['publicInfo.longitude']);
    expect(problems({ latitude: 120.1302, longitude: 30.2741 })[0].message).toBe('服务地点纬度应在 29 到 30.8 之间（杭州市范围内），请检查是否与另一项填反了');
    expect(problems({ latitude: 30.27 })).toEqual([{ path: 'publicInfo.longitude', message: '请同时填写服务地点的经度和纬度（只填了纬度）' }]);
    expect(problems({ longitude: 120.1 })).toEqual([{ path: 'publicInfo.latitude', message: '请同时填写服务地点的经度和纬度（只填了经度）' }]);
    expect(problems({ latitude: '30.2', longitude: 120.1 })[0]).toMatchObject({ path: 'publicInfo.latitude', message: '服务地点纬度应为数字，如 29.9000' });
    // A draft keeps what was typed so far (a half-typed number), and a submission needs numbers.
    expect(specStoredDraftSchema.safeParse({ publicInfo: { latitude: '30.', longitude: 120.1 } }).success).toBe(true);
    expect(specStoredDraftSchema.safeParse({ publicInfo: { latitude: true } }).success).toBe(false);
    const full = { ...demoSpec(DEMO_PRODUCTS[0], 0) };
    const { latitude: _lat, longitude: _lon, ...noPlace } = full.publicInfo;
    expect(specSchema.safeParse({ ...full, publicInfo: noPlace }).success).toBe(true);
    expect(specSchema.safeParse({ ...full, publicInfo: { ...noPlace, latitude: 30.3 } }).success).toBe(false);
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

  test('issue 14: a stored draft holds any value of a known field up to its draft cap; nothing else', () => {
    expect([DRAFT_SLACK, DRAFT_SHORT_CAP]).toEqual([2, 100]);
    const byKey = (k: string) => SPEC_FIELDS.find((f) => f.key === k)!;
    expect([draftCap(byKey('summary')), draftCap(byKey('serviceStandard')), draftCap(byKey('name')), draftCap(byKey('cover.contactPhone')), draftCap(byKey('category'))]).toEqual([1000, 4000, 80, 100, 100]);
    // Half-typed values are storable, and reported.
    const half = { name: '调解', category: 'legal', cover: { contactPhone: '0571-1', declaredOn: '2026-13' }, summary: '长'.repeat(600) };
    expect(specStoredDraftSchema.safeParse(half).success).toBe(true);
    expect(draftProblems(half).map((p) => p.path)).toEqual(['cover.contactPhone', 'cover.declaredOn', 'category', 'summary']);
    expect(draftProblems({ name: '调解' })).toEqual([]);
    // Blobs are not.
    for (const bad of [{ extra: 'x' }, { cover: { extra: 'x' } }, { name: 1 }, { name: '很'.repeat(81) }, { cover: 'x' }, { attachments: [{ name: 'a', fileId: 'x'.repeat(301) }] }])
      expect(specStoredDraftSchema.safeParse(bad).success).toBe(false);
  });

  test('issue 14: issues name the field by its label, never by its internal path', () => {
    expect(specFieldLabel('spec.cover.contactPhone')).toBe('联系人电话');
    expect(specFieldLabel('management.publicGuide')).toBe('相关政策、服务指南面向公众的公布情况');
    expect(specFieldLabel('attachments.0.name')).toBe('附件清单');
    expect(specFieldLabel('recommenderOrgId')).toBeUndefined();
    expect(specIssueText({ path: 'cover.contactPhone', message: '联系人电话格式不正确' })).toBe('联系人电话格式不正确');
    expect(specIssueText({ path: 'cover.declaredOn', message: '此项必填' })).toBe('申报时间：此项必填');
    expect(summaryOf([{ path: 'spec.cover.contactPhone', message: '联系人电话格式不正确，应为手机号或带区号的固定电话' }])).toBe('联系人电话格式不正确，应为手机号或带区号的固定电话');
    expect(summaryOf([{ path: 'spec.content', message: '说明书中没有这些栏目：x' }])).toBe('说明书中没有这些栏目：x');
    // Outside the specification too (the registration form): the label, never the key.
    expect(summaryOf([{ path: 'contactPhone', message: '联系电话格式不正确，应为手机号或带区号的固定电话' }])).toBe('联系电话格式不正确，应为手机号或带区号的固定电话');
    expect(summaryOf([{ path: 'district', message: '此项必填' }])).toBe('所在区县：此项必填');
    expect(summaryOf([{ path: 'items.q1', message: '请给“服务效率”打分' }])).toBe('请给“服务效率”打分');
    for (const path of ['contactPhone', 'district', 'items.q1', 'spec.content', 'a.b.c']) expect(summaryOf([{ path, message: '此项必填' }])).not.toMatch(/[A-Za-z]/);
  });
});
