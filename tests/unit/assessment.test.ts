/**
 * The assessment scheme as data (types/assessment.ts) and the pure result computation, number by number; issue 21's
 * evidence rules: unmeasured parts stand at the city's level, a grade needs its minimum evidence (both ends of every
 * bound), 证据不足 when none fits, usage only on an accepted capacity and shrunk, and the one 满意率.
 */
import {
  CHECKLISTS,
  DEFAULT_SCHEME,
  GRADE_LABELS,
  METHODS,
  METHOD_LABELS,
  defaultScheme,
  evidenceText,
  evidencedGrade,
  gradeInForce,
  gradeOf,
  gradeText,
  schemeProblems,
  shortfallText,
  shrink,
  type CityLevels,
  type EvidenceCounts,
  type FindingDoc,
  type Method,
  type SelfReportDoc,
} from '../../types/assessment';
import { SATISFACTION_NAME, percentText, satisfactionRate, satisfiedIn, type SummaryDoc } from '../../types/rating';
import { cityLevels, computeProductResult, currentFindings, keptDecision } from '../../cloudfunctions/assessments/computeResult';
import { emptySummary } from '../../cloudfunctions/ratings/summary';

const t = DEFAULT_SCHEME.thresholds;

test('the default scheme: indicators, weights, method weights, thresholds, prior', () => {
  expect(DEFAULT_SCHEME.indicators.map((i) => [i.key, i.weight])).toEqual([
    ['satisfaction', 40],
    ['inspection', 40],
    ['cases', 10],
    ['use', 10],
  ]);
  expect(DEFAULT_SCHEME.indicators[1].methodWeights).toEqual({ ledger: 20, 'case-files': 20, 'phone-callback': 15, 'third-party': 20, mystery: 15, purchaser: 10 });
  expect(t).toEqual({ excellent: 90, good: 80, pass: 60 });
  expect([DEFAULT_SCHEME.satisfiedMinLevel, DEFAULT_SCHEME.priorStrength, DEFAULT_SCHEME.appealWorkingDays]).toEqual([4, 20, 5]);
  expect(DEFAULT_SCHEME.evidence).toEqual({
    grades: {
      excellent: { minRatings: 30, minMethods: 2, acceptedUse: true },
      good: { minRatings: 20, minMethods: 1, acceptedUse: false },
      pass: { minRatings: 0, minMethods: 1, acceptedUse: false },
      fail: { minRatings: 0, minMethods: 2, acceptedUse: false },
    },
    casesMinRatings: 20,
    usePriorStrength: 10,
  });
  expect(schemeProblems(DEFAULT_SCHEME)).toEqual([]);
});

