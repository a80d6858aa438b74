import type { CallDoc, CallView } from '../../types/declaration';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { DuplicateKeyError } from '../_lib/store/port';
import { callIdForYear, toCallView } from './calls';

/** The bureau's yearly public call for declarations (一年一次，发布公告向社会公开征集). */
export async function openCall(input: { year: number; title: string; opensOn: string; closesOn: string; notice?: string }, ctx: Ctx): Promise<CallView> {
  if (!input.opensOn.startsWith(String(input.year)) && !input.closesOn.startsWith(String(input.year)))
    throw conflict(`申报期应在 ${input.year} 年内`);
  const call: CallDoc = { _id: callIdForYear(input.year), ...input, createdAt: ctx.clock.now().toISOString() };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insert(COLLECTIONS.calls, { ...call });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.calls, recordId: call._id, change: input });
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw conflict(`${input.year} 年的申报公告已经发布，每年只发布一次`);
    throw e;
  }
  return toCallView(call, ctx.clock.today());
}

export async function listCalls(_input: unknown, ctx: Ctx): Promise<{ calls: CallView[] }> {
  const calls = await ctx.store.find<CallDoc>(COLLECTIONS.calls, { orderBy: [['year', 'desc']], limit: 100 });
  return { calls: calls.map((c) => toCallView(c, ctx.clock.today())) };
}
