/** Issue 3: the yearly call, drafts with autosave, complete submission, who sees what, material requests, the printable sheet. */
import type { Spec } from '../../types/spec';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { XLSX } from '../support/fileFixtures';
import { OPEN_DRAFTS_PER_ORG } from '../../types/limits';
import { notDraft } from '../../types/declaration';

let h: Harness;
let zhang: { token: string; orgId: string };
let rival: { token: string; orgId: string };
const full = (): Spec => demoSpec(DEMO_PRODUCTS[2], 2);
const setClock = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);

beforeAll(async () => {
  h = await startHarness();
  zhang = await h.applicant('杭州之江律师事务所');
  rival = await h.applicant('杭州钱江律师事务所');
  await setClock('2026-03-10T09:00:00+08:00');
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度公共法律服务产品申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
});
afterAll(async () => {
  await h.ok('admin', 'setClock', { now: null }, ADMIN_TOKEN);
  await h.close();
});
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('one call a year, opened by the bureau only, listed for everyone with its state', async () => {
  const again = await h.call('declarations', 'openCall', { year: 2026, title: '重复的公告标题', opensOn: '2026-05-01', closesOn: '2026-05-31' }, ADMIN_TOKEN);
  expect(again.status).toBe(409);
  const backwards = await h.call('declarations', 'openCall', { year: 2027, title: '2027 年度申报公告', opensOn: '2027-03-31', closesOn: '2027-03-01' }, ADMIN_TOKEN);
  expect((backwards.body as any).error.issues).toEqual([{ path: 'closesOn', message: '截止日期不能早于开始日期' }]);
  expect((await h.call('declarations', 'openCall', { year: 2027, title: '2027 年度申报公告', opensOn: '2027-03-01', closesOn: '2027-03-31' }, zhang.token)).status).toBe(403);
  const { calls } = await h.ok('declarations', 'listCalls');
  expect(calls).toEqual([expect.objectContaining({ callId: 'call-2026', year: 2026, state: 'open' })]);
});

test('a complete declaration: draft, autosave, submit — then it is locked', async () => {
  const first = await h.ok('declarations', 'saveDraft', { spec: { name: '小微企业法律体检' } }, zhang.token);
  expect(first.version).toBe(1);
  const second = await h.ok('declarations', 'saveDraft', { declarationId: first.declarationId, baseVersion: 1, spec: { name: '小微企业法律体检', category: 'legal-service' } }, zhang.token);
  expect(second.version).toBe(2);

  // The laptop saved version 2; the phone still holds version 1 and must not overwrite it.
  const stale = await h.call('declarations', 'saveDraft', { declarationId: first.declarationId, baseVersion: 1, spec: { name: '旧内容' } }, zhang.token);
  expect(stale.status).toBe(409);
  expect((await h.ok('declarations', 'get', { declarationId: first.declarationId }, zhang.token)).name).toBe('小微企业法律体检');

  const third = await h.ok('declarations', 'saveDraft', { declarationId: first.declarationId, baseVersion: 2, spec: full() }, zhang.token);
  expect(third.version).toBe(3);
  const submitted = await h.ok('declarations', 'submit', { declarationId: first.declarationId }, zhang.token);
  expect(submitted).toMatchObject({ status: 'submitted', submittedAt: '2026-03-10T01:00:00.000Z', name: full().name });

  expect((await h.call('declarations', 'submit', { declarationId: first.declarationId }, zhang.token)).status).toBe(409);
  expect((await h.call('declarations', 'saveDraft', { declarationId: first.declarationId, spec: { name: '改' } }, zhang.token)).status).toBe(409);

  const trail = await h.ok('admin', 'auditTrail', { recordId: first.declarationId }, ADMIN_TOKEN);
  expect(trail.entries.map((e: any) => e.action)).toEqual(['saveDraft', 'saveDraft', 'saveDraft', 'submit']);
  expect(trail.entries[1].change.fields).toEqual(['category']);
});

