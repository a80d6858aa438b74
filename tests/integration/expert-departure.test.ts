/**
 * Issue 21, item 4: taking an expert out of the pool (reviews.setExpertActive { active: false }) ends their access at
 * once — no assignment read (the applicant's contact phone included), no save or submit — and they leave every open
 * panel: the remaining members and the bureau see it, their sheet (draft or submitted) no longer counts, no result
 * stands on fewer than 5 members, and the bureau calls a reserve under the draw's conflict rules, recorded on the panel.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { RUBRIC } from '../../types/rubric';
import { addExperts } from '../support/experts';
import { itemsFor } from '../support/scores';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let experts: { expertId: string; token: string }[];
let applicant: { token: string; orgId: string };
let d: string;
let panel: { members: string[]; reserves: string[] };
const meets = { public: 'meets', legal: 'meets', service: 'meets' };
/** An item any purchase method scores freely (a draft needs only one). */
const FREE_ITEM = RUBRIC.find((r) => !r.byPurchaseMethod)!.key;
const PHONE = '13905711000'; // demoSpec(…, 0)'s contact phone: personal data only a member may read
const err = (res: { status: number; body: any }) => [res.status, res.body.error?.message, res.body.error?.issues];
const tokenOf = (id: string) => experts.find((e) => e.expertId === id)!.token;
/** Every item at `share` of its maximum (whole or half points). */
/** A sheet worth `share` of the full marks, every value one attachment 2 allows (tests/support/scores.ts). */
const items = (share: number) => itemsFor(Math.round(share * 100), DEMO_PRODUCTS[0].purchaseMethod);

beforeAll(async () => {
  h = await startHarness();
  await h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  applicant = await h.applicant('杭州公共法律服务测试单位');
  experts = await addExperts(h, ['浙江大学光华法学院', '杭州市律师协会', '浙江工商大学法学院', '杭州市财政局绩效评价中心', '浙江财经大学法学院', '浙江理工大学法政学院', '杭州师范大学法学院', '浙江警察学院', '浙江传媒学院', '杭州市司法局法律顾问室']);
  ({ declarationId: d } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[0], 0) }, applicant.token));
  await h.ok('declarations', 'submit', { declarationId: d }, applicant.token);
  const drawn = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'departure' }, ADMIN_TOKEN);
  panel = { members: drawn.members.map((m: any) => m.expertId), reserves: drawn.reserves };
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('a member taken out of the pool can read, save and submit nothing from that moment; the panel records that they left', async () => {
  const [x, y] = panel.members;
  // Before: the member reads the assignment, contact phone included, and keeps a draft.
  expect(JSON.stringify(await h.ok('reviews', 'assignment', { declarationId: d }, tokenOf(x)))).toContain(PHONE);
  await h.ok('reviews', 'saveScoresheet', { declarationId: d, items: { [FREE_ITEM]: 1 } }, tokenOf(x));
  await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: items(1), attributes: meets }, tokenOf(y));

  // The bureau must say why; others may not do it at all.
  expect(err(await h.call('reviews', 'setExpertActive', { expertId: x, active: false }, ADMIN_TOKEN))).toEqual([400, '停用专家时请写明理由，评审组和审计记录会看到它', [{ path: 'reason', message: '停用专家时请写明理由，评审组和审计记录会看到它' }]]);
  for (const t of [tokenOf(y), applicant.token]) expect((await h.call('reviews', 'setExpertActive', { expertId: x, active: false, reason: '利益冲突未申报' }, t)).status).toBe(403);
  const off = await h.ok('reviews', 'setExpertActive', { expertId: x, active: false, reason: '利益冲突未申报' }, ADMIN_TOKEN);
  expect([off.active, off.leftPanels, off.deactivated.reason]).toEqual([false, [d], '利益冲突未申报']);

  // At once: every expert action is refused, and nothing of the declaration comes back.
  for (const [action, payload] of [
    ['myAssignments', {}],
    ['assignment', { declarationId: d }],
    ['saveScoresheet', { declarationId: d, items: { [FREE_ITEM]: 2 } }],
    ['submitScoresheet', { declarationId: d, items: items(1), attributes: meets }],
    ['asks', { declarationId: d }],
    ['report', { declarationId: d }],
    ['panelConfirm', { declarationId: d, agree: true }],
  ] as const) {
    const res = await h.call('reviews', action, payload, tokenOf(x));
    expect([action, res.status]).toEqual([action, 403]);
    expect(JSON.stringify(res.body)).not.toContain(PHONE);
  }
  expect((await h.ok('auth', 'me', {}, tokenOf(x))).roles).not.toContain('expert');

  // The bureau sees who left, why, and where their sheet stood; the panel needs a reserve.
  const seen = await h.ok('reviews', 'panel', { declarationId: d }, ADMIN_TOKEN);
  expect(seen.members.map((m: any) => m.expertId)).toEqual(panel.members.slice(1));
  expect(seen.departures).toEqual([{ expertId: x, name: expect.any(String), reason: '利益冲突未申报', at: expect.any(String), sheet: 'draft', replacedBy: null }]);
  expect(seen.needsReserve).toBe(true);
  // The remaining members see that a member left (how many, not who), and are told.
  expect((await h.ok('reviews', 'assignment', { declarationId: d }, tokenOf(y))).panel).toEqual({ members: 4, departed: 1, awaitingReserve: true });
  const inbox = (await h.ok('notify', 'inbox', {}, tokenOf(y))).messages;
  expect(inbox.map((m: any) => m.title)).toContain('评审组成员有变动');
  expect(JSON.stringify(inbox)).not.toContain(x);
});

