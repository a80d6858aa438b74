/**
 * Issue 22: the bureau's bulk actions through the real server. Each selected record is done by the single-record use
 * case in its own transaction with its own audit entry; a refused record in the middle of a selection is listed with
 * its reason while the records around it are done; bad input and the wrong callers are refused for the whole call.
 */
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { productIdFor } from '../../cloudfunctions/catalogue/publishProducts';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { BULK_MAX } from '../../types/limits';
import { insertGrades } from '../support/gradeFixture';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { deskScene, proposed as proposedBy, submitted as submittedBy, type Expert } from '../support/reviewSteps';

let h: Harness;
let zhang: { token: string; orgId: string };
let experts: Expert[];
const at = (day: string) => h.ok('admin', 'setClock', { now: `${day}T10:00:00+08:00` }, ADMIN_TOKEN);
const issues = (res: { body: any }) => (res.body.error.issues ?? []).map((i: any) => [i.path, i.message]);
const tooMany = Array.from({ length: BULK_MAX + 1 }, (_, i) => `x${i}`);

/** The audit entries of one record written by one action. */
async function trail(recordId: string, action: string): Promise<any[]> {
  return (await h.ok('admin', 'auditTrail', { recordId }, ADMIN_TOKEN)).entries.filter((e: any) => e.action === action);
}
const submitted = (i: number) => submittedBy(h, zhang.token, i);
const proposed = (i: number) => proposedBy(h, zhang.token, i, experts);
const status = async (id: string) => (await h.ok('declarations', 'get', { declarationId: id }, ADMIN_TOKEN)).status;

