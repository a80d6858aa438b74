/** The per-product per-year counters, changed only inside the transaction that changes a record. */
import { counterId, type ProcurementCounterDoc, type ProcurementDoc } from '../../types/procurement';
import { COLLECTIONS } from '../_lib/collections';
import type { Tx } from '../_lib/store/port';

const empty = (year: number, productId: string): ProcurementCounterDoc => ({ _id: counterId(year, productId), year, productId, recorded: 0, confirmed: 0, unitOrgIds: [], confirmedAmountFen: 0 });

/** What one record adds to its product's counter: recorded, and (once confirmed) the unit and the amount. */
export async function countRecord(tx: Tx, r: ProcurementDoc, change: 'recorded' | 'confirmed' | 'recorded-confirmed'): Promise<void> {
  const id = counterId(r.year, r.productId);
  const c = (await tx.get<ProcurementCounterDoc>(COLLECTIONS.procurementCounters, id)) ?? empty(r.year, r.productId);
  const next: ProcurementCounterDoc = { ...c };
  if (change !== 'confirmed') next.recorded += 1;
  if (change !== 'recorded') {
    next.confirmed += 1;
    next.confirmedAmountFen += r.amountFen;
    if (!next.unitOrgIds.includes(r.purchaserOrgId)) next.unitOrgIds = [...next.unitOrgIds, r.purchaserOrgId];
  }
  await tx.set(COLLECTIONS.procurementCounters, id, next);
}