test('four members cannot make a result: their sheets wait; the bureau calls a reserve under the draw\'s rules, and the result comes from the five', async () => {
  const remaining = panel.members.slice(1);
  for (const m of remaining.slice(1)) await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: items(0.9), attributes: meets }, tokenOf(m));
  // All four current members submitted, but a panel is 5 to 7: no result, nothing to confirm.
  expect(err(await h.call('reviews', 'result', { declarationId: d }, ADMIN_TOKEN))[0]).toBe(409);
  expect(await h.app.store.get('results', d)).toBeNull();
  expect((await h.call('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN)).status).toBe(409);

  // Calling a reserve: the bureau only, with a reason.
  expect((await h.call('reviews', 'callReserve', { declarationId: d, reason: '补充退出的成员' }, tokenOf(remaining[0]))).status).toBe(403);
  expect(err(await h.call('reviews', 'callReserve', { declarationId: d }, ADMIN_TOKEN))).toEqual([400, expect.any(String), [{ path: 'reason', message: '请写明补充专家的理由' }]]);
  expect((await h.call('reviews', 'callReserve', { declarationId: 'd-none', reason: '补充退出的成员' }, ADMIN_TOKEN)).status).toBe(404);
  const called = await h.ok('reviews', 'callReserve', { declarationId: d, reason: '补充退出的成员' }, ADMIN_TOKEN);
  const reserve = panel.reserves[0];
  expect(called.members.map((m: any) => m.expertId)).toEqual([...remaining, reserve]);
  expect(called.reserveCalls).toEqual([{ expertId: reserve, replaces: panel.members[0], from: 'reserves', seed: null, at: expect.any(String), reason: '补充退出的成员' }]);
  expect([called.needsReserve, called.departures[0].replacedBy]).toEqual([false, reserve]);
  // One seat, one call.
  expect(err(await h.call('reviews', 'callReserve', { declarationId: d, reason: '再补一位' }, ADMIN_TOKEN))).toEqual([409, '评审组没有待补充的席位（没有成员退出，或已经补充过了）', undefined]);
  expect((await h.ok('notify', 'inbox', {}, tokenOf(reserve))).messages.map((m: any) => m.title)).toContain('您有新的评审任务');

  await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: items(0.9), attributes: meets }, tokenOf(reserve));
  const result = await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN);
  // Five sheets: the one who left had only a draft, and it is not among them.
  expect(result.sheets).toBe(5);
});

