import type { EventView } from '../../types/actions/supervision';
import type { CreditEventDoc } from '../../types/credit';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, invalid, notFound } from '../_lib/errors';
import { toEventView } from './eventView';

/** The organisation an event names adds its statement (情况说明), shown beside the event; a later statement replaces it. */
export async function respondToEvent(input: { eventId: string; statement: string }, ctx: Ctx): Promise<EventView> {
  const verdict = await ctx.content.check(input.statement, ctx.caller.openid);
  if (verdict !== 'pass') {
    const message = '情况说明将向社会公开，请删去手机号、身份证号等个人信息或不当用语后再提交';
    throw invalid(message, [{ path: 'statement', message }]);
  }
  const at = ctx.clock.now().toISOString();
  const next = await ctx.store.transaction(async (tx) => {
    const e = await tx.get<CreditEventDoc>(COLLECTIONS.creditEvents, input.eventId);
    if (!e) throw notFound('没有找到这条信用信息');
    if (e.orgId !== ctx.caller.orgId) throw forbidden('只有信用信息所涉及的单位可以作出情况说明');
    if (e.revoked) throw conflict('这条信用信息已被撤销，无需再作说明');
    const updated: CreditEventDoc = { ...e, statement: { text: input.statement, at } };
    await tx.update(COLLECTIONS.creditEvents, e._id, { statement: updated.statement });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.creditEvents, recordId: e._id, change: { statement: input.statement } });
    return updated;
  });
  return toEventView(next, ctx.clock.today(), ctx.caller);
}
