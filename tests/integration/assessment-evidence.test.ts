/**
 * Issue 21: a grade is earned by evidence, never by its absence — through the real server over the demo catalogue.
 * The empty product is not 优秀; 1 served of a capacity of 1 is not 100; products with no data are 证据不足, never
 * 不合格, and are neither on the public 不合格 list nor proposed for exit; confirm is refused while any is undecided;
 * the bureau's decisions and capacity acceptances are audited and bounded; findings form one chain per author (the
 * fork of a purchasing unit's opinion is impossible); the evidence stands beside every public grade; 满意率 is one
 * number on every page.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { defaultScheme } from '../../types/assessment';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let a: { token: string; orgId: string };
let b: { token: string; orgId: string };
let unit: { token: string; orgId: string };
let assessor: { token: string; orgId: string };
const Y = 2026;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const err = (res: { body: any }) => res.body.error;
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
const DEMO = DEMO_PRODUCTS.map((_, i) => `p${String(i + 1).padStart(4, '0')}demo`);
/** pX: rated and purchased; pU: rated, reports 1 served of 1; pE: reports 0 served, no capacity; pF: two checks at 0. */
const MINE = { pX: 0, pU: 1, pE: 2, pF: 3 } as const;
const drafts = async (year = Y) => Object.fromEntries((await h.ok('assessments', 'drafts', { year }, ADMIN_TOKEN)).results.map((r: any) => [r.productId, r])) as Record<string, any>;
const finding = (productId: string, method: string, score: number, token: string, extra: Record<string, unknown> = {}) =>
  h.call('assessments', 'recordFinding', { year: Y, productId, method, on: '2026-06-01', score, notes: `${method} 检查情况记录`, ...extra }, token);

beforeAll(async () => {
  h = await startHarness({ seed: true });
  a = await h.applicant('上城区法律援助中心');
  b = await h.applicant('西湖区公证处');
  for (const [productId, i] of Object.entries(MINE))
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[i], i), { productId, declarationId: null, orgId: productId === 'pU' ? b.orgId : a.orgId, documentNumber: `杭司〔2025〕${60 + i}号`, publishedOn: '2025-06-01' }));
  await at('2026-01-20T09:00:00+08:00');
  const { inviteCode, orgId } = await h.ok('admin', 'createInvite', { role: 'purchaser', orgName: '杭州市上城区湖滨街道办事处', unitKind: 'sub-district-office' }, ADMIN_TOKEN);
  unit = { token: await h.citizen(), orgId };
  await h.ok('auth', 'redeemInvite', { code: inviteCode }, unit.token);
  const inv = await h.ok('admin', 'createInvite', { role: 'assessor', orgName: '浙江公评社会评价中心' }, ADMIN_TOKEN);
  assessor = { token: await h.citizen(), orgId: inv.orgId };
  await h.ok('auth', 'redeemInvite', { code: inv.inviteCode }, assessor.token);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('the scheme carries the minimum evidence per grade: the bureau edits it before the campaign opens; a grade without evidence is refused', async () => {
  const { scheme } = await h.ok('assessments', 'scheme', { year: Y });
  expect(scheme.evidence.grades.excellent).toEqual({ minRatings: 30, minMethods: 2, acceptedUse: true });
  const { year: _y, ...body } = defaultScheme(Y);
  const none = { ...body, evidence: { ...body.evidence, grades: { ...body.evidence.grades, pass: { minRatings: 0, minMethods: 0, acceptedUse: false } } } };
  expect(err(await h.call('assessments', 'setScheme', { year: Y, scheme: none, reason: '放宽合格的证据要求' }, ADMIN_TOKEN)).issues).toEqual([
    { path: 'scheme.evidence', message: '合格至少要求一项证据（评价条数、测评方式或核定的服务能力）' },
  ]);
  expect(err(await h.call('assessments', 'setScheme', { year: Y, scheme: { ...body, satisfiedMinLevel: 3 }, reason: '满意率按基本满意计' }, ADMIN_TOKEN)).issues[0]).toEqual({
    path: 'scheme.satisfiedMinLevel',
    message: '满意率全市统一按满意率（满意及以上）计算，测评方案不能另定',
  });
  const set = await h.ok('assessments', 'setScheme', { year: Y, scheme: { ...body, evidence: { ...body.evidence, casesMinRatings: 5 } }, reason: '评价较少的产品也看差评整改' }, ADMIN_TOKEN);
  expect(set.scheme.evidence.casesMinRatings).toBe(5);
  // A scheme sent without the evidence rules (an older client) gets the defaults.
  const { evidence: _e, ...older } = body;
  expect((await h.ok('assessments', 'setScheme', { year: Y + 1, scheme: older, reason: '沿用默认的证据要求' }, ADMIN_TOKEN)).scheme.evidence).toEqual(body.evidence);
  await h.ok('assessments', 'open', { year: Y, title: '2026 年度产品测评', startsOn: '2026-02-01', endsOn: '2026-09-25' }, ADMIN_TOKEN);
  expect((await h.ok('assessments', 'scheme', { year: Y })).scheme.evidence.casesMinRatings).toBe(5);
});

