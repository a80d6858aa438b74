import type { ClockResult } from '../../types/actions/admin';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';

/** Local demos and tests only (ALLOW_TEST_CLOCK=1): stand the whole system at a given instant. */
export async function setClock(input: { now: string | null }, ctx: Ctx): Promise<ClockResult> {
  if (!ctx.setClock) throw conflict('当前环境不允许调整时间');
  const before = ctx.clock.now().toISOString();
  ctx.setClock(input.now === null ? null : new Date(input.now));
  await ctx.store.transaction((tx) =>
    appendAudit(tx, ctx, { collection: COLLECTIONS.meta, recordId: 'clock', change: { before, after: input.now } }),
  );
  return { now: ctx.clock.now().toISOString(), today: ctx.clock.today(), fixed: ctx.clock.fixed };
}
