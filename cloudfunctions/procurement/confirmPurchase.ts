import type { ProcurementDoc } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden } from '../_lib/errors';
import { countRecord } from './counters';
import { loadInTx, procurementView } from './load';
import { providesProduct } from './permissions';

/** The providing organisation confirms a purchase of its product, or disputes it with a reason. Answered once. */
export async function confirmPurchase(input: { procurementId: string; agree: boolean; note?: string }, ctx: Ctx) {
  return ctx.store.transaction(async (tx) => {
    const r = await loadInTx<ProcurementDoc>(tx, COLLECTIONS.procurements, input.procurementId, '采购记录');
    if (!providesProduct(ctx.caller, r)) throw forbidden('只有提供这个产品的单位可以确认这条采购记录');
    if (r.status !== 'pending') throw conflict(r.status === 'confirmed' ? '这条采购记录已经确认过了' : '这条采购记录已经提出过异议');
    const next: ProcurementDoc = { ...r, status: input.agree ? 'confirmed' : 'disputed', note: input.note || null, answeredAt: ctx.clock.now().toISOString() };
    await tx.set(COLLECTIONS.procurements, r._id, next);
    if (input.agree) await countRecord(tx, next, 'confirmed');
    await appendAudit(tx, ctx, { collection: COLLECTIONS.procurements, recordId: r._id, change: { status: next.status, note: next.note } });
    return procurementView(next);
  });
}
