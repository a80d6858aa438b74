/**
 * Clause by clause (docs/regulation.md): the rules of 《杭州市公共法律服务产品申报认定工作管理办法》(杭司〔2018〕125号)
 * the system applies that no other test pinned at both ends, through the real server over SQLite with the test clock.
 * Each test quotes its clause, sets its own clock (on days or in a year no other test uses) and builds what it needs,
 * so any one runs alone.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { ATTRIBUTES, ATTRIBUTE_LABELS } from '../../types/rubric';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { addExperts, FIVE_ORGANISATIONS } from '../support/experts';
import { PDF } from '../support/fileFixtures';
import { fullMarks, MEETS, proposed, submitted, type Expert } from '../support/reviewSteps';

jest.setTimeout(60_000);

let h: Harness;
let applicant: { token: string; orgId: string };
let experts: Expert[];
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const err = (res: { body: any }) => res.body.error;

beforeAll(async () => {
  h = await startHarness();
  await at('2026-03-02T09:00:00+08:00');
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-01-01', closesOn: '2026-12-31' }, ADMIN_TOKEN);
  applicant = await h.applicant('杭州钱江公共法律服务中心');
  experts = await addExperts(h, FIVE_ORGANISATIONS);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('三、申报 "由市司法局根据需要，发布公告向社会公开征集": the call’s first and last days are open, the day before and the day after are not', async () => {
  await h.ok('declarations', 'openCall', { year: 2030, title: '2030 年度申报公告', opensOn: '2030-03-01', closesOn: '2030-03-29' }, ADMIN_TOKEN);
  const draft = async (i: number) => (await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[i], i) }, applicant.token)).declarationId as string;
  const submit = (declarationId: string) => h.call('declarations', 'submit', { declarationId }, applicant.token);

  await at('2030-02-28T23:59:00+08:00');
  const early = await h.call('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[0], 0) }, applicant.token);
  expect([early.status, err(early).message]).toEqual([409, '当前不在申报期内，暂不能新建申报。请留意市司法局的申报公告']);
  expect((await h.ok('declarations', 'listCalls')).calls.find((c: any) => c.year === 2030).state).toBe('upcoming');

  await at('2030-03-01T00:00:00+08:00'); // the first day, from its first minute
  const first = await draft(0);
  expect([(await submit(first)).status, (await h.ok('declarations', 'get', { declarationId: first }, applicant.token)).callId]).toEqual([200, 'call-2030']);

  await at('2030-03-29T23:59:00+08:00'); // the last day, to its last minute: a new draft and a submission
  const last = await draft(1);
  const late = await draft(2);
  expect((await submit(last)).status).toBe(200);

  await at('2030-03-30T00:00:00+08:00');
  const after = await submit(late);
  expect([after.status, err(after).message]).toEqual([409, '申报已于 2030-03-29 截止，不能再提交']);
  expect((await h.call('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[3], 3) }, applicant.token)).status).toBe(409);
  expect((await h.ok('declarations', 'get', { declarationId: late }, applicant.token)).status).toBe('draft');
});

test('三、申报 "加盖推荐或申报单位公章" and 附件1 备注3 "提供附件的，请列出附件清单": the printed sheet has the seal lines and lists the attachments', async () => {
  await at('2026-03-03T09:00:00+08:00');
  // A self-declared product: the applicant's seal only, and no attachments (清单 says 无).
  const self = await submitted(h, applicant.token, 4);
  const plain = (await h.ok('declarations', 'printable', { declarationId: self }, applicant.token)).html as string;
  expect(plain).toContain(`<p>申报单位（盖章）：${demoSpec(DEMO_PRODUCTS[4], 4).cover.applicantName}</p>`);
  expect(plain).not.toContain('推荐单位（盖章）');
  expect(plain).toMatch(/附件清单：<\/p><ul class="meta"><li>无<\/li><\/ul>/);

  // A recommended one: the recommending association seals too; two attachments are listed in order.
  const { inviteCode, orgId } = await h.ok('admin', 'createInvite', { role: 'association', orgName: '杭州市律师协会' }, ADMIN_TOKEN);
  const association = await h.citizen();
  await h.ok('auth', 'redeemInvite', { code: inviteCode }, association);
  const files = [];
  for (const name of ['服务台帐样本.pdf', '管理制度汇编.pdf']) {
    const up = await h.upload(PDF, applicant.token);
    files.push(await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name }, applicant.token));
  }
  const spec = { ...demoSpec(DEMO_PRODUCTS[5], 5), attachments: files.map((f) => ({ name: f.name, fileId: f.fileId })) };
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec, declarationMode: 'recommended', recommenderOrgId: orgId }, applicant.token);
  await h.ok('declarations', 'endorse', { declarationId }, association);
  await h.ok('declarations', 'submit', { declarationId }, applicant.token);
  const sheet = (await h.ok('declarations', 'printable', { declarationId }, applicant.token)).html as string;
  expect(sheet).toContain(`<p>申报单位（盖章）：${spec.cover.applicantName}</p>`);
  expect(sheet).toContain('<p>推荐单位（盖章）：杭州市律师协会</p>');
  expect(sheet).toMatch(/附件清单：<\/p><ul class="meta"><li>1\. 服务台帐样本\.pdf<\/li><li>2\. 管理制度汇编\.pdf<\/li><\/ul>/);
});

test('四 "严格审查产品的公共性、法律性、服务性等属性": every member judges all three before a sheet counts; a draft may wait', async () => {
  await at('2026-03-04T09:00:00+08:00');
  const d = await submitted(h, applicant.token, 6);
  await h.ok('reviews', 'drawPanel', { declarationId: d, size: 5 }, ADMIN_TOKEN);
  const [first] = experts;
  const sheetOf = async () => (await h.ok('reviews', 'panel', { declarationId: d }, ADMIN_TOKEN)).members.find((m: any) => m.expertId === first.expertId).sheet;
  // A draft keeps scores without any judgement.
  expect((await h.ok('reviews', 'saveScoresheet', { declarationId: d, items: fullMarks(6) }, first.token)).status).toBe('draft');
  // Submitted without judgements: one issue per attribute, by path; nothing counts.
  const none = await h.call('reviews', 'submitScoresheet', { declarationId: d, items: fullMarks(6), attributes: {} }, first.token);
  expect([none.status, err(none).issues]).toEqual([400, ATTRIBUTES.map((a) => ({ path: `attributes.${a}`, message: `请判断${ATTRIBUTE_LABELS[a].label}` }))]);
  // Each attribute alone left out is refused.
  for (const a of ATTRIBUTES) {
    const { [a]: _left, ...two } = MEETS as Record<string, string>;
    const res = await h.call('reviews', 'submitScoresheet', { declarationId: d, items: fullMarks(6), attributes: two }, first.token);
    expect([a, res.status, err(res).issues]).toEqual([a, 400, [{ path: `attributes.${a}`, message: `请判断${ATTRIBUTE_LABELS[a].label}` }]]);
  }
  expect(await sheetOf()).toBe('draft');
  // All three judged: the sheet is in.
  expect((await h.ok('reviews', 'submitScoresheet', { declarationId: d, items: fullMarks(6), attributes: MEETS }, first.token)).status).toBe('submitted');
  expect(await sheetOf()).toBe('submitted');
});

test('三、评估 "必要时，可召开公共法律服务产品评审会，要求……派人到评审会现场进行陈述": only while the declaration is before the panel', async () => {
  await at('2026-03-06T09:00:00+08:00');
  const draft = (await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[8], 8) }, applicant.token)).declarationId;
  const waiting = await submitted(h, applicant.token, 9); // submitted, no panel yet
  const done = await proposed(h, applicant.token, 10, experts); // the review has ended (拟定)
  const slot = { at: '2026-03-20T09:00:00+08:00', place: '市司法局 3 楼会议室' };
  for (const [d, i] of [[draft, 8], [done, 10]] as const) {
    const refused = await h.call('reviews', 'scheduleMeeting', { declarationIds: [d], ...slot }, ADMIN_TOKEN);
    expect([refused.status, err(refused).message]).toEqual([409, `“${DEMO_PRODUCTS[i].name}”不在评审阶段，不能安排评审会`]);
  }
  expect((await h.ok('reviews', 'meeting', { declarationId: done }, applicant.token)).meeting).toBeNull();
  // Submitted: scheduled, and the declaring organisation sees its slot; drawn (in review): moved to another day.
  await h.ok('reviews', 'scheduleMeeting', { declarationIds: [waiting], ...slot }, ADMIN_TOKEN);
  expect((await h.ok('reviews', 'meeting', { declarationId: waiting }, applicant.token)).meeting).toEqual({ declarationId: waiting, ...slot, onlineLink: null, presentMinutes: 10 });
  await h.ok('reviews', 'drawPanel', { declarationId: waiting, size: 5 }, ADMIN_TOKEN);
  await h.ok('reviews', 'scheduleMeeting', { declarationIds: [waiting], ...slot, at: '2026-03-23T09:00:00+08:00' }, ADMIN_TOKEN);
  expect((await h.ok('reviews', 'meeting', { declarationId: waiting }, applicant.token)).meeting.at).toBe('2026-03-23T09:00:00+08:00');
});

test('三、公示 "公示时间不少于七个工作日": comments are heard on the first day from its first minute and on the last day to its last, not before or after', async () => {
  await at('2026-03-05T09:00:00+08:00');
  const d = await proposed(h, applicant.token, 7, experts);
  // 3-09 (1) … 3-13 (5), 3-16 (6), 3-17 (7).
  expect((await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-03-09', workingDays: 7 }, ADMIN_TOKEN)).endsOn).toBe('2026-03-17');
  const comment = async (text: string) => h.call('publicity', 'comment', { declarationId: d, text }, await h.citizen());
  const stateNow = async () => (await h.ok('publicity', 'list')).items.find((i: any) => i.declarationId === d);

  await at('2026-03-08T23:59:00+08:00');
  const before = await comment('公示开始前一分钟提交的意见');
  expect([before.status, err(before).message]).toEqual([409, '公示将于 2026-03-09 开始，届时可以提意见']);
  expect(await stateNow()).toMatchObject({ state: 'upcoming', workingDaysLeft: 7 });

  await at('2026-03-09T00:00:00+08:00');
  expect((await comment('公示第一天零点提交的意见')).status).toBe(200);
  expect(await stateNow()).toMatchObject({ state: 'open', workingDaysLeft: 7 });

  await at('2026-03-17T23:59:00+08:00');
  expect((await comment('公示最后一天深夜提交的意见')).status).toBe(200);
  expect(await stateNow()).toMatchObject({ state: 'open', workingDaysLeft: 1 });

  await at('2026-03-18T00:00:00+08:00');
  const after = await comment('公示期满后零点提交的意见');
  expect([after.status, err(after).message]).toEqual([409, '公示已经结束，不能再提意见']);
  expect(await stateNow()).toMatchObject({ state: 'ended', workingDaysLeft: 0 });
  expect((await h.ok('publicity', 'comments', { declarationId: d })).comments).toHaveLength(2);
});

test('三、推介 "市司法局定期…向服务指向群体推介所需产品": a product is featured for a group through its last day, not after; only while listed', async () => {
  await at('2028-05-10T09:00:00+08:00');
  for (const [k, productId] of ['pFeatA', 'pFeatB'].entries())
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[14 + k], 14 + k), { productId, declarationId: null, orgId: applicant.orgId, documentNumber: `杭司〔2028〕${k + 1}号`, publishedOn: '2028-01-10' }));
  const featured = async () => ((await h.ok('catalogue', 'featured')).groups.find((g: any) => g.audience === 'veterans')?.items ?? []).map((p: any) => p.productId);
  const feature = (productId: string, until: string) => h.call('catalogue', 'feature', { productId, audience: 'veterans', until }, ADMIN_TOKEN);
  // Until yesterday: refused; until today: accepted.
  const past = await feature('pFeatA', '2028-05-09');
  expect([past.status, err(past).message]).toEqual([409, '推荐截止日期已过，请选择今天或以后的日期']);
  expect((await feature('pFeatA', '2028-05-10')).status).toBe(200);
  expect((await feature('pFeatB', '2028-05-12')).status).toBe(200);
  expect(await featured()).toEqual(expect.arrayContaining(['pFeatA', 'pFeatB']));
  // The last day, to its last minute; the day after, gone.
  await at('2028-05-12T23:59:00+08:00');
  expect(await featured()).toContain('pFeatB');
  await at('2028-05-13T00:00:00+08:00');
  expect(await featured()).not.toContain('pFeatB');
  // A suspended product leaves the promotion at once and cannot be featured while suspended.
  await h.ok('catalogue', 'feature', { productId: 'pFeatA', audience: 'veterans', until: '2028-12-31' }, ADMIN_TOKEN);
  await h.ok('supervision', 'suspend', { productId: 'pFeatA', reason: '群众投诉经核查属实，暂停待复核' }, ADMIN_TOKEN);
  expect(await featured()).not.toContain('pFeatA');
  expect((await feature('pFeatA', '2028-12-31')).status).toBe(404);
});

test('三、调整 "根据测评结果和日常监管情况…定期更新": a rectification answered on its due day is on time, the next day it is late', async () => {
  await at('2027-06-01T10:00:00+08:00'); // Tuesday
  for (const [k, productId] of ['pRectA', 'pRectB'].entries())
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[16 + k], 16 + k), { productId, declarationId: null, orgId: applicant.orgId, documentNumber: `杭司〔2027〕${k + 1}号`, publishedOn: '2027-01-10' }));
  // Two working days from tomorrow: 6-02, 6-03.
  const due: any[] = [];
  for (const productId of ['pRectA', 'pRectB']) due.push(await h.ok('supervision', 'rectify', { productId, reason: '机构满意率低于 80%，限期整改', dueWorkingDays: 2 }, ADMIN_TOKEN));
  expect(due.map((r: any) => r.dueOn)).toEqual(['2027-06-03', '2027-06-03']);
  const answer = (rectificationId: string) => h.ok('supervision', 'answerRectification', { rectificationId, measures: '增设回访专员，每周抽查服务记录', evidence: '回访记录 20 份' }, applicant.token);
  await at('2027-06-03T23:59:00+08:00');
  expect((await answer(due[0].rectificationId)).answer).toMatchObject({ answeredOn: '2027-06-03', onTime: true });
  await at('2027-06-04T00:00:00+08:00');
  expect((await answer(due[1].rectificationId)).answer).toMatchObject({ answeredOn: '2027-06-04', onTime: false });
});

test('三、测评 "市司法局每年组织对公共法律服务产品使用情况进行专项测评": the year’s products are those listed on its first day, that day included', async () => {
  await at('2029-01-20T09:00:00+08:00');
  const products: [string, string][] = [
    ['pScope0131', '2029-01-31'],
    ['pScope0201', '2029-02-01'],
    ['pScope0202', '2029-02-02'],
  ];
  for (const [k, [productId, publishedOn]] of products.entries())
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[10 + k], 10 + k), { productId, declarationId: null, orgId: applicant.orgId, documentNumber: `杭司〔2029〕${k + 1}号`, publishedOn }));
  const campaign = await h.ok('assessments', 'open', { year: 2029, title: '2029 年度产品测评', startsOn: '2029-02-01', endsOn: '2029-09-20' }, ADMIN_TOKEN);
  const inScope = (await h.ok('assessments', 'progress', { year: 2029 }, ADMIN_TOKEN)).rows.map((r: any) => r.productId).filter((id: string) => id.startsWith('pScope'));
  expect(inScope).toEqual(['pScope0131', 'pScope0201']);
  expect(campaign.products).toBe((await h.ok('assessments', 'progress', { year: 2029 }, ADMIN_TOKEN)).rows.length);
});
