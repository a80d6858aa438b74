/**
 * Issue 13: a review anyone can check — an expert asks for material during review, a meeting with notes, the panel's
 * own confirmation (with one dissent; the bureau refused before a majority), the report, the public results (no
 * expert names before), the applicant's own result (refused before confirmation), and the product's timeline.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let zhang: { token: string; orgId: string };
let rival: { token: string; orgId: string };
const experts: { expertId: string; token: string; name: string }[] = [];
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const meets = { public: 'meets', legal: 'meets', service: 'meets' };
const NAMES = ['陈光明', '李正义', '王清廉', '赵公平', '钱守法'];
/** A free service: its purchase method scores 12, so the maxima add up to 100. */
const I = DEMO_PRODUCTS.findIndex((p) => p.purchaseMethod === 'free');
const items = (cut: number) => {
  const out = Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, DEMO_PRODUCTS[I].purchaseMethod).max]));
  out['efficiency.indicators'] -= cut;
  return out;
};

beforeAll(async () => {
  h = await startHarness();
  await at('2026-03-10T09:00:00+08:00');
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  zhang = await h.applicant('杭州临平律师事务所');
  rival = await h.applicant('杭州建德律师事务所');
  for (const [i, name] of NAMES.entries()) {
    const { expertId, inviteCode } = await h.ok('reviews', 'addExpert', { name, organisation: `浙江某高校法学院${i}`, kind: 'academic', phone: '13900000000' }, ADMIN_TOKEN);
    const token = await h.citizen();
    await h.ok('auth', 'redeemInvite', { code: inviteCode }, token);
    experts.push({ expertId, token, name });
  }
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('materials during review, a meeting, the panel confirms with one dissent, results published, the timeline', async () => {
  const { declarationId: d } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[I], I) }, zhang.token);
  await h.ok('declarations', 'submit', { declarationId: d }, zhang.token);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'open' }, ADMIN_TOKEN);
  const members = panel.members.map((m: any) => experts.find((e) => e.expertId === m.expertId)!);
  const [first, second] = members;

  // An expert asks from the scoring page, about one item.
  expect((await h.call('reviews', 'askMaterials', { declarationId: d, note: '少' }, first.token)).status).toBe(400);
  expect((await h.call('reviews', 'askMaterials', { declarationId: d, note: '请提供满意度回访记录样本', itemKey: 'nothing' }, first.token)).status).toBe(400);
  expect((await h.call('reviews', 'askMaterials', { declarationId: d, note: '请提供满意度回访记录样本' }, zhang.token)).status).toBe(403);
  const ask = await h.ok('reviews', 'askMaterials', { declarationId: d, note: '请提供近一年满意度回访记录样本', itemKey: 'satisfaction.satisfaction' }, first.token);
  expect(ask).toMatchObject({ status: 'asked', itemKey: 'satisfaction.satisfaction', mine: true, answer: null });
  const other = await h.ok('reviews', 'askMaterials', { declarationId: d, note: '请说明律师团队的执业年限构成' }, second.token);

  // The bureau sees who asked; a colleague sees the ask but not who asked it.
  expect((await h.ok('reviews', 'asks', { declarationId: d }, ADMIN_TOKEN)).asks.map((a: any) => a.expertId)).toEqual([first.expertId, second.expertId]);
  const seen = await h.ok('reviews', 'asks', { declarationId: d }, second.token);
  expect(seen.asks.map((a: any) => [a.mine, a.expertId])).toEqual([[false, undefined], [true, undefined]]);
  expect((await h.call('reviews', 'asks', { declarationId: d }, zhang.token)).status).toBe(403);

  // Forward one (it becomes a material request while in review), decline the other with a reason.
  const noDate = await h.call('reviews', 'decideAsk', { askId: ask.askId, forward: true }, ADMIN_TOKEN);
  expect((noDate.body as any).error.issues).toEqual([{ path: 'dueOn', message: '转交时请给出补充期限' }]);
  expect((await h.call('reviews', 'decideAsk', { askId: ask.askId, forward: true, dueOn: '2026-03-17' }, first.token)).status).toBe(403);
  const forwarded = await h.ok('reviews', 'decideAsk', { askId: ask.askId, forward: true, dueOn: '2026-03-17' }, ADMIN_TOKEN);
  expect(forwarded).toMatchObject({ status: 'forwarded', dueOn: '2026-03-17', answer: null });
  expect((await h.call('reviews', 'decideAsk', { askId: ask.askId, forward: false, reason: '重复' }, ADMIN_TOKEN)).status).toBe(409);
  const noReason = await h.call('reviews', 'decideAsk', { askId: other.askId, forward: false }, ADMIN_TOKEN);
  expect((noReason.body as any).error.issues).toEqual([{ path: 'reason', message: '不予转交时请写明理由，评审组会看到它' }]);
  await h.ok('reviews', 'decideAsk', { askId: other.askId, forward: false, reason: '说明书“业务掌握程度”一栏已列明' }, ADMIN_TOKEN);
  // The bureau may also ask directly while in review.
  await h.ok('declarations', 'requestMaterials', { declarationId: d, note: '请补充服务点分布清单', dueOn: '2026-03-18' }, ADMIN_TOKEN);

  const mine = await h.ok('declarations', 'get', { declarationId: d }, zhang.token);
  expect(mine.materialRequests.map((r: any) => r.note)).toEqual(['请提供近一年满意度回访记录样本', '请补充服务点分布清单']);
  expect(JSON.stringify(mine)).not.toContain(first.expertId);
  await h.ok('declarations', 'supplyMaterials', { declarationId: d, requestId: mine.materialRequests[0].requestId, text: '附 2025 年回访记录 120 份，满意率 96%' }, zhang.token);

  // The answer reaches every member, beside the item.
  for (const m of members) {
    const a = await h.ok('reviews', 'assignment', { declarationId: d }, m.token);
    expect(a.asks.map((x: any) => [x.itemKey, x.status, x.answer?.text ?? null, x.reason])).toEqual([
      ['satisfaction.satisfaction', 'forwarded', '附 2025 年回访记录 120 份，满意率 96%', ''],
      [null, 'declined', null, '说明书“业务掌握程度”一栏已列明'],
    ]);
  }

  // The review meeting: the applicant sees its slot; the notes reach the panel only.
  expect((await h.call('reviews', 'scheduleMeeting', { declarationIds: [d], at: '2026-03-01T09:00:00+08:00', place: '市司法局 3 楼会议室' }, ADMIN_TOKEN)).status).toBe(409);
  const badLink = await h.call('reviews', 'scheduleMeeting', { declarationIds: [d], at: '2026-03-20T09:00:00+08:00', place: '市司法局 3 楼会议室', onlineLink: 'http://x.example' }, ADMIN_TOKEN);
  expect((badLink.body as any).error.issues[0]).toEqual({ path: 'onlineLink', message: '线上会议链接应为 https:// 开头的网址' });
  expect((await h.call('reviews', 'scheduleMeeting', { declarationIds: [d], at: '2026-03-20T09:00:00+08:00', place: '市司法局' }, zhang.token)).status).toBe(403);
  await h.ok('reviews', 'scheduleMeeting', { declarationIds: [d], at: '2026-03-20T09:00:00+08:00', place: '市司法局 3 楼会议室', onlineLink: 'https://meeting.example/123', presentMinutes: 15 }, ADMIN_TOKEN);
  expect((await h.ok('reviews', 'meeting', { declarationId: d }, zhang.token)).meeting).toEqual({ declarationId: d, at: '2026-03-20T09:00:00+08:00', place: '市司法局 3 楼会议室', onlineLink: 'https://meeting.example/123', presentMinutes: 15 });
  expect((await h.call('reviews', 'meeting', { declarationId: d }, rival.token)).status).toBe(404);
  expect((await h.call('reviews', 'meetingNotes', { declarationId: d, notes: '申报单位陈述并回答提问' }, ADMIN_TOKEN)).status).toBe(409); // not yet held
  await at('2026-03-20T11:00:00+08:00');
  await h.ok('reviews', 'meetingNotes', { declarationId: d, notes: '申报单位陈述 15 分钟；陈光明问回访样本来源，答：随机抽取。' }, ADMIN_TOKEN);
  expect((await h.ok('reviews', 'assignment', { declarationId: d }, second.token)).meeting.notes).toBe('申报单位陈述 15 分钟；陈光明问回访样本来源，答：随机抽取。');
  expect((await h.ok('reviews', 'meeting', { declarationId: d }, zhang.token)).meeting.notes).toBeUndefined();

  // Scoring; before the result nobody confirms, and the applicant reads nothing.
  const cuts = [0, 2, 4, 1, 3]; // totals 100, 98, 96, 99, 97: average 98
  for (const [i, m] of members.entries()) {
    if (i === 4) expect((await h.call('reviews', 'panelConfirm', { declarationId: d, agree: true }, first.token)).status).toBe(409);
    await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: items(cuts[i]), attributes: meets, comment: i === 1 ? '回访数据翔实，建议扩大服务覆盖面' : i === 2 ? '指标体系可再细化' : '' }, m.token);
  }
  const early = await h.call('reviews', 'myResult', { declarationId: d }, zhang.token);
  expect(early.status).toBe(409);
  expect((early.body as any).error.message).toBe('评审结果经评审组确认后才能查看。评审还在进行中，请耐心等待');
  const before = await h.ok('reviews', 'publicResults', { year: 2026 });
  expect(before).toEqual({ year: 2026, proposed: [], notPassed: 0 });
  for (const n of NAMES) expect(JSON.stringify(before)).not.toContain(n);

  // The panel confirms: two agree, one dissents with its reason; the bureau is refused before a majority.
  const noNote = await h.call('reviews', 'panelConfirm', { declarationId: d, agree: false }, members[2].token);
  expect((noNote.body as any).error.issues).toEqual([{ path: 'note', message: '不同意时请写明理由，它会记入评审报告' }]);
  expect((await h.call('reviews', 'panelConfirm', { declarationId: d, agree: true }, zhang.token)).status).toBe(403);
  await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true }, members[0].token);
  await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true }, members[1].token);
  expect(await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: false, note: '服务覆盖面偏窄，不宜列入目录' }, members[2].token)).toEqual({ agreed: 2, disagreed: 1, members: 5 });
  const refused = await h.call('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN);
  expect(refused.status).toBe(409);
  expect((refused.body as any).error.message).toBe('评审组过半数同意后才能确认（目前 2/5 位同意），请等待评审组成员确认');
  await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true }, members[3].token);
  const confirmed = await h.ok('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN);
  expect(confirmed).toMatchObject({ average: 98, passed: true, dissent: [{ expertId: members[2].expertId, note: '服务覆盖面偏窄，不宜列入目录' }] });
  expect((await h.call('reviews', 'panelConfirm', { declarationId: d, agree: true }, members[4].token)).status).toBe(409);

  // The report: each member's total, the average, the attributes, the confirmations.
  const { html } = await h.ok('reviews', 'report', { declarationId: d }, ADMIN_TOKEN);
  for (const [i, m] of members.entries()) expect(html).toContain(`<td>${m.name}</td><td>浙江某高校法学院${NAMES.indexOf(m.name)}</td><td>院校专家教授</td><td class="num">${100 - cuts[i]}</td>`);
  expect(html).toContain('平均分 <b>98.00</b>');
  expect(html).toContain(`<li>${members[2].name}：服务覆盖面偏窄，不宜列入目录</li>`);
  expect(html).toContain('评审组 5 人，3 人同意，1 人不同意，1 人未表态');
  expect(html).toContain('陈光明问回访样本来源');
  expect((await h.call('reviews', 'report', { declarationId: d }, zhang.token)).status).toBe(403);

  // Published: the year's proposed ones with the panel named; anyone reads it.
  const pub = await h.ok('reviews', 'publicResults', { year: 2026 });
  expect(pub.proposed).toEqual([expect.objectContaining({ declarationId: d, average: 98, experts: [...NAMES].sort((a, b) => a.localeCompare(b, 'zh-CN')), attributes: expect.objectContaining({ legal: { meets: 5, doubtful: 0, fails: 0 } }) })]);
  expect(pub.notPassed).toBe(0);
  expect((await h.call('reviews', 'publicResults', { year: 1999 })).status).toBe(400);

  // The applicant's own result: averages and comments, no names; another organisation is told it does not exist.
  const own = await h.ok('reviews', 'myResult', { declarationId: d }, zhang.token);
  expect(own).toMatchObject({ passed: true, average: 98, comments: ['回访数据翔实，建议扩大服务覆盖面', '指标体系可再细化'] });
  expect(own.itemAverages.find((x: any) => x.key === 'efficiency.indicators')).toEqual({ key: 'efficiency.indicators', label: '针对产品服务标准制定个性评价指标', max: 14, average: 12 });
  for (const n of NAMES) expect(JSON.stringify(own)).not.toContain(n);
  for (const m of members) expect(JSON.stringify(own)).not.toContain(m.expertId);
  expect((await h.call('reviews', 'myResult', { declarationId: d }, rival.token)).status).toBe(404);

  // Publicity, publication, and the timeline with whatever issues 11 and 12 recorded.
  await at('2026-10-01T09:00:00+08:00');
  await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-20T09:00:00+08:00');
  await h.ok('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN);
  const { published } = await h.ok('catalogue', 'publish', { declarationIds: [d], documentNumber: '杭司〔2026〕125号', publishedOn: '2026-10-22' }, ADMIN_TOKEN);
  const productId = published[0].productId;
  await h.app.store.insert('assessmentResults', { _id: `2027:${productId}`, year: 2027, productId, orgId: zhang.orgId, score: 91.5, grade: 'excellent', status: 'published', documentNumber: '杭司〔2028〕12号', publishedAt: '2028-01-15T02:00:00.000Z', satisfaction: { rate: 0.95, n: 80 }, components: [] });
  await h.app.store.insert('assessmentResults', { _id: `2028:${productId}`, year: 2028, productId, orgId: zhang.orgId, score: 60, grade: 'fail', status: 'draft', satisfaction: { rate: null, n: 0 }, components: [] });
  await h.app.store.insert('catalogueChanges', { _id: 'c1', version: 1, on: '2026-10-22', productId, change: 'added', documentNumber: '杭司〔2026〕125号' });
  await h.app.store.insert('catalogueChanges', { _id: 'c2', version: 2, on: '2028-02-01', productId, change: 'suspended', documentNumber: '杭司〔2028〕20号', reason: '服务电话长期无人接听' });
  const timeline = await h.ok('catalogue', 'timeline', { productId });
  expect(timeline.events.map((e: any) => [e.kind, e.on, e.until, e.documentNumber])).toEqual([
    ['declared', '2026-03-10', null, null],
    ['reviewed', '2026-03-20', null, null],
    ['publicity', '2026-10-08', '2026-10-15', null],
    ['published', '2026-10-22', null, '杭司〔2026〕125号'],
    ['assessed', '2028-01-15', null, '杭司〔2028〕12号'],
    ['adjusted', '2028-02-01', null, '杭司〔2028〕20号'],
  ]);
  expect(timeline.events[1].text).toContain('平均分 98.00');
  // The evidence beside the grade (issue 21); this stand-in result carries only its ratings.
  expect(timeline.events[4].text).toBe('2027 年度专项测评：优秀，91.5 分（基于 80 条评价；没有检查记录，没有自评报告）');
  expect(timeline.events[5].text).toBe('暂停提供：服务电话长期无人接听');
  expect((await h.call('catalogue', 'timeline', { productId: 'nothing' })).status).toBe(404);
  // The records stood in for issue 11's campaign and issue 12's catalogue changes (their own tests walk them): take them out again.
  await h.app.store.transaction(async (tx) => {
    for (const y of [2027, 2028]) await tx.remove('assessmentResults', `${y}:${productId}`);
    for (const c of ['c1', 'c2']) await tx.remove('catalogueChanges', c);
  });
});

