import type * as z from 'zod';
import type { recordInput } from '../../types/actions/procurement';
import { fen, type ProcurementDoc } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { invalid } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { checkAttachments } from '../declarations/registerFile';
import { countRecord } from './counters';
import { loadListedProduct, procurementView, unitName } from './load';

type Input = z.output<typeof recordInput>;

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
  await ctx.store.transaction(async (tx) => {
    await checkAttachments(tx, ctx, input.evidence, 'evidence');
    await tx.insert(COLLECTIONS.procurements, doc);
    await countRecord(tx, doc, 'recorded');
    await appendAudit(tx, ctx, { collection: COLLECTIONS.procurements, recordId: doc._id, change: { recorded: true, productId: doc.productId, amountFen: doc.amountFen, quantity: doc.quantity } });
  });
  return procurementView(doc);
}