test('a year of evidence: ratings, a purchase and the unit’s opinion, checks, self-reports', async () => {
  await at('2026-05-10T10:00:00+08:00');
  // pX: five ratings, 5 4 3 3 3 — 满意率 (满意及以上) 2 of 5; pU: fifteen at 5 (the city: 17 of 20).
  for (const [productId, level] of [...[5, 4, 3, 3, 3].map((l) => ['pX', l] as const), ...Array.from({ length: 15 }, () => ['pU', 5] as const)]) {
    const { token } = await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-05-10', channel: 'counter' }, productId === 'pU' ? b.token : a.token);
    await h.ok('ratings', 'rate', { token, level }, await h.citizen());
  }
  const up = await h.upload(JPG, unit.token);
  const f = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '采购合同.jpg' }, unit.token);
  const rec = await h.ok('procurement', 'record', { productId: 'pX', from: '2026-03-01', to: '2026-12-31', quantity: 12, amount: 36000, evidence: [{ fileId: f.fileId, name: f.name }] }, unit.token);
  await h.ok('procurement', 'confirm', { procurementId: rec.procurementId, agree: true }, a.token);
  await h.ok('assessments', 'assign', { year: Y, assessorOrgId: assessor.orgId, productIds: ['pX', 'pF'] }, ADMIN_TOKEN);
  await at('2026-06-01T10:00:00+08:00');
  await h.ok('procurement', 'opinion', { year: Y, productId: 'pX', score: 90, notes: '服务及时，群众反映良好' }, unit.token);
  expect((await finding('pX', 'ledger', 88, assessor.token)).status).toBe(200);
  for (const m of ['ledger', 'mystery']) expect((await finding('pF', m, 0, assessor.token)).status).toBe(200);
  // The bureau's two checks on one demo product; the other 33 demo products get nothing, like the demo catalogue.
  expect((await finding(DEMO[0], 'ledger', 90, ADMIN_TOKEN)).status).toBe(200);
  expect((await finding(DEMO[0], 'mystery', 85, ADMIN_TOKEN)).status).toBe(200);
  const report = { year: Y, summary: '全年接待群众咨询并办结援助案件，按时回访服务对象。' };
  await h.ok('assessments', 'selfReport', { ...report, productId: 'pX', servedCount: 400, capacity: 1000 }, a.token);
  await h.ok('assessments', 'selfReport', { ...report, productId: 'pU', servedCount: 1, capacity: 1 }, b.token);
  await h.ok('assessments', 'selfReport', { ...report, productId: 'pE', servedCount: 0 }, a.token);
  await h.ok('assessments', 'acceptCapacity', { year: Y, productId: 'pX', capacity: 1000, reason: '与服务台帐记录的接待能力一致' }, ADMIN_TOKEN);
  const trail = await h.ok('admin', 'auditTrail', { recordId: '2026:pX' }, ADMIN_TOKEN);
  expect(trail.entries.map((e: any) => [e.action, e.change.acceptedCapacity, e.change.reason]).filter((x: any) => x[0] === 'acceptCapacity')).toEqual([['acceptCapacity', 1000, '与服务台帐记录的接待能力一致']]);
});

