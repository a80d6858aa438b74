/**
 * Issue 10, findings 6 and 8: conflicts are decided by the expert's account (its bound organisation) and by the
 * expert's own declaration, not by names; and blind scoring holds on every read path, the audit trail included.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { RUBRIC_KEYS } from '../../types/rubric';
import { CONFLICT_REASONS } from '../../types/review';
import { itemsFor, maxItems } from '../support/scores';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
const experts: { expertId: string; token: string }[] = [];
const meets = { public: 'meets', legal: 'meets', service: 'meets' };

async function addExpert(name: string, organisation: string) {
  const { expertId, inviteCode } = await h.ok('reviews', 'addExpert', { name, organisation, kind: 'academic', phone: '13900000000' }, ADMIN_TOKEN);
  const token = await h.citizen();
  await h.ok('auth', 'redeemInvite', { code: inviteCode }, token);
  experts.push({ expertId, token });
  return { expertId, token };
}
async function declare(token: string, i: number) {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[i], i) }, token);
  await h.ok('declarations', 'submit', { declarationId }, token);
  return declarationId as string;
}

beforeAll(async () => {
  h = await startHarness();
  await h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  const names = ['浙江大学光华法学院', '浙江工商大学法学院', '杭州师范大学法学院', '浙江财经大学法学院'];
  for (const [i, org] of names.entries()) await addExpert(`专家${i + 1}`, org);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('finding 6: an expert whose account is bound to the applicant is never drawn, whatever its workplace is called', async () => {
  // The fifth expert names an unrelated workplace, but its account is also an applicant of 杭州某某律师事务所.
  const insider = await addExpert('专家5', '浙江警察学院');
  const { inviteCode, orgId } = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '杭州某某律师事务所' }, ADMIN_TOKEN);
  await h.ok('auth', 'redeemInvite', { code: inviteCode }, insider.token);
  const own = await declare(insider.token, 3);
  // Five experts look eligible by name; one is conflicted by account, so a panel of five cannot be drawn.
  const refused = await h.call('reviews', 'drawPanel', { declarationId: own, size: 5, seed: 'insider' }, ADMIN_TOKEN);
  expect(refused.status).toBe(409);
  expect((refused.body as any).error.message).toBe('可参加评审的专家只有 4 位，不足 5 位，请先充实专家库');

  await addExpert('专家6', '浙江理工大学法政学院');
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: own, size: 5, seed: 'insider' }, ADMIN_TOKEN);
  expect(panel.members.map((m: any) => m.expertId)).not.toContain(insider.expertId);
  expect(panel.pool).toHaveLength(5);
  expect(panel.excluded).toEqual([{ expertId: insider.expertId, code: 'account-applicant', reason: CONFLICT_REASONS['account-applicant'] }]);
  expect((await h.ok('reviews', 'panel', { declarationId: own }, ADMIN_TOKEN)).excluded[0].code).toBe('account-applicant');

  // The recommender's organisation (issue 13's recommenderOrgId) excludes the same way.
  const other = await (await h.applicant('杭州另一家律师事务所')).token;
  const recommended = await declare(other, 4);
  // Issue 13's recommendation, as stored (the association's endorsement included), written directly: this test is about the draw.
  await h.app.store.transaction(async (tx) => {
    const d = await tx.get<{ _id: string; version: number }>('declarations', recommended);
    await tx.update('declarations', recommended, { recommenderOrgId: orgId, endorsement: { orgId, version: d!.version, at: '2026-03-10T01:00:00.000Z', by: null } });
  });
  const p2 = await h.ok('reviews', 'drawPanel', { declarationId: recommended, size: 5, seed: 'recommender' }, ADMIN_TOKEN);
  expect(p2.excluded).toEqual([{ expertId: insider.expertId, code: 'account-recommender', reason: CONFLICT_REASONS['account-recommender'] }]);
  expect(p2.members.map((m: any) => m.expertId)).not.toContain(insider.expertId);
});

test('finding 6: an expert who declared a conflict with the applicant is never drawn; the reason is recorded', async () => {
  const applicant = await h.applicant('杭州声明回避测试所');
  const d = await declare(applicant.token, 5);
  const declarer = experts[0];
  await h.ok('reviews', 'declareConflict', { orgId: applicant.orgId, reason: '近三年曾担任该所法律顾问' }, declarer.token);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'declared' }, ADMIN_TOKEN);
  expect(panel.members.map((m: any) => m.expertId)).not.toContain(declarer.expertId);
  expect(panel.excluded.find((x: any) => x.expertId === declarer.expertId)).toEqual({
    expertId: declarer.expertId,
    code: 'declared',
    reason: `${CONFLICT_REASONS.declared}：近三年曾担任该所法律顾问`,
  });
  // Bad inputs and who may not declare for others.
  expect(((await h.call('reviews', 'declareConflict', { orgId: '', reason: '' }, declarer.token)).body as any).error.issues.map((i: any) => i.path).sort()).toEqual(['orgId', 'reason']);
  expect((await h.call('reviews', 'declareConflict', { orgId: 'o-missing', reason: '曾任顾问' }, declarer.token)).status).toBe(404);
  expect((await h.call('reviews', 'declareConflict', { orgId: applicant.orgId, reason: '曾任顾问' }, applicant.token)).status).toBe(403);
  // An expert naming another expert's id still declares only for themself.
  const mine = await h.ok('reviews', 'declareConflict', { expertId: experts[1].expertId, orgId: applicant.orgId, reason: '曾任顾问' }, declarer.token);
  expect(mine.expertId).toBe(declarer.expertId);
  const list = await h.ok('reviews', 'listExperts', {}, ADMIN_TOKEN);
  expect(list.experts.find((e: any) => e.expertId === experts[1].expertId).declaredConflicts ?? []).toEqual([]);
});

/** Every number a response carries, and the rubric keys of any object that looks like a sheet's items (two or more item keys with numbers). */
function scoresIn(value: unknown): { numbers: number[]; itemKeys: string[] } {
  const numbers: number[] = [];
  const itemKeys: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'number') numbers.push(v);
    else if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) numbers.push(Number(v));
    else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') {
      const keys = Object.entries(v).filter(([k, x]) => typeof x === 'number' && (RUBRIC_KEYS as readonly string[]).includes(k)).map(([k]) => k);
      if (keys.length >= 2) itemKeys.push(...keys);
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(value);
  return { numbers, itemKeys };
}

