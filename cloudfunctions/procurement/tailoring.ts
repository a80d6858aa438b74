/** 探索产品个性定制: a purchasing unit asks a provider to tailor a catalogue product; the provider proposes; the unit accepts. */
import type { ProductDoc } from '../../types/product';
import { fen, type CustomRequestDoc, type ProcurementDoc } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden } from '../_lib/errors';
import { newId, sha256 } from '../_lib/ids';
import { sameNameKey } from '../_lib/normalizeText';
import { DuplicateKeyError } from '../_lib/store/port';
import { isApplicant, isPurchaser } from '../_lib/rules';
import { findAll } from '../assessments/load';
import { countRecord } from './counters';
import { customView, loadInTx, loadListedProduct, procurementView, unitName } from './load';
import { ownsPurchase, providesProduct } from './permissions';

const product = (ctx: Ctx, id: string) => ctx.store.get<ProductDoc>(COLLECTIONS.products, id);

export async function requestCustom(input: { productId: string; need: string; audience: string; schedule: string; budget?: number }, ctx: Ctx) {
  const p = await loadListedProduct(ctx, input.productId);
  const doc: CustomRequestDoc = {
    _id: newId('cr'),
    productId: p._id,
    productName: p.name,
    providerOrgId: p.orgId,
    purchaserOrgId: ctx.caller.orgId!,
    purchaserName: await unitName(ctx),
    need: input.need,
    audience: input.audience,
    schedule: input.schedule,
    budgetFen: input.budget === undefined ? null : fen(input.budget),
    status: 'asked',
    terms: null,
    priceFen: null,
    procurementId: null,
    createdAt: ctx.clock.now().toISOString(),
    answeredAt: null,
    acceptedAt: null,
  };
  // The same request again the same day (same unit, product and need, however spaced or punctuated) is a duplicate.
  const dupId = `custom:${sha256([doc.purchaserOrgId, doc.productId, ctx.clock.today(), sameNameKey(input.need)].join('|'))}`;
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insert(COLLECTIONS.counters, { _id: dupId });
      await tx.insert(COLLECTIONS.customRequests, doc);
      await appendAudit(tx, ctx, { collection: COLLECTIONS.customRequests, recordId: doc._id, change: { asked: true, productId: doc.productId } });
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError && e.collection === COLLECTIONS.counters)
      throw conflict('本单位今天已经就这个产品提出过相同的定制需求，请等服务单位答复，不用重复提交');
    throw e;
  }
  return customView(doc, p);
}

/** The provider proposes terms and a price; the answer carries the product's declared standard beside them. */
export async function answerCustom(input: { requestId: string; terms: string; price: number }, ctx: Ctx) {
  const next = await ctx.store.transaction(async (tx) => {
    const r = await loadInTx<CustomRequestDoc>(tx, COLLECTIONS.customRequests, input.requestId, '定制请求');
    if (!providesProduct(ctx.caller, r)) throw forbidden('只有提供这个产品的单位可以答复定制请求');
    if (r.status === 'accepted') throw conflict('采购单位已经接受了方案，不能再修改');
    const n: CustomRequestDoc = { ...r, status: 'answered', terms: input.terms, priceFen: fen(input.price), answeredAt: ctx.clock.now().toISOString() };
    await tx.set(COLLECTIONS.customRequests, r._id, n);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.customRequests, recordId: r._id, change: { answered: true, priceFen: n.priceFen } });
    return n;
  });
  return customView(next, await product(ctx, next.productId));
}

/**
 * The purchasing unit accepts the proposal: in one transaction the request is closed and a procurement record with the
 * tailored terms is made — already agreed by both sides, so confirmed and counted.
 */
export async function acceptCustom(input: { requestId: string }, ctx: Ctx) {
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  const out = await ctx.store.transaction(async (tx) => {
    const r = await loadInTx<CustomRequestDoc>(tx, COLLECTIONS.customRequests, input.requestId, '定制请求');
    if (!ownsPurchase(ctx.caller, r)) throw forbidden('这条定制请求不是您的单位提出的');
    if (r.status === 'asked') throw conflict('服务单位还没有答复方案，请等答复后再接受');
    if (r.status === 'accepted') throw conflict('这个方案已经接受过了');
    const p = await tx.get<ProductDoc>(COLLECTIONS.products, r.productId);
    const rec: ProcurementDoc = {
      _id: newId('pr'),
      year: Number(today.slice(0, 4)),
      productId: r.productId,
      productName: r.productName,
      providerOrgId: r.providerOrgId,
      purchaserOrgId: r.purchaserOrgId,
      purchaserName: r.purchaserName,
      purchaseMethod: p?.purchaseMethod ?? 'other',
      from: today,
      to: `${today.slice(0, 4)}-12-31`,
      quantity: 1,
      amountFen: r.priceFen!,
      contractNumber: null,
      evidence: [],
      status: 'confirmed',
      note: '个性定制方案，双方已确认',
      customRequestId: r._id,
      customTerms: r.terms,
      recordedBy: ctx.caller.userId!,
      recordedAt: now,
      answeredAt: now,
    };
    const n: CustomRequestDoc = { ...r, status: 'accepted', procurementId: rec._id, acceptedAt: now };
    await tx.set(COLLECTIONS.customRequests, r._id, n);
    await tx.insert(COLLECTIONS.procurements, rec);
    await countRecord(tx, rec, 'recorded-confirmed');
    await appendAudit(tx, ctx, { collection: COLLECTIONS.customRequests, recordId: r._id, change: { accepted: true, procurementId: rec._id } });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.procurements, recordId: rec._id, change: { recorded: true, fromRequest: r._id, amountFen: rec.amountFen } });
    return { n, rec, p };
  });
  return { request: customView(out.n, out.p), procurement: procurementView(out.rec) };
}

/** A purchaser's requests, and a provider's requests to answer (unanswered first). */
export async function customRequests(_: unknown, ctx: Ctx) {
  const orgId = ctx.caller.orgId!;
  const by = [['createdAt', 'desc'], ['_id', 'desc']] as [string, 'asc' | 'desc'][];
  const asked = isPurchaser(ctx.caller) ? await findAll<CustomRequestDoc>(ctx.store, COLLECTIONS.customRequests, { where: { purchaserOrgId: orgId }, orderBy: by }) : [];
  const received = isApplicant(ctx.caller) ? await findAll<CustomRequestDoc>(ctx.store, COLLECTIONS.customRequests, { where: { providerOrgId: orgId }, orderBy: by }) : [];
  const products = new Map<string, ProductDoc | null>();
  for (const r of [...asked, ...received]) if (!products.has(r.productId)) products.set(r.productId, await product(ctx, r.productId));
  const rank = (r: CustomRequestDoc) => (r.status === 'asked' ? 0 : 1);
  return {
    asked: asked.map((r) => customView(r, products.get(r.productId) ?? null)),
    received: [...received].sort((a, b) => rank(a) - rank(b)).map((r) => customView(r, products.get(r.productId) ?? null)),
  };
}