test('findings form one chain per author: nobody supersedes a purchasing unit’s opinion; one finding in force per author, even at once', async () => {
  const { findings } = await h.ok('assessments', 'findings', { year: Y, productId: 'pX' }, ADMIN_TOKEN);
  const opinion = findings.find((x: any) => x.method === 'purchaser');
  const ledger = findings.find((x: any) => x.method === 'ledger');
  // The fork of issue 21: an assessor "corrects" the unit's opinion (refused), the unit corrects its own (one chain).
  const forked = await finding('pX', 'purchaser', 55, assessor.token, { supersedes: opinion.findingId, reason: '采购单位意见与实际不符' });
  expect([forked.status, err(forked).message]).toEqual([403, '这是采购单位的意见，只能由该采购单位自己更正']);
  const bureau = await finding('pX', 'purchaser', 55, ADMIN_TOKEN, { supersedes: opinion.findingId, reason: '采购单位意见与实际不符' });
  expect(bureau.status).toBe(403);
  const again = await h.ok('procurement', 'opinion', { year: Y, productId: 'pX', score: 80, notes: '补充：下半年响应变慢' }, unit.token);
  const after = (await h.ok('assessments', 'findings', { year: Y, productId: 'pX' }, ADMIN_TOKEN)).findings.filter((x: any) => x.method === 'purchaser');
  expect(after.map((x: any) => [x.score, x.supersededBy])).toEqual([[90, again.findingId], [80, null]]);
  // The assessor's own check of the ledger: a second one beside it is refused (correct the first); nor may the bureau correct it.
  const second = await finding('pX', 'ledger', 60, assessor.token);
  expect([second.status, err(second).message]).toEqual([409, '这个产品的“查看工作台帐”已有您单位的一条记录，如需改动，请更正那一条']);
  expect(err(await finding('pX', 'ledger', 60, ADMIN_TOKEN, { supersedes: ledger.findingId, reason: '复核台帐后更正' })).message).toBe('只有录入这条记录的单位可以更正它');
  // Two corrections of the same finding sent at once: one lands, the other is refused; one chain, one finding in force.
  const both = await Promise.all([90, 95].map((score) => finding('pX', 'ledger', score, assessor.token, { supersedes: ledger.findingId, reason: '补查下半年台帐' })));
  expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  // Two first findings of one method at once: the same.
  const firsts = await Promise.all([90, 95].map((score) => finding('pX', 'mystery', score, assessor.token)));
  expect(firsts.map((r) => r.status).sort()).toEqual([200, 409]);
  const row = (await h.ok('assessments', 'progress', { year: Y }, ADMIN_TOKEN)).rows.find((r: any) => r.productId === 'pX');
  expect([row.findings.ledger, row.findings.mystery, row.findings.purchaser]).toEqual([1, 1, 1]);
  // The assessor's page offers a correction only of its own findings.
  const seen = (await h.ok('assessments', 'findings', { year: Y, productId: 'pX' }, assessor.token)).findings.filter((x: any) => !x.supersededBy);
  expect(seen.map((x: any) => [x.method, x.recordedAs, x.mine]).sort()).toEqual([
    ['ledger', 'assessor', true],
    ['mystery', 'assessor', true],
    ['purchaser', 'purchaser', false],
  ]);
});

