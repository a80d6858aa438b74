import type { EventView } from '../../types/actions/supervision';
import type { CreditEventDoc } from '../../types/credit';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { toEventView } from './eventView';

/** The bureau revokes an event (e.g. a court overturned it): it leaves the public page at once; nothing is deleted. */
export async function revokeEvent(input: { eventId: string; reason: string }, ctx: Ctx): Promise<EventView> {
  const revoked = { reason: input.reason, at: ctx.clock.now().toISOString(), by: ctx.caller.userId };
  const next = await ctx.store.transaction(async (tx) => {
    const e = await tx.get<CreditEventDoc>(COLLECTIONS.creditEvents, input.eventId);
    if (!e) throw notFound('没有找到这条信用信息');
    if (e.revoked) throw conflict('这条信用信息已经撤销过了');
    await tx.update(COLLECTIONS.creditEvents, e._id, { revoked });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.creditEvents, recordId: e._id, change: { revoked: input.reason } });
    return { ...e, revoked };
  });
  return toEventView(next, ctx.clock.today(), ctx.caller);
}
