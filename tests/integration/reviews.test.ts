/** Issue 4: the expert pool, random panels with recusal, blind scoring against the rubric, results and confirmation. */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { itemsFor } from '../support/scores';

let h: Harness;
let zhang: { token: string; orgId: string };
const experts: { expertId: string; token: string; organisation: string }[] = [];

const meets = { public: 'meets', legal: 'meets', service: 'meets' };

const pmOf = (i: number) => DEMO_PRODUCTS[i].purchaseMethod;

async function submittedDeclaration(i: number) {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[i], i) }, zhang.token);
  await h.ok('declarations', 'submit', { declarationId }, zhang.token);
  return declarationId as string;
}
const tokenOf = (expertId: string) => experts.find((e) => e.expertId === expertId)!.token;

beforeAll(async () => {
  h = await startHarness();
  zhang = await h.applicant('杭州萧然律师事务所');
  await h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  const pool = [
    ['陈教授', '浙江大学光华法学院', 'academic'],
    ['李处长', '杭州市司法局律师工作处', 'industry-authority'],
    ['王研究员', '杭州市财政局绩效评价中心', 'performance-management'],
    ['赵教授', '浙江工商大学法学院', 'academic'],
    ['钱主任', '杭州市律师协会', 'industry-authority'],
    ['孙教授', '杭州师范大学沈钧儒法学院', 'academic'],
    ['周科长', '杭州市发改委绩效处', 'performance-management'],
    ['吴律师', '杭州萧然律师事务所', 'industry-authority'], // the applicant: must be recused from its panels
    ['郑教授', '浙江财经大学法学院', 'academic'],
    ['冯处长', '杭州市人社局仲裁院', 'industry-authority'],
    ['陈老师', '浙江警察学院', 'academic'], // deactivated below
  ];
  for (const [name, organisation, kind] of pool) {
    const { expertId, inviteCode } = await h.ok('reviews', 'addExpert', { name, organisation, kind, title: '', specialties: ['公共法律服务'], phone: '13900000000' }, ADMIN_TOKEN);
    const token = await h.citizen();
    await h.ok('auth', 'redeemInvite', { code: inviteCode }, token);
    experts.push({ expertId, token, organisation });
  }
  await h.ok('reviews', 'setExpertActive', { expertId: experts[10].expertId, active: false, reason: '本年度暂停参加评审' }, ADMIN_TOKEN);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('a drawn panel never holds a conflicted or inactive expert, and the same seed draws the same panel', async () => {
  const a = await submittedDeclaration(10);
  const b = await submittedDeclaration(10);
  const pa = await h.ok('reviews', 'drawPanel', { declarationId: a, size: 7, seed: 'hz-2026-a' }, ADMIN_TOKEN);
  const pb = await h.ok('reviews', 'drawPanel', { declarationId: b, size: 7, seed: 'hz-2026-a' }, ADMIN_TOKEN);
  const ids = pa.members.map((m: any) => m.expertId);
  expect(ids).toHaveLength(7);
  expect(ids).not.toContain(experts[7].expertId);
  expect(ids).not.toContain(experts[10].expertId);
  expect(pa.excluded).toEqual([{ expertId: experts[7].expertId, code: 'name', reason: '与“杭州萧然律师事务所”存在关联，应当回避' }]);
  expect(pb.members.map((m: any) => m.expertId)).toEqual(ids);
  expect(pa.reserves.length).toBeGreaterThan(0);
  expect(pa.seed).toBe('hz-2026-a');

  const again = await h.call('reviews', 'drawPanel', { declarationId: a, size: 5 }, ADMIN_TOKEN);
  expect(again.status).toBe(409);
  expect((await h.call('reviews', 'drawPanel', { declarationId: await submittedDeclaration(11), size: 8 }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('reviews', 'drawPanel', { declarationId: a, size: 5 }, zhang.token)).status).toBe(403);
  expect((await h.ok('declarations', 'get', { declarationId: a }, zhang.token)).status).toBe('in-review');
  expect((await h.call('declarations', 'withdraw', { declarationId: a }, zhang.token)).status).toBe(409);
});

test('a recusal is replaced from the reserves; a non-member’s sheet is FORBIDDEN', async () => {
  const d = await submittedDeclaration(12);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'recusal' }, ADMIN_TOKEN);
  const leaving = panel.members[0].expertId;
  const firstReserve = panel.reserves[0];
  const after = await h.ok('reviews', 'recuse', { declarationId: d, reason: '曾为申报单位提供咨询' }, tokenOf(leaving));
  expect(after.members.map((m: any) => m.expertId)).toEqual([firstReserve, ...panel.members.slice(1).map((m: any) => m.expertId)]);
  expect(after.recusals).toEqual([expect.objectContaining({ expertId: leaving, replacedBy: firstReserve, reason: '曾为申报单位提供咨询' })]);
  const res = await h.call('reviews', 'saveScoresheet', { declarationId: d, items: {} }, tokenOf(leaving));
  expect(res.status).toBe(403);
  expect((await h.ok('reviews', 'myAssignments', {}, tokenOf(firstReserve))).items.map((i: any) => i.declarationId)).toContain(d);
});

test('scores outside their range, missing items and the wrong purchase-method band are INVALID_INPUT naming the item', async () => {
  const d = await submittedDeclaration(2); // 政府补贴: 4–10 points for the purchase method
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'ranges' }, ADMIN_TOKEN);
  const t = tokenOf(panel.members[0].expertId);
  const good = itemsFor(85, 'subsidy');
  const over = await h.call('reviews', 'submitScoresheet', { declarationId: d, items: { ...good, 'provider.expertise': 6 }, attributes: meets }, t);
  expect((over.body as any).error.issues).toEqual([{ path: 'items.provider.expertise', message: '“业务掌握程度”应在 0–5 分之间' }]);
  const band = await h.call('reviews', 'submitScoresheet', { declarationId: d, items: { ...good, purchaseMethod: 12 }, attributes: meets }, t);
  expect((band.body as any).error.issues).toEqual([{ path: 'items.purchaseMethod', message: '申报的购买方式只能得 4–10 分' }]);
  const { 'content.basis': _gone, ...missing } = good;
  const incomplete = await h.call('reviews', 'submitScoresheet', { declarationId: d, items: missing, attributes: meets }, t);
  expect((incomplete.body as any).error.issues).toEqual([{ path: 'items.content.basis', message: '请给“产品设计的依据”打分（0–2 分）' }]);
  const third = await h.call('reviews', 'saveScoresheet', { declarationId: d, items: { 'provider.training': 1.25 } }, t);
  expect((third.body as any).error.issues[0]).toEqual({ path: 'items.provider.training', message: '分数应为整数或 0.5 分' });
  const doubt = await h.call('reviews', 'submitScoresheet', { declarationId: d, items: good, attributes: { ...meets, legal: 'doubtful' } }, t);
  expect((doubt.body as any).error.issues).toEqual([{ path: 'attributes.note', message: '有属性判断为存疑或不符合时，请写明理由' }]);
  // A draft may be partial; it stays the expert's own.
  expect((await h.ok('reviews', 'saveScoresheet', { declarationId: d, items: { purchaseMethod: 8 } }, t)).status).toBe('draft');
});