test('a reopened sheet clears the confirmations; a not-passed one is counted, not named', async () => {
  await at('2026-03-12T09:00:00+08:00');
  const { declarationId: d } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[5], 5) }, zhang.token);
  await h.ok('declarations', 'submit', { declarationId: d }, zhang.token);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'low' }, ADMIN_TOKEN);
  const tokens = panel.members.map((m: any) => experts.find((e) => e.expertId === m.expertId)!.token);
  const low = Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, DEMO_PRODUCTS[5].purchaseMethod).min]));
  for (const t of tokens) await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: low, attributes: meets }, t);
  for (const t of tokens.slice(0, 3)) await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true }, t);
  await h.ok('reviews', 'reopenScoresheet', { declarationId: d, expertId: panel.members[0].expertId, reason: '笔误' }, ADMIN_TOKEN);
  await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: low, attributes: meets }, tokens[0]);
  expect((await h.call('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN)).status).toBe(409);
  for (const t of tokens.slice(0, 3)) await h.ok('reviews', 'panelConfirm', { declarationId: d, agree: true }, t);
  expect((await h.ok('reviews', 'confirm', { declarationId: d }, ADMIN_TOKEN)).passed).toBe(false);
  const pub = await h.ok('reviews', 'publicResults', { year: 2026 });
  expect(pub.notPassed).toBe(1);
  expect(pub.proposed.map((p: any) => p.declarationId)).not.toContain(d);
  expect((await h.ok('reviews', 'myResult', { declarationId: d }, zhang.token)).passed).toBe(false);
});

test('bad inputs and callers who may not: each refused with its code, nothing written', async () => {
  await at('2026-03-13T09:00:00+08:00');
  const { declarationId: d } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[6], 6) }, zhang.token);
  await h.ok('declarations', 'submit', { declarationId: d }, zhang.token);
  // Before the panel sits: nobody asks, nothing to report, no meeting notes.
  expect((await h.call('reviews', 'askMaterials', { declarationId: d, note: '请补充服务记录模板' }, experts[0].token)).status).toBe(404);
  const panel = await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5, seed: 'bad' }, ADMIN_TOKEN);
  const outsider = await h.citizen();
  await h.ok('auth', 'me', {}, outsider);
  const auditBefore = await h.app.store.count('audit');
  const cases: [string, string, Record<string, unknown>, string | undefined, number][] = [
    ['reviews', 'askMaterials', { declarationId: d, note: '请补充服务记录模板' }, outsider, 403],
    ['reviews', 'decideAsk', { askId: 'k-none', forward: false, reason: '不需要' }, ADMIN_TOKEN, 404],
    ['reviews', 'decideAsk', { askId: 'k-none', forward: 'yes' }, ADMIN_TOKEN, 400],
    ['reviews', 'scheduleMeeting', { declarationIds: [], at: '2026-03-20T09:00:00+08:00', place: '市司法局' }, ADMIN_TOKEN, 400],
    ['reviews', 'scheduleMeeting', { declarationIds: ['d-none'], at: '2026-03-20T09:00:00+08:00', place: '市司法局' }, ADMIN_TOKEN, 404],
    ['reviews', 'scheduleMeeting', { declarationIds: [d], at: '下周一', place: '市司法局' }, ADMIN_TOKEN, 400],
    ['reviews', 'meetingNotes', { declarationId: d, notes: '申报单位陈述并回答提问' }, ADMIN_TOKEN, 404],
    ['reviews', 'meetingNotes', { declarationId: d, notes: '短' }, ADMIN_TOKEN, 400],
    ['reviews', 'meetingNotes', { declarationId: d, notes: '申报单位陈述并回答提问' }, experts[0].token, 403],
    ['reviews', 'panelConfirm', { declarationId: d, agree: true }, experts[0].token, panel.members.some((m: any) => m.expertId === experts[0].expertId) ? 409 : 403],
    ['reviews', 'panelConfirm', { declarationId: d, agree: 'yes' }, experts[0].token, 400],
    ['reviews', 'report', { declarationId: d }, ADMIN_TOKEN, 409],
    ['reviews', 'report', { declarationId: d }, zhang.token, 403],
    ['reviews', 'publicResults', { year: '2026' }, undefined, 400],
    ['reviews', 'myResult', {}, zhang.token, 400],
    ['reviews', 'myResult', { declarationId: d }, rival.token, 404],
    ['reviews', 'myResult', { declarationId: d }, outsider, 403],
    ['reviews', 'meeting', { declarationId: d }, outsider, 403],
    ['orgs', 'list', { status: 'bogus' }, ADMIN_TOKEN, 400],
    ['orgs', 'verify', { orgId: zhang.orgId, approve: true }, ADMIN_TOKEN, 409], // invited by the bureau: verified already
    ['orgs', 'associations', {}, undefined, 401],
    ['catalogue', 'timeline', {}, undefined, 400],
  ];
  // The floors of attachment 2: 单次服务 is 1 point, never 0; the same for the six other items whose lowest band starts at 1.
  const member = experts.find((e) => e.expertId === panel.members[0].expertId)!;
  const zero = await h.call('reviews', 'saveScoresheet', { declarationId: d, items: { 'content.frequency': 0 } }, member.token);
  expect((zero.body as any).error.issues).toEqual([{ path: 'items.content.frequency', message: '“产品服务的周期频次”应在 1–4 分之间' }]);
  const completeness = await h.call('reviews', 'saveScoresheet', { declarationId: d, items: { completeness: 0.5 } }, member.token);
  expect((completeness.body as any).error.issues).toEqual([{ path: 'items.completeness', message: '“申报材料的完整度”应在 1–5 分之间' }]);
  for (const [fn, action, payload, token, status] of cases) expect({ fn, action, status: (await h.call(fn, action, payload, token)).status, audit: await h.app.store.count('audit') }).toEqual({ fn, action, status, audit: auditBefore });
});