test('compute: nothing is 优秀 or 不合格 for want of data; 1 of 1 is not 100; 证据不足 says what is missing', async () => {
  await at('2026-09-29T10:00:00+08:00');
  const computed = await h.ok('assessments', 'compute', { year: Y }, ADMIN_TOKEN);
  // 33 demo products with nothing, pE with nothing, pU with a report only: 证据不足.
  expect([computed.computed, computed.insufficient]).toEqual([38, 35]);
  const r = await drafts();
  expect(Object.values(r).filter((x: any) => x.grade === 'fail').map((x: any) => x.productId)).toEqual(['pF']);
  expect(Object.values(r).filter((x: any) => x.grade === 'excellent')).toEqual([]);
  for (const id of DEMO.slice(1)) expect([id, r[id].grade, r[id].insufficient, r[id].evidence]).toEqual([id, null, true, { ratings: 0, findings: 0, methods: [], use: 'none', measuredScore: null }]);
  // The empty product: a report of 0 served, no capacity, no ratings, no findings — not 优秀 100, 证据不足.
  expect([r.pE.grade, r.pE.insufficient, r.pE.score === 100]).toEqual([null, true, false]);
  expect(r.pE.shortfalls).toEqual([{ grade: 'pass', methods: { have: 0, need: 1 } }]);
  // 1 served of a capacity of 1, not accepted: the city's use (400 + 10·0.4) / 1010 = 40, not 100.
  const useOf = (x: any) => x.components.find((c: any) => c.key === 'use');
  expect(useOf(r.pU)).toMatchObject({ score: 40, missing: true, inputs: { servedCount: 1, reportedCapacity: 1 } });
  // The demo product the bureau checked twice: 合格 on two methods (no ratings for 良好).
  expect([r[DEMO[0]].grade, r[DEMO[0]].evidence.methods]).toEqual(['pass', ['ledger', 'mystery']]);
  // pF: checked twice at 0 — a 不合格 that stands on its evidence.
  expect([r.pF.scoreGrade, r.pF.grade, r.pF.evidence.methods]).toEqual(['fail', 'fail', ['ledger', 'mystery']]);
  // pX: 5 ratings (2 satisfied), opinion 80, ledger, mystery: 合格 — not 良好 on 5 ratings.
  expect([r.pX.grade, r.pX.evidence]).toEqual(['pass', { ratings: 5, findings: 3, methods: ['ledger', 'mystery', 'purchaser'], use: 'accepted', measuredScore: expect.any(Number) }]);
  expect(r.pX.satisfaction).toMatchObject({ n: 5, satisfied: 2 });

  // Accepted as 1: still near the city's level, now (400 + 1) / 1001 → (1 + 10·0.4006) / 11 = 45.51 — and audited.
  await h.ok('assessments', 'acceptCapacity', { year: Y, productId: 'pU', capacity: 1, reason: '该服务每年仅一次集中培训' }, ADMIN_TOKEN);
  await h.ok('assessments', 'compute', { year: Y }, ADMIN_TOKEN);
  expect(useOf((await drafts()).pU)).toMatchObject({ score: 45.51, missing: false, inputs: { capacity: 1 } });
});

