/**
 * The panel's result from its submitted sheets. Scores are whole or half points, so totals are kept as
 * integers of half points: the average, and the pass mark comparison, have no rounding drift.
 */
import { ATTRIBUTES, meetsPassMark, OUTLIER_DISTANCE, RUBRIC, type Attribute } from '../../types/rubric';
import { attributeFound, type ReviewResult, type ScoresheetDoc } from '../../types/review';

const halves = (x: number) => Math.round(x * 2);
const to2 = (x: number) => Math.round(x * 100) / 100;

export function sheetTotal(items: Record<string, number>): number {
  return RUBRIC.reduce((s, i) => s + halves(items[i.key] ?? 0), 0) / 2;
}

export function computeResult(declarationId: string, sheets: Pick<ScoresheetDoc, 'items' | 'attributes'>[], now: string): ReviewResult {
  const n = sheets.length;
  const totalsHalf = sheets.map((s) => RUBRIC.reduce((sum, i) => sum + halves(s.items[i.key] ?? 0), 0));
  const sumHalf = totalsHalf.reduce((a, b) => a + b, 0);
  const totals = totalsHalf.map((t) => t / 2);
  const average = to2(sumHalf / 2 / n);
  const sorted = [...totals].sort((a, b) => a - b);
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const mean = sumHalf / 2 / n;
  const stddev = to2(Math.sqrt(totals.reduce((s, t) => s + (t - mean) ** 2, 0) / n));
  const itemAverages = Object.fromEntries(RUBRIC.map((i) => [i.key, to2(sheets.reduce((s, sh) => s + halves(sh.items[i.key] ?? 0), 0) / 2 / n)]));
  const attributes = Object.fromEntries(
    ATTRIBUTES.map((a) => [a, { meets: 0, doubtful: 0, fails: 0, ...Object.fromEntries(['meets', 'doubtful', 'fails'].map((j) => [j, sheets.filter((s) => s.attributes[a] === j).length])) }]),
  ) as ReviewResult['attributes'];
  // 严格审查属性: each attribute must be found 符合 by more than half of the panel (one 不符合 alone does not veto).
  const failedAttributes = ATTRIBUTES.filter((a: Attribute) => !attributeFound(attributes[a], n));
  const outliers = totals.map((total, i) => ({ sheet: i + 1, total })).filter((o) => Math.abs(o.total - median) > OUTLIER_DISTANCE);
  // 达到/达标: at least the pass mark, compared exactly (sumHalf / 2 is a multiple of 0.5, exact in floating point).
  const passed = meetsPassMark(sumHalf / 2, n) && failedAttributes.length === 0;
  return { declarationId, sheets: n, average, median, stddev, itemAverages, totals, attributes, failedAttributes, outliers, passed, computedAt: now, confirmedAt: null };
}
