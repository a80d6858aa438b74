import type { PublicListResult } from '../../types/actions/supervision';
import { evidenceOf, evidenceText } from '../../types/assessment';
import type { CatalogueChangeDoc } from '../../types/credit';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findByIds } from '../_lib/store/pages';
import type { OrgDoc } from '../admin/createInvite';
import { lowSatisfactionOrgs } from './proposeAdjustment';
import { publishedResults } from './readProvider';
import { loadRules } from './rules';

/**
 * 向社会公示 (section 三, 调整): the products graded 不合格 and the institutions with low satisfaction that year, from the
 * published assessment, with its document; and the products that left the catalogue that year, with theirs.
 */
export async function readPublicList(input: { year: number }, ctx: Ctx): Promise<PublicListResult> {
  // Three round trips whatever the year holds (issue 25: a read per low-satisfaction institution grew with them): the
  // rules, the results and the year's exits together; then the failing products and the institutions by id together.
  const [rules, results, left] = await Promise.all([
    loadRules(ctx.store),
    publishedResults(ctx, { year: input.year }),
    ctx.store.find<CatalogueChangeDoc>(COLLECTIONS.catalogueChanges, {
      where: { change: 'left', on: { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` } },
      orderBy: [['on', 'asc']],
      limit: 1000,
    }),
  ]);
  const failing = results.filter((r) => r.grade === 'fail');
  const low = lowSatisfactionOrgs(results, rules.adjustment);
  const [productDocs, orgDocs] = await Promise.all([
    findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, failing.map((r) => r.productId)),
    findByIds<OrgDoc>(ctx.store, COLLECTIONS.orgs, low.map((l) => l.orgId)),
  ]);
  const products = new Map(productDocs.map((p) => [p._id, p]));
  const orgs = new Map(orgDocs.map((o) => [o._id, o]));
  return {
    year: input.year,
    failed: failing
      .filter((r) => products.has(r.productId))
      .map((r) => {
        const p = products.get(r.productId)!;
        return { productId: p._id, name: p.name, providerName: p.providerName, score: r.score, evidence: evidenceText(evidenceOf(r)), documentNumber: r.documentNumber ?? null, publishedAt: r.publishedAt ?? null };
      }),
    lowSatisfaction: low.map((l) => ({ orgId: l.orgId, name: orgs.get(l.orgId)?.name ?? '', satisfactionRate: l.satisfactionRate, ratings: l.ratings, reason: l.reason })),
    left: left.map((c) => ({ productId: c.productId, name: c.productName, on: c.on, documentNumber: c.documentNumber ?? null, reason: c.reason ?? null })),
  };
}