test('an incomplete declaration is refused with one issue per missing field, by path', async () => {
  const spec = full() as any;
  delete spec.content.audience;
  delete spec.management;
  spec.cover.contactPhone = '12345';
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: { ...spec, cover: { ...spec.cover, contactPhone: undefined } } }, zhang.token);
  const res = await h.call('declarations', 'submit', { declarationId }, zhang.token);
  expect(res.status).toBe(400);
  const issues = (res.body as any).error.issues as { path: string; message: string }[];
  const paths = issues.map((i) => i.path).sort();
  expect(paths).toEqual(['content.audience', 'cover.contactPhone', 'management.process', 'management.publicGuide', 'management.qualityControl', 'management.records', 'management.rules']);
  expect(issues.find((i) => i.path === 'content.audience')!.message).toBe('请填写产品服务的对象');
  expect((await h.ok('declarations', 'get', { declarationId }, zhang.token)).status).toBe('draft');
});

test('issue 14: a draft saves whatever its state; its problems come back by field, in Chinese; only submission refuses them', async () => {
  const { declarationId, version, problems: none } = await h.ok('declarations', 'saveDraft', { spec: { name: '合规体检' } }, zhang.token);
  expect(none).toEqual([]);
  // A half-typed phone and an over-long summary, then a later edit: all of it reaches the server.
  const saved = await h.ok('declarations', 'saveDraft', { declarationId, baseVersion: version, spec: { name: '合规体检', summary: '长'.repeat(501), cover: { contactPhone: '0571-12' } } }, zhang.token);
  expect(saved.version).toBe(version + 1);
  // In the form's order (封面 first).
  expect(saved.problems).toEqual([
    { path: 'cover.contactPhone', message: '联系人电话格式不正确，应为手机号或带区号的固定电话' },
    { path: 'summary', message: '产品简介不能超过 500 字' },
  ]);
  const later = await h.ok('declarations', 'saveDraft', { declarationId, baseVersion: saved.version, spec: { name: '合规体检', summary: '长'.repeat(501), cover: { contactPhone: '0571-12', contactName: '张律师' } } }, zhang.token);
  expect(later.problems.map((p: { path: string }) => p.path)).toEqual(['cover.contactPhone', 'summary']);

  // Another device opens it: the invalid value, the later edit and the problems, named in the form's words.
  const d = await h.ok('declarations', 'get', { declarationId }, zhang.token);
  expect([d.version, d.spec.cover, d.spec.summary.length]).toEqual([later.version, { contactPhone: '0571-12', contactName: '张律师' }, 501]);
  expect(d.problems).toEqual(later.problems);

  // The stale-version conflict still holds (laptop against phone).
  const stale = await h.call('declarations', 'saveDraft', { declarationId, baseVersion: saved.version, spec: { name: '旧内容' } }, zhang.token);
  expect(stale.status).toBe(409);

  // Submission stays strict: the same values are refused, each by its path, and nothing changes.
  const submit = await h.call('declarations', 'submit', { declarationId }, zhang.token);
  expect(submit.status).toBe(400);
  expect((submit.body as any).error.code).toBe('INVALID_INPUT');
  const issues = (submit.body as any).error.issues as { path: string; message: string }[];
  expect(issues).toEqual(expect.arrayContaining([...later.problems, { path: 'content.audience', message: '请填写产品服务的对象' }]));
  expect((await h.ok('declarations', 'get', { declarationId }, zhang.token))).toMatchObject({ status: 'draft', version: later.version });
});

