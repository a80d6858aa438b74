import type { ProviderResult } from '../../types/actions/supervision';
import { evidenceOf, evidenceText, gradeText, showsScore } from '../../types/assessment';
import { isPublicOn, type AssessmentResultContract, type ProductNoticeView } from '../../types/credit';
import type { ProductDoc } from '../../types/product';
import { satisfactionRate, satisfiedIn, type SummaryDoc } from '../../types/rating';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import type { OrgDoc } from '../admin/createInvite';
import { orgStatusOf, type OrgDoc as VerifiedOrg } from '../../types/org';
import { standingOf } from '../catalogue/productView';
import { toPublicEvent } from './eventView';
import { eventsOf } from './readEvents';
import { findByIds } from '../_lib/store/pages';
import { summaryId } from '../ratings/summary';

/** Published grades only (the assessment contract): drafts and confirmed-but-unpublished results are never read here. */
export async function publishedResults(ctx: Ctx, where: Record<string, string | number>): Promise<AssessmentResultContract[]> {
  return ctx.store.find<AssessmentResultContract>(COLLECTIONS.assessmentResults, { where: { ...where, status: 'published' }, limit: 1000 });
}

/**
 * The provider's public page (12348-style, tied to the products a citizen chooses from): the organisation, its
 * products in, suspended from or exited from the catalogue, their published grades by year, their satisfaction, and
 * the credit events inside their publicity period — and only those. Only for a verified organisation.
 */
export async function readProvider(input: { orgId: string }, ctx: Ctx): Promise<ProviderResult> {
  // One round trip (issue 25: four one after another): the organisation, its products, its published results and its
  // credit events together, all keyed by the id asked for.
  const today = ctx.clock.today();
  const [org, productDocs, results, allEvents] = await Promise.all([
    ctx.store.get<OrgDoc>(COLLECTIONS.orgs, input.orgId),
    ctx.store.find<ProductDoc>(COLLECTIONS.products, { where: { orgId: input.orgId }, orderBy: [['sortKey', 'desc']], limit: 1000 }),
    publishedResults(ctx, { orgId: input.orgId }),
    eventsOf(ctx.store, [input.orgId]),
  ]);
  // Only a verified organisation has a public page: a pending or refused registration answers as an unknown one (issue 21).
  if (!org || orgStatusOf(org as Pick<VerifiedOrg, 'status'>) !== 'verified') throw notFound('没有找到这个服务机构');
  const products = productDocs.filter((p) => p.status === 'listed' || (p.status === 'suspended' && p.suspension) || (p.status === 'exited' && p.exit));
  // 满意率 by the one definition, from the counts (never from rounded rates): each product's all-time summary.
  const summaries = await findByIds<SummaryDoc>(ctx.store, COLLECTIONS.ratingSummaries, products.map((p) => summaryId(p._id, null)));
  let count = 0;
  let satisfied = 0;
  for (const s of summaries) {
    count += s.count;
    satisfied += satisfiedIn(s.levels);
  }
  const events = allEvents.filter((e) => isPublicOn(e, today));
  return {
    orgId: org._id,
    name: org.name,
    kind: org.kind === 'association' ? 'association' : 'provider',
    products: products.map((p) => ({
      productId: p._id,
      name: p.name,
      category: p.category,
      purchaseMethod: p.purchaseMethod,
      price: p.spec.price,
      ...standingOf(p),
      grades: results
        .filter((r) => r.productId === p._id)
        .sort((a, b) => b.year - a.year)
        .map((r) => ({ year: r.year, grade: r.grade, gradeLabel: gradeText(r), score: showsScore(r) ? r.score : null, evidence: evidenceText(evidenceOf(r)), documentNumber: r.documentNumber ?? null })),
      rating: p.rating,
    })),
    satisfaction: { count, satisfactionRate: satisfactionRate(satisfied, count) },
    events: events.map(toPublicEvent),
  };
}

/** What the product page says: exited or suspended, and the provider's public negative events. */
export async function readProductNotice(input: { productId: string }, ctx: Ctx): Promise<ProductNoticeView & { orgId: string | null; providerName: string }> {
  const p = await ctx.store.get<ProductDoc>(COLLECTIONS.products, input.productId);
  if (!p) throw notFound('没有找到这个产品');
  const today = ctx.clock.today();
  const events = p.orgId ? (await eventsOf(ctx.store, [p.orgId])).filter((e) => e.polarity === 'negative' && isPublicOn(e, today)) : [];
  return {
    ...standingOf(p),
    negativeEvents: events.map((e) => {
      const v = toPublicEvent(e);
      return { kindLabel: v.kindLabel, title: v.title, occurredOn: v.occurredOn, publicUntil: v.publicUntil };
    }),
    orgId: p.orgId,
    providerName: p.providerName,
  };
}
