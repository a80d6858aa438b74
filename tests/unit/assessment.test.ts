/** The assessment scheme as data (types/assessment.ts) and the pure result computation, number by number. */
import { CHECKLISTS, DEFAULT_SCHEME, GRADE_LABELS, METHODS, METHOD_LABELS, defaultScheme, gradeOf, schemeProblems, shrink, type FindingDoc, type Method, type SelfReportDoc } from '../../types/assessment';
import type { SummaryDoc } from '../../types/rating';
import { computeProductResult, currentFindings } from '../../cloudfunctions/assessments/computeResult';
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

const finding = (id: string, method: Method, score: number, supersedes: string | null = null): FindingDoc => ({
  _id: id, year: 2026, productId: 'p1', method, on: '2026-06-01', score, notes: '检查记录', checked: [], evidence: [], supersedes, reason: supersedes ? '更正录入错误' : null, appealId: null, recordedBy: 'u', recordedByOrgId: 'o', recordedAt: `2026-06-01T0${id.length}:00:00Z`,
});
const summary = (levels: [number, number, number, number, number], cases: [number, number] = [0, 0]): SummaryDoc => ({
  ...emptySummary('p1', 2026),
  count: levels.reduce((a, x) => a + x, 0),
  levels,
  casesOpened: cases[0],
  casesClosedOnTime: cases[1],
});
const report = (servedCount: number, capacity: number | null): SelfReportDoc => ({ _id: '2026:p1', year: 2026, productId: 'p1', orgId: 'o1', servedCount, capacity, summary: 's', evidence: [], reportedBy: 'u', reportedAt: '' });

test('a full result: weights, the inspection’s methods, cases, use — every component with its inputs', () => {
  const findings = METHODS.map((m, i) => finding(`f${i}`, m, 80));
  // 100 ratings: 90 at 4–5, 10 at 3; city rate 0.9, prior 20 → (90 + 18) / 120 = 0.9
  const r = computeProductResult({ scheme: defaultScheme(2026), summary: summary([0, 0, 10, 40, 50], [4, 3]), findings, selfReport: report(500, 1000), cityRate: 0.9 });
  const byKey = Object.fromEntries(r.components.map((c) => [c.key, c]));
  expect(byKey.satisfaction).toMatchObject({ score: 90, effectiveWeight: 40, inputs: { ratings: 100, satisfied: 90, cityRate: 0.9 } });
  expect(byKey.inspection).toMatchObject({ score: 80, effectiveWeight: 40 });
  expect(byKey.cases).toMatchObject({ score: 75, inputs: { casesOpened: 4, casesOnTime: 3 } });
  expect(byKey.use).toMatchObject({ score: 50, inputs: { servedCount: 500, capacity: 1000 } });
  // 0.4·90 + 0.4·80 + 0.1·75 + 0.1·50 = 80.5
  expect(r.score).toBe(80.5);
  expect(r.grade).toBe('good');
  expect(r.satisfaction).toMatchObject({ rate: 0.9, n: 100 });
  expect(r.methodsUsed).toEqual(METHODS);
});

test('missing methods re-weight: their weight goes to the methods with findings, and they are marked', () => {
  const r = computeProductResult({ scheme: defaultScheme(2026), summary: null, findings: [finding('a', 'ledger', 100), finding('bb', 'mystery', 50)], selfReport: report(10, 10), cityRate: 0.9 });
  const byKey = Object.fromEntries(r.components.map((c) => [c.key, c]));
  // ledger 20 and mystery 15 of 35: 100·20/35 + 50·15/35 = 78.57
  expect(byKey['inspection.ledger']).toMatchObject({ effectiveWeight: 57.14, missing: false });
  expect(byKey['inspection.mystery']).toMatchObject({ effectiveWeight: 42.86 });
  expect(byKey['inspection.purchaser']).toMatchObject({ effectiveWeight: 0, missing: true, score: null });
  expect(byKey.inspection.score).toBe(78.57);
  // No ratings: satisfaction is missing, its 40 spread over 60 → inspection 66.67, cases 16.67, use 16.67
  expect(byKey.satisfaction).toMatchObject({ missing: true, effectiveWeight: 0 });
  expect([byKey.inspection.effectiveWeight, byKey.cases.effectiveWeight, byKey.use.effectiveWeight]).toEqual([66.67, 16.67, 16.67]);
  // (78.571·40 + 100·10 + 100·10) / 60 = 85.71
  expect(r.score).toBe(85.71);
});

test('a correction supersedes: only the newest finding counts; no self-report scores 0 for use', () => {
  const fs = [finding('a', 'ledger', 40), finding('bb', 'ledger', 90, 'a')];
  expect(currentFindings(fs).map((f) => f._id)).toEqual(['bb']);
  const r = computeProductResult({ scheme: defaultScheme(2026), summary: summary([0, 0, 0, 0, 10]), findings: fs, selfReport: null, cityRate: 1 });
  const byKey = Object.fromEntries(r.components.map((c) => [c.key, c]));
  expect(byKey['inspection.ledger']).toMatchObject({ score: 90, inputs: { findingIds: ['bb'] } });
  expect(byKey.use).toMatchObject({ score: 0, missing: false });
  // 0.4·100 + 0.4·90 + 0.1·100 + 0 = 86
  expect(r.score).toBe(86);
});

test('a changed threshold or weight changes the grade', () => {
  const scheme = defaultScheme(2026);
  const inputs = { summary: summary([0, 0, 0, 0, 10]), findings: METHODS.map((m, i) => finding(`f${i}`, m, 75)), selfReport: report(1, 1), cityRate: 1 };
  expect(computeProductResult({ scheme, ...inputs })).toMatchObject({ score: 90, grade: 'excellent' });
  scheme.thresholds.excellent = 90.01;
  expect(computeProductResult({ scheme, ...inputs }).grade).toBe('good');
  scheme.indicators[0].weight = 30;
  scheme.indicators[1].weight = 50;
  expect(computeProductResult({ scheme, ...inputs }).score).toBe(87.5);
});