test('issue 14: the shape of a draft stays bounded: unknown fields, wrong types and oversize values are refused whole, writing nothing', async () => {
  const { declarationId, version } = await h.ok('declarations', 'saveDraft', { spec: { name: '合规体检' } }, zhang.token);
  const auditBefore = await h.app.store.count('audit');
  const unknown = await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '合规体检', secret: 'x'.repeat(100) } }, zhang.token);
  expect([unknown.status, (unknown.body as any).error.issues]).toEqual([400, [{ path: 'spec', message: '说明书中没有这些栏目：secret' }]]);
  const nested = await h.call('declarations', 'saveDraft', { declarationId, spec: { cover: { contactPhone: '0571', blob: 'x' } } }, zhang.token);
  expect((nested.body as any).error.issues).toEqual([{ path: 'spec.cover', message: '说明书中没有这些栏目：blob' }]);
  const typed = await h.call('declarations', 'saveDraft', { declarationId, spec: { summary: { nested: 'x'.repeat(100) } } }, zhang.token);
  expect((typed.body as any).error.issues).toEqual([{ path: 'spec.summary', message: '产品简介应为文字' }]);
  // A value may run past its field's limit (reported), but not past twice that: 产品简介 500 → 1000 in a draft.
  const huge = await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '合规体检', summary: '长'.repeat(1001) } }, zhang.token);
  expect((huge.body as any).error).toEqual({ code: 'INVALID_INPUT', message: '产品简介太长了，草稿最多保存 1000 字，请删减后再保存', issues: [{ path: 'spec.summary', message: '产品简介太长了，草稿最多保存 1000 字，请删减后再保存' }] });
  const phone = await h.call('declarations', 'saveDraft', { declarationId, spec: { cover: { contactPhone: '1'.repeat(101) } } }, zhang.token);
  expect((phone.body as any).error.issues).toEqual([{ path: 'spec.cover.contactPhone', message: '联系人电话太长了，草稿最多保存 100 字，请删减后再保存' }]);
  const many = await h.call('declarations', 'saveDraft', { declarationId, spec: { attachments: Array.from({ length: 31 }, (_, i) => ({ name: `${i}.pdf`, fileId: `local/${i}` })) } }, zhang.token);
  expect((many.body as any).error.issues).toEqual([{ path: 'spec.attachments', message: '附件不能超过 30 个' }]);
  const d = await h.ok('declarations', 'get', { declarationId }, zhang.token);
  expect([d.version, d.spec]).toEqual([version, { name: '合规体检' }]);
  expect(await h.app.store.count('audit')).toBe(auditBefore);
});

test('issue 14: another organisation can neither save over nor read a draft with problems, nor learn them', async () => {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: { name: '之江所的草稿', cover: { contactPhone: '0571-1' } } }, zhang.token);
  const read = await h.call('declarations', 'get', { declarationId }, rival.token);
  expect([read.status, JSON.stringify(read.body).includes('0571-1')]).toEqual([404, false]);
  expect((await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '篡改', cover: { contactPhone: 'x' } } }, rival.token)).status).toBe(404);
  expect((await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '篡改' } }, await h.citizen())).status).toBe(403);
  const d = await h.ok('declarations', 'get', { declarationId }, zhang.token);
  expect([d.name, d.spec.cover.contactPhone, d.version]).toEqual(['之江所的草稿', '0571-1', 1]);
});

test('a recommended declaration names its recommending association (issue 13: a verified organisation, not free text)', async () => {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full(), declarationMode: 'recommended', recommender: '杭州市律师协会' }, zhang.token);
  const res = await h.call('declarations', 'submit', { declarationId }, zhang.token);
  expect((res.body as any).error.issues).toEqual([{ path: 'recommenderOrgId', message: '组织推荐的申报请选择推荐的行业协会' }]);
  // A law firm is not an association: naming it is refused at the field.
  const notAssociation = await h.call('declarations', 'saveDraft', { declarationId, spec: full(), declarationMode: 'recommended', recommenderOrgId: rival.orgId }, zhang.token);
  expect((notAssociation.body as any).error.issues).toEqual([{ path: 'recommenderOrgId', message: '请从列表中选择推荐的行业协会' }]);
});

