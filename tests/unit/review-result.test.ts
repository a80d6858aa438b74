/**
 * The panel's result from its sheets (cloudfunctions/reviews/computeResult.ts), number by number: each sheet's total in
 * half points, the average, the median (odd and even panels), the spread, each item's average, the attribute counts,
 * the sheets far from the median (both ends of OUTLIER_DISTANCE) and the pass (both ends of the pass mark). Written for
 * the mutation pass's `review` group, whose survivors showed these numbers were not compared anywhere it runs.
 */
import { computeResult, sheetTotal } from '../../cloudfunctions/reviews/computeResult';
import { OUTLIER_DISTANCE, PASS_MARK, RUBRIC } from '../../types/rubric';

const [k0, k1, k2] = RUBRIC.map((i) => i.key);
const MEETS = { public: 'meets', legal: 'meets', service: 'meets' } as const;
const sheet = (items: Record<string, number>, attributes: Record<string, string> = MEETS) => ({ items, attributes }) as never;
const NOW = '2026-05-06T02:00:00.000Z';

test('a sheet’s total adds every item in half points, a missing item counting 0', () => {
  expect(sheetTotal({ [k0]: 40, [k1]: 30.5, [k2]: 15 })).toBe(85.5);
  expect(sheetTotal({ [k0]: 0.5, [k1]: 0.5 })).toBe(1);
  expect(sheetTotal({})).toBe(0);
});

test('three sheets: totals, average, median, spread, item averages and attribute counts, exactly', () => {
  const r = computeResult(
    'd1',
    [
      sheet({ [k0]: 40, [k1]: 30.5, [k2]: 15 }, { public: 'meets', legal: 'meets', service: 'meets' }),
      sheet({ [k0]: 40, [k1]: 25, [k2]: 15 }, { public: 'meets', legal: 'doubtful', service: 'meets' }),
      sheet({ [k0]: 35, [k1]: 20, [k2]: 15 }, { public: 'fails', legal: 'fails', service: 'meets' }),
    ],
    NOW,
  );
  expect(r.sheets).toBe(3);
  expect(r.totals).toEqual([85.5, 80, 70]);
  expect(r.average).toBe(78.5);
  expect(r.median).toBe(80);
  // Deviations from 78.5: 7, 1.5, −8.5; their squares' mean 41.1667; its root 6.416.
  expect(r.stddev).toBe(6.42);
  expect(r.itemAverages[k0]).toBe(38.33);
  expect(r.itemAverages[k1]).toBe(25.17);
  expect(r.itemAverages[k2]).toBe(15);
  expect(Object.keys(r.itemAverages)).toEqual(RUBRIC.map((i) => i.key));
  expect(r.attributes).toEqual({ public: { meets: 2, doubtful: 0, fails: 1 }, legal: { meets: 1, doubtful: 1, fails: 1 }, service: { meets: 3, doubtful: 0, fails: 0 } });
  // 符合 by more than half: public (2 of 3) and service stand, legal (1 of 3) does not.
  expect(r.failedAttributes).toEqual(['legal']);
  expect(r.outliers).toEqual([]);
  expect(r.passed).toBe(false);
  expect([r.declarationId, r.computedAt, r.confirmedAt]).toEqual(['d1', NOW, null]);
});

test('four sheets: the median between the middle two; a sheet more than OUTLIER_DISTANCE from it is flagged, one exactly that far is not', () => {
  expect(OUTLIER_DISTANCE).toBe(15);
  const r = computeResult('d2', [sheet({ [k0]: 60 }), sheet({ [k0]: 90 }), sheet({ [k0]: 80 }), sheet({ [k0]: 100 })], NOW);
  expect(r.totals).toEqual([60, 90, 80, 100]);
  expect(r.median).toBe(85);
  expect(r.average).toBe(82.5);
  // 60 is 25 from 85: flagged; 100 is exactly 15: not.
  expect(r.outliers).toEqual([{ sheet: 1, total: 60 }]);
  expect(r.passed).toBe(true);
  // A point further (101 is 15.5 from the new median 85.5): flagged.
  const further = computeResult('d2', [sheet({ [k0]: 60 }), sheet({ [k0]: 90 }), sheet({ [k0]: 81 }), sheet({ [k0]: 101 })], NOW);
  expect(further.median).toBe(85.5);
  expect(further.outliers).toEqual([
    { sheet: 1, total: 60 },
    { sheet: 4, total: 101 },
  ]);
});

test('the median is of the totals in numeric order, whatever order the sheets came in', () => {
  // In the order given the middle two are 40 and 100; as text, "100" < "40" < "5" < "70". Numerically: 40 and 70.
  const r = computeResult('d4', [sheet({ [k0]: 5 }), sheet({ [k0]: 40 }), sheet({ [k0]: 100 }), sheet({ [k0]: 70 })], NOW);
  expect(r.median).toBe(55);
  expect(r.outliers).toEqual([
    { sheet: 1, total: 5 },
    { sheet: 3, total: 100 },
  ]);
  expect(r.totals).toEqual([5, 40, 100, 70]);
});

test('the pass: an average of exactly the pass mark passes, half a point under does not; a failed attribute fails any score', () => {
  expect(PASS_MARK).toBe(80);
  expect(computeResult('d3', [sheet({ [k0]: 80 }), sheet({ [k0]: 80 })], NOW).passed).toBe(true);
  const under = computeResult('d3', [sheet({ [k0]: 79.5 }), sheet({ [k0]: 80 })], NOW);
  expect([under.average, under.passed]).toEqual([79.75, false]);
  const vetoed = computeResult('d3', [sheet({ [k0]: 95 }, { public: 'fails', legal: 'meets', service: 'meets' }), sheet({ [k0]: 95 }, { public: 'doubtful', legal: 'meets', service: 'meets' })], NOW);
  expect([vetoed.average, vetoed.failedAttributes, vetoed.passed]).toEqual([95, ['public'], false]);
});
