import type { EventView } from '../../types/actions/supervision';
import type { CreditEventDoc } from '../../types/credit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { forbidden } from '../_lib/errors';
import { isAdmin } from '../_lib/rules';
import type { Store } from '../_lib/store/port';
import type { OrgDoc } from '../admin/createInvite';
import { toEventView } from './eventView';
import { callerAssociation } from './members';

export async function eventsOf(store: Store, orgIds: string[]): Promise<CreditEventDoc[]> {
  // The chunks of 100 ($in's limit) together: one round trip however many organisations (issue 25).
  const chunks: string[][] = [];
  for (let i = 0; i < orgIds.length; i += 100) chunks.push(orgIds.slice(i, i + 100));
  const out = (await Promise.all(chunks.map((c) => store.find<CreditEventDoc>(COLLECTIONS.creditEvents, { where: { orgId: { $in: c } }, orderBy: [['occurredOn', 'desc']], limit: 1000 })))).flat();
  return out.sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : 0));
}

/**
 * Every event the caller may see in full, expired and revoked included: its own organisation's (a provider is told
 * of each event about it here), its members' (an association), or all (the bureau; `orgId` narrows).
 */
export async function readEvents(input: { orgId?: string }, ctx: Ctx): Promise<{ events: EventView[] }> {
  const today = ctx.clock.today();
  let docs: CreditEventDoc[];
  if (isAdmin(ctx.caller)) {
    docs = input.orgId
      ? await eventsOf(ctx.store, [input.orgId])
      : await ctx.store.find<CreditEventDoc>(COLLECTIONS.creditEvents, { orderBy: [['recordedAt', 'desc']], limit: 500 });
  } else {
    const association = await callerAssociation(ctx.store, ctx.caller);
    const visible = new Set<string>(ctx.caller.orgId ? [ctx.caller.orgId] : []);
    if (association) {
      const members = await ctx.store.find<OrgDoc>(COLLECTIONS.orgs, { where: { associationIds: { $has: association._id } }, limit: 1000 });
      for (const m of members) visible.add(m._id);
    }
    if (input.orgId && !visible.has(input.orgId)) throw forbidden('只能查看本单位或本协会会员单位的信用信息');
    docs = await eventsOf(ctx.store, input.orgId ? [input.orgId] : [...visible]);
  }
  return { events: docs.map((e) => toEventView(e, today, ctx.caller)) };
}
