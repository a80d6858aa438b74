import { COLLECTIONS } from './collections';
import { actingRole, type Ctx } from './context';
import { newId } from './ids';
import type { Tx } from './store/port';

export interface AuditRecord {
  collection: string;
  recordId: string;
  /** What changed: the new values, or a short description of the step. */
  change: unknown;
}

/** Appends one entry to the audit trail inside the transaction that makes the change. */
export async function appendAudit(tx: Tx, ctx: Ctx, record: AuditRecord): Promise<void> {
  await tx.insert(COLLECTIONS.audit, {
    _id: newId('a'),
    at: ctx.clock.now().toISOString(),
    userId: ctx.caller.userId,
    role: actingRole(ctx.caller),
    fn: ctx.fn,
    action: ctx.action,
    collection: record.collection,
    recordId: record.recordId,
    change: record.change,
  });
}