test('who sees what: own organisation and the bureau; others are told it does not exist', async () => {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: { name: '只属于之江所' } }, zhang.token);
  expect((await h.call('declarations', 'get', { declarationId }, rival.token)).status).toBe(404);
  expect((await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '篡改' } }, rival.token)).status).toBe(404);
  expect((await h.call('declarations', 'withdraw', { declarationId }, rival.token)).status).toBe(404);
  expect((await h.call('declarations', 'get', { declarationId }, await h.citizen())).status).toBe(403);
  expect((await h.call('declarations', 'get', { declarationId })).status).toBe(401);
  expect((await h.ok('declarations', 'get', { declarationId }, ADMIN_TOKEN)).name).toBe('只属于之江所');
  const mine = await h.ok('declarations', 'listMine', {}, rival.token);
  expect(mine.items.map((i: any) => i.declarationId)).not.toContain(declarationId);
  const all = await h.ok('declarations', 'listAll', { callId: 'call-2026' }, ADMIN_TOKEN);
  expect(all.items.map((i: any) => i.declarationId)).toContain(declarationId);
  // Issue 22: the desk's table names who declared, from the cover (null while a draft has none).
  const withCover = all.items.filter((i: any) => i.applicantName);
  expect(withCover.length).toBeGreaterThan(0);
  for (const i of withCover) expect(i.applicantName).toBe((await h.ok('declarations', 'get', { declarationId: i.declarationId }, ADMIN_TOKEN)).spec.cover.applicantName);
  expect(all.items.find((i: any) => i.declarationId === declarationId).applicantName).toBeNull();
  const services = await h.ok('declarations', 'listAll', { category: 'legal-service' }, ADMIN_TOKEN);
  expect(services.items.length).toBeGreaterThan(0);
  for (const i of services.items) expect(i.category).toBe('legal-service');
  const drafts = await h.ok('declarations', 'listAll', { status: 'draft', limit: 2 }, ADMIN_TOKEN);
  const next = await h.ok('declarations', 'listAll', { status: 'draft', limit: 2, cursor: drafts.nextCursor }, ADMIN_TOKEN);
  const ids = [...drafts.items, ...next.items].map((i: any) => i.declarationId);
  expect(new Set(ids).size).toBe(ids.length);
  for (const i of [...drafts.items, ...next.items]) expect(i.status).toBe('draft');
});

test('withdrawal before review; a withdrawn declaration cannot be submitted', async () => {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full() }, zhang.token);
  expect((await h.ok('declarations', 'withdraw', { declarationId, reason: '材料重新准备' }, zhang.token)).status).toBe('withdrawn');
  expect((await h.call('declarations', 'withdraw', { declarationId }, zhang.token)).status).toBe(409);
  expect((await h.call('declarations', 'submit', { declarationId }, zhang.token)).status).toBe(409);
});

test('material requests: the bureau asks, the applicant answers once, both stay in the record', async () => {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full() }, zhang.token);
  expect((await h.call('declarations', 'requestMaterials', { declarationId, note: '请补充服务台账样本', dueOn: '2026-03-20' }, ADMIN_TOKEN)).status).toBe(409);
  await h.ok('declarations', 'submit', { declarationId }, zhang.token);
  expect((await h.call('declarations', 'requestMaterials', { declarationId, note: '请补充服务台账样本', dueOn: '2026-03-01' }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('declarations', 'requestMaterials', { declarationId, note: '请补充服务台账样本', dueOn: '2026-03-20' }, zhang.token)).status).toBe(403);
  const asked = await h.ok('declarations', 'requestMaterials', { declarationId, note: '请补充服务台账样本', dueOn: '2026-03-20' }, ADMIN_TOKEN);
  const { requestId } = asked.materialRequests[0];
  const mine = await h.ok('declarations', 'listMine', {}, zhang.token);
  expect(mine.items.find((i: any) => i.declarationId === declarationId).openMaterialRequests).toBe(1);

  const xlsx = XLSX;
  const up = await h.upload(xlsx, zhang.token);
  const file = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '服务台账.xlsx' }, zhang.token);
  const supplied = await h.ok('declarations', 'supplyMaterials', { declarationId, requestId, text: '已上传 2025 年服务台账', attachments: [{ name: '服务台账.xlsx', fileId: file.fileId }] }, zhang.token);
  expect(supplied.materialRequests[0]).toMatchObject({ note: '请补充服务台账样本', response: { text: '已上传 2025 年服务台账', attachments: [{ name: '服务台账.xlsx', fileId: file.fileId }] } });
  expect((await h.call('declarations', 'supplyMaterials', { declarationId, requestId, text: '再次补充' }, zhang.token)).status).toBe(409);
  expect((await h.call('declarations', 'supplyMaterials', { declarationId, requestId, text: '冒名补充' }, rival.token)).status).toBe(404);
});

