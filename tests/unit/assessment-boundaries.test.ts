/**
 * The assessment scheme's own edges (mutants the pass found alive in types/assessment.ts): the bureau's scheme is
 * refused unless its weights add up and its grade lines are strictly ordered within 0–100; satisfaction's interval is
 * the posterior Beta's mean ± 1.6449 sd, clipped to 0..1.
 */
import { defaultScheme, schemeProblems, shrink, type Scheme } from '../../types/assessment';

const { year: _y, ...base } = defaultScheme(2026);
const withThresholds = (t: Scheme['thresholds']) => schemeProblems({ ...base, thresholds: t });
const ORDER = '等次分数线应满足 100 ≥ 优秀 > 良好 > 合格 > 0';

test('the default scheme is usable', () => {
  expect(schemeProblems(base)).toEqual([]);
});

test('grade lines strictly ordered, 优秀 at most 100, 合格 above 0: both ends of each', () => {
  expect(withThresholds({ excellent: 100, good: 99, pass: 1 })).toEqual([]);
  expect(withThresholds({ excellent: 101, good: 80, pass: 60 })).toEqual([ORDER]);
  expect(withThresholds({ excellent: 80, good: 80, pass: 60 })).toEqual([ORDER]);
  expect(withThresholds({ excellent: 90, good: 60, pass: 60 })).toEqual([ORDER]);
  expect(withThresholds({ excellent: 90, good: 80, pass: 0 })).toEqual([ORDER]);
});

test('weights: indicators add up to 100, inspection methods add up to 100, no indicator twice, methods only under inspection', () => {
  const inspection = base.indicators.find((i) => i.key === 'inspection')!;
  const other = base.indicators.find((i) => i.key !== 'inspection')!;
  const swap = (fn: (i: Scheme['indicators'][number]) => Scheme['indicators'][number]) => schemeProblems({ ...base, indicators: base.indicators.map(fn) });
  expect(swap((i) => (i === other ? { ...i, weight: i.weight - 1 } : i))).toEqual(['各项指标权重之和应为 100，现为 99']);
  const [firstMethod] = Object.keys(inspection.methodWeights!);
  expect(swap((i) => (i === inspection ? { ...i, methodWeights: { ...i.methodWeights, [firstMethod]: (i.methodWeights as any)[firstMethod] - 10 } } : i))).toEqual(['测评检查中各方式权重之和应为 100，现为 90']);
  expect(swap((i) => (i === other ? { ...i, methodWeights: { ledger: 100 } } : i))).toEqual(['只有“测评检查”按测评方式分配权重']);
  expect(schemeProblems({ ...base, indicators: [...base.indicators, { ...other, weight: 0 }] })).toEqual(['指标不能重复']);
});

test('satisfaction shrunk toward the city: Beta posterior mean and its 90% interval, clipped', () => {
  expect(shrink(0, 0, 0.6, 10)).toEqual({ n: 0, satisfied: 0, rate: 0.6, low: 0.357, high: 0.843 });
  expect(shrink(3, 3, 0.6, 10)).toEqual({ n: 3, satisfied: 3, rate: 0.6923, low: 0.4894, high: 0.8952 });
  expect(shrink(100, 100, 0.99, 10)).toMatchObject({ rate: 0.9991, low: 0.9944, high: 1 });
  expect(shrink(0, 50, 0.5, 2)).toMatchObject({ rate: 0.0192, low: 0, high: 0.0503 });
  // No prior and no ratings: the city's rate, no spread.
  expect(shrink(0, 0, 0.7, 0)).toEqual({ n: 0, satisfied: 0, rate: 0.7, low: 0.7, high: 0.7 });
});