test('a member who had already submitted and then leaves: their sheet stops counting, the result is withdrawn until the panel is whole again', async () => {
  const reserve = panel.reserves[0];
  // The called reserve submitted 90%; the others are at 100% (one) and 90% (three). Now the reserve is taken out.
  const before = await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN);
  expect(before.sheets).toBe(5);
  await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true }, tokenOf(panel.members[1]));
  const off = await h.ok('reviews', 'setExpertActive', { expertId: reserve, active: false, reason: '调离评审工作' }, ADMIN_TOKEN);
  expect(off.leftPanels).toEqual([d]);
  expect(await h.app.store.get('results', d)).toBeNull();
  const p = await h.app.store.get<any>('panels', d);
  expect([p.members.length, p.submitted.includes(reserve), p.confirmations, p.departures[1]]).toEqual([4, false, [], expect.objectContaining({ expertId: reserve, sheet: 'submitted', replacedBy: null })]);
  // Their sheet is kept on record, not counted; they cannot reopen or change it.
  expect((await h.app.store.get<any>('scoresheets', `${d}:${reserve}`)).status).toBe('submitted');
  expect((await h.call('reviews', 'submitScoresheet', { declarationId: d, items: items(1), attributes: meets }, tokenOf(reserve))).status).toBe(403);

  // The next reserve (drawn in order, still eligible) takes the seat; the result is the five current members'.
  const called = await h.ok('reviews', 'callReserve', { declarationId: d, reason: '补充调离的成员' }, ADMIN_TOKEN);
  const next = panel.reserves[1];
  expect(called.reserveCalls.map((c: any) => [c.expertId, c.replaces, c.from])).toEqual([[reserve, panel.members[0], 'reserves'], [next, reserve, 'reserves']]);
  await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: items(0.5), attributes: meets }, tokenOf(next));
  const after = await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN);
  const current = [...panel.members.slice(1), next];
  const totals = await Promise.all(current.map(async (m) => (await h.app.store.get<any>('scoresheets', `${d}:${m}`)).total));
  expect([after.sheets, [...after.totals].sort()]).toEqual([5, [...totals].sort()]);
  expect(after.average).toBe(Math.round((totals.reduce((a, b) => a + b, 0) / 5) * 100) / 100);
});

test('back in the pool, the account gets the role again but not the seats it left; an invite of an expert out of the pool does not bind', async () => {
  const x = panel.members[0];
  await h.ok('reviews', 'setExpertActive', { expertId: x, active: true }, ADMIN_TOKEN);
  expect((await h.ok('auth', 'me', {}, tokenOf(x))).roles).toContain('expert');
  expect((await h.ok('reviews', 'myAssignments', {}, tokenOf(x))).items).toEqual([]);
  expect((await h.call('reviews', 'assignment', { declarationId: d }, tokenOf(x))).status).toBe(403);

  const { expertId, inviteCode } = await h.ok('reviews', 'addExpert', { name: '未绑定专家', organisation: '浙江外国语学院', kind: 'academic', phone: '13900000000' }, ADMIN_TOKEN);
  await h.ok('reviews', 'setExpertActive', { expertId, active: false, reason: '暂停聘任' }, ADMIN_TOKEN);
  const token = await h.citizen();
  expect(err(await h.call('auth', 'redeemInvite', { code: inviteCode }, token))).toEqual([409, '这位评审专家已被市司法局停用，邀请码暂不能使用；如有疑问请联系市司法局', undefined]);
  expect((await h.ok('auth', 'me', {}, token)).roles).not.toContain('expert');
});