test('blind scoring: before the last sheet nobody reads any score; then an average of exactly 80 passes', async () => {
  const d = await submittedDeclaration(5); // 政府补贴
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'eighty' }, ADMIN_TOKEN);
  const members = panel.members.map((m: any) => m.expertId);
  const totals = [70, 90, 80, 79.5, 80.5]; // mean exactly 80
  for (const [i, m] of members.entries()) {
    if (i > 0) {
      // The ones still scoring read only their own sheet, never others', never a result.
      const mine = await h.ok('reviews', 'assignment', { declarationId: d }, tokenOf(m));
      expect(mine.sheet).toBeNull();
      expect((await h.call('reviews', 'result', { declarationId: d }, tokenOf(members[0]))).status).toBe(409);
      expect((await h.call('reviews', 'result', { declarationId: d }, ADMIN_TOKEN)).status).toBe(409);
    }
    await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: itemsFor(totals[i], 'subsidy'), attributes: meets, comment: '' }, tokenOf(m));
  }
  expect((await h.call('reviews', 'submitScoresheet', { declarationId: d, items: itemsFor(60, 'subsidy'), attributes: meets }, tokenOf(members[0]))).status).toBe(409);
  const result = await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN);
  expect(result).toMatchObject({ sheets: 5, average: 80, median: 80, passed: true, failedAttributes: [], outliers: [] });
  expect(result.stddev).toBe(6.33); // √(200.5 / 5)
  expect((await h.call('reviews', 'result', { declarationId: d }, zhang.token)).status).toBe(403);
  for (const m of members) await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true }, tokenOf(m));
  // The bureau confirms with reasons in its own words, kept in the audit trail.
  expect((await h.call('reviews', 'confirm', { declarationId: d, reason: '好' }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('reviews', 'confirm', { declarationId: d, reason: '很'.repeat(201) }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.ok('reviews', 'confirm', { declarationId: d, reason: '评审组讨论后维持各自评分' }, ADMIN_TOKEN)).confirmedAt).not.toBeNull();
  const trail = await h.ok('admin', 'auditTrail', { recordId: d }, ADMIN_TOKEN);
  expect(trail.entries.find((e: any) => e.action === 'confirm').change.reason).toBe('评审组讨论后维持各自评分');
  expect((await h.ok('declarations', 'get', { declarationId: d }, zhang.token)).status).toBe('proposed');
  expect((await h.call('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN)).status).toBe(409);
});

test('79.9 does not pass; a sheet far from the median is flagged', async () => {
  const d = await submittedDeclaration(7);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'seventy-nine' }, ADMIN_TOKEN);
  const totals = [84, 84, 84, 84, 63.5]; // mean 79.9
  for (const [i, m] of panel.members.map((x: any) => x.expertId).entries())
    await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: itemsFor(totals[i], pmOf(7)), attributes: meets }, tokenOf(m));
  const result = await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN);
  expect(result).toMatchObject({ average: 79.9, passed: false, outliers: [{ sheet: 5, total: 63.5 }] });
  for (const m of panel.members.map((x: any) => x.expertId)) await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true }, tokenOf(m));
  await h.ok('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN);
  expect((await h.ok('declarations', 'get', { declarationId: d }, zhang.token)).status).toBe('not-passed');
});

