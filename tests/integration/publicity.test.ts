/** Issue 5: the publicity window, citizens' comments and their answers, closing, and publication into the catalogue. */
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { DEMO_PRODUCTS } from '../../server/demoProducts';

let h: Harness;
let pipe: Pipeline;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);

beforeAll(async () => {
  h = await startHarness();
  await at('2026-09-25T09:00:00+08:00');
  pipe = await startPipeline(h);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('starting publicity: at least 7 working days, proposed products only, the end day from the holiday calendar', async () => {
  const d = await pipe.proposed(1);
  const short = await h.call('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 6 }, ADMIN_TOKEN);
  expect((short.body as any).error.issues).toEqual([{ path: 'workingDays', message: '公示时间不少于 7 个工作日' }]);
  const res = await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  expect(res).toEqual({ started: [{ declarationId: d, startsOn: '2026-10-08', endsOn: '2026-10-15' }], endsOn: '2026-10-15', warnings: [], results: [{ id: d, ok: true }] });
  // Issue 22: each declaration starts on its own; a second start is refused for that record, and nothing starts.
  const again = await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  expect(again).toEqual({ started: [], endsOn: '2026-10-15', warnings: [], results: [{ id: d, ok: false, code: 'CONFLICT', message: `“${DEMO_PRODUCTS[1].name}”已经在公示中` }] });
  expect((await h.call('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, await h.citizen())).status).toBe(403);
  const { items } = await h.ok('publicity', 'list');
  expect(items.find((i: any) => i.declarationId === d)).toMatchObject({ state: 'upcoming', endsOn: '2026-10-15', workingDaysLeft: 7 });
});

test('comments before, during and after the window; the daily limit; duplicates; pseudonyms', async () => {
  const d = await pipe.proposed(4);
  await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  const wang = await h.citizen();
  const li = await h.citizen();
  expect((await h.call('publicity', 'comment', { declarationId: d, text: '希望增加周末服务时间' }, wang)).status).toBe(409); // 25 September: not yet
  expect((await h.call('publicity', 'comment', { declarationId: d, text: '希望增加周末服务时间' })).status).toBe(401);

  await at('2026-10-09T10:00:00+08:00');
  const first = await h.ok('publicity', 'comment', { declarationId: d, text: '希望增加周末服务时间', anchor: 'content' }, wang);
  expect(first).toMatchObject({ status: 'shown', pseudonym: '市民A1' });
  expect((await h.call('publicity', 'comment', { declarationId: d, text: '希望增加周末服务时间' }, wang)).status).toBe(409); // the same text again
  expect((await h.ok('publicity', 'comment', { declarationId: d, text: '服务电话经常打不通' }, wang)).pseudonym).toBe('市民A1');
  expect((await h.ok('publicity', 'comment', { declarationId: d, text: '能否提供上门服务' }, li)).pseudonym).toBe('市民A2');
  await h.ok('publicity', 'comment', { declarationId: d, text: '社区里老人很需要这个服务' }, wang);
  const fourth = await h.call('publicity', 'comment', { declarationId: d, text: '第四条意见今天不能再提了' }, wang);
  expect(fourth.status).toBe(429);
  expect((fourth.body as any).error.code).toBe('RATE_LIMITED');
  await at('2026-10-10T10:00:00+08:00'); // a make-up Saturday: a new day, a new allowance
  expect((await h.ok('publicity', 'comment', { declarationId: d, text: '第四条意见换一天可以提' }, wang)).status).toBe('shown');
  expect((await h.call('publicity', 'comment', { declarationId: d, text: '太短' }, wang)).status).toBe(400);

  await at('2026-10-16T09:00:00+08:00');
  expect((await h.call('publicity', 'comment', { declarationId: d, text: '公示结束后的意见' }, li)).status).toBe(409);
});

test('a held comment is not shown until the bureau shows it; its author sees it pending', async () => {
  await at('2026-09-25T09:00:00+08:00');
  const d = await pipe.proposed(6);
  await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-12T10:00:00+08:00');
  const zhao = await h.citizen();
  const held = await h.ok('publicity', 'comment', { declarationId: d, text: '请联系我 13912345678 详谈' }, zhao);
  expect(held.status).toBe('pending');
  const anonymous = await h.ok('publicity', 'comments', { declarationId: d });
  expect(anonymous.comments).toEqual([]);
  expect(anonymous.mine).toEqual([]);
  const mine = await h.ok('publicity', 'comments', { declarationId: d }, zhao);
  expect(mine.mine).toEqual([expect.objectContaining({ commentId: held.commentId, status: 'pending' })]);
  expect((await h.call('publicity', 'moderate', { commentId: held.commentId, decision: 'hide' }, ADMIN_TOKEN)).status).toBe(400);
  await h.ok('publicity', 'moderate', { commentId: held.commentId, decision: 'hide', reason: '含个人电话号码' }, ADMIN_TOKEN);
  expect((await h.ok('publicity', 'comments', { declarationId: d }, zhao)).mine[0].status).toBe('hidden');
});

test('answers are public once the window closes; closing needs every comment answered; publish once, then search finds it', async () => {
  await at('2026-09-25T09:00:00+08:00');
  const d = await pipe.proposed(11);
  await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-09T10:00:00+08:00');
  const citizen = await h.citizen();
  const { commentId } = await h.ok('publicity', 'comment', { declarationId: d, text: '建议在服务指南中写明收费标准' }, citizen);
  const fromApplicant = await h.ok('publicity', 'comment', { declarationId: d, text: '感谢关注，我们会完善服务指南' }, pipe.applicant.token);
  await h.ok('publicity', 'dispose', { commentId, disposition: 'adopted', reply: '已要求在服务指南中列明收费标准' }, ADMIN_TOKEN);
  const during = await h.ok('publicity', 'comments', { declarationId: d });
  expect(during.comments.map((c: any) => [c.pseudonym, c.byApplicant, c.disposition])).toEqual([['市民A1', false, null], ['市民A2', true, null]]);
  // Nobody's identity reaches the public: not the field, not the ids of the two who wrote.
  const text = JSON.stringify(during);
  expect(text).not.toContain('userId');
  for (const t of [citizen, pipe.applicant.token]) expect(text).not.toContain((await h.ok('auth', 'me', {}, t)).userId);

  expect((await h.call('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN)).status).toBe(409); // still open
  await at('2026-10-16T09:00:00+08:00');
  const unanswered = await h.call('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN);
  expect((unanswered.body as any).error.message).toBe('还有 1 条意见没有答复。每条意见都要答复后才能结束公示');
  await h.ok('publicity', 'dispose', { commentId: fromApplicant.commentId, disposition: 'not-relevant', reply: '申报单位的说明，已知悉' }, ADMIN_TOKEN);
  expect(await h.ok('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN)).toEqual({ status: 'recognised', endsOn: null });
  const after = await h.ok('publicity', 'comments', { declarationId: d });
  expect(after.closed).toBe(true);
  expect(after.comments[0]).toMatchObject({ disposition: 'adopted', reply: '已要求在服务指南中列明收费标准' });

  const bad = await h.call('catalogue', 'publish', { declarationIds: [d], documentNumber: '第125号', publishedOn: '2026-10-20' }, ADMIN_TOKEN);
  expect((bad.body as any).error.issues[0].path).toBe('documentNumber');
  const { published } = await h.ok('catalogue', 'publish', { declarationIds: [d], documentNumber: '杭司〔2026〕125号', publishedOn: '2026-10-20' }, ADMIN_TOKEN);
  // Issue 22: published once; a second publication of it is refused for that record and publishes nothing.
  const again = await h.ok('catalogue', 'publish', { declarationIds: [d], documentNumber: '杭司〔2026〕126号', publishedOn: '2026-10-21' }, ADMIN_TOKEN);
  expect(again).toEqual({ published: [], results: [{ id: d, ok: false, code: 'CONFLICT', message: expect.stringContaining('已经公布过了') }] });
  const found = await h.ok('catalogue', 'search', { q: '退役军人法律服务站' });
  expect(found.items.map((i: any) => i.productId)).toContain(published[0].productId);
  expect((await h.ok('catalogue', 'get', { productId: published[0].productId })).documentNumber).toBe('杭司〔2026〕125号');
});

test('a window that runs into a year without a published calendar carries the warning; the bureau can enter it', async () => {
  await at('2026-12-01T09:00:00+08:00');
  const d = await pipe.proposed(13);
  const res = await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-12-28', workingDays: 7 }, ADMIN_TOKEN);
  expect(res.endsOn).toBe('2027-01-06');
  expect(res.warnings[0]).toMatch(/^2027 年的放假安排尚未录入/);
  const entered = await h.ok('publicity', 'setCalendar', { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-02'] }, ADMIN_TOKEN);
  expect(entered).toMatchObject({ source: 'override', warning: null });
  expect((await h.ok('publicity', 'calendar', { year: 2028 })).source).toBe('statutory');
});