test('the printable sheet is laid out like attachment 1, escaped', async () => {
  const spec = { ...full(), name: '<script>alert(1)</script>体检' };
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec }, zhang.token);
  const { html } = await h.ok('declarations', 'printable', { declarationId }, zhang.token);
  expect(html).toContain('杭州市公共法律服务产品<br>说明书');
  for (const label of ['申报单位（盖章）', '主要负责人签名', '提供主体的专业性', '业务掌握程度', '服务质量监管机制', '产品投入产出效益分析']) expect(html).toContain(label);
  expect(html).toContain(spec.content.audience);
  expect(html).not.toContain('<script>alert(1)</script>');
  expect(html).toContain('&lt;script&gt;');
  expect((await h.call('declarations', 'printable', { declarationId }, rival.token)).status).toBe(404);
});

test('submission after the call closes is CONFLICT; no new drafts outside a call', async () => {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full() }, zhang.token);
  await setClock('2026-04-01T09:00:00+08:00');
  try {
    const late = await h.call('declarations', 'submit', { declarationId }, zhang.token);
    expect(late.status).toBe(409);
    expect((late.body as any).error.message).toBe('申报已于 2026-03-31 截止，不能再提交');
    expect((await h.call('declarations', 'saveDraft', { spec: { name: '新草稿' } }, zhang.token)).status).toBe(409);
    expect((await h.ok('declarations', 'listCalls')).calls[0].state).toBe('closed');
  } finally {
    await setClock('2026-03-10T09:00:00+08:00');
  }
});

test('an organisation holds at most OPEN_DRAFTS_PER_ORG open drafts in a call; a withdrawn one frees its place; a locked one says why', async () => {
  expect(OPEN_DRAFTS_PER_ORG).toBe(20);
  const org = await h.applicant('杭州草稿上限测试律师事务所');
  const ids: string[] = [];
  for (let i = 1; i <= OPEN_DRAFTS_PER_ORG; i++) ids.push((await h.ok('declarations', 'saveDraft', { spec: { name: `草稿 ${i}` } }, org.token)).declarationId);
  const before = await h.app.store.count('declarations', { orgId: org.orgId });
  const over = await h.call('declarations', 'saveDraft', { spec: { name: '第 21 份' } }, org.token);
  expect([over.status, (over.body as any).error.code, (over.body as any).error.message]).toEqual([
    409,
    'CONFLICT',
    '本单位在本次申报中已有 20 份草稿，最多 20 份。请先提交或撤回不用的草稿，再新建',
  ]);
  expect(await h.app.store.count('declarations', { orgId: org.orgId })).toBe(before);
  // Another organisation is not affected; the existing drafts still save.
  expect((await h.call('declarations', 'saveDraft', { spec: { name: '别家的草稿' } }, rival.token)).status).toBe(200);
  expect((await h.call('declarations', 'saveDraft', { declarationId: ids[0], baseVersion: 1, spec: { name: '草稿 1 改' } }, org.token)).status).toBe(200);
  await h.ok('declarations', 'withdraw', { declarationId: ids[1] }, org.token);
  expect((await h.call('declarations', 'saveDraft', { spec: { name: '第 21 份' } }, org.token)).status).toBe(200);
  // A withdrawn declaration says it was withdrawn; it is not a draft any more.
  const locked = await h.call('declarations', 'saveDraft', { declarationId: ids[1], baseVersion: 1, spec: { name: '改' } }, org.token);
  expect([locked.status, (locked.body as any).error.message]).toEqual([409, '申报已撤回，不能再修改']);
  expect(notDraft('in-publicity', '不能再提交')).toBe('申报已提交（现在：公示中），不能再提交');
});
