import type { ProductProcurementSummary } from '../../types/actions/procurement';
import type { ProductDoc } from '../../types/product';
import { counterId, isPublicMoney, yuan, type ProcurementCounterDoc, type ProcurementDoc } from '../../types/procurement';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import { isApplicant, isPurchaser } from '../_lib/rules';
import type { Where } from '../_lib/store/port';
import { findAll } from '../assessments/load';
import { procurementView } from './load';

const byRecorded = [['recordedAt', 'desc'], ['_id', 'desc']] as [string, 'asc' | 'desc'][];

/** A purchaser: the records it made. A provider: the purchases of its products (those to confirm first). */
export async function minePurchases(_: unknown, ctx: Ctx) {
  const orgId = ctx.caller.orgId!;
  const purchases = isPurchaser(ctx.caller) ? await findAll<ProcurementDoc>(ctx.store, COLLECTIONS.procurements, { where: { purchaserOrgId: orgId }, orderBy: byRecorded }) : [];
  const provided = isApplicant(ctx.caller) ? await findAll<ProcurementDoc>(ctx.store, COLLECTIONS.procurements, { where: { providerOrgId: orgId }, orderBy: byRecorded }) : [];
  const rank = (r: ProcurementDoc) => (r.status === 'pending' ? 0 : 1);
  return { purchases: purchases.map(procurementView), toConfirm: [...provided].sort((a, b) => rank(a) - rank(b)).map(procurementView) };
}

/** The bureau's table, by year, product and status (`disputed`: the disputes waiting for its ruling). */
export async function listPurchases(input: { year?: number; productId?: string; status?: ProcurementDoc['status'] }, ctx: Ctx) {
  const where: Where = {};
  if (input.status) where.status = input.status;
  if (input.year) where.year = input.year;
  if (input.productId) where.productId = input.productId;
  return { items: (await findAll<ProcurementDoc>(ctx.store, COLLECTIONS.procurements, { where, orderBy: byRecorded })).map(procurementView) };
}

/**
 * The product page: how many purchasing units bought it this year (confirmed records), read from the counter.
 * The amount is public only when the purchase method spends public money (政府购买, 政府补贴).
 */
export async function productSummary(input: { productId: string }, ctx: Ctx): Promise<ProductProcurementSummary> {
  const p = await ctx.store.get<ProductDoc>(COLLECTIONS.products, input.productId);
  if (!p) throw notFound('没有找到这个产品');
  const year = Number(ctx.clock.today().slice(0, 4));
  const c = await ctx.store.get<ProcurementCounterDoc>(COLLECTIONS.procurementCounters, counterId(year, p._id));
  const out: ProductProcurementSummary = { year, units: c?.unitOrgIds.length ?? 0, purchaseMethod: p.purchaseMethod };
  if (isPublicMoney(p.purchaseMethod)) out.amount = yuan(c?.confirmedAmountFen ?? 0);
  return out;
}
