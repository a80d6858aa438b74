/** 探索产品个性定制: a purchasing unit asks a provider to tailor a catalogue product; the provider proposes; the unit accepts. */
import type { ProductDoc } from '../../types/product';
import { fen, offersOf, yuan, type CustomRequestDoc, type ProcurementDoc } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { AppError, conflict, forbidden, invalid } from '../_lib/errors';
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

/**
 * The provider proposes terms and a price; the answer carries the product's declared standard beside them. Every
 * answer is a new offer version (kept); the unit accepts a version by its number.
 */
export async function answerCustom(input: { requestId: string; terms: string; price: number }, ctx: Ctx) {
  const next = await ctx.store.transaction(async (tx) => {
    const r = await loadInTx<CustomRequestDoc>(tx, COLLECTIONS.customRequests, input.requestId, '定制请求');
    if (!providesProduct(ctx.caller, r)) throw forbidden('只有提供这个产品的单位可以答复定制请求');
    if (r.status === 'accepted') throw conflict('采购单位已经接受了方案，不能再修改');
    const at = ctx.clock.now().toISOString();
    const offers = [...offersOf(r), { version: offersOf(r).length + 1, terms: input.terms, priceFen: fen(input.price), at }];
    const n: CustomRequestDoc = { ...r, status: 'answered', terms: input.terms, priceFen: fen(input.price), offers, answeredAt: at };
    await tx.set(COLLECTIONS.customRequests, r._id, n);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.customRequests, recordId: r._id, change: { answered: true, offerVersion: offers.length, priceFen: n.priceFen } });
    return n;
  });
  return customView(next, await product(ctx, next.productId));
}

/**
 * The purchasing unit accepts the proposal it read, named by its version (and, if given, its price): in one
 * transaction the request is closed and a procurement record with the tailored terms is made — already agreed by both
 * sides, so confirmed and counted. If the provider has answered again since, the acceptance is refused (CONFLICT)
 * with the new version and price, and nothing is written.
 */
export async function acceptCustom(input: { requestId: string; offerVersion: number; price?: number }, ctx: Ctx) {
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  const out = await ctx.store.transaction(async (tx) => {
    const r = await loadInTx<CustomRequestDoc>(tx, COLLECTIONS.customRequests, input.requestId, '定制请求');
    if (!ownsPurchase(ctx.caller, r)) throw forbidden('这条定制请求不是您的单位提出的');
    if (r.status === 'asked') throw conflict('服务单位还没有答复方案，请等答复后再接受');
    if (r.status === 'accepted') throw conflict('这个方案已经接受过了');
    const offers = offersOf(r);
    const current = offers[offers.length - 1];
    const seen = offers.find((o) => o.version === input.offerVersion);
    if (!seen) throw invalid('没有这一版方案，请刷新后查看服务单位的方案', [{ path: 'offerVersion', message: '没有这一版方案，请刷新后查看' }]);
    if (current.version !== input.offerVersion) {
      const message = `服务单位已修改方案：现在是第 ${current.version} 版，报价 ${yuan(current.priceFen)} 元（您看到的是第 ${seen.version} 版，报价 ${yuan(seen.priceFen)} 元）。请查看新方案后再决定是否接受`;
      throw new AppError('CONFLICT', message, [{ path: 'offerVersion', message }]);
    }
    if (input.price !== undefined && fen(input.price) !== current.priceFen) {
      const message = `第 ${current.version} 版方案的报价是 ${yuan(current.priceFen)} 元，与您填写的 ${input.price} 元不符，请核对`;
      throw new AppError('CONFLICT', message, [{ path: 'price', message }]);
    }
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
    const n: CustomRequestDoc = { ...r, status: 'accepted', offers, acceptedVersion: current.version, procurementId: rec._id, acceptedAt: now };
    await tx.set(COLLECTIONS.customRequests, r._id, n);
    await tx.insert(COLLECTIONS.procurements, rec);
    await countRecord(tx, rec, 'recorded-confirmed');
    await appendAudit(tx, ctx, { collection: COLLECTIONS.customRequests, recordId: r._id, change: { accepted: true, offerVersion: current.version, priceFen: current.priceFen, procurementId: rec._id } });
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