test('the six methods are the seed’s, each with a checklist of 100 points', () => {
  expect(METHODS).toEqual(['ledger', 'case-files', 'phone-callback', 'third-party', 'mystery', 'purchaser']);
  expect(Object.values(METHOD_LABELS)).toEqual(['查看工作台帐', '抽查办案卷宗', '电话回访', '第三方社会评价机构调查', '明查暗访', '听取采购单位意见']);
  for (const m of METHODS) expect([m, CHECKLISTS[m].reduce((a, i) => a + i.points, 0)]).toEqual([m, 100]);
  expect(GRADE_LABELS).toEqual({ excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' });
});

test('grade boundaries: 90.00 is 优秀 and 89.99 良好; 80/79.99; 60/59.99', () => {
  expect([100, 90, 89.99, 80, 79.99, 60, 59.99, 0].map((s) => gradeOf(s, t))).toEqual(['excellent', 'excellent', 'good', 'good', 'pass', 'pass', 'fail', 'fail']);
  // A score that rounds to 90.00 at two decimals is 90.00.
  expect(gradeOf(89.996, t)).toBe('excellent');
});

test('scheme problems: weights must add to 100, thresholds must descend', () => {
  const bad = structuredClone(DEFAULT_SCHEME);
  bad.indicators[0].weight = 50;
  bad.thresholds = { excellent: 80, good: 85, pass: 60 };
  expect(schemeProblems(bad)).toEqual(['各项指标权重之和应为 100，现为 110', '等次分数线应满足 100 ≥ 优秀 > 良好 > 合格 > 0']);
});

test('scheme problems: every grade needs some evidence, a better grade no less than a worse one, and only what the scheme can measure', () => {
  const s = structuredClone(DEFAULT_SCHEME);
  s.evidence.grades.pass = { minRatings: 0, minMethods: 0, acceptedUse: false };
  s.evidence.grades.fail = { minRatings: 0, minMethods: 0, acceptedUse: false };
  expect(schemeProblems(s)).toEqual(['合格至少要求一项证据（评价条数、测评方式或核定的服务能力）', '不合格至少要求一项证据（评价条数、测评方式或核定的服务能力）']);
  // One rating, or one method, or an accepted capacity is enough to be "some evidence".
  s.evidence.grades.pass = { minRatings: 1, minMethods: 0, acceptedUse: false };
  s.evidence.grades.fail = { minRatings: 0, minMethods: 0, acceptedUse: true };
  expect(schemeProblems(s)).toEqual([]);
  const t = structuredClone(DEFAULT_SCHEME);
  t.evidence.grades.good.minRatings = 31;
  t.evidence.grades.pass.acceptedUse = true;
  expect(schemeProblems(t)).toEqual(['优秀所需的证据不能少于良好', '良好所需的证据不能少于合格']);
  // Exactly equal is allowed.
  t.evidence.grades.good.minRatings = 30;
  t.evidence.grades.pass.acceptedUse = false;
  expect(schemeProblems(t)).toEqual([]);
  const u = structuredClone(DEFAULT_SCHEME);
  u.indicators = [
    { key: 'inspection', weight: 90, methodWeights: { ledger: 100 } },
    { key: 'cases', weight: 10 },
  ];
  expect(schemeProblems(u)).toEqual([
    '优秀要求评价条数，但方案中没有“服务对象满意度”指标',
    '优秀要求 2 种测评方式，但方案中只有 1 种测评方式计分',
    '优秀要求核定的服务能力，但方案中没有“产品使用情况”指标',
    '良好要求评价条数，但方案中没有“服务对象满意度”指标',
    '不合格要求 2 种测评方式，但方案中只有 1 种测评方式计分',
  ]);
});

test('shrinkage: three happy ratings never beat three hundred; n = 0 is the city rate; the interval narrows with n', () => {
  const three = shrink(3, 3, 0.8, 20);
  const hundreds = shrink(300, 300, 0.8, 20);
  expect(three.rate).toBe(0.8261); // (3 + 16) / 23
  expect(hundreds.rate).toBe(0.9875); // (300 + 16) / 320
  expect(hundreds.rate).toBeGreaterThan(three.rate);
  expect(shrink(0, 0, 0.8, 20).rate).toBe(0.8);
  expect(three.high - three.low).toBeGreaterThan(hundreds.high - hundreds.low);
  expect(three.low).toBeLessThan(three.rate);
  expect(hundreds.high).toBeLessThanOrEqual(1);
});

const finding = (id: string, method: Method, score: number, supersedes: string | null = null, productId = 'p1'): FindingDoc => ({
  _id: id, year: 2026, productId, method, on: '2026-06-01', score, notes: '检查记录', checked: [], evidence: [], supersedes, reason: supersedes ? '更正录入错误' : null, appealId: null, recordedBy: 'u', recordedByOrgId: 'o', recordedAt: `2026-06-01T0${id.length}:00:00Z`,
});
const summary = (levels: [number, number, number, number, number], cases: [number, number] = [0, 0]): SummaryDoc => ({
  ...emptySummary('p1', 2026),
  count: levels.reduce((a, x) => a + x, 0),
  levels,
  casesOpened: cases[0],
  casesClosedOnTime: cases[1],
});
const report = (servedCount: number, capacity: number | null, accepted: number | null = null): SelfReportDoc => ({
  _id: '2026:p1', year: 2026, productId: 'p1', orgId: 'o1', servedCount, capacity, summary: 's', evidence: [], reportedBy: 'u', reportedAt: '',
  accepted: accepted === null ? null : { capacity: accepted, reason: '核定', by: null, at: '' },
});
/** Every method at 80 in the city, 90% satisfied, 75% of cases on time, 50% of accepted capacity used. */
const CITY: CityLevels = { satisfaction: 0.9, methods: Object.fromEntries(METHODS.map((m) => [m, 80])), cases: 0.75, use: 0.5 };
const byKey = (r: { components: { key: string }[] }) => Object.fromEntries(r.components.map((c) => [c.key, c])) as Record<string, any>;

test('a full result: weights, the inspection’s methods, cases, use on an accepted capacity — every component with its inputs', () => {
  const findings = METHODS.map((m, i) => finding(`f${i}`, m, 80));
  // 100 ratings: 90 at 4–5, 10 at 3; city rate 0.9, prior 20 → (90 + 18) / 120 = 0.9
  const r = computeProductResult({ scheme: defaultScheme(2026), summary: summary([0, 0, 10, 40, 50], [4, 3]), findings, selfReport: report(500, 1000, 1000), city: CITY });
  const c = byKey(r);
  expect(c.satisfaction).toMatchObject({ score: 90, effectiveWeight: 40, missing: false, inputs: { ratings: 100, satisfied: 90, cityRate: 0.9 } });
  expect(c.inspection).toMatchObject({ score: 80, effectiveWeight: 40, missing: false });
  expect(c.cases).toMatchObject({ score: 75, missing: false, inputs: { casesOpened: 4, casesOnTime: 3 } });
  // (500 + 10·0.5) / (1000 + 10) = 0.5
  expect(c.use).toMatchObject({ score: 50, missing: false, inputs: { servedCount: 500, capacity: 1000, reportedCapacity: 1000 } });
  // 0.4·90 + 0.4·80 + 0.1·75 + 0.1·50 = 80.5
  expect(r.score).toBe(80.5);
  expect([r.scoreGrade, r.evidenced]).toEqual(['good', 'good']);
  expect(r.evidence).toEqual({ ratings: 100, findings: 6, methods: METHODS, use: 'accepted', measuredScore: 80.5 });
  expect(r.satisfaction).toMatchObject({ rate: 0.9, n: 100, satisfied: 90 });
  expect(r.methodsUsed).toEqual(METHODS);
});

test('nothing a product lacks counts for it: each unmeasured part stands at the city’s level, not dropped', () => {
  const r = computeProductResult({ scheme: defaultScheme(2026), summary: null, findings: [finding('a', 'ledger', 100), finding('bb', 'mystery', 50)], selfReport: null, city: CITY });
  const c = byKey(r);
  // Measured methods keep their weight; the four unmeasured stand at the city's 80: (100·20 + 50·15 + 80·65) / 100 = 79.5
  expect(c['inspection.ledger']).toMatchObject({ score: 100, effectiveWeight: 20, missing: false });
  expect(c['inspection.mystery']).toMatchObject({ score: 50, effectiveWeight: 15, missing: false });
  expect(c['inspection.purchaser']).toMatchObject({ score: 80, effectiveWeight: 10, missing: true, inputs: { cityLevel: 80 } });
  expect(c.inspection).toMatchObject({ score: 79.5, missing: false });
  // No ratings: satisfaction at the city's 90; no ratings could show a bad one: cases at the city's 75; no report: use at the city's 50.
  expect(c.satisfaction).toMatchObject({ score: 90, effectiveWeight: 40, missing: true, inputs: { cityLevel: 90 } });
  expect(c.cases).toMatchObject({ score: 75, effectiveWeight: 10, missing: true });
  expect(c.use).toMatchObject({ score: 50, effectiveWeight: 10, missing: true, note: '未提交自评报告，按全市使用水平（50 分）计' });
  // 0.4·90 + 0.4·79.5 + 0.1·75 + 0.1·50 = 80.3
  expect(r.score).toBe(80.3);
});

test('what nobody in the city has is left out for everyone alike (re-weighted), and said so', () => {
  const city: CityLevels = { satisfaction: null, methods: { ledger: 90 }, cases: null, use: null };
  const r = computeProductResult({ scheme: defaultScheme(2026), summary: null, findings: [finding('a', 'ledger', 90)], selfReport: null, city });
  const c = byKey(r);
  expect([c.satisfaction.score, c.satisfaction.effectiveWeight, c.cases.score, c.use.score]).toEqual([null, 0, null, null]);
  expect(c['inspection.mystery']).toMatchObject({ score: null, effectiveWeight: 0, note: '全市本年度都没有该方式的测评记录，此项不计入' });
  expect([c.inspection.score, c.inspection.effectiveWeight, r.score]).toEqual([90, 100, 90]);
  // 90 reaches 优秀; one method and no ratings earn 合格.
  expect([r.scoreGrade, r.evidenced]).toEqual(['excellent', 'pass']);
});

test('the empty product (no ratings, no findings, a report of 0 served without capacity) is never graded: 证据不足', () => {
  const r = computeProductResult({ scheme: defaultScheme(2026), summary: null, findings: [], selfReport: report(0, null), city: CITY });
  const c = byKey(r);
  // Everything at the city's level: 0.4·90 + 0.4·80 + 0.1·75 + 0.1·50 = 80.5 — a 良好 score with nothing behind it.
  expect(r.score).toBe(80.5);
  expect(c.cases).toMatchObject({ score: 75, missing: true });
  expect(r.evidence).toEqual({ ratings: 0, findings: 0, methods: [], use: 'reported', measuredScore: null });
  expect(r.evidenced).toBeNull();
  expect(r.shortfalls.map(shortfallText)).toEqual(['良好需要至少 20 条评价（现有 0 条），至少 1 种测评方式的记录（现有 0 种）', '合格需要至少 1 种测评方式的记录（现有 0 种）']);
  // With no city data at all the score is 0 — and still no 不合格: 不合格 needs two methods.
  const bare = computeProductResult({ scheme: defaultScheme(2026), summary: null, findings: [], selfReport: report(0, null), city: { satisfaction: null, methods: {}, cases: null, use: null } });
  expect([bare.score, bare.scoreGrade, bare.evidenced]).toEqual([0, 'fail', null]);
});

test('usage: only on an accepted capacity, shrunk toward the city’s use — 1 of 1 is not 100; large numbers speak for themselves', () => {
  const use = (r: SelfReportDoc | null) => byKey(computeProductResult({ scheme: defaultScheme(2026), summary: null, findings: [], selfReport: r, city: CITY })).use;
  // Reported 1 of 1, not accepted: the city's level, and marked unmeasured.
  expect(use(report(1, 1))).toMatchObject({ score: 50, missing: true, note: '服务能力尚未经市司法局核定，按全市使用水平（50 分）计' });
  // Accepted 1 of 1: (1 + 10·0.5) / (1 + 10) = 54.55 — near the city's level, far from 100.
  expect(use(report(1, 1, 1))).toMatchObject({ score: 54.55, missing: false });
  // Accepted 1,000 of 1,000: (1000 + 5) / 1010 = 99.5.
  expect(use(report(1000, 1000, 1000)).score).toBe(99.5);
  // Served beyond capacity counts as full: (2000 → 1000 + 5) / 1010.
  expect(use(report(2000, 1000, 1000)).score).toBe(99.5);
  // The bureau's adjusted capacity is what counts: 500 served of a claimed 500, accepted as 2,000 → (500 + 5) / 2010.
  expect(use(report(500, 500, 2000))).toMatchObject({ score: 25.12, inputs: { capacity: 2000, reportedCapacity: 500 } });
  // Nothing served of an accepted capacity: (0 + 5) / 1010.
  expect(use(report(0, 1000, 1000)).score).toBe(0.5);
});

test('差评整改: no bad rating is 100 only over casesMinRatings ratings (19 → the city’s level, 20 → 100); cases opened always count', () => {
  const cases = (levels: [number, number, number, number, number], opened: [number, number] = [0, 0]) =>
    byKey(computeProductResult({ scheme: defaultScheme(2026), summary: summary(levels, opened), findings: [], selfReport: null, city: CITY })).cases;
  expect(cases([0, 0, 0, 0, 19])).toMatchObject({ score: 75, missing: true });
  expect(cases([0, 0, 0, 0, 20])).toMatchObject({ score: 100, missing: false, note: '全年 20 条评价中没有需要整改的差评' });
  expect(cases([0, 1, 0, 0, 2], [1, 0])).toMatchObject({ score: 0, missing: false });
  expect(cases([0, 2, 0, 0, 2], [2, 1])).toMatchObject({ score: 50, missing: false });
});

const ev = (ratings: number, methods: number, use: EvidenceCounts['use'] = 'none'): EvidenceCounts => ({ ratings, findings: methods, methods: METHODS.slice(0, methods), use });
const rules = DEFAULT_SCHEME.evidence;

test('evidence bounds, both ends: 优秀 30 ratings / 2 methods / accepted use; 良好 20 / 1; 合格 1 method; 不合格 2 methods', () => {
  const full = ev(30, 2, 'accepted');
  expect(evidencedGrade('excellent', full, rules).grade).toBe('excellent');
  expect(evidencedGrade('excellent', ev(29, 2, 'accepted'), rules).grade).toBe('good');
  expect(evidencedGrade('excellent', ev(30, 1, 'accepted'), rules).grade).toBe('good');
  expect(evidencedGrade('excellent', ev(30, 2, 'reported'), rules).grade).toBe('good');
  expect(evidencedGrade('good', ev(20, 1), rules).grade).toBe('good');
  expect(evidencedGrade('good', ev(19, 1), rules).grade).toBe('pass');
  expect(evidencedGrade('good', ev(20, 0), rules).grade).toBeNull();
  expect(evidencedGrade('pass', ev(0, 1), rules).grade).toBe('pass');
  expect(evidencedGrade('pass', ev(500, 0, 'accepted'), rules).grade).toBeNull();
  expect(evidencedGrade('fail', ev(0, 2), rules).grade).toBe('fail');
  expect(evidencedGrade('fail', ev(100, 1), rules)).toEqual({ grade: null, shortfalls: [{ grade: 'fail', methods: { have: 1, need: 2 } }] });
  // A positive grade never falls to 不合格 for want of evidence; a 不合格 score never rises.
  expect(evidencedGrade('excellent', ev(0, 0), rules).shortfalls.map((x) => x.grade)).toEqual(['excellent', 'good', 'pass']);
  // What is lacking, in words.
  expect(evidencedGrade('excellent', ev(12, 1, 'reported'), rules).shortfalls.map(shortfallText)).toEqual([
    '优秀需要至少 30 条评价（现有 12 条），至少 2 种测评方式的记录（现有 1 种），经市司法局核定的服务能力（尚未核定）',
    '良好需要至少 20 条评价（现有 12 条）',
  ]);
});

test('a 不合格 holds on what was measured alone: never because an unmeasured part stood at a poor city level (59.99 fails, 60 does not)', () => {
  const poor: CityLevels = { satisfaction: 0.2, methods: Object.fromEntries(METHODS.map((m) => [m, 60])), cases: 0.1, use: 0.1 };
  const run = (score: number) => computeProductResult({ scheme: defaultScheme(2026), summary: null, findings: [finding('a', 'ledger', score), finding('bb', 'mystery', score)], selfReport: null, city: poor });
  // Two checks at 60, everything else at the city's poor level: 0.4·20 + 0.4·60 + 0.1·10 + 0.1·10 = 34 — a 不合格 score.
  const at60 = run(60);
  expect([at60.score, at60.scoreGrade, at60.evidence.measuredScore, at60.evidenced]).toEqual([34, 'fail', 60, null]);
  expect(at60.shortfalls.map(shortfallText)).toEqual(['不合格需要实际测得的部分也低于合格线 60 分（现为 60 分）']);
  const below = run(59.99);
  expect([below.scoreGrade, below.evidence.measuredScore, below.evidenced]).toEqual(['fail', 59.99, 'fail']);
  // What was measured is re-weighted over itself: ratings measured too count (10 ratings, 2 satisfied → (2 + 4) / 30 = 20).
  const rated = computeProductResult({ scheme: defaultScheme(2026), summary: summary([8, 0, 0, 0, 2], [8, 0]), findings: [finding('a', 'ledger', 90), finding('bb', 'mystery', 90)], selfReport: null, city: poor });
  // Measured: satisfaction 20 (40), inspection 90 (40), cases: 8 bad ratings, none on time → 0 (10): (800 + 3600 + 0) / 90 = 48.89.
  expect([rated.evidence.measuredScore, rated.evidenced]).toEqual([48.89, 'fail']);
});

test('the bureau’s decision for 证据不足: the score’s grade but never 不合格, a carried grade, or none; kept only on the same basis', () => {
  const at = { reason: '理由', decidedOn: '2026-10-01', decidedAt: '', basis: { score: 70, scoreGrade: 'pass' as const, evidence: ev(0, 0) } };
  expect(gradeInForce('pass', null, null)).toBeNull();
  expect(gradeInForce('pass', null, { ...at, decision: 'grade' })).toBe('pass');
  expect(gradeInForce('fail', null, { ...at, decision: 'grade' })).toBeNull();
  expect(gradeInForce('pass', null, { ...at, decision: 'carry-over', carried: { year: 2025, grade: 'good', score: 85 } })).toBe('good');
  expect(gradeInForce('pass', null, { ...at, decision: 'no-grade' })).toBeNull();
  expect(gradeText({ grade: 'good', decision: { decision: 'carry-over', carried: { year: 2025, grade: 'good', score: 85 } } })).toBe('沿用 2025 年度等次：良好');
  expect(gradeText({ grade: null, decision: { decision: 'no-grade' } })).toBe('证据不足，本年度不定等次');
  expect(gradeText({ grade: null, decision: null })).toBe('证据不足');
  const before = { decision: { ...at, decision: 'no-grade' as const } };
  // A score that moves within its grade (the city's levels moved) keeps it; another grade, other evidence, or evidence that now suffices drop it.
  expect(keptDecision(before, { evidenced: null, scoreGrade: 'pass', evidence: ev(0, 0) })).toBe(before.decision);
  expect(keptDecision(before, { evidenced: null, scoreGrade: 'good', evidence: ev(0, 0) })).toBeNull();
  expect(keptDecision(before, { evidenced: null, scoreGrade: 'pass', evidence: ev(1, 0) })).toBeNull();
  expect(keptDecision(before, { evidenced: null, scoreGrade: 'pass', evidence: { ...ev(0, 0), use: 'reported' } })).toBeNull();
  expect(keptDecision(before, { evidenced: 'pass', scoreGrade: 'pass', evidence: ev(0, 1) })).toBeNull();
});

test('the evidence beside a grade, missing evidence said plainly', () => {
  expect(evidenceText(ev(37, 2, 'accepted'))).toBe('基于 37 条评价、2 次检查');
  expect(evidenceText(ev(0, 1, 'reported'))).toBe('基于 1 次检查；本年度没有群众评价，服务能力未经核定');
  expect(evidenceText(ev(0, 0))).toBe('本年度没有群众评价，没有检查记录，没有自评报告');
});

test('one 满意率: levels 4–5 over all, named where shown', () => {
  expect(SATISFACTION_NAME).toBe('满意率（满意及以上）');
  expect(satisfiedIn([1, 2, 3, 4, 5])).toBe(9);
  expect(satisfactionRate(2, 3)).toBe(0.6667);
  expect(satisfactionRate(0, 0)).toBeNull();
  expect([percentText(0.675), percentText(0.9), percentText(null)]).toEqual(['67.5%', '90%', '暂无']);
  // The assessment's satisfied count is the same: 5, 5, 4 and 3 → 3 satisfied of 4.
  expect(computeProductResult({ scheme: defaultScheme(2026), summary: summary([0, 0, 1, 1, 2]), findings: [], selfReport: null, city: CITY }).satisfaction).toMatchObject({ n: 4, satisfied: 3 });
  // A scheme cannot hold another definition.
  expect(schemeProblems({ ...DEFAULT_SCHEME, satisfiedMinLevel: 3 as never })).toEqual(['满意率全市统一按满意率（满意及以上）计算，测评方案不能另定']);
});

test('the city’s levels: pooled satisfaction and cases, a method’s mean of product means, use over accepted capacities only', () => {
  const s1 = { ...summary([0, 1, 0, 1, 2], [1, 1]), _id: 'p1:2026' };
  const s2 = { ...summary([0, 0, 4, 0, 0], [1, 0]), productId: 'p2', _id: 'p2:2026' };
  const fs = [finding('a', 'ledger', 100), finding('bb', 'ledger', 60), finding('ccc', 'ledger', 50, null, 'p2'), finding('dddd', 'mystery', 70, null, 'p2'), finding('eeeee', 'mystery', 90, 'dddd', 'p2')];
  const reports = [report(300, 1000, 500), { ...report(5, 10), _id: '2026:p2', productId: 'p2' }];
  // Satisfied 3 of 8; cases 1 on time of 2; ledger: p1's mean 80 and p2's 50 → 65; mystery: p2's in force, 90; use 300 / 500 (p2 not accepted).
  expect(cityLevels(defaultScheme(2026), [s1, s2, null], fs, reports)).toEqual({ satisfaction: 0.375, methods: { ledger: 65, mystery: 90 }, cases: 0.5, use: 0.6 });
});

test('a correction supersedes: only the newest finding counts', () => {
  const fs = [finding('a', 'ledger', 40), finding('bb', 'ledger', 90, 'a')];
  expect(currentFindings(fs).map((f) => f._id)).toEqual(['bb']);
  const r = computeProductResult({ scheme: defaultScheme(2026), summary: summary([0, 0, 0, 0, 10]), findings: fs, selfReport: null, city: CITY });
  expect(byKey(r)['inspection.ledger']).toMatchObject({ score: 90, inputs: { findingIds: ['bb'] } });
  expect(r.evidence).toMatchObject({ findings: 1, methods: ['ledger'] });
});

test('a changed threshold, weight or evidence rule changes the grade', () => {
  const scheme = defaultScheme(2026);
  const city: CityLevels = { ...CITY, satisfaction: 1 };
  const inputs = { summary: summary([0, 0, 0, 0, 40]), findings: METHODS.map((m, i) => finding(`f${i}`, m, 75)), selfReport: report(1000, 1000, 1000), city: { ...city, use: 1 } };
  // 0.4·100 + 0.4·75 + 0.1·100 + 0.1·100 = 90
  expect(computeProductResult({ scheme, ...inputs })).toMatchObject({ score: 90, scoreGrade: 'excellent', evidenced: 'excellent' });
  scheme.thresholds.excellent = 90.01;
  expect(computeProductResult({ scheme, ...inputs }).evidenced).toBe('good');
  scheme.thresholds.excellent = 90;
  scheme.evidence.grades.excellent.minRatings = 41;
  expect(computeProductResult({ scheme, ...inputs }).evidenced).toBe('good');
  scheme.indicators[0].weight = 30;
  scheme.indicators[1].weight = 50;
  expect(computeProductResult({ scheme, ...inputs }).score).toBe(87.5);
});
