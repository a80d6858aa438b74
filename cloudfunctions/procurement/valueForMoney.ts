import type { ValueRow } from '../../types/actions/procurement';
import type { ProductDoc } from '../../types/product';
import { yuan, type ProcurementCounterDoc } from '../../types/procurement';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findAll, selfReportsOfYear } from '../assessments/load';

/**
 * 投入产出比: per product, the confirmed amount divided by the services delivered that year — the provider's
 * self-reported count where it reported one, otherwise the rating codes it issued for services that year.
 */
export async function valueForMoney(input: { year: number }, ctx: Ctx): Promise<{ year: number; rows: ValueRow[] }> {
  const counters = await findAll<ProcurementCounterDoc>(ctx.store, COLLECTIONS.procurementCounters, { where: { year: input.year }, orderBy: [['_id', 'asc']] });
  const reports = new Map((await selfReportsOfYear(ctx.store, input.year)).map((r) => [r.productId, r.servedCount]));
  const rows: ValueRow[] = [];
  for (const c of counters.filter((x) => x.confirmed > 0)) {
    const p = await ctx.store.get<ProductDoc>(COLLECTIONS.products, c.productId);
    let services: number | null = reports.get(c.productId) ?? null;
    let from: ValueRow['servicesFrom'] = services === null ? null : 'self-report';
    if (services === null) {
      const codes = await ctx.store.count(COLLECTIONS.ratingTokens, { productId: c.productId, servedOn: { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` } });
      if (codes > 0) [services, from] = [codes, 'rating-codes'];
    }
    const amount = yuan(c.confirmedAmountFen);
    rows.push({
      productId: c.productId,
      productName: p?.name ?? c.productId,
      units: c.unitOrgIds.length,
      amount,
      services,
      servicesFrom: from,
      costPerService: services ? Math.round((c.confirmedAmountFen / services)) / 100 : null,
    });
  }
  return { year: input.year, rows };
}