test('confirm is refused while any product lacks a decision, naming how many and which; decisions are bounded and audited', async () => {
  // The first ten undecided, in the campaign's order, then 等.
  const rows = (await h.ok('assessments', 'progress', { year: Y }, ADMIN_TOKEN)).rows.filter((x: any) => x.result.insufficient && !x.result.decision);
  expect(rows).toHaveLength(35);
  const refused = await h.call('assessments', 'confirm', { year: Y, reason: '测评结果经审议确认' }, ADMIN_TOKEN);
  expect([refused.status, err(refused).message]).toEqual([
    409,
    `还有 35 个产品证据不足、尚未决定：${rows.slice(0, 10).map((x: any) => `“${x.name}”`).join('、')} 等。请逐个决定（按现有证据定等次、沿用上年等次或本年度不定等次）后再确认`,
  ]);
  // The bureau's choices, bounded.
  const noReason = await h.call('assessments', 'decideInsufficient', { year: Y, productId: 'pE', decision: 'no-grade', reason: '无' }, ADMIN_TOKEN);
  expect(err(noReason).issues).toEqual([{ path: 'reason', message: '请写明决定理由（至少 5 个字）' }]);
  expect(err(await h.call('assessments', 'decideInsufficient', { year: Y, productId: 'pE', decision: 'pass', reason: '直接评为合格' }, ADMIN_TOKEN)).issues[0].path).toBe('decision');
  expect((await h.call('assessments', 'decideInsufficient', { year: Y, productId: 'pE', decision: 'no-grade', reason: '全年没有开展服务' }, a.token)).status).toBe(403);
  const carry = await h.call('assessments', 'decideInsufficient', { year: Y, productId: 'pE', decision: 'carry-over', reason: '沿用以前的等次' }, ADMIN_TOKEN);
  expect([carry.status, err(carry).message]).toEqual([409, `“${DEMO_PRODUCTS[2].name}”以前年度没有公布的等次，不能沿用`]);
  const enough = await h.call('assessments', 'decideInsufficient', { year: Y, productId: 'pX', decision: 'no-grade', reason: '不定等次的决定' }, ADMIN_TOKEN);
  expect([enough.status, err(enough).message]).toEqual([409, `“${DEMO_PRODUCTS[0].name}”的证据足以评定等次，不需要另作决定`]);
  // 按现有证据: the score's grade (pE's score is at the city's level).
  const graded = await h.ok('assessments', 'decideInsufficient', { year: Y, productId: 'pE', decision: 'grade', reason: '服务对象少，按现有情况定等次' }, ADMIN_TOKEN);
  expect(graded.grade).toBe(graded.scoreGrade);
  expect(graded.decision).toMatchObject({ decision: 'grade', reason: '服务对象少，按现有情况定等次', basis: { score: graded.score } });
  // Changed before confirming; both audited with their reasons.
  await h.ok('assessments', 'decideInsufficient', { year: Y, productId: 'pE', decision: 'no-grade', reason: '全年实际没有开展服务' }, ADMIN_TOKEN);
  const trail = await h.ok('admin', 'auditTrail', { recordId: '2026:pE' }, ADMIN_TOKEN);
  expect(trail.entries.filter((e: any) => e.action === 'decideInsufficient').map((e: any) => [e.change.decision, e.change.reason])).toEqual([
    ['grade', '服务对象少，按现有情况定等次'],
    ['no-grade', '全年实际没有开展服务'],
  ]);
  for (const id of [...DEMO.slice(1), 'pU']) await h.ok('assessments', 'decideInsufficient', { year: Y, productId: id, decision: 'no-grade', reason: '本年度没有测评记录，不定等次' }, ADMIN_TOKEN);

  // A recompute on changed evidence drops that product's decision: pE's capacity is accepted, so it is asked again;
  // pU's score moves a little with the city's use, within its grade, and its decision stands.
  await h.ok('assessments', 'acceptCapacity', { year: Y, productId: 'pE', capacity: 50, reason: '按场地和人员核定服务能力' }, ADMIN_TOKEN);
  await h.ok('assessments', 'compute', { year: Y }, ADMIN_TOKEN);
  const r = await drafts();
  expect([r.pE.decision, r.pU.decision?.decision]).toEqual([null, 'no-grade']);
  const again = await h.call('assessments', 'confirm', { year: Y, reason: '测评结果经审议确认' }, ADMIN_TOKEN);
  expect(err(again).message).toBe(`还有 1 个产品证据不足、尚未决定：“${DEMO_PRODUCTS[2].name}”。请逐个决定（按现有证据定等次、沿用上年等次或本年度不定等次）后再确认`);
  await h.ok('assessments', 'decideInsufficient', { year: Y, productId: 'pE', decision: 'no-grade', reason: '全年实际没有开展服务' }, ADMIN_TOKEN);
  expect((await h.ok('assessments', 'confirm', { year: Y, reason: '测评结果经审议确认' }, ADMIN_TOKEN)).status).toBe('confirmed');
  await h.ok('assessments', 'publish', { year: Y, documentNumber: '杭司〔2026〕200号', reason: '经局务会审定后公布' }, ADMIN_TOKEN);
});

