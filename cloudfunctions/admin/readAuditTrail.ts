import type { AuditEntry } from '../../types/actions/admin';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { MAX_PAGE } from '../_lib/store/port';

/** A record's whole history, oldest first. */
export async function readAuditTrail(input: { recordId: string }, ctx: Ctx): Promise<{ entries: AuditEntry[] }> {
  const docs = await ctx.store.find<AuditEntry & { _id: string }>(COLLECTIONS.audit, {
    where: { recordId: input.recordId },
    orderBy: [['_id', 'asc']],
    limit: MAX_PAGE,
  });
  return { entries: docs.map(({ _id, ...entry }) => entry) };
}
