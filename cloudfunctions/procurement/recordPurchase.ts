import type * as z from 'zod';
import type { recordInput } from '../../types/actions/procurement';
import { fen, type ProcurementDoc } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid } from '../_lib/errors';
import { newId, sha256 } from '../_lib/ids';
import { DuplicateKeyError } from '../_lib/store/port';
import { checkAttachments } from '../declarations/registerFile';
import { sameNameKey } from '../_lib/normalizeText';
import { countRecord } from './counters';
import { loadListedProduct, procurementView, unitName } from './load';

type Input = z.output<typeof recordInput>;

/** What makes two purchase records the same purchase: the contract number compared by `sameNameKey` (whatever its width, case, spacing, dashes, invisible or traditional characters). */
export const purchaseKey = (d: Pick<ProcurementDoc, 'purchaserOrgId' | 'productId' | 'from' | 'to' | 'quantity' | 'amountFen' | 'contractNumber'>) =>
  `purchase:${sha256([d.purchaserOrgId, d.productId, d.from, d.to, d.quantity, d.amountFen, sameNameKey(d.contractNumber ?? '')].join('|'))}`;

/** A purchasing unit records what it bought, with the contract or invoice; the provider then confirms or disputes. */
export async function recordPurchase(input: Input, ctx: Ctx) {
  const product = await loadListedProduct(ctx, input.productId);
  if (input.from > ctx.clock.today()) throw invalid('服务开始日期不能晚于今天：请在服务开始后再登记', [{ path: 'from', message: '服务开始日期不能晚于今天' }]);
  const doc: ProcurementDoc = {
    _id: newId('pr'),
    year: Number(input.from.slice(0, 4)),
    productId: product._id,
    productName: product.name,
    providerOrgId: product.orgId,
    purchaserOrgId: ctx.caller.orgId!,
    purchaserName: await unitName(ctx),
    purchaseMethod: product.purchaseMethod,
    from: input.from,
    to: input.to,
    quantity: input.quantity,
    amountFen: fen(input.amount),
    contractNumber: input.contractNumber || null,
    evidence: input.evidence,
    status: 'pending',
    note: null,
    customRequestId: null,
    customTerms: null,
    recordedBy: ctx.caller.userId!,
    recordedAt: ctx.clock.now().toISOString(),
    answeredAt: null,
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await checkAttachments(tx, ctx, input.evidence, 'evidence');
      // The same purchase twice (a double tap, a script): one record per purchaser, product, period, quantity, amount and
      // contract; the key is written with the record, so two racing calls collide on it.
      await tx.insert(COLLECTIONS.counters, { _id: purchaseKey(doc) });
      await tx.insert(COLLECTIONS.procurements, doc);
    await countRecord(tx, doc, 'recorded');
      await appendAudit(tx, ctx, { collection: COLLECTIONS.procurements, recordId: doc._id, change: { recorded: true, productId: doc.productId, amountFen: doc.amountFen, quantity: doc.quantity } });
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError && e.collection === COLLECTIONS.counters)
      throw conflict('本单位已经登记过这笔购买（同一产品、服务期、数量、金额和合同编号），不用重复登记；如果是另一笔购买，请填写它自己的合同编号');
    throw e;
  }
  return procurementView(doc);
}