test('published: no product on the 不合格 list or proposed for exit for want of data; the evidence beside every grade', async () => {
  const list = await h.ok('supervision', 'publicList', { year: Y });
  expect(list.failed.map((x: any) => [x.productId, x.evidence])).toEqual([['pF', '基于 2 次检查；本年度没有群众评价，没有自评报告']]);
  const proposal = await h.ok('supervision', 'propose', { year: Y }, ADMIN_TOKEN);
  expect(proposal.lines.filter((l: any) => l.action === 'exit').map((l: any) => l.productId)).toEqual(['pF']);
  expect((await h.searchAll({ grade: 'fail' })).map((p) => p.productId)).toEqual(['pF']);

  const { items } = await h.ok('assessments', 'results', { year: Y });
  const x = items.find((i: any) => i.productId === 'pX');
  expect(x).toMatchObject({ grade: 'pass', evidence: { ratings: 5, findings: 3, use: 'accepted' }, decision: null });
  const demo = items.find((i: any) => i.productId === DEMO[1]);
  expect(demo).toMatchObject({ grade: null, decision: { decision: 'no-grade' }, evidence: { ratings: 0, findings: 0 } });
  // The product page's history and timeline, the provider page: the grade with what it rests on.
  const history = (await h.ok('assessments', 'productHistory', { productId: 'pX' })).history;
  expect(history).toEqual([expect.objectContaining({ year: Y, grade: 'pass', evidence: { ratings: 5, findings: 3, methods: ['ledger', 'mystery', 'purchaser'], use: 'accepted', measuredScore: expect.any(Number) } })]);
  const timeline = (await h.ok('catalogue', 'timeline', { productId: 'pX' })).events.find((e: any) => e.kind === 'assessed');
  expect(timeline.text).toBe(`2026 年度专项测评：合格，${x.score} 分（基于 5 条评价、3 次检查）`);
  expect((await h.ok('catalogue', 'timeline', { productId: 'pE' })).events.find((e: any) => e.kind === 'assessed').text).toMatch(/^2026 年度专项测评：证据不足，本年度不定等次（本年度没有群众评价，没有检查记录）$/);
  const provider = await h.ok('supervision', 'provider', { orgId: a.orgId });
  expect(provider.products.find((p: any) => p.productId === 'pX').grades).toEqual([{ year: Y, grade: 'pass', gradeLabel: '合格', score: x.score, evidence: '基于 5 条评价、3 次检查', documentNumber: '杭司〔2026〕200号' }]);
  expect(provider.products.find((p: any) => p.productId === 'pE').grades).toEqual([
    { year: Y, grade: null, gradeLabel: '证据不足，本年度不定等次', score: null, evidence: '本年度没有群众评价，没有检查记录', documentNumber: '杭司〔2026〕200号' },
  ]);
  // No grade this year: the product shows none.
  expect((await h.ok('catalogue', 'get', { productId: DEMO[1] })).grade).toBeUndefined();
});

test('one 满意率 everywhere: the product page, the rating summary, the provider page, the published result and the low-satisfaction list agree', async () => {
  const product = await h.ok('catalogue', 'get', { productId: 'pX' });
  expect(product.rating).toEqual({ count: 5, satisfactionRate: 0.4 });
  expect((await h.ok('ratings', 'summary', { productId: 'pX' })).satisfactionRate).toBe(0.4);
  const provider = await h.ok('supervision', 'provider', { orgId: a.orgId });
  expect([provider.satisfaction, provider.products.find((p: any) => p.productId === 'pX').rating]).toEqual([
    { count: 5, satisfactionRate: 0.4 },
    { count: 5, satisfactionRate: 0.4 },
  ]);
  const x = (await h.ok('assessments', 'results', { year: Y })).items.find((i: any) => i.productId === 'pX');
  expect(x.satisfaction).toMatchObject({ rate: 0.4, satisfied: 2 });
  // The shrunk share the score used is named apart from it (and differs).
  expect(x.satisfaction.adjusted).not.toBe(0.4);
  const list = await h.ok('supervision', 'publicList', { year: Y });
  expect(list.lowSatisfaction).toEqual([{ orgId: a.orgId, name: '上城区法律援助中心', satisfactionRate: 0.4, ratings: 5, reason: '机构满意率 40%，低于 80%' }]);
});