beforeAll(async () => {
  h = await startHarness();
  ({ applicant: zhang, experts } = await deskScene(h, '杭州钱塘律师事务所', '2026-03-10'));
}, 60_000);
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('reviews.drawPanels: bad input, wrong callers; a draft in the middle is refused, the submitted ones around it drawn, one audit entry each', async () => {
  const a = await submitted(0);
  const { declarationId: draft } = await h.ok('declarations', 'saveDraft', { spec: { name: '尚未提交的申报' } }, zhang.token);
  const b = await submitted(1);

  expect(issues(await h.call('reviews', 'drawPanels', { declarationIds: [], size: 5 }, ADMIN_TOKEN))).toEqual([['declarationIds', '请至少选择一项申报']]);
  expect(issues(await h.call('reviews', 'drawPanels', { declarationIds: tooMany, size: 5 }, ADMIN_TOKEN))).toEqual([['declarationIds', `一次最多处理 ${BULK_MAX} 项申报`]]);
  expect(issues(await h.call('reviews', 'drawPanels', { declarationIds: [a], size: 4 }, ADMIN_TOKEN))).toEqual([['size', '评审组至少 5 人（办法：选取5至7名专家）']]);
  expect((await h.call('reviews', 'drawPanels', { declarationIds: [a], size: 5, seed: 'x' }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('reviews', 'drawPanels', { declarationIds: [a], size: 5 }, zhang.token)).status).toBe(403);
  expect((await h.call('reviews', 'drawPanels', { declarationIds: [a], size: 5 }, experts[0].token)).status).toBe(403);
  expect((await h.call('reviews', 'drawPanels', { declarationIds: [a], size: 5 })).status).toBe(401);
  expect([await status(a), await status(b)]).toEqual(['submitted', 'submitted']);

  const res = await h.ok('reviews', 'drawPanels', { declarationIds: [a, draft, 'd-none', b, a], size: 5 }, ADMIN_TOKEN);
  expect(res.results).toEqual([
    { id: a, ok: true, message: expect.stringMatching(/^评审组 /) },
    { id: draft, ok: false, code: 'CONFLICT', message: '只能为已提交的申报抽取评审组' },
    { id: 'd-none', ok: false, code: 'NOT_FOUND', message: '没有找到这份申报' },
    { id: b, ok: true, message: expect.stringMatching(/^评审组 /) },
  ]);
  // Each drawn record names whom the draw chose, in the panel's order, and its reserves (by id: the pool's names).
  for (const [i, id] of [[0, a], [3, b]] as const) {
    const panel = await h.ok('reviews', 'panel', { declarationId: id }, ADMIN_TOKEN);
    const names = panel.members.map((m: { name: string }) => m.name);
    expect(names.every((n: string) => n.length > 0)).toBe(true);
    expect(res.results[i].message.startsWith(`评审组 ${names.join('、')}`)).toBe(true);
    expect(res.results[i].message.includes('；候补 ')).toBe(panel.reserves.length > 0);
  }
  expect([await status(a), await status(draft), await status(b)]).toEqual(['in-review', 'draft', 'in-review']);
  for (const id of [a, b]) {
    expect((await h.ok('reviews', 'panel', { declarationId: id }, ADMIN_TOKEN)).members).toHaveLength(5);
    expect(await trail(id, 'drawPanels')).toHaveLength(1);
  }
  expect(await trail(draft, 'drawPanels')).toHaveLength(0);
  expect((await h.call('reviews', 'panel', { declarationId: draft }, ADMIN_TOKEN)).status).toBe(404);
  // Each draw has its own seed, recorded with it.
  const seeds = await Promise.all([a, b].map(async (id) => (await h.ok('reviews', 'panel', { declarationId: id }, ADMIN_TOKEN)).seed));
  expect(new Set(seeds).size).toBe(2);
  // Again: both refused now, nothing changes.
  const again = await h.ok('reviews', 'drawPanels', { declarationIds: [a, b], size: 5 }, ADMIN_TOKEN);
  expect(again.results.map((r: any) => [r.ok, r.code, r.message])).toEqual([
    [false, 'CONFLICT', '这份申报已经抽取过评审组'],
    [false, 'CONFLICT', '这份申报已经抽取过评审组'],
  ]);
  expect(await trail(a, 'drawPanels')).toHaveLength(1);
});

test('publicity.start, disposeMany and catalogue.publish: a declaration not ready in the middle is refused, the others go ahead, one audit entry each; the publication is one catalogue version', async () => {
  await at('2026-09-01');
  const p1 = await proposed(2);
  const p3 = await proposed(3);
  const inReview = await submitted(4);
  await h.ok('reviews', 'drawPanel', { declarationId: inReview, size: 5 }, ADMIN_TOKEN);

  expect(issues(await h.call('publicity', 'start', { declarationIds: tooMany, startsOn: '2026-09-07', workingDays: 7 }, ADMIN_TOKEN))).toEqual([['declarationIds', `一次最多公示 ${BULK_MAX} 个产品`]]);
  expect((await h.call('publicity', 'start', { declarationIds: [p1], startsOn: '2026-08-31', workingDays: 7 }, ADMIN_TOKEN)).status).toBe(400);
  // From Monday 7 September, 7 working days: 7–11, 14, 15.
  const started = await h.ok('publicity', 'start', { declarationIds: [p1, inReview, p3], startsOn: '2026-09-07', workingDays: 7 }, ADMIN_TOKEN);
  expect(started).toEqual({
    started: [p1, p3].map((declarationId) => ({ declarationId, startsOn: '2026-09-07', endsOn: '2026-09-15' })),
    endsOn: '2026-09-15',
    warnings: [],
    results: [
      { id: p1, ok: true },
      { id: inReview, ok: false, code: 'CONFLICT', message: `“${DEMO_PRODUCTS[4].name}”不是拟定产品（评审未通过或尚未确认），不能公示` },
      { id: p3, ok: true },
    ],
  });
  expect([await status(p1), await status(inReview), await status(p3)]).toEqual(['in-publicity', 'in-review', 'in-publicity']);
  for (const id of [p1, p3]) expect(await trail(id, 'start')).toHaveLength(1);
  expect(await trail(inReview, 'start')).toHaveLength(0);
  expect((await h.call('publicity', 'get', { declarationId: inReview })).status).toBe(404);

  // Comments on p1, answered as a selection with one missing id in the middle.
  await at('2026-09-08');
  const c1 = (await h.ok('publicity', 'comment', { declarationId: p1, text: '建议公布服务的预约电话' }, await h.citizen())).commentId;
  const c2 = (await h.ok('publicity', 'comment', { declarationId: p1, text: '希望增加周末的服务时间' }, await h.citizen())).commentId;
  const c3 = (await h.ok('publicity', 'comment', { declarationId: p1, text: '收费标准应当写得更清楚' }, await h.citizen())).commentId;
  expect(issues(await h.call('publicity', 'disposeMany', { commentIds: [c1], disposition: 'adopted', reply: '' }, ADMIN_TOKEN))).toEqual([['reply', '请填写答复']]);
  expect(issues(await h.call('publicity', 'disposeMany', { commentIds: [c1], disposition: 'ok', reply: '已采纳' }, ADMIN_TOKEN))).toEqual([['disposition', '处理结果应为采纳、部分采纳、不予采纳或与本产品无关']]);
  expect(issues(await h.call('publicity', 'disposeMany', { commentIds: tooMany, disposition: 'adopted', reply: '已采纳' }, ADMIN_TOKEN))).toEqual([['commentIds', `一次最多处理 ${BULK_MAX} 项意见`]]);
  expect((await h.call('publicity', 'disposeMany', { commentIds: [c1], disposition: 'adopted', reply: '已采纳' }, zhang.token)).status).toBe(403);
  expect((await h.call('publicity', 'disposeMany', { commentIds: [c1], disposition: 'adopted', reply: '已采纳' }, await h.citizen())).status).toBe(403);
  const answered = await h.ok('publicity', 'disposeMany', { commentIds: [c1, 'c-none', c2], disposition: 'adopted', reply: '已要求在服务指南中写明' }, ADMIN_TOKEN);
  expect(answered.results).toEqual([{ id: c1, ok: true }, { id: 'c-none', ok: false, code: 'NOT_FOUND', message: '没有找到这条意见' }, { id: c2, ok: true }]);
  const moderation = await h.ok('publicity', 'moderation', { declarationId: p1 }, ADMIN_TOKEN);
  expect(moderation.comments.map((c: any) => [c.commentId, c.disposition, c.reply])).toEqual([
    [c1, 'adopted', '已要求在服务指南中写明'],
    [c2, 'adopted', '已要求在服务指南中写明'],
    [c3, null, null],
  ]);
  expect(moderation.unanswered).toBe(1);
  for (const id of [c1, c2]) expect(await trail(id, 'disposeMany')).toHaveLength(1);
  expect(await trail(c3, 'disposeMany')).toHaveLength(0);
  await h.ok('publicity', 'dispose', { commentId: c3, disposition: 'partly-adopted', reply: '将在下一版中说明' }, ADMIN_TOKEN);

  // After the windows: both recognised, then published together with the one still in review in the middle.
  await at('2026-09-16');
  for (const id of [p1, p3]) await h.ok('publicity', 'close', { declarationId: id, outcome: 'recognised' }, ADMIN_TOKEN);
  expect(issues(await h.call('catalogue', 'publish', { declarationIds: tooMany, documentNumber: '杭司〔2026〕88号', publishedOn: '2026-09-18' }, ADMIN_TOKEN))).toEqual([['declarationIds', `一次最多处理 ${BULK_MAX} 项申报`]]);
  expect((await h.call('catalogue', 'publish', { declarationIds: [p1], documentNumber: '88号', publishedOn: '2026-09-18' }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('catalogue', 'publish', { declarationIds: [p1], documentNumber: '杭司〔2026〕88号', publishedOn: '2026-09-18' }, zhang.token)).status).toBe(403);
  const versionBefore = (await h.ok('catalogue', 'versions', {})).current;
  const published = await h.ok('catalogue', 'publish', { declarationIds: [p1, inReview, p3], documentNumber: '杭司〔2026〕88号', publishedOn: '2026-09-18' }, ADMIN_TOKEN);
  expect(published).toEqual({
    published: [p1, p3].map((declarationId) => ({ declarationId, productId: productIdFor(declarationId) })),
    results: [
      { id: p1, ok: true },
      { id: inReview, ok: false, code: 'CONFLICT', message: `“${DEMO_PRODUCTS[4].name}”尚未通过公示，不能公布` },
      { id: p3, ok: true },
    ],
  });
  for (const id of [p1, p3]) {
    expect((await h.ok('catalogue', 'get', { productId: productIdFor(id) })).documentNumber).toBe('杭司〔2026〕88号');
    expect(await trail(productIdFor(id), 'publish')).toHaveLength(1);
  }
  expect([await status(p1), await status(inReview), await status(p3)]).toEqual(['published', 'in-review', 'published']);
  // The publication is one new catalogue version, adding the products that were published and only those.
  const versions = await h.ok('catalogue', 'versions', {});
  expect(versions.current).toBe(versionBefore + 1);
  expect([versions.versions[0].documentNumbers, versions.versions[0].added.map((x: any) => x.productId).sort()]).toEqual([['杭司〔2026〕88号'], [p1, p3].map(productIdFor).sort()]);
});

test('assessments.assessors by name, and assignMany: a product outside the year’s scope is refused, the others assigned, one audit entry each', async () => {
  await at('2026-04-01');
  for (const [productId, publishedOn, i] of [['pbulkA', '2025-03-01', 20], ['pbulkB', '2025-04-01', 21], ['pbulkLate', '2026-06-01', 22]] as const)
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[i], i), { productId, declarationId: null, orgId: zhang.orgId, documentNumber: '杭司〔2025〕31号', publishedOn }));
  await h.ok('assessments', 'open', { year: 2026, title: '2026 年度产品测评', startsOn: '2026-05-01', endsOn: '2026-08-31' }, ADMIN_TOKEN);
  const invited = await h.ok('admin', 'createInvite', { role: 'assessor', orgName: '浙江公评社会评价中心' }, ADMIN_TOKEN);
  const assessorToken = await h.citizen();
  await h.ok('auth', 'redeemInvite', { code: invited.inviteCode }, assessorToken);
  const second = await h.ok('admin', 'createInvite', { role: 'assessor', orgName: '杭州第三方测评研究院' }, ADMIN_TOKEN);

  expect((await h.call('assessments', 'assessors', {}, assessorToken)).status).toBe(403);
  expect((await h.call('assessments', 'assessors', { year: 1999 }, ADMIN_TOKEN)).status).toBe(400);
  const listed = await h.ok('assessments', 'assessors', { year: 2026 }, ADMIN_TOKEN);
  // Names, never only ids; applicants and associations are not assessors.
  expect(listed.assessors.map((a: any) => [a.name, a.orgId, a.accounts, a.assigned])).toEqual(
    [
      ['浙江公评社会评价中心', invited.orgId, 1, 0],
      ['杭州第三方测评研究院', second.orgId, 0, 0],
    ].sort((x, y) => (x[0] as string).localeCompare(y[0] as string, 'zh-Hans-CN')),
  );

  expect(issues(await h.call('assessments', 'assignMany', { year: 2026, assessorOrgId: invited.orgId, productIds: [] }, ADMIN_TOKEN))).toEqual([['productIds', '请至少选择一项产品']]);
  expect(issues(await h.call('assessments', 'assignMany', { year: 2026, productIds: ['pbulkA'] }, ADMIN_TOKEN))).toEqual([['assessorOrgId', '请选择测评机构']]);
  expect((await h.call('assessments', 'assignMany', { year: 2026, assessorOrgId: invited.orgId, productIds: ['pbulkA'] }, assessorToken)).status).toBe(403);
  expect((await h.call('assessments', 'assignMany', { year: 2026, assessorOrgId: invited.orgId, productIds: ['pbulkA'] }, zhang.token)).status).toBe(403);

  const res = await h.ok('assessments', 'assignMany', { year: 2026, assessorOrgId: invited.orgId, productIds: ['pbulkA', 'pbulkLate', 'pbulkB'] }, ADMIN_TOKEN);
  expect(res.results).toEqual([
    { id: 'pbulkA', ok: true },
    { id: 'pbulkLate', ok: false, code: 'INVALID_INPUT', message: '这个产品不在本年度测评范围内' },
    { id: 'pbulkB', ok: true },
  ]);
  const mine = await h.ok('assessments', 'myProducts', { year: 2026 }, assessorToken);
  expect(mine.products.map((p: any) => p.productId).sort()).toEqual(['pbulkA', 'pbulkB']);
  const entries = await trail(`2026:${invited.orgId}`, 'assignMany');
  expect(entries.map((e: any) => e.change.added)).toEqual([['pbulkA'], ['pbulkB']]);
  expect((await h.ok('assessments', 'assessors', { year: 2026 }, ADMIN_TOKEN)).assessors.find((a: any) => a.orgId === invited.orgId).assigned).toBe(2);
  // An unknown organisation: every product refused, nothing written.
  const unknown = await h.ok('assessments', 'assignMany', { year: 2026, assessorOrgId: 'o-none', productIds: ['pbulkA'] }, ADMIN_TOKEN);
  expect(unknown.results).toEqual([{ id: 'pbulkA', ok: false, code: 'NOT_FOUND', message: '没有找到这个测评机构' }]);
});

