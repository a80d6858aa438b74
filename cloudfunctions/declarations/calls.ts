/** The yearly call: its state by the injected clock, and finding the one open today. */
import type { CallDoc, CallState, CallView } from '../../types/declaration';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';

export const callIdForYear = (year: number) => `call-${year}`;

export function callState(call: Pick<CallDoc, 'opensOn' | 'closesOn'>, today: string): CallState {
  if (today < call.opensOn) return 'upcoming';
  if (today > call.closesOn) return 'closed';
  return 'open';
}

export function toCallView(call: CallDoc, today: string): CallView {
  const { _id, ...rest } = call;
  return { callId: _id, ...rest, state: callState(call, today) };
}

export async function findOpenCall(ctx: Ctx): Promise<CallDoc | null> {
  const today = ctx.clock.today();
  const [call] = await ctx.store.find<CallDoc>(COLLECTIONS.calls, { where: { opensOn: { $lte: today }, closesOn: { $gte: today } }, orderBy: [['opensOn', 'desc']], limit: 1 });
  return call ?? null;
}
