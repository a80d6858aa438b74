import type { PublicListResult } from '../../types/actions/supervision';
import { evidenceOf, evidenceText } from '../../types/assessment';
import type { CatalogueChangeDoc } from '../../types/credit';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import type { OrgDoc } from '../admin/createInvite';
import { lowSatisfactionOrgs } from './proposeAdjustment';
import { publishedResults } from './readProvider';
import { loadRules } from './rules';

/**
 * 向社会公示 (section 三, 调整): the products graded 不合格 and the institutions with low satisfaction that year, from the
 * published assessment, with its document; and the products that left the catalogue that year, with theirs.
 */
export async function readPublicList(input: { year: number }, ctx: Ctx): Promise<PublicListResult> {
  const rules = await loadRules(ctx.store);
  const results = await publishedResults(ctx, { year: input.year });
  const failing = results.filter((r) => r.grade === 'fail');
  const products = new Map<string, ProductDoc>();
  for (let i = 0; i < failing.length; i += 100)
    for (const p of await ctx.store.find<ProductDoc>(COLLECTIONS.products, { where: { _id: { $in: failing.slice(i, i + 100).map((r) => r.productId) } }, limit: 100 })) products.set(p._id, p);
  const low = lowSatisfactionOrgs(results, rules.adjustment);
  const orgs = new Map<string, OrgDoc>();
  for (const l of low) {
    const o = await ctx.store.get<OrgDoc>(COLLECTIONS.orgs, l.orgId);
    if (o) orgs.set(o._id, o);
  }
  const left = await ctx.store.find<CatalogueChangeDoc>(COLLECTIONS.catalogueChanges, {
    where: { change: 'left', on: { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` } },
    orderBy: [['on', 'asc']],
    limit: 1000,
  });
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
