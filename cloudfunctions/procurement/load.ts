/** Reading products, units and records; the views callers get. */
import type { CustomRequestView, ProcurementView } from '../../types/actions/procurement';
import type { ProductDoc } from '../../types/product';
import { offersOf, yuan, type CustomRequestDoc, type ProcurementDoc } from '../../types/procurement';
import { readField } from '../../types/spec';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { invalid, notFound } from '../_lib/errors';
import type { Tx } from '../_lib/store/port';

/** A listed product, or a field error on `productId`. */
export async function loadListedProduct(ctx: Ctx, productId: string): Promise<ProductDoc> {
  const p = await ctx.store.get<ProductDoc>(COLLECTIONS.products, productId);
  if (!p || p.status !== 'listed') throw invalid('没有找到这个目录内的产品', [{ path: 'productId', message: '没有找到这个目录内的产品' }]);
  return p;
}

export async function unitName(ctx: Ctx): Promise<string> {
  const org = ctx.caller.orgId ? await ctx.store.get<{ _id: string; name: string }>(COLLECTIONS.orgs, ctx.caller.orgId) : null;
  return org?.name ?? '';
}

export async function loadInTx<T extends { _id: string }>(tx: Tx, collection: string, id: string, what: string): Promise<T> {
  const doc = await tx.get<T>(collection, id);
  if (!doc) throw notFound(`没有找到这条${what}`);
  return doc;
}

export function procurementView(r: ProcurementDoc): ProcurementView {
  return {
    procurementId: r._id,
    year: r.year,
    productId: r.productId,
    productName: r.productName,
    purchaserName: r.purchaserName,
    purchaseMethod: r.purchaseMethod,
    from: r.from,
    to: r.to,
    quantity: r.quantity,
    amount: yuan(r.amountFen),
    contractNumber: r.contractNumber,
    evidence: r.evidence,
    status: r.status,
    note: r.note,
    customTerms: r.customTerms,
    recordedAt: r.recordedAt,
    settlement: r.settlement ? { decision: r.settlement.decision, reason: r.settlement.reason, at: r.settlement.at } : null,
  };
}

/** The product's declared standard, shown beside a tailored proposal. */
export function declaredStandard(p: ProductDoc | null): CustomRequestView['standard'] {
  const s = (k: string) => {
    const v = p ? readField(p.spec, k) : undefined;
    return typeof v === 'string' ? v : '';
  };
  return { serviceStandard: s('serviceStandard'), price: s('price') };
}

export function customView(r: CustomRequestDoc, product: ProductDoc | null): CustomRequestView {
  return {
    requestId: r._id,
    productId: r.productId,
    productName: r.productName,
    purchaserName: r.purchaserName,
    need: r.need,
    audience: r.audience,
    schedule: r.schedule,
    budget: r.budgetFen === null ? null : yuan(r.budgetFen),
    status: r.status,
    terms: r.terms,
    price: r.priceFen === null ? null : yuan(r.priceFen),
    offerVersion: offersOf(r).length,
    offers: offersOf(r).map((o) => ({ version: o.version, terms: o.terms, price: yuan(o.priceFen), at: o.at })),
    procurementId: r.procurementId,
    standard: declaredStandard(product),
    createdAt: r.createdAt,
  };
}