test('finding 8: before the result no reader but the sheet’s own expert sees its items or total, on any read path', async () => {
  const applicant = await h.applicant('杭州盲评测试所');
  const d = await declare(applicant.token, 6);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'blind' }, ADMIN_TOKEN);
  const members: string[] = panel.members.map((m: any) => m.expertId);
  const tokenOf = (id: string) => experts.find((e) => e.expertId === id)!.token;
  const pm = DEMO_PRODUCTS[6].purchaseMethod;
  // Distinctive totals (max minus 13.5, 14.5, …) that appear nowhere else.
  const most = Object.values(maxItems(pm)).reduce((a, b) => a + b, 0);
  const sheetFor = (cut: number) => itemsFor(most - cut, pm); // every value inside attachment 2's bands
  const sheets = members.map((_, i) => sheetFor(13.5 + i));
  const totals = sheets.map((s) => Object.values(s).reduce((a, b) => a + b, 0));
  const first = members[0];
  const other = members[1];

  /** Every action that can return scoresheet data, as the bureau, another panel member and the applicant. */
  const readers = async () => {
    const out: { who: string; what: string; data: unknown }[] = [];
    const read = async (who: string, token: string, fn: string, action: string, payload: Record<string, unknown>) => {
      const r = await h.call(fn, action, payload, token);
      out.push({ who, what: `${fn}.${action}`, data: r.body });
    };
    for (const [who, token] of [['bureau', ADMIN_TOKEN], ['member', tokenOf(other)], ['applicant', applicant.token]] as const) {
      await read(who, token, 'reviews', 'panel', { declarationId: d });
      await read(who, token, 'reviews', 'result', { declarationId: d });
      await read(who, token, 'reviews', 'assignment', { declarationId: d });
      await read(who, token, 'reviews', 'myAssignments', {});
      for (const action of ['report', 'myResult', 'asks', 'meeting']) await read(who, token, 'reviews', action, { declarationId: d });
      await read(who, token, 'reviews', 'publicResults', { year: 2026 });
      await read(who, token, 'admin', 'auditTrail', { recordId: `${d}:${first}` });
      await read(who, token, 'admin', 'auditTrail', { recordId: d });
      await read(who, token, 'declarations', 'get', { declarationId: d });
      await read(who, token, 'declarations', 'printable', { declarationId: d });
      await read(who, token, 'declarations', 'listAll', {});
      await read(who, token, 'declarations', 'listMine', {});
      await read(who, token, 'catalogue', 'export', {});
    }
    return out;
  };

  await h.ok('reviews', 'saveScoresheet', { declarationId: d, items: sheets[0] }, tokenOf(first));
  await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: sheets[0], attributes: meets }, tokenOf(first));
  // The owner reads their own sheet.
  expect((await h.ok('reviews', 'assignment', { declarationId: d }, tokenOf(first))).sheet.total).toBe(totals[0]);
  for (const r of await readers()) {
    const { numbers, itemKeys } = scoresIn(r.data);
    expect({ ...r, leaked: numbers.includes(totals[0]) }).toMatchObject({ leaked: false });
    expect({ ...r, itemKeys }).toMatchObject({ itemKeys: [] });
  }
  // The bureau's trail still shows the step, without the score.
  const trail = await h.ok('admin', 'auditTrail', { recordId: `${d}:${first}` }, ADMIN_TOKEN);
  expect(trail.entries.map((e: any) => [e.action, e.change.total])).toEqual([['saveScoresheet', undefined], ['submitScoresheet', '（结果产生前不公开）']]);

  for (const [i, m] of members.entries()) if (i > 0) await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: sheets[i], attributes: meets }, tokenOf(m));
  // After the result: the bureau reads each total in the trail and the result.
  const after = await h.ok('admin', 'auditTrail', { recordId: `${d}:${first}` }, ADMIN_TOKEN);
  expect(after.entries[1].change.total).toBe(totals[0]);
  const result = await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN);
  expect([...result.totals].sort()).toEqual([...totals].sort());
  expect((await h.ok('reviews', 'result', { declarationId: d }, tokenOf(other))).totals).toContain(totals[0]);
  // The applicant still never sees individual scores.
  expect((await h.call('reviews', 'result', { declarationId: d }, applicant.token)).status).toBe(403);
});