test('the next year: 沿用 carries an earned grade (never a 不合格, never a carried one); 按现有证据 never makes a 不合格', async () => {
  await at('2027-01-10T09:00:00+08:00');
  await h.ok('assessments', 'open', { year: Y + 1, title: '2027 年度产品测评', startsOn: '2027-01-10', endsOn: '2027-09-25' }, ADMIN_TOKEN);
  await h.ok('assessments', 'assign', { year: Y + 1, assessorOrgId: assessor.orgId, productIds: ['pX'] }, ADMIN_TOKEN);
  await at('2027-03-01T09:00:00+08:00');
  expect((await h.call('assessments', 'recordFinding', { year: Y + 1, productId: 'pX', method: 'mystery', on: '2027-03-01', score: 0, notes: '暗访时服务点关闭' }, assessor.token)).status).toBe(200);
  await h.ok('assessments', 'compute', { year: Y + 1 }, ADMIN_TOKEN);
  const r = await drafts(Y + 1);
  // pX: one check at 0 and nothing else — the score is 不合格, one method is not 不合格's evidence: 证据不足.
  expect([r.pX.scoreGrade, r.pX.grade, r.pX.insufficient]).toEqual(['fail', null, true]);
  const asGraded = await h.call('assessments', 'decideInsufficient', { year: Y + 1, productId: 'pX', decision: 'grade', reason: '按现有检查结果定等次' }, ADMIN_TOKEN);
  expect([asGraded.status, err(asGraded).message]).toEqual([
    409,
    `“${DEMO_PRODUCTS[0].name}”的得分为不合格，但证据不足（不合格需要至少 2 种测评方式的记录（现有 1 种））：不合格必须有证据，不能按现有证据定为不合格，可以沿用上年等次或本年度不定等次`,
  ]);
  const failCarried = await h.call('assessments', 'decideInsufficient', { year: Y + 1, productId: 'pF', decision: 'carry-over', reason: '沿用上年的等次' }, ADMIN_TOKEN);
  expect([failCarried.status, err(failCarried).message]).toEqual([409, `“${DEMO_PRODUCTS[3].name}”2026 年度为不合格：不合格必须有本年度的证据，不能沿用`]);
  // Carried: the 2026 合格 with its score; the product shows where it came from.
  const carried = await h.ok('assessments', 'decideInsufficient', { year: Y + 1, productId: 'pX', decision: 'carry-over', reason: '暗访当日系临时停电，沿用上年等次' }, ADMIN_TOKEN);
  const x2026 = (await h.ok('assessments', 'productHistory', { productId: 'pX' })).history[0];
  expect([carried.grade, carried.decision.carried]).toEqual(['pass', { year: Y, grade: 'pass', score: x2026.score }]);
  for (const id of Object.values(await drafts(Y + 1)).filter((d: any) => d.insufficient && !d.decision).map((d: any) => d.productId))
    await h.ok('assessments', 'decideInsufficient', { year: Y + 1, productId: id, decision: 'no-grade', reason: '本年度没有测评记录，不定等次' }, ADMIN_TOKEN);
  await h.ok('assessments', 'confirm', { year: Y + 1, reason: '测评结果经审议确认' }, ADMIN_TOKEN);
  await h.ok('assessments', 'publish', { year: Y + 1, documentNumber: '杭司〔2027〕200号', reason: '经局务会审定后公布' }, ADMIN_TOKEN);
  expect((await h.ok('catalogue', 'get', { productId: 'pX' })).grade).toEqual({ year: Y + 1, grade: 'pass', score: x2026.score, carriedFrom: Y });
  expect((await h.ok('assessments', 'productHistory', { productId: 'pX' })).history[0]).toMatchObject({ year: Y + 1, grade: 'pass', decision: { decision: 'carry-over', carried: { year: Y } } });
  // pF kept its 2026 不合格 on the catalogue (no grade in 2027), and 2027 proposes nothing for want of data.
  expect((await h.ok('catalogue', 'get', { productId: 'pF' })).grade).toMatchObject({ year: Y, grade: 'fail' });
  expect((await h.ok('supervision', 'propose', { year: Y + 1 }, ADMIN_TOKEN)).lines.filter((l: any) => l.action === 'exit')).toEqual([]);
});
