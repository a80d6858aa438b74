import type { ValueRow } from '../../types/actions/procurement';
import type { ProductDoc } from '../../types/product';
import { yuan, type ProcurementCounterDoc } from '../../types/procurement';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findAll, selfReportsOfYear } from '../assessments/load';
import { findByIds } from '../_lib/store/pages';

/**
 * 投入产出比: per product, the confirmed amount divided by the services delivered that year — the provider's
 * self-reported count where it reported one, otherwise the rating codes it issued for services that year.
 */
export async function valueForMoney(input: { year: number }, ctx: Ctx): Promise<{ year: number; rows: ValueRow[] }> {
  // Three round trips however many products were bought (issue 25): the counters and the self-reports together (count
  // and pages), then every product and every needed count of rating codes together.
  const [counters, reportDocs] = await Promise.all([
    findAll<ProcurementCounterDoc>(ctx.store, COLLECTIONS.procurementCounters, { where: { year: input.year }, orderBy: [['_id', 'asc']] }),
    selfReportsOfYear(ctx.store, input.year),
  ]);
  const reports = new Map(reportDocs.map((r) => [r.productId, r.servedCount]));
  const bought = counters.filter((x) => x.confirmed > 0);
  const codesOf = (productId: string) => ctx.store.count(COLLECTIONS.ratingTokens, { productId, servedOn: { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` } });
  const [products, codes] = await Promise.all([
    findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, bought.map((c) => c.productId)),
    Promise.all(bought.map((c) => (reports.has(c.productId) ? null : codesOf(c.productId)))),
  ]);
  const names = new Map(products.map((p) => [p._id, p.name]));
  const rows: ValueRow[] = bought.map((c, i) => {
    let services: number | null = reports.get(c.productId) ?? null;
    let from: ValueRow['servicesFrom'] = services === null ? null : 'self-report';
    if (services === null && codes[i]! > 0) [services, from] = [codes[i]!, 'rating-codes'];
    return {
      productId: c.productId,
      productName: names.get(c.productId) ?? c.productId,
      units: c.unitOrgIds.length,
      amount: yuan(c.confirmedAmountFen),
      services,
      servicesFrom: from,
      costPerService: services ? Math.round(c.confirmedAmountFen / services) / 100 : null,
    };
  });
  return { year: input.year, rows };
}
