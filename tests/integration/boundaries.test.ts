/**
 * Issue 21 item 8: the regulation's boundaries, each pinned at both ends through the real server over SQLite, with the
 * test clock. 《杭州市公共法律服务产品申报认定工作管理办法》 sections 三 (流程) and 四 (评审标准) and attachment 2 are quoted
 * where a rule comes from them. Each test builds its own declarations, so any one runs alone (the mutation pass does).
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { addExperts } from '../support/experts';
import { itemsFor, maxItems } from '../support/scores';

// Many requests per test, on shared cores: a slow machine must not fail a rule.
jest.setTimeout(60_000);

let h: Harness;
let applicant: { token: string; orgId: string };
let experts: { expertId: string; token: string }[] = [];
const meets = { public: 'meets', legal: 'meets', service: 'meets' } as const;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const err = (res: { body: any }) => res.body.error;
const tokenOf = (expertId: string) => experts.find((e) => e.expertId === expertId)!.token;
const pmOf = (i: number) => DEMO_PRODUCTS[i].purchaseMethod;

async function declare(i: number): Promise<string> {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[i], i) }, applicant.token);
  await h.ok('declarations', 'submit', { declarationId }, applicant.token);
  return declarationId;
}
async function panelOf(declarationId: string, size: number, seed: string): Promise<string[]> {
  const panel = await h.ok('reviews', 'drawPanel', { declarationId, size, seed }, ADMIN_TOKEN);
  return panel.members.map((m: any) => m.expertId);
}
/** Every member submits: totals[i] and attributes[i] for member i (all 符合 when not given). */
async function score(declarationId: string, i: number, members: string[], totals: number[], attributes: Record<string, string>[] = []) {
  for (const [k, m] of members.entries())
    await h.ok('reviews', 'submitScoresheet', { declarationId, items: itemsFor(totals[k], pmOf(i)), attributes: attributes[k] ?? meets }, tokenOf(m));
}
async function agreeAll(declarationId: string, members: string[]) {
  for (const m of members) await h.ok('reviews', 'panelConfirm', { declarationId, agree: true }, tokenOf(m));
}
/** A declaration through review to 拟定 (all 85, all 符合, all agree), on a panel of five. */
async function proposed(i: number, seed: string): Promise<string> {
  const d = await declare(i);
  const members = await panelOf(d, 5, seed);
  await score(d, i, members, [85, 85, 85, 85, 85]);
  await agreeAll(d, members);
  await h.ok('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN);
  return d;
}
const statusOf = async (d: string) => (await h.ok('declarations', 'get', { declarationId: d }, applicant.token)).status;

beforeAll(async () => {
  h = await startHarness();
  await at('2026-03-10T09:00:00+08:00');
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-01-01', closesOn: '2026-12-31' }, ADMIN_TOKEN);
  applicant = await h.applicant('杭州钱江公共法律服务中心');
  experts = await addExperts(h, ['浙江大学光华法学院', '杭州市律师协会', '浙江工商大学法学院', '杭州市财政局绩效评价中心', '浙江财经大学法学院', '杭州师范大学沈钧儒法学院', '浙江警察学院', '杭州市发改委绩效处', '浙江理工大学法政学院', '杭州市人社局仲裁院']);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('三、评估 "选取5至7名专家库成员组成评审组": 4 refused, 5 and 7 drawn, 8 refused', async () => {
  await at('2026-03-10T09:00:00+08:00');
  const [a, b, c] = [await declare(0), await declare(1), await declare(2)];
  const four = await h.call('reviews', 'drawPanel', { declarationId: a, size: 4 }, ADMIN_TOKEN);
  expect([four.status, err(four).issues]).toEqual([400, [{ path: 'size', message: '评审组至少 5 人（办法：选取5至7名专家）' }]]);
  const eight = await h.call('reviews', 'drawPanel', { declarationId: a, size: 8 }, ADMIN_TOKEN);
  expect([eight.status, err(eight).issues]).toEqual([400, [{ path: 'size', message: '评审组至多 7 人（办法：选取5至7名专家）' }]]);
  expect(await statusOf(a)).toBe('submitted'); // nothing half-written
  expect(await panelOf(a, 5, 'five')).toHaveLength(5);
  expect(await panelOf(b, 7, 'seven')).toHaveLength(7);
  expect(await statusOf(c)).toBe('submitted');
});

test('四 "达标分数线为80分" on a panel of seven: 79.93 not passed, 80.00 and 80.07 proposed; only 拟定 goes to publicity', async () => {
  await at('2026-03-11T09:00:00+08:00');
  const cases: [number, number[], number, string][] = [
    // [demo index, seven totals, average shown, status]
    [3, [80, 80, 80, 80, 80, 80, 79.5], 79.93, 'not-passed'], // 559.5 / 7
    [5, [80, 80, 80, 80, 80, 80, 80], 80, 'proposed'], // exactly the mark: 达到评审基本分
    [6, [80, 80, 80, 80, 80, 80, 80.5], 80.07, 'proposed'], // 560.5 / 7
  ];
  const ids: string[] = [];
  for (const [i, totals, average, status] of cases) {
    const d = await declare(i);
    const members = await panelOf(d, 7, `mark-${i}`);
    await score(d, i, members, totals);
    const result = await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN);
    expect([result.average, result.passed]).toEqual([average, status === 'proposed']);
    await agreeAll(d, members);
    await h.ok('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN);
    expect(await statusOf(d)).toBe(status);
    ids.push(d);
  }
  // 拟定的公共法律服务产品应当……进行公示: the one that did not pass is refused (each record on its own, issue 22),
  // while the two that passed start.
  const started = await h.ok('publicity', 'start', { declarationIds: ids, startsOn: '2026-03-16', workingDays: 7 }, ADMIN_TOKEN);
  expect(started.results[0]).toMatchObject({ id: ids[0], ok: false, code: 'CONFLICT', message: expect.stringContaining('不是拟定产品') });
  expect(started.started.map((s: any) => s.declarationId)).toEqual(ids.slice(1));
  expect(await statusOf(ids[0])).toBe('not-passed');
  expect(await statusOf(ids[1])).toBe('in-publicity');
  // A declaration still in review cannot either.
  const inReview = await declare(7);
  await panelOf(inReview, 5, 'still-in-review');
  const early = await h.ok('publicity', 'start', { declarationIds: [inReview], startsOn: '2026-03-16', workingDays: 7 }, ADMIN_TOKEN);
  expect([early.started, early.results[0]]).toEqual([[], expect.objectContaining({ ok: false, code: 'CONFLICT' })]);
  expect(await statusOf(inReview)).toBe('in-review');
});

test('"经评审组最终确认" needs more than half: 3 of 6 is half, not a majority; 4 of 6 confirms', async () => {
  await at('2026-03-12T09:00:00+08:00');
  const d = await declare(8);
  const members = await panelOf(d, 6, 'six');
  await score(d, 8, members, [86, 88, 89, 91, 92, 94]);
  // An even panel's median is the mean of the middle two; the spread is the population standard deviation (√(42 / 6)).
  expect(await h.ok('reviews', 'result', { declarationId: d }, ADMIN_TOKEN)).toMatchObject({ sheets: 6, average: 90, median: 90, stddev: 2.65, passed: true, outliers: [] });
  for (const [k, m] of members.entries()) {
    const r = await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: k < 3, note: k < 3 ? '' : '应再核实服务覆盖面' }, tokenOf(m));
    if (k === 5) expect(r).toEqual({ agreed: 3, disagreed: 3, members: 6 });
  }
  const half = await h.call('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN);
  expect([half.status, err(half).message]).toEqual([409, '评审组过半数同意后才能确认（目前 3/6 位同意），请等待评审组成员确认']);
  expect(await statusOf(d)).toBe('in-review');
  // One of the three changes their mind: 4 of 6.
  expect(await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true, note: '' }, tokenOf(members[3]))).toEqual({ agreed: 4, disagreed: 2, members: 6 });
  const confirmed = await h.ok('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN);
  expect(confirmed.dissent.map((x: any) => x.expertId).sort()).toEqual(members.slice(4).sort());
  expect(await statusOf(d)).toBe('proposed');
});

test('四 "严格审查……属性" is the panel’s finding: one 不符合 does not veto; 3 of 6 符合 is not found; 4 of 6 is', async () => {
  await at('2026-03-13T09:00:00+08:00');
  const why = '存疑：服务对象范围需要进一步说明';
  // Five members, one judges the legal attribute 不符合 (with its reason): 4 of 5 found it, the product passes.
  const one = await declare(9);
  const m1 = await panelOf(one, 5, 'one-fails');
  await score(one, 9, m1, [88, 88, 88, 88, 88], [{ ...meets, legal: 'fails', note: '更像商事服务' }]);
  const r1 = await h.ok('reviews', 'result', { declarationId: one }, ADMIN_TOKEN);
  expect([r1.passed, r1.failedAttributes, r1.attributes.legal]).toEqual([true, [], { meets: 4, doubtful: 0, fails: 1 }]);

  // Six members, the service attribute 3 符合 and 3 存疑: not more than half found it, so not proposed despite 92.
  const half = await declare(10);
  const m2 = await panelOf(half, 6, 'three-doubt');
  await score(half, 10, m2, [92, 92, 92, 92, 92, 92], [0, 1, 2, 3, 4, 5].map((k) => (k < 3 ? meets : { ...meets, service: 'doubtful', note: why })));
  const r2 = await h.ok('reviews', 'result', { declarationId: half }, ADMIN_TOKEN);
  expect([r2.average, r2.passed, r2.failedAttributes, r2.attributes.service]).toEqual([92, false, ['service'], { meets: 3, doubtful: 3, fails: 0 }]);
  await agreeAll(half, m2);
  await h.ok('reviews', 'confirm', { declarationId: half }, ADMIN_TOKEN);
  expect(await statusOf(half)).toBe('not-passed');
  const report = (await h.ok('reviews', 'report', { declarationId: half }, ADMIN_TOKEN)).html;
  expect(report).toContain('服务属性未获评审组过半数成员认定为符合');

  // Six members, the public attribute 4 符合 and 2 不符合: found by a majority, proposed.
  const four = await declare(11);
  const m3 = await panelOf(four, 6, 'four-meet');
  await score(four, 11, m3, [86, 86, 86, 86, 86, 86], [0, 1, 2, 3, 4, 5].map((k) => (k < 4 ? meets : { ...meets, public: 'fails', note: '受众较窄' })));
  const r3 = await h.ok('reviews', 'result', { declarationId: four }, ADMIN_TOKEN);
  expect([r3.passed, r3.failedAttributes, r3.attributes.public]).toEqual([true, [], { meets: 4, doubtful: 0, fails: 2 }]);
});

test('三 "根据评审组的要求，进一步提供其他相关材料": while in review only; refused once the result is confirmed', async () => {
  await at('2026-03-16T09:00:00+08:00');
  const d = await declare(12);
  const members = await panelOf(d, 5, 'materials');
  // In review: the bureau asks, and a member asks (one ask left undecided for after the end).
  await h.ok('declarations', 'requestMaterials', { declarationId: d, note: '请补充近一年服务台帐', dueOn: '2026-03-20' }, ADMIN_TOKEN);
  const ask = await h.ok('reviews', 'askMaterials', { declarationId: d, note: '请补充调解员培训记录' }, tokenOf(members[0]));
  await score(d, 12, members, [84, 84, 84, 84, 84]);
  // Scores all in, not yet confirmed: the review has not ended.
  await h.ok('reviews', 'askMaterials', { declarationId: d, note: '请补充回访记录样本' }, tokenOf(members[1]));
  await agreeAll(d, members);
  await h.ok('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN);
  expect(await statusOf(d)).toBe('proposed');

  const byBureau = await h.call('declarations', 'requestMaterials', { declarationId: d, note: '请补充收费标准文件', dueOn: '2026-03-25' }, ADMIN_TOKEN);
  expect([byBureau.status, err(byBureau).message]).toEqual([409, '只能对已提交或评审中的申报要求补充材料']);
  const byMember = await h.call('reviews', 'askMaterials', { declarationId: d, note: '请补充服务流程图' }, tokenOf(members[2]));
  expect([byMember.status, err(byMember).message]).toEqual([409, '评审已经结束，不能再要求补充材料']);
  const forwarded = await h.call('reviews', 'decideAsk', { askId: ask.askId, forward: true, dueOn: '2026-03-25' }, ADMIN_TOKEN);
  expect([forwarded.status, err(forwarded).message]).toEqual([409, '评审已经结束，不能再转交']);
  const requests = (await h.ok('declarations', 'get', { declarationId: d }, applicant.token)).materialRequests;
  expect(requests.map((r: any) => r.note)).toEqual(['请补充近一年服务台帐']);

  // Not passed ends the review too.
  const low = await declare(13);
  const lm = await panelOf(low, 5, 'materials-low');
  await score(low, 13, lm, [70, 70, 70, 70, 70]);
  await agreeAll(low, lm);
  await h.ok('reviews', 'confirm', { declarationId: low }, ADMIN_TOKEN);
  expect((await h.call('declarations', 'requestMaterials', { declarationId: low, note: '请补充收费标准文件', dueOn: '2026-03-25' }, ADMIN_TOKEN)).status).toBe(409);
  expect((await h.call('reviews', 'askMaterials', { declarationId: low, note: '请补充服务流程图' }, tokenOf(lm[0]))).status).toBe(409);
});

test('三 "公示时间不少于七个工作日" across National Day and its 调休 Saturday: closing refused through the 7th working day, allowed the day after', async () => {
  await at('2026-09-25T09:00:00+08:00');
  const d = await proposed(15, 'notice');
  const six = await h.call('publicity', 'start', { declarationIds: [d], startsOn: '2026-09-30', workingDays: 6 }, ADMIN_TOKEN);
  expect([six.status, err(six).issues]).toEqual([400, [{ path: 'workingDays', message: '公示时间不少于 7 个工作日' }]]);
  // 9-30 (1), 10-1…10-7 off, 10-8 (2), 10-9 (3), 10-10 调休 Saturday (4), 10-12 (5), 10-13 (6), 10-14 (7).
  const { endsOn } = await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-09-30', workingDays: 7 }, ADMIN_TOKEN);
  expect(endsOn).toBe('2026-10-14');
  for (const now of ['2026-10-09T10:00:00+08:00', '2026-10-14T00:00:00+08:00', '2026-10-14T23:59:00+08:00']) {
    await at(now);
    const early = await h.call('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN);
    expect([now, early.status, err(early).message]).toEqual([now, 409, '公示期到 2026-10-14 为止，期满后才能结束']);
  }
  expect(await statusOf(d)).toBe('in-publicity');
  await at('2026-10-15T00:01:00+08:00');
  expect(await h.ok('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN)).toEqual({ status: 'recognised', endsOn: null });
  expect(await statusOf(d)).toBe('recognised');
});

test('三 "正式被认定……由市司法局正式发文公布": not while in publicity, not when rejected, never dated on or before the last day of notice', async () => {
  await at('2026-11-27T09:00:00+08:00');
  const [kept, dropped] = [await proposed(16, 'publish-a'), await proposed(17, 'publish-b')];
  // The timeline the audit found: 公示 12-07 … 12-15 (seven working days), 公布 12-05.
  const { endsOn } = await h.ok('publicity', 'start', { declarationIds: [kept, dropped], startsOn: '2026-12-07', workingDays: 7 }, ADMIN_TOKEN);
  expect(endsOn).toBe('2026-12-15');
  // Each declaration is published on its own (issue 22): a refusal is that record's outcome.
  const publish = async (declarationIds: string[], publishedOn: string) =>
    (await h.ok('catalogue', 'publish', { declarationIds, documentNumber: '杭司〔2026〕88号', publishedOn }, ADMIN_TOKEN)).results[0];
  await at('2026-12-10T09:00:00+08:00');
  expect(await publish([kept], '2026-12-05')).toEqual({ id: kept, ok: false, code: 'CONFLICT', message: `“${DEMO_PRODUCTS[16].name}”还在公示中，不能公布` });

  await at('2026-12-16T09:00:00+08:00');
  await h.ok('publicity', 'close', { declarationId: kept, outcome: 'recognised' }, ADMIN_TOKEN);
  await h.ok('publicity', 'close', { declarationId: dropped, outcome: 'rejected', reason: '公示期间收到实质性异议，经核查属实' }, ADMIN_TOKEN);
  expect(await publish([dropped], '2026-12-16')).toMatchObject({ ok: false, code: 'CONFLICT', message: `“${DEMO_PRODUCTS[17].name}”尚未通过公示，不能公布` });
  for (const early of ['2026-12-05', '2026-12-15']) expect([early, await publish([kept], early)]).toEqual([early, { id: kept, ok: false, code: 'INVALID_INPUT', message: '公布日期应晚于公示期满日 2026-12-15' }]);
  expect(await h.app.store.get('products', `p${kept}`)).toBeNull();
  // The day after the last day of notice is the first possible date.
  const { published } = await h.ok('catalogue', 'publish', { declarationIds: [kept], documentNumber: '杭司〔2026〕88号', publishedOn: '2026-12-16' }, ADMIN_TOKEN);
  expect(published).toEqual([{ declarationId: kept, productId: `p${kept}` }]);
  const { events } = await h.ok('catalogue', 'timeline', { productId: `p${kept}` });
  expect(events.filter((e: any) => e.kind === 'publicity' || e.kind === 'published').map((e: any) => [e.kind, e.on, e.until])).toEqual([
    ['publicity', '2026-12-07', '2026-12-15'],
    ['published', '2026-12-16', null],
  ]);
});

test('公示: comments answered first, a rejection gives its reason, an extension is a new window of at least seven working days, one close wins', async () => {
  await at('2026-05-06T09:00:00+08:00');
  const [kept, dropped] = [await proposed(18, 'ends-a'), await proposed(19, 'ends-b')];
  const past = await h.call('publicity', 'start', { declarationIds: [kept], startsOn: '2026-05-05', workingDays: 7 }, ADMIN_TOKEN);
  expect([past.status, err(past).issues]).toEqual([400, [{ path: 'startsOn', message: '公示开始日期不能早于今天' }]]);
  // Each record on its own (issue 22): the missing one is refused, the other starts; 5-11 … 5-19: seven working days.
  const missing = await h.ok('publicity', 'start', { declarationIds: [kept, 'no-such-declaration'], startsOn: '2026-05-11', workingDays: 7 }, ADMIN_TOKEN);
  expect([missing.endsOn, missing.results]).toEqual(['2026-05-19', [{ id: kept, ok: true }, { id: 'no-such-declaration', ok: false, code: 'NOT_FOUND', message: '没有找到这份申报' }]]);
  const second = await h.ok('publicity', 'start', { declarationIds: [kept, dropped], startsOn: '2026-05-11', workingDays: 7 }, ADMIN_TOKEN);
  expect(second.results).toEqual([{ id: kept, ok: false, code: 'CONFLICT', message: `“${DEMO_PRODUCTS[18].name}”已经在公示中` }, { id: dropped, ok: true }]);

  await at('2026-05-12T10:00:00+08:00');
  const citizen = await h.citizen();
  const shown = await h.ok('publicity', 'comment', { declarationId: kept, text: '希望增加周末服务时间' }, citizen);
  const held = await h.ok('publicity', 'comment', { declarationId: kept, text: '请联系我 13912345678 详谈' }, citizen);
  expect([shown.status, held.status]).toEqual(['shown', 'pending']);

  await at('2026-05-20T09:00:00+08:00');
  const close = (declarationId: string, more: Record<string, unknown> = {}) => h.call('publicity', 'close', { declarationId, outcome: 'recognised', ...more }, ADMIN_TOKEN);
  expect(err(await close(kept))).toMatchObject({ code: 'CONFLICT', message: '还有 1 条意见在审核中，请先审核' });
  await h.ok('publicity', 'moderate', { commentId: held.commentId, decision: 'show' }, ADMIN_TOKEN);
  expect(err(await close(kept))).toMatchObject({ code: 'CONFLICT', message: '还有 2 条意见没有答复。每条意见都要答复后才能结束公示' });
  // An extension: a new window, never shorter than seven working days, starting today or later.
  expect(err(await close(kept, { outcome: 'extended' })).issues).toEqual([{ path: 'startsOn', message: '请填写延长公示的开始日期' }]);
  expect(err(await close(kept, { outcome: 'extended', startsOn: '2026-05-19', workingDays: 8 })).issues).toEqual([{ path: 'startsOn', message: '延长公示的开始日期不能早于今天' }]);
  // 5-21 … 6-01: eight working days.
  expect(await h.ok('publicity', 'close', { declarationId: kept, outcome: 'extended', startsOn: '2026-05-21', workingDays: 8, reason: '收到较多意见，延长公示' }, ADMIN_TOKEN)).toEqual({ status: 'in-publicity', endsOn: '2026-06-01' });
  const trail = await h.ok('admin', 'auditTrail', { recordId: kept }, ADMIN_TOKEN);
  expect(trail.entries.find((e: any) => e.change.publicityExtended).change).toEqual({ publicityExtended: { startsOn: '2026-05-21', endsOn: '2026-06-01' }, reason: '收到较多意见，延长公示' });
  for (const c of [shown, held]) await h.ok('publicity', 'dispose', { commentId: c.commentId, disposition: 'adopted', reply: '已转申报单位研究' }, ADMIN_TOKEN);
  await at('2026-06-01T23:00:00+08:00');
  expect(err(await close(kept))).toMatchObject({ code: 'CONFLICT', message: '公示期到 2026-06-01 为止，期满后才能结束' });

  // Rejection: the reason is required, kept with the notice and told to the applicant.
  const noReason = await close(dropped, { outcome: 'rejected' });
  expect([noReason.status, err(noReason).issues]).toEqual([400, [{ path: 'reason', message: '不予认定时请写明理由' }]]);
  await close(dropped, { outcome: 'rejected', reason: '服务收费与申报不符' });
  expect((await h.app.store.get<any>('publicity', dropped))!).toMatchObject({ status: 'closed', outcome: 'rejected', reason: '服务收费与申报不符' });
  expect(await statusOf(dropped)).toBe('rejected');

  // Two closings at once: one wins, the other finds it closed.
  await at('2026-06-02T09:00:00+08:00');
  const both = await Promise.all([close(kept), close(kept)]);
  expect(both.map((r) => r.status).sort()).toEqual([200, both.some((r) => r.status === 404) ? 404 : 409]);
  expect((await h.app.store.get<any>('publicity', kept))!).toMatchObject({ status: 'closed', outcome: 'recognised', reason: null });
  const { messages } = await h.ok('notify', 'inbox', {}, applicant.token);
  const ended = messages.filter((m: any) => m.kind === 'publicityEnded').map((m: any) => m.body);
  expect(ended).toEqual(expect.arrayContaining([`“${DEMO_PRODUCTS[18].name}”公示结束：予以认定`, `“${DEMO_PRODUCTS[19].name}”公示结束：不予认定（服务收费与申报不符）`]));
  expect(ended.filter((b: string) => b.includes(DEMO_PRODUCTS[18].name))).toHaveLength(1);

  // Published once: a second time is refused, as is an unknown declaration.
  const publish = async (declarationIds: string[]) => (await h.ok('catalogue', 'publish', { declarationIds, documentNumber: '杭司〔2026〕66号', publishedOn: '2026-06-02' }, ADMIN_TOKEN)).results[0];
  expect(await publish([dropped])).toMatchObject({ ok: false, code: 'CONFLICT', message: `“${DEMO_PRODUCTS[19].name}”尚未通过公示，不能公布` });
  expect(await publish(['no-such-declaration'])).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '没有找到这份申报' });
  expect(await publish([kept])).toEqual({ id: kept, ok: true });
  expect(await publish([kept])).toMatchObject({ ok: false, code: 'CONFLICT', message: `“${DEMO_PRODUCTS[18].name}”已经公布过了` });
  const published = await h.ok('admin', 'auditTrail', { recordId: `p${kept}` }, ADMIN_TOKEN);
  expect(published.entries.map((e: any) => e.change)).toEqual([{ published: true, declarationId: kept, documentNumber: '杭司〔2026〕66号', publishedOn: '2026-06-02' }]);
});

test('附件2 bands exactly: a score between bands is refused with the allowed values named; the band ends are accepted', async () => {
  await at('2026-03-17T09:00:00+08:00');
  const d = await declare(2); // 政府补贴: 购买方式 4–10
  const [m] = await panelOf(d, 5, 'bands');
  const save = (items: Record<string, number>) => h.call('reviews', 'saveScoresheet', { declarationId: d, items }, tokenOf(m));
  const refusedWith = async (items: Record<string, number>) => (err(await save(items)) ?? { issues: [] }).issues;
  // 服务要求: 4-5 / 2-3 / 0-2 — 3.5 is in no band.
  expect(await refusedWith({ 'provider.serviceRequirements': 3.5 })).toEqual([{ path: 'items.provider.serviceRequirements', message: '“服务要求”的 3.5 分不在附件2的任何一档内，只能打 0–3、4–5 分（整数或 0.5 分）' }]);
  // 人员培训情况: 2 / 1 / 0 — no half points there.
  expect(await refusedWith({ 'provider.training': 1.5 })).toEqual([{ path: 'items.provider.training', message: '“人员培训情况”的 1.5 分不在附件2的任何一档内，只能打 0、1、2 分' }]);
  // 个性评价指标: 10-14 / 5-9 / 1-4 — 4.5 and 9.5 fall between.
  for (const v of [4.5, 9.5]) expect(await refusedWith({ 'efficiency.indicators': v })).toEqual([{ path: 'items.efficiency.indicators', message: `“针对产品服务标准制定个性评价指标”的 ${v} 分不在附件2的任何一档内，只能打 1–4、5–9、10–14 分（整数或 0.5 分）` }]);
  // 服务对象: 3-4 / 2-3 / 0-1 — 1.5 is between.
  expect(await refusedWith({ 'content.audience': 1.5 })).toEqual([{ path: 'items.content.audience', message: '“产品服务的对象”的 1.5 分不在附件2的任何一档内，只能打 0–1、2–4 分（整数或 0.5 分）' }]);
  // 购买方式 by the declared method: 政府补贴 4–10.
  expect(await refusedWith({ purchaseMethod: 10.5 })).toEqual([{ path: 'items.purchaseMethod', message: '申报的购买方式只能得 4–10 分' }]);
  expect(await refusedWith({ purchaseMethod: 3.5 })).toEqual([{ path: 'items.purchaseMethod', message: '申报的购买方式只能得 4–10 分' }]);
  // Each band's ends are accepted (a draft keeps them).
  const ends: Record<string, number>[] = [{ 'provider.serviceRequirements': 3, 'provider.training': 1, 'efficiency.indicators': 4, 'content.audience': 2, purchaseMethod: 4 }, { 'provider.serviceRequirements': 4, 'provider.training': 2, 'efficiency.indicators': 9, 'content.audience': 1, purchaseMethod: 10 }, { 'efficiency.indicators': 5 }, { 'efficiency.indicators': 10 }];
  for (const items of ends)
    expect((await save(items)).status).toBe(200);
  // A full sheet between bands is refused on submission too, and nothing is counted.
  const sub = await h.call('reviews', 'submitScoresheet', { declarationId: d, items: { ...maxItems('subsidy'), 'provider.serviceRequirements': 3.5 }, attributes: meets }, tokenOf(m));
  expect([sub.status, err(sub).issues.map((i: any) => i.path)]).toEqual([400, ['items.provider.serviceRequirements']]);
  expect((await h.ok('reviews', 'panel', { declarationId: d }, ADMIN_TOKEN)).members.find((x: any) => x.expertId === m).sheet).toBe('draft');
});

test('the last appeal day is open: on the fifth working day (after National Day and its 调休) accepted, the next working day refused', async () => {
  const A = 2027; // its own year, so its campaign touches nothing of the others
  await at('2027-01-20T09:00:00+08:00');
  const ids = ['pAp1', 'pAp2', 'pAp3'];
  for (const [k, productId] of ids.entries())
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[20 + k], 20 + k), { productId, declarationId: null, orgId: applicant.orgId, documentNumber: `杭司〔2026〕${60 + k}号`, publishedOn: '2026-06-01' }));
  // 2027's holidays are the bureau's to enter: National Day 10-01…10-07 off, Saturday 10-09 a make-up working day.
  await h.ok('publicity', 'setCalendar', { year: A, holidays: ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'], workdays: ['2027-10-09'] }, ADMIN_TOKEN);
  await h.ok('assessments', 'open', { year: A, title: '2027 年度产品测评', startsOn: '2027-02-01', endsOn: '2027-09-20' }, ADMIN_TOKEN);
  await at('2027-09-29T10:00:00+08:00');
  // Five working days after the compute day: 9-30 (1), 10-8 (2), 10-9 调休 (3), 10-11 (4), 10-12 (5).
  expect((await h.ok('assessments', 'compute', { year: A }, ADMIN_TOKEN)).appealBy).toBe('2027-10-12');
  const appeal = (productId: string) => h.call('assessments', 'appeal', { year: A, productId, reason: '抽查当天系调休工作日，服务点按公告正常开放，请复核。', evidence: [] }, applicant.token);
  await at('2027-10-09T10:00:00+08:00'); // the make-up Saturday is inside the window
  expect((await appeal(ids[0])).status).toBe(200);
  await at('2027-10-12T23:59:00+08:00'); // the last appeal day, to its last minute
  expect((await appeal(ids[1])).status).toBe(200);
  await at('2027-10-13T00:00:00+08:00'); // the next working day
  const late = await appeal(ids[2]);
  expect([late.status, err(late).message]).toEqual([409, '申诉期已于 2027-10-12 结束']);
  expect((await h.ok('assessments', 'appeals', { year: A }, ADMIN_TOKEN)).appeals.map((x: any) => x.productId)).toEqual(ids.slice(0, 2));
});

test('appeals are heard once, by the provider only, while the results are open; the bureau decides each once, an accepted one recomputed', async () => {
  const A = 2028;
  await at('2028-01-20T09:00:00+08:00');
  const other = await h.applicant('杭州西溪公证处');
  await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[24], 24), { productId: 'pDa', declarationId: null, orgId: applicant.orgId, documentNumber: '杭司〔2027〕71号', publishedOn: '2027-06-01' }));
  await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[25], 25), { productId: 'pDb', declarationId: null, orgId: applicant.orgId, documentNumber: '杭司〔2027〕72号', publishedOn: '2027-06-01' }));
  await h.ok('assessments', 'open', { year: A, title: '2028 年度产品测评', startsOn: '2028-02-01', endsOn: '2028-09-20' }, ADMIN_TOKEN);
  const appeal = (productId: string, token = applicant.token) => h.call('assessments', 'appeal', { year: A, productId, reason: '暗访当天系调休工作日，服务点正常开放，请复核。', evidence: [] }, token);
  expect(err(await appeal('pDa'))).toMatchObject({ code: 'CONFLICT', message: '测评结果尚未公布征求意见，或已经确认，现在不能申诉' });
  await at('2028-09-26T10:00:00+08:00');
  await h.ok('assessments', 'compute', { year: A }, ADMIN_TOKEN);
  const drafts = Object.fromEntries((await h.ok('assessments', 'drafts', { year: A }, ADMIN_TOKEN)).results.map((r: any) => [r.productId, r]));
  expect(err(await appeal('pDa', other.token))).toMatchObject({ code: 'FORBIDDEN', message: '只有提供该产品的单位可以对测评结果申诉' });
  const filed = ((await appeal("pDa")).body as any).data;
  expect(filed).toMatchObject({ appealId: `${A}:pDa`, year: A, productId: 'pDa', orgId: applicant.orgId, status: 'pending', decision: null, filedOn: '2028-09-26', productName: DEMO_PRODUCTS[24].name, evidence: [] });
  expect(err(await appeal('pDa'))).toMatchObject({ code: 'CONFLICT', message: '这个产品本年度已经申诉过了' });
  await appeal('pDb');
  expect((await h.ok('assessments', 'appeals', { year: A }, ADMIN_TOKEN)).appeals.map((x: any) => [x.productId, x.status])).toEqual([['pDa', 'pending'], ['pDb', 'pending']]);

  const decide = (appealId: string, accepted: boolean, extra: Record<string, unknown> = {}) => h.call('assessments', 'decideAppeal', { appealId, accepted, reason: '经复核，申诉理由成立', ...extra }, ADMIN_TOKEN);
  expect(err(await decide('2028:none', false))).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这条申诉' });
  const yes = ((await decide(`${A}:pDa`, true, { finding: { method: 'mystery', score: 95, notes: '复核暗访：服务点正常开放' } })).body as any).data;
  expect(yes.appeal).toMatchObject({ status: 'accepted', decision: { reason: '经复核，申诉理由成立', decidedOn: '2028-09-26', findingId: expect.any(String) } });
  expect(yes.result.methodsUsed).toContain('mystery');
  expect(drafts.pDa.methodsUsed).not.toContain('mystery');
  const findings = (await h.ok('assessments', 'findings', { year: A, productId: 'pDa' }, ADMIN_TOKEN)).findings;
  expect(findings.map((f: any) => [f.method, f.score, f.on, f.supersedes])).toEqual([['mystery', 95, '2028-09-26', null]]);
  const no = ((await decide(`${A}:pDb`, false, { reason: '未提供新的证据，维持原结果' })).body as any).data;
  expect(no.appeal).toMatchObject({ status: 'rejected', decision: { reason: '未提供新的证据，维持原结果', decidedOn: '2028-09-26', findingId: null } });
  expect([no.result.score, no.result.computedAt]).toEqual([drafts.pDb.score, drafts.pDb.computedAt]);
  expect(err(await decide(`${A}:pDb`, true, { finding: { method: 'ledger', score: 90, notes: '再次复核记录' } }))).toMatchObject({ code: 'CONFLICT', message: '这条申诉已经处理过了' });
  expect((await h.ok('assessments', 'findings', { year: A, productId: 'pDb' }, ADMIN_TOKEN)).findings).toEqual([]);
  // Once the bureau confirms the results, no appeal is filed and none is decided. (Products without the evidence a grade
  // needs are decided first, as confirm asks: issue 21's evidence rules.)
  for (const r of (await h.ok('assessments', 'drafts', { year: A }, ADMIN_TOKEN)).results)
    if (r.insufficient && !r.decision) await h.ok('assessments', 'decideInsufficient', { year: A, productId: r.productId, decision: 'no-grade', reason: '本年度证据不足，不定等次' }, ADMIN_TOKEN);
  await h.ok('assessments', 'confirm', { year: A, reason: '申诉已全部处理，结果确认' }, ADMIN_TOKEN);
  expect(err(await appeal('pDa'))).toMatchObject({ code: 'CONFLICT', message: '测评结果尚未公布征求意见，或已经确认，现在不能申诉' });
  expect(err(await decide(`${A}:pDb`, false))).toMatchObject({ code: 'CONFLICT', message: '测评结果已经确认，不能再处理申诉' });
});