test('supervision.decideLines: one decision per selected line; a product not in the proposal and a line already decided are refused, the others decided, one audit entry each', async () => {
  await at('2026-02-10');
  for (const [productId, i] of [['padjA', 23], ['padjB', 24], ['padjC', 25]] as const)
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[i], i), { productId, declarationId: null, orgId: zhang.orgId, documentNumber: '杭司〔2024〕3号', publishedOn: '2024-03-01' }));
  await insertGrades(h.app.store, 2025, ['padjA', 'padjB', 'padjC'].map((productId) => ({ productId, orgId: zhang.orgId, grade: 'fail' as const, score: 50, satisfaction: { rate: 0.9, n: 30 } })));
  const proposal = await h.ok('supervision', 'propose', { year: 2025 }, ADMIN_TOKEN);
  expect(proposal.lines.map((l: any) => [l.productId, l.action]).sort()).toEqual([['padjA', 'exit'], ['padjB', 'exit'], ['padjC', 'exit']]);

  expect(issues(await h.call('supervision', 'decideLines', { year: 2025, lines: [] }, ADMIN_TOKEN))).toEqual([['lines', '请至少选择一条建议']]);
  expect(issues(await h.call('supervision', 'decideLines', { year: 2025, lines: [{ productId: 'padjA', decision: 'change', reason: '情节较轻，改为整改' }] }, ADMIN_TOKEN))).toEqual([['lines.0.changeTo', '改为其他处理时，请选择新的处理方式']]);
  expect(issues(await h.call('supervision', 'decideLines', { year: 2025, lines: [{ productId: 'padjA', decision: 'accept', reason: '是' }] }, ADMIN_TOKEN))).toEqual([['lines.0.reason', '请写明理由（至少 4 个字）']]);
  expect((await h.call('supervision', 'decideLines', { year: 2025, lines: Array.from({ length: BULK_MAX + 1 }, (_, i) => ({ productId: `p${i}`, decision: 'accept', reason: '测评不合格' })) }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('supervision', 'decideLines', { year: 2025, lines: [{ productId: 'padjA', decision: 'accept', reason: '测评不合格，依规退出' }] }, zhang.token)).status).toBe(403);

  const first = await h.ok('supervision', 'decideLines', { year: 2025, lines: [{ productId: 'padjB', decision: 'reject', reason: '已在整改，暂不处理' }] }, ADMIN_TOKEN);
  expect(first.results).toEqual([{ id: 'padjB', ok: true }]);
  const res = await h.ok(
    'supervision',
    'decideLines',
    {
      year: 2025,
      lines: [
        { productId: 'padjA', decision: 'accept', reason: '测评不合格，依规退出' },
        { productId: 'p-none', decision: 'accept', reason: '测评不合格，依规退出' },
        { productId: 'padjB', decision: 'accept', reason: '改变主意，依规退出' },
        { productId: 'padjC', decision: 'change', changeTo: 'rectify', reason: '首次不合格，限期整改' },
      ],
    },
    ADMIN_TOKEN,
  );
  expect(res.results).toEqual([
    { id: 'padjA', ok: true },
    { id: 'p-none', ok: false, code: 'NOT_FOUND', message: '没有找到这一条建议' },
    { id: 'padjB', ok: false, code: 'CONFLICT', message: '这一条已经决定过了' },
    { id: 'padjC', ok: true },
  ]);
  const decided = await h.ok('supervision', 'proposal', { year: 2025 }, ADMIN_TOKEN);
  expect(Object.fromEntries(decided.lines.map((l: any) => [l.productId, [l.decision.decision, l.decision.action, l.decision.reason]]))).toEqual({
    padjA: ['accept', 'exit', '测评不合格，依规退出'],
    padjB: ['reject', null, '已在整改，暂不处理'],
    padjC: ['change', 'rectify', '首次不合格，限期整改'],
  });
  expect((await trail('2025', 'decideLines')).map((e: any) => e.change.lineId)).toEqual(['padjB', 'padjA', 'padjC']);
});
