/**
 * One timeline per product: declared, reviewed (the average), publicity window, published (文号), assessed (grades,
 * from published assessment results) and adjusted (catalogue changes) — each with its date and document. Public:
 * only what is already public elsewhere (no names of people, no individual scores).
 */
import type { DeclarationDoc } from '../../types/declaration';
import type { ProductDoc } from '../../types/product';
import type { PublicityDoc } from '../../types/publicity';
import type { ReviewResult } from '../../types/review';
import { evidenceOf, evidenceText, gradeText, showsScore, type AssessmentResultDoc } from '../../types/assessment';
import { CHANGE_LABELS, type ProductTimeline, type TimelineEvent } from '../../types/timeline';
import { shanghaiDate } from '../../types/time';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';

/** Issue 12's catalogue changes (the shared contract; read only here). */
interface CatalogueChangeDoc {
  _id: string;
  version: number;
  on: string;
  productId: string;
  change: string;
  documentNumber?: string;
  reason?: string;
}

export async function productTimeline(input: { productId: string }, ctx: Ctx): Promise<ProductTimeline> {
  const p = await ctx.store.get<ProductDoc>(COLLECTIONS.products, input.productId);
  if (!p) throw notFound('没有找到这个服务');
  const events: TimelineEvent[] = [];
  const d = p.declarationId ? await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, p.declarationId) : null;
  if (d?.submittedAt) {
    const by = d.recommenderOrgId && d.recommender ? `，由${d.recommender}推荐` : '';
    events.push({ kind: 'declared', on: shanghaiDate(d.submittedAt), until: null, text: `${d.spec.cover?.applicantName ?? p.providerName}提交申报${by}`, documentNumber: null });
  }
  const result = d ? await ctx.store.get<ReviewResult & { _id: string }>(COLLECTIONS.results, d._id) : null;
  if (result?.confirmedAt)
    events.push({ kind: 'reviewed', on: shanghaiDate(result.confirmedAt), until: null, text: `专家评审组评审，平均分 ${result.average.toFixed(2)}，经评审组确认拟定为公共法律服务产品`, documentNumber: null });
  const publicity = d ? await ctx.store.get<PublicityDoc>(COLLECTIONS.publicity, d._id) : null;
  if (publicity?.windows.length) {
    const first = publicity.windows[0];
    const last = publicity.windows[publicity.windows.length - 1];
    const extended = publicity.windows.length > 1 ? `（延长 ${publicity.windows.length - 1} 次）` : '';
    events.push({ kind: 'publicity', on: first.startsOn, until: last.endsOn, text: `向社会公示${extended}${publicity.outcome === 'recognised' ? '，公示通过' : ''}`, documentNumber: null });
  }
  events.push({ kind: 'published', on: p.publishedOn, until: null, text: '市司法局发文公布，列入公共法律服务产品目录库', documentNumber: p.documentNumber });

  const assessments = await ctx.store.find<AssessmentResultDoc>(COLLECTIONS.assessmentResults, { where: { productId: p._id, status: 'published' }, orderBy: [['year', 'asc']], limit: 100 });
  for (const a of assessments)
    events.push({ kind: 'assessed', on: a.publishedAt ? shanghaiDate(a.publishedAt) : `${a.year}-12-31`, until: null, text: `${a.year} 年度专项测评：${gradeText(a)}${showsScore(a) ? `，${a.score} 分` : ''}（${evidenceText(evidenceOf(a))}）`, documentNumber: a.documentNumber ?? null });
  const changes = await ctx.store.find<CatalogueChangeDoc>(COLLECTIONS.catalogueChanges, { where: { productId: p._id }, orderBy: [['version', 'asc']], limit: 100 });
  for (const c of changes.filter((x) => x.change !== 'added'))
    events.push({ kind: 'adjusted', on: c.on, until: null, text: `${CHANGE_LABELS[c.change] ?? c.change}${c.reason ? `：${c.reason}` : ''}`, documentNumber: c.documentNumber ?? null });

  // Stable by date; steps on one day keep their order of the procedure.
  const order = events.map((e, i) => ({ e, i }));
  order.sort((a, b) => a.e.on.localeCompare(b.e.on) || a.i - b.i);
  return { productId: p._id, events: order.map((x) => x.e) };
}
