/**
 * The bureau's figures for a year, at the cost of a few round trips whatever the size: declarations and comments are
 * counted by the database (count queries made together), review results are one document per reviewed declaration,
 * and ratings come from the running summaries the ratings function keeps (one per product and year), never from the
 * ratings themselves.
 */
import { DASHBOARD_ANSWER_BANDS, DASHBOARD_SCORE_BANDS, DASHBOARD_STATUS_GROUPS, type DashboardResult, type GroupFigure } from '../../types/actions/admin';
import { GRADES, GRADE_LABELS } from '../../types/assessment';
import { DECLARATION_STATUSES, DECLARATION_STATUS_LABELS, type CallDoc } from '../../types/declaration';
import { CATEGORIES, CATEGORY_LABELS } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import { satisfactionRate, satisfiedIn, type SummaryDoc } from '../../types/rating';
import type { ReviewResult } from '../../types/review';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findAll, findByIds } from '../_lib/store/pages';

const to2 = (x: number) => Math.round(x * 100) / 100;

function groups(summaries: SummaryDoc[], keyOf: (s: SummaryDoc) => string, labelOf: (k: string) => string): GroupFigure[] {
  const by = new Map<string, { n: number; ok: number }>();
  for (const s of summaries) {
    const k = keyOf(s);
    const g = by.get(k) ?? { n: 0, ok: 0 };
    g.n += s.count;
    g.ok += satisfiedIn(s.levels);
    by.set(k, g);
  }
  return [...by.entries()]
    .map(([key, g]) => ({ key, label: labelOf(key), ratings: g.n, satisfactionRate: satisfactionRate(g.ok, g.n) }))
    .sort((a, b) => b.ratings - a.ratings || a.key.localeCompare(b.key));
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const monthStart = (year: number, m: number) => (m > 12 ? `${year + 1}-01-01` : `${year}-${String(m).padStart(2, '0')}-01`);

export async function readDashboard(input: { year?: number }, ctx: Ctx): Promise<DashboardResult> {
  const year = input.year ?? Number(ctx.clock.today().slice(0, 4));
  const inYear = { $gte: `${year}-01-01`, $lt: `${year + 1}-01-01` };
  const callId = `call-${year}`;
  // All counts go out together: the year's call by category and status group, comments by answer time, counted
  // ratings by the month they were given (the same ratings the running summaries hold).
  const extra = Promise.all([
    ctx.store.get<CallDoc>(COLLECTIONS.calls, callId),
    Promise.all(DASHBOARD_STATUS_GROUPS.map((g) => ctx.store.count(COLLECTIONS.declarations, { callId, status: { $in: g.statuses } }))),
    Promise.all(
      CATEGORIES.map((category) =>
        Promise.all(DASHBOARD_STATUS_GROUPS.map((g) => ctx.store.count(COLLECTIONS.declarations, { callId, 'spec.category': category, status: { $in: g.statuses } }))),
      ),
    ),
    Promise.all(
      DASHBOARD_ANSWER_BANDS.map((b) =>
        ctx.store.count(COLLECTIONS.comments, { createdAt: inYear, answerDays: b.to === null ? { $gte: b.from } : { $gte: b.from, $lte: b.to } }),
      ),
    ),
    Promise.all(MONTHS.map((m) => ctx.store.count(COLLECTIONS.ratings, { year, counted: { $ne: false }, ratedOn: { $gte: monthStart(year, m), $lt: monthStart(year, m + 1) } }))),
  ]);
  const [statusCounts, gradeCounts, shown, pending, hidden, answered, results, summaries] = await Promise.all([
    Promise.all(DECLARATION_STATUSES.map((status) => ctx.store.count(COLLECTIONS.declarations, { status, createdAt: inYear }))),
    Promise.all(GRADES.map((grade) => ctx.store.count(COLLECTIONS.assessmentResults, { year, status: 'published', grade }))),
    ctx.store.count(COLLECTIONS.comments, { status: 'shown', createdAt: inYear }),
    ctx.store.count(COLLECTIONS.comments, { status: 'pending', createdAt: inYear }),
    ctx.store.count(COLLECTIONS.comments, { status: 'hidden', createdAt: inYear }),
    ctx.store.count(COLLECTIONS.comments, { createdAt: inYear, repliedAt: { $gt: '' } }),
    findAll<ReviewResult & { _id: string }>(ctx.store, COLLECTIONS.results, { where: { computedAt: inYear } }),
    findAll<SummaryDoc>(ctx.store, COLLECTIONS.ratingSummaries, { where: { year } }),
  ]);
  const [call, groupTotals, byCategory, answerBands, byMonth] = await extra;
  // A draft may be saved before its category is chosen: what the categories do not hold, per group.
  const uncategorised = groupTotals.map((n, i) => n - byCategory.reduce((m, c) => m + c[i], 0));
  // Only the category and district of each rated product (issue 25: the whole documents of a city's products were tens of megabytes).
  const products = new Map((await findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, summaries.map((s) => s.productId), ['category', 'district'])).map((p) => [p._id, p]));

  const passed = results.filter((r) => r.passed).length;
  const bands = DASHBOARD_SCORE_BANDS.map((b, i) => ({
    band: b.band,
    count: results.filter((r) => r.average >= b.from && (i === 0 || r.average < DASHBOARD_SCORE_BANDS[i - 1].from)).length,
  }));
  const levels = [0, 0, 0, 0, 0];
  for (const s of summaries) s.levels.forEach((n, i) => (levels[i] += n));
  const count = levels.reduce((a, b) => a + b, 0);
  const sum = (k: 'casesOpened' | 'casesClosedOnTime' | 'casesLate') => summaries.reduce((n, s) => n + s[k], 0);
  const categoryOf = (s: SummaryDoc) => products.get(s.productId)?.category ?? 'other';
  return {
    year,
    declarations: {
      total: statusCounts.reduce((a, b) => a + b, 0),
      byStatus: DECLARATION_STATUSES.map((status, i) => ({ status, label: DECLARATION_STATUS_LABELS[status], count: statusCounts[i] })),
      call: {
        callId,
        title: call?.title ?? null,
        total: groupTotals.reduce((a, b) => a + b, 0),
        byCategory: [
          ...CATEGORIES.map((category, i) => ({ category, label: CATEGORY_LABELS[category], counts: byCategory[i] })),
          ...(uncategorised.some((n) => n > 0) ? [{ category: 'none', label: '类别未选或有误', counts: uncategorised }] : []),
        ],
      },
    },
    review: {
      results: results.length,
      passed,
      passRate: results.length ? to2(passed / results.length) : null,
      average: results.length ? to2(results.reduce((n, r) => n + r.average, 0) / results.length) : null,
      bands,
    },
    publicity: { shown, pending, hidden, answered, answerBands: DASHBOARD_ANSWER_BANDS.map((b, i) => ({ band: b.band, count: answerBands[i] })) },
    ratings: {
      count,
      satisfactionRate: satisfactionRate(satisfiedIn(levels), count),
      levels,
      byMonth,
      casesOpened: sum('casesOpened'),
      casesOnTime: sum('casesClosedOnTime'),
      casesLate: sum('casesLate'),
      byCategory: groups(summaries, categoryOf, (k) => CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS] ?? k),
      byDistrict: groups(summaries, (s) => products.get(s.productId)?.district || '未填写', (k) => k),
    },
    assessments: { byGrade: GRADES.map((grade, i) => ({ grade, label: GRADE_LABELS[grade], count: gradeCounts[i] })) },
    backup: ctx.backups ? { kind: 'local', last: ctx.backups.last(), schedule: ctx.backups.schedule } : { kind: 'cloud' },
  };
}
