/**
 * Issue 11: a whole assessment campaign through the real server — scheme, open, assign, findings by all six methods
 * (with a photo), self-reports, compute, appeals (accepted, rejected, after the deadline across a holiday), confirm,
 * publish; the public results, the product's grade and history; who may not; bad inputs; nothing half-written.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { defaultScheme } from '../../types/assessment';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let a: { token: string; orgId: string };
let b: { token: string; orgId: string };
let assessor: { token: string; orgId: string };
const Y = 2026;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]); // a whole JPEG: start and end markers (issue 10)
const err = (res: { body: any }) => res.body.error;
const count = (collection: string) => h.app.store.count(collection);

beforeAll(async () => {
  h = await startHarness();
  a = await h.applicant('上城区法律援助中心');
  b = await h.applicant('西湖区公证处');
  const products: [string, string | null, string][] = [
    ['pA1', a.orgId, '2025-03-01'],
    ['pA2', a.orgId, '2025-04-01'],
    ['pA3', a.orgId, '2025-05-01'],
    ['pB1', b.orgId, '2025-06-01'],
    ['pLate', b.orgId, '2026-03-01'],
  ];
  for (const [i, [productId, orgId, publishedOn]] of products.entries())
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[i], i), { productId, declarationId: null, orgId, documentNumber: `杭司〔2025〕${20 + i}号`, publishedOn }));
  // The 2026 National Day holiday as the State Council published it, entered by the bureau.
  await h.ok('publicity', 'setCalendar', { year: Y, holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] }, ADMIN_TOKEN);
  await at('2026-01-20T09:00:00+08:00');
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('the scheme: public, changed by the bureau before the campaign opens (audited), refused when wrong', async () => {
  const { scheme, fixed } = await h.ok('assessments', 'scheme', { year: Y });
  expect([scheme.thresholds, fixed]).toEqual([{ excellent: 90, good: 80, pass: 60 }, false]);
  const { year: _y, ...body } = defaultScheme(Y);
  const bad = { ...body, indicators: body.indicators.map((i) => (i.key === 'use' ? { ...i, weight: 20 } : i)) };
  const refused = await h.call('assessments', 'setScheme', { year: Y, scheme: bad, reason: '调整使用情况权重' }, ADMIN_TOKEN);
  expect(err(refused).issues).toEqual([{ path: 'scheme.indicators', message: '各项指标权重之和应为 100，现为 110' }]);
  expect((await h.call('assessments', 'setScheme', { year: Y, scheme: body, reason: '调整先验强度' }, a.token)).status).toBe(403);
  const set = await h.ok('assessments', 'setScheme', { year: Y, scheme: { ...body, priorStrength: 10 }, reason: '按 2026 年方案调整先验强度' }, ADMIN_TOKEN);
  expect(set.scheme.priorStrength).toBe(10);
  const trail = await h.ok('admin', 'auditTrail', { recordId: String(Y) }, ADMIN_TOKEN);
  expect(trail.entries.map((e: any) => [e.action, e.change.reason])).toEqual([['setScheme', '按 2026 年方案调整先验强度']]);
});

test('opening scopes every product listed on the first day; the scheme is then fixed', async () => {
  const bad = await h.call('assessments', 'open', { year: Y, title: '2026 年度产品测评', startsOn: '2026-02-01', endsOn: '2026-01-31' }, ADMIN_TOKEN);
  expect(err(bad).issues).toEqual([{ path: 'endsOn', message: '结束日期不能早于开始日期' }]);
  const c = await h.ok('assessments', 'open', { year: Y, title: '2026 年度产品测评', startsOn: '2026-02-01', endsOn: '2026-09-25' }, ADMIN_TOKEN);
  expect(c).toMatchObject({ status: 'open', products: 4 });
  expect((await h.call('assessments', 'open', { year: Y, title: '2026 年度产品测评', startsOn: '2026-02-01', endsOn: '2026-09-25' }, ADMIN_TOKEN)).status).toBe(409);
  const { year: _y, ...body } = defaultScheme(Y);
  expect((await h.call('assessments', 'setScheme', { year: Y, scheme: body, reason: '开始后再改方案' }, ADMIN_TOKEN)).status).toBe(409);
  expect(await h.ok('assessments', 'scheme', { year: Y })).toMatchObject({ fixed: true, scheme: { priorStrength: 10 } });
  const progress = await h.ok('assessments', 'progress', { year: Y }, ADMIN_TOKEN);
  expect(progress.rows.map((r: any) => r.productId)).toEqual(['pA1', 'pA2', 'pA3', 'pB1']);
});

test('an assessor is invited and assigned products; it sees only those', async () => {
  const invite = await h.ok('admin', 'createInvite', { role: 'assessor', orgName: '浙江公评社会评价中心' }, ADMIN_TOKEN);
  const token = await h.citizen();
  const me = await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, token);
  expect(me.roles).toEqual(['citizen', 'assessor']);
  assessor = { token, orgId: invite.orgId };
  expect(err(await h.call('admin', 'createInvite', { role: 'admin', orgName: '某单位' }, ADMIN_TOKEN)).issues[0].path).toBe('role');
  const outside = await h.call('assessments', 'assign', { year: Y, assessorOrgId: assessor.orgId, productIds: ['pA1', 'pLate'] }, ADMIN_TOKEN);
  expect(err(outside).issues).toEqual([{ path: 'productIds.1', message: '这个产品不在本年度测评范围内' }]);
  expect((await h.call('assessments', 'assign', { year: Y, assessorOrgId: assessor.orgId, productIds: ['pA1'] }, assessor.token)).status).toBe(403);
  await h.ok('assessments', 'assign', { year: Y, assessorOrgId: assessor.orgId, productIds: ['pA1', 'pA2'] }, ADMIN_TOKEN);
  const res = await h.ok('assessments', 'assign', { year: Y, assessorOrgId: assessor.orgId, productIds: ['pB1'] }, ADMIN_TOKEN);
  expect(res.productIds).toEqual(['pA1', 'pA2', 'pB1']);
  const mine = await h.ok('assessments', 'myProducts', { year: Y }, assessor.token);
  expect(mine.products.map((p: any) => p.productId)).toEqual(['pA1', 'pA2', 'pB1']);
});

test('ratings over the year feed the per-year summary (and a bad rating’s case, handled on time)', async () => {
  await at('2026-06-10T10:00:00+08:00');
  const rate = async (productId: string, level: number, provider: string) => {
    const { token } = await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-06-10', channel: 'counter' }, provider);
    return h.ok('ratings', 'rate', { token, level, dimensions: productId === 'pA1' ? { attitude: level } : {} }, await h.citizen());
  };
  for (const level of [5, 5, 4]) await rate('pA1', level, a.token);
  const bad = await rate('pA2', 2, a.token);
  await rate('pA2', 3, a.token);
  await h.ok('ratings', 'respondCase', { caseId: bad.caseId, callbackOn: '2026-06-10', callbackNote: '已电话回访当事人，说明情况', fix: '增加值班律师，缩短等待' }, a.token);
  const s = await h.ok('ratings', 'summary', { productId: 'pA2', year: Y });
  expect([s.count, s.cases.opened, s.cases.respondedOnTime]).toEqual([2, 1, 1]);
});

test('findings by all six methods, with a photo; a correction supersedes with a reason', async () => {
  await at('2026-07-15T10:00:00+08:00');
  const up = await h.upload(JPG, assessor.token);
  expect(up.status).toBe(200);
  const photo = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '台账现场.jpg' }, assessor.token);
  const record = (productId: string, method: string, score: number, token = assessor.token, extra: Record<string, unknown> = {}) =>
    h.ok('assessments', 'recordFinding', { year: Y, productId, method, on: '2026-07-15', score, notes: `${method} 检查情况记录`, ...extra }, token);
  const ledger = await record('pA1', 'ledger', 60, assessor.token, { evidence: [{ fileId: photo.fileId, name: photo.name }], checked: ['complete'] });
  expect(ledger.evidence).toEqual([{ fileId: photo.fileId, name: '台账现场.jpg' }]);
  for (const [m, s] of [['case-files', 90], ['phone-callback', 95], ['third-party', 88], ['mystery', 92]] as const) await record('pA1', m, s);
  // 听取采购单位意见: the bureau records it for now.
  await record('pA1', 'purchaser', 80, ADMIN_TOKEN);
  const noReason = await h.call('assessments', 'recordFinding', { year: Y, productId: 'pA1', method: 'ledger', on: '2026-07-15', score: 85, notes: '复查台帐记录', supersedes: ledger.findingId }, assessor.token);
  expect(err(noReason).issues).toEqual([{ path: 'reason', message: '更正以前的记录，请写明更正理由（至少 5 个字）' }]);
  const fixed = await record('pA1', 'ledger', 85, assessor.token, { supersedes: ledger.findingId, reason: '补充查阅了下半年台帐' });
  expect(fixed.supersedes).toBe(ledger.findingId);
  expect((await h.call('assessments', 'recordFinding', { year: Y, productId: 'pA1', method: 'ledger', on: '2026-07-15', score: 70, notes: '再次更正记录', supersedes: ledger.findingId, reason: '再次更正同一条' }, assessor.token)).status).toBe(409);
  await record('pB1', 'phone-callback', 70);
  const list = await h.ok('assessments', 'findings', { year: Y, productId: 'pA1' }, assessor.token);
  expect(list.findings.find((f: any) => f.findingId === ledger.findingId).supersededBy).toBe(fixed.findingId);
  const row = (await h.ok('assessments', 'progress', { year: Y }, ADMIN_TOKEN)).rows.find((r: any) => r.productId === 'pA1');
  expect(row.findings).toEqual({ ledger: 1, 'case-files': 1, 'phone-callback': 1, 'third-party': 1, mystery: 1, purchaser: 1 });
});

test('who may not record: an assessor on an unassigned product, a provider, a citizen', async () => {
  const f = { year: Y, productId: 'pA3', method: 'mystery', on: '2026-07-15', score: 50, notes: '暗访记录情况' };
  const before = await count('assessmentFindings');
  expect(err(await h.call('assessments', 'recordFinding', f, assessor.token))).toMatchObject({ code: 'FORBIDDEN', message: '这个产品没有分配给您的单位测评' });
  expect((await h.call('assessments', 'findings', { year: Y, productId: 'pA3' }, assessor.token)).status).toBe(403);
  expect((await h.call('assessments', 'recordFinding', { ...f, productId: 'pA1' }, a.token)).status).toBe(403);
  expect((await h.call('assessments', 'recordFinding', { ...f, productId: 'pA1' }, await h.citizen())).status).toBe(403);
  expect((await h.call('assessments', 'progress', { year: Y }, assessor.token)).status).toBe(403);
  expect(await count('assessmentFindings')).toBe(before);
});

test('bad findings get field errors and leave nothing written', async () => {
  const f = { year: Y, productId: 'pA1', method: 'ledger', on: '2026-07-15', score: 80, notes: '台帐检查记录' };
  const before = [await count('assessmentFindings'), await count('audit')];
  const issues = async (patch: Record<string, unknown>) => err(await h.call('assessments', 'recordFinding', { ...f, ...patch }, assessor.token)).issues;
  expect((await issues({ method: 'survey' }))[0].path).toBe('method');
  expect(await issues({ score: 101 })).toEqual([{ path: 'score', message: '得分应在 0 到 100 之间' }]);
  expect(await issues({ productId: 'pLate' })).toEqual([{ path: 'productId', message: '这个产品不在本年度测评范围内' }]);
  expect(await issues({ on: '2026-08-01' })).toEqual([{ path: 'on', message: '测评日期应在测评年度内且不晚于今天' }]);
  expect(await issues({ checked: ['no-such-item'] })).toEqual([{ path: 'checked.0', message: '这一项不在该测评方式的检查清单中' }]);
  expect(await issues({ evidence: [{ fileId: 'local://nowhere.jpg', name: '照片.jpg' }] })).toEqual([{ path: 'evidence.0.fileId', message: '附件“照片.jpg”没有上传成功，请重新上传' }]);
  // A provider's file is not the assessor's evidence.
  const up = await h.upload(JPG, a.token);
  const theirs = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '单位照片.jpg' }, a.token);
  expect((await issues({ evidence: [{ fileId: theirs.fileId, name: '单位照片.jpg' }] }))[0].path).toBe('evidence.0.fileId');
  expect([await count('assessmentFindings'), await count('audit')]).toEqual([before[0], before[1] + 1]); // only the provider's file registration
});

test('self-reports: the providing organisation only, before the campaign ends', async () => {
  const report = { year: Y, productId: 'pA1', servedCount: 800, capacity: 1000, summary: '全年接待群众咨询 800 人次，办结援助案件 120 件，满意率 96%。' };
  expect((await h.call('assessments', 'selfReport', report, b.token)).status).toBe(403);
  expect((await h.call('assessments', 'selfReport', report, assessor.token)).status).toBe(403);
  expect(err(await h.call('assessments', 'selfReport', { ...report, servedCount: -1 }, a.token)).issues[0].path).toBe('servedCount');
  expect((await h.ok('assessments', 'selfReport', report, a.token)).servedCount).toBe(800);
  await h.ok('assessments', 'selfReport', { ...report, productId: 'pB1', servedCount: 300, capacity: 300 }, b.token);
  // Issue 21: usage counts only against a capacity the bureau accepts (here pA1's; pB1's stays unaccepted), with a reason.
  expect(err(await h.call('assessments', 'acceptCapacity', { year: Y, productId: 'pA1', capacity: 1000, reason: '核' }, ADMIN_TOKEN)).issues).toEqual([{ path: 'reason', message: '请写明核定理由（至少 5 个字）' }]);
  expect((await h.call('assessments', 'acceptCapacity', { year: Y, productId: 'pA1', capacity: 1000, reason: '与台帐记录的接待能力一致' }, a.token)).status).toBe(403);
  expect(err(await h.call('assessments', 'acceptCapacity', { year: Y, productId: 'pA2', capacity: 1000, reason: '与台帐记录的接待能力一致' }, ADMIN_TOKEN)).message).toMatch(/还没有提交自评报告，不能核定服务能力$/);
  expect(await h.ok('assessments', 'acceptCapacity', { year: Y, productId: 'pA1', capacity: 1000, reason: '与台帐记录的接待能力一致' }, ADMIN_TOKEN)).toEqual({ productId: 'pA1', servedCount: 800, reportedCapacity: 1000, acceptedCapacity: 1000 });
  // Rewriting only the summary keeps the acceptance.
  await h.ok('assessments', 'selfReport', { ...report, summary: `${report.summary}补充：全年开展普法讲座 12 场。` }, a.token);
  expect((await h.ok('assessments', 'progress', { year: Y }, ADMIN_TOKEN)).rows.find((r: any) => r.productId === 'pA1').selfReport).toMatchObject({ servedCount: 800, capacity: 1000, accepted: { capacity: 1000, reason: '与台帐记录的接待能力一致' } });
  await at('2026-09-26T10:00:00+08:00');
  expect(err(await h.call('assessments', 'selfReport', { ...report, productId: 'pA3' }, a.token))).toMatchObject({ code: 'CONFLICT', message: '自评报告应在 2026-09-25 前提交，现已截止' });
});

test('compute: drafts per product with every component and its inputs, unmeasured parts at the city’s level, grades by evidence; the appeal window crosses the holiday', async () => {
  await at('2026-09-29T10:00:00+08:00');
  const computed = await h.ok('assessments', 'compute', { year: Y }, ADMIN_TOKEN);
  // City rate: pA1 3 of 3 at 满意 or better, pA2 0 of 2 → 0.6. Window: 9-30, (10-1…10-7 off), 10-8, 10-9, 10-10 (调休), 10-12.
  expect(computed).toEqual({ computed: 4, insufficient: 2, cityRate: 0.6, appealBy: '2026-10-12' });
  const { results } = await h.ok('assessments', 'drafts', { year: Y }, ADMIN_TOKEN);
  const r = Object.fromEntries(results.map((x: any) => [x.productId, x]));
  // pA1: satisfaction (3 + 10·0.6) / 13 = 69.23; inspection (85·20 + 90·20 + 95·15 + 88·20 + 92·15 + 80·10)/100 = 88.65;
  // cases: 3 ratings could hardly show a bad one → the city's on-time share, 100; use (800 + 10·0.8) / 1010 = 80 on the accepted 1,000.
  const c1 = Object.fromEntries(r.pA1.components.map((c: any) => [c.key, c]));
  expect(c1.satisfaction).toMatchObject({ score: 69.23, inputs: { ratings: 3, satisfied: 3, cityRate: 0.6, summaryId: 'pA1:2026', dimensionMeans: { efficiency: null, competence: null, attitude: 4.67 } } });
  expect(c1.inspection.score).toBe(88.65);
  expect(c1['inspection.ledger'].inputs.findingIds).toHaveLength(1);
  expect(c1.cases).toMatchObject({ score: 100, missing: true, inputs: { cityLevel: 100 } });
  expect(c1.use).toMatchObject({ score: 80, missing: false, inputs: { servedCount: 800, capacity: 1000 } });
  // 81.15 reaches 良好, but 3 ratings are not the 20 良好 needs: 合格, and it says why.
  expect([r.pA1.score, r.pA1.scoreGrade, r.pA1.grade, r.pA1.insufficient, r.pA1.status, r.pA1.satisfaction.n]).toEqual([81.15, 'good', 'pass', false, 'draft', 3]);
  expect(r.pA1.shortfalls).toEqual([{ grade: 'good', ratings: { have: 3, need: 20 } }]);
  // Measured alone (cases stood at the city's level): (69.23·40 + 88.65·40 + 80·10) / 90 = 79.06.
  expect(r.pA1.evidence).toEqual({ ratings: 3, findings: 6, methods: ['ledger', 'case-files', 'phone-callback', 'third-party', 'mystery', 'purchaser'], use: 'accepted', measuredScore: 79.06 });
  expect(r.pA1.methodsUsed).toHaveLength(6);
  // pA2: no findings — every method at the city's mean (phone-callback: pA1's 95 and pB1's 70 → 82.5) → 86.78, not dropped;
  // satisfaction (0 + 6) / 12 = 50; cases 1 of 1 on time; no report → use at the city's 80. 72.71, and no method: 证据不足.
  expect(r.pA2.components.find((c: any) => c.key === 'inspection')).toMatchObject({ score: 86.78, missing: true, effectiveWeight: 40 });
  expect(r.pA2.components.find((c: any) => c.key === 'use')).toMatchObject({ score: 80, missing: true });
  expect([r.pA2.score, r.pA2.grade, r.pA2.insufficient]).toEqual([72.71, null, true]);
  // pB1: one method (70) → 合格; its 300 of 300 is not accepted, so use stands at the city's 80, not 100.
  expect(r.pB1.components.find((c: any) => c.key === 'use')).toMatchObject({ score: 80, missing: true, inputs: { servedCount: 300, reportedCapacity: 300 } });
  expect([r.pB1.score, r.pB1.grade]).toEqual([75.96, 'pass']);
  // pA3: nothing at all — the city's level everywhere (76.71), never a grade: 证据不足, with what is missing.
  expect([r.pA3.score, r.pA3.grade, r.pA3.insufficient]).toEqual([76.71, null, true]);
  expect(r.pA3.shortfalls).toEqual([{ grade: 'pass', methods: { have: 0, need: 1 } }]);
  const row = (await h.ok('assessments', 'progress', { year: Y }, ADMIN_TOKEN)).rows.find((x: any) => x.productId === 'pA3');
  expect(row.result).toMatchObject({ insufficient: true, grade: null, decision: null, shortfalls: [{ grade: 'pass', methods: { have: 0, need: 1 } }] });
});

test('the provider sees its own drafts only, and appeals within five working days; after them, CONFLICT', async () => {
  const mineA = await h.ok('assessments', 'mine', { year: Y }, a.token);
  expect(mineA.results.map((x: any) => x.productId).sort()).toEqual(['pA1', 'pA2', 'pA3']);
  expect(mineA.products.map((p: any) => [p.productId, p.selfReported])).toEqual([['pA1', true], ['pA2', false], ['pA3', false]]);
  expect((await h.ok('assessments', 'mine', { year: Y }, b.token)).results.map((x: any) => x.productId)).toEqual(['pB1']);
  // 10-09 is after five calendar-naive working days (10-06) but inside the window because of the holiday.
  await at('2026-10-09T16:00:00+08:00');
  const appeal = { year: Y, productId: 'pA2', reason: '暗访当天系节假日调休，服务点按公告正常开放，请复核。' };
  expect((await h.call('assessments', 'appeal', appeal, b.token)).status).toBe(403);
  expect((await h.call('assessments', 'appeal', { ...appeal, reason: '不服' }, a.token)).status).toBe(400);
  const accepted = await h.ok('assessments', 'appeal', appeal, a.token);
  expect(accepted).toMatchObject({ appealId: '2026:pA2', status: 'pending', productName: expect.any(String) });
  expect((await h.call('assessments', 'appeal', appeal, a.token)).status).toBe(409);
  await h.ok('assessments', 'appeal', { ...appeal, productId: 'pA3' }, a.token);
  await at('2026-10-13T09:00:00+08:00');
  expect(err(await h.call('assessments', 'appeal', { ...appeal, productId: 'pB1' }, b.token))).toMatchObject({ code: 'CONFLICT', message: '申诉期已于 2026-10-12 结束' });
});

test('appeals decided: accepted adds a finding and recomputes; rejected leaves the draft; confirm waits for both', async () => {
  expect((await h.call('assessments', 'confirm', { year: Y, reason: '申诉已全部处理，结果确认' }, ADMIN_TOKEN)).status).toBe(409);
  const noFinding = await h.call('assessments', 'decideAppeal', { appealId: '2026:pA2', accepted: true, reason: '经复核，申诉理由成立' }, ADMIN_TOKEN);
  expect(err(noFinding).issues).toEqual([{ path: 'finding', message: '采纳申诉时，请录入复核后的测评记录' }]);
  expect((await h.call('assessments', 'decideAppeal', { appealId: '2026:pA2', accepted: false, reason: '经复核，申诉理由成立' }, a.token)).status).toBe(403);
  const yes = await h.ok('assessments', 'decideAppeal', { appealId: '2026:pA2', accepted: true, reason: '经复核，申诉理由成立', finding: { method: 'mystery', score: 95, notes: '复核暗访：服务点正常开放' } }, ADMIN_TOKEN);
  // Mystery now measured (95 in place of the city's 92): 0.4·50 + 0.4·87.23 + 0.1·100 + 0.1·80 = 72.89; one method earns 合格.
  expect([yes.appeal.status, yes.result.score, yes.result.grade, yes.result.insufficient, yes.result.methodsUsed]).toEqual(['accepted', 72.89, 'pass', false, ['mystery']]);
  const no = await h.ok('assessments', 'decideAppeal', { appealId: '2026:pA3', accepted: false, reason: '未提供新的证据，维持原结果' }, ADMIN_TOKEN);
  expect([no.appeal.status, no.result.score, no.result.grade]).toEqual(['rejected', 76.71, null]);
  expect((await h.call('assessments', 'decideAppeal', { appealId: '2026:pA3', accepted: true, reason: '再次处理同一申诉', finding: { method: 'ledger', score: 90, notes: '再次复核记录' } }, ADMIN_TOKEN)).status).toBe(409);
  const appeals = await h.ok('assessments', 'appeals', { year: Y }, ADMIN_TOKEN);
  expect(appeals.appeals.map((x: any) => [x.productId, x.status])).toEqual([['pA2', 'accepted'], ['pA3', 'rejected']]);
  // Appeals done, but pA3's evidence meets no grade and nobody has decided: refused, naming it.
  const refused = await h.call('assessments', 'confirm', { year: Y, reason: '申诉已全部处理，结果确认' }, ADMIN_TOKEN);
  expect([refused.status, err(refused).message]).toEqual([409, `还有 1 个产品证据不足、尚未决定：“${DEMO_PRODUCTS[2].name}”。请逐个决定（按现有证据定等次、沿用上年等次或本年度不定等次）后再确认`]);
  const decided = await h.ok('assessments', 'decideInsufficient', { year: Y, productId: 'pA3', decision: 'no-grade', reason: '全年未接受任何检查，不定等次' }, ADMIN_TOKEN);
  expect([decided.grade, decided.decision.decision]).toEqual([null, 'no-grade']);
  expect((await h.ok('assessments', 'confirm', { year: Y, reason: '申诉已全部处理，结果确认' }, ADMIN_TOKEN)).status).toBe('confirmed');
  expect((await h.call('assessments', 'recordFinding', { year: Y, productId: 'pA1', method: 'ledger', on: '2026-10-13', score: 10, notes: '确认后再录入' }, assessor.token)).status).toBe(409);
  expect((await h.call('assessments', 'compute', { year: Y }, ADMIN_TOKEN)).status).toBe(409);
});

test('publish: results public and immutable; the product shows its grade; the catalogue filters and sorts by grade', async () => {
  expect(await h.ok('assessments', 'results', { year: Y })).toEqual({ published: false, year: Y, documentNumber: null, items: [] });
  expect(err(await h.call('assessments', 'publish', { year: Y, documentNumber: '2026-88', reason: '经局务会审定后公布' }, ADMIN_TOKEN)).issues[0].path).toBe('documentNumber');
  await h.ok('assessments', 'publish', { year: Y, documentNumber: '杭司〔2026〕188号', reason: '经局务会审定后公布' }, ADMIN_TOKEN);
  const pub = await h.ok('assessments', 'results', { year: Y });
  // Graded first, then the year's 证据不足 (no grade, not 不合格).
  expect(pub.items.map((x: any) => [x.productId, x.grade, x.score, x.ratings])).toEqual([
    ['pA1', 'pass', 81.15, 3],
    ['pB1', 'pass', 75.96, 0],
    ['pA2', 'pass', 72.89, 2],
    ['pA3', null, 76.71, 0],
  ]);
  expect(Object.keys(pub.items[0]).sort()).toEqual(['category', 'decision', 'documentNumber', 'evidence', 'grade', 'methodsUsed', 'productId', 'productName', 'ratings', 'satisfaction', 'score']);
  // Beside every grade, what it rests on; 满意率 by the one definition (3 of 3) beside the shrunk share the score used.
  expect(pub.items[0]).toMatchObject({ evidence: { ratings: 3, findings: 6, use: 'accepted' }, satisfaction: { rate: 1, satisfied: 3, adjusted: 0.6923 }, decision: null });
  expect(pub.items[3]).toMatchObject({ evidence: { ratings: 0, findings: 0, methods: [], use: 'none' }, decision: { decision: 'no-grade' } });
  expect((await h.ok('assessments', 'results', { year: Y, grade: 'pass' })).items.map((x: any) => x.productId)).toEqual(['pA1', 'pB1', 'pA2']);
  expect(JSON.stringify(pub)).not.toMatch(/recordedBy|raterId|reportedBy|filedBy|全年未接受任何检查/);
  const product = await h.ok('catalogue', 'get', { productId: 'pA1' });
  expect(product.grade).toEqual({ year: Y, grade: 'pass', score: 81.15 });
  // No grade this year: the product shows none (it had none before).
  expect((await h.ok('catalogue', 'get', { productId: 'pA3' })).grade).toBeUndefined();
  expect(await h.ok('assessments', 'productHistory', { productId: 'pA2' })).toEqual({
    history: [{ year: Y, grade: 'pass', score: 72.89, ratings: 2, evidence: { ratings: 2, findings: 1, methods: ['mystery'], use: 'none', measuredScore: 75.56 }, decision: null, documentNumber: '杭司〔2026〕188号' }],
  });
  expect((await h.searchAll({ grade: 'pass' })).map((p) => p.productId).sort()).toEqual(['pA1', 'pA2', 'pB1']);
  expect((await h.searchAll({ sort: 'grade' }, 2)).map((p) => p.productId)).toEqual(['pA1', 'pB1', 'pA2', 'pLate', 'pA3']);
  expect(err(await h.call('catalogue', 'search', { grade: 'best' })).issues).toEqual([{ path: 'grade', message: '等次应为优秀、良好、合格或不合格' }]);
  expect((await h.ok('catalogue', 'search', { grade: 'fail' })).items).toEqual([]);
  // Immutable: nothing can change a published year.
  for (const [action, payload] of [
    ['publish', { year: Y, documentNumber: '杭司〔2026〕189号', reason: '再次公布同一年度' }],
    ['compute', { year: Y }],
    ['confirm', { year: Y, reason: '再次确认同一年度' }],
    ['decideAppeal', { appealId: '2026:pA3', accepted: false, reason: '公布后再处理申诉' }],
    ['decideInsufficient', { year: Y, productId: 'pA3', decision: 'grade', reason: '公布后再改变决定' }],
    ['acceptCapacity', { year: Y, productId: 'pA1', capacity: 10, reason: '公布后再核定能力' }],
  ] as const)
    expect([action, (await h.call('assessments', action, payload, ADMIN_TOKEN)).status]).toEqual([action, 409]);
  expect((await h.ok('assessments', 'results', { year: Y })).items).toEqual(pub.items);
});