test('a majority judging the legal nature to fail blocks a high average', async () => {
  const d = await submittedDeclaration(15);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'legal' }, ADMIN_TOKEN);
  for (const [i, m] of panel.members.map((x: any) => x.expertId).entries()) {
    const attributes = i < 3 ? { ...meets, legal: 'fails', note: '属于商事服务，不属于公共法律服务' } : meets;
    await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: itemsFor(95, pmOf(15)), attributes }, tokenOf(m));
  }
  const result = await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN);
  expect(result).toMatchObject({ average: 95, failedAttributes: ['legal'], passed: false });
  expect(result.attributes.legal).toEqual({ meets: 2, doubtful: 0, fails: 3 });
});

test('concurrent submissions of the last two sheets yield exactly one result', async () => {
  const d = await submittedDeclaration(17);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'race' }, ADMIN_TOKEN);
  const members = panel.members.map((x: any) => x.expertId);
  for (const m of members.slice(0, 3)) await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: itemsFor(88, pmOf(17)), attributes: meets }, tokenOf(m));
  const last = await Promise.all(members.slice(3).map((m: string) => h.call('reviews', 'submitScoresheet', { declarationId: d, items: itemsFor(90, pmOf(17)), attributes: meets }, tokenOf(m))));
  expect(last.map((r) => r.status)).toEqual([200, 200]);
  expect(await h.app.store.count('results', { _id: d })).toBe(1);
  expect((await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN)).average).toBe(88.8);
});

test('the bureau can reopen a submitted sheet with a reason; the result waits for it again', async () => {
  const d = await submittedDeclaration(19);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'reopen' }, ADMIN_TOKEN);
  const members = panel.members.map((x: any) => x.expertId);
  for (const m of members) await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: itemsFor(82, pmOf(19)), attributes: meets }, tokenOf(m));
  expect((await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN)).average).toBe(82);
  await h.ok('reviews', 'reopenScoresheet', { declarationId: d, expertId: members[0], reason: '第 3 项明显笔误' }, ADMIN_TOKEN);
  expect((await h.call('reviews', 'result', { declarationId: d }, ADMIN_TOKEN)).status).toBe(409);
  await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: itemsFor(87, pmOf(19)), attributes: meets }, tokenOf(members[0]));
  expect((await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN)).average).toBe(83);
  const trail = await h.ok('admin', 'auditTrail', { recordId: `${d}:${members[0]}` }, ADMIN_TOKEN);
  expect(trail.entries.map((e: any) => e.action)).toEqual(['submitScoresheet', 'reopenScoresheet', 'submitScoresheet']);
});
