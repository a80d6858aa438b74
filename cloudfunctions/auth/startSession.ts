import type { StartSessionResult } from '../../types/actions/auth';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { unauthenticated } from '../_lib/errors';
import { throttle } from '../_lib/throttle';
import { newId, newSecretToken, sha256 } from '../_lib/ids';
import type { UserDoc } from '../_lib/identity';

/**
 * Local: creates an anonymous citizen identity and returns its bearer token.
 * Cloud: WeChat already identifies the caller; this makes sure the user record exists.
 */
export async function startSession(_input: unknown, ctx: Ctx): Promise<StartSessionResult> {
  if (ctx.runtime.mode === 'cloud') {
    // Called from outside the mini-program (no openid): nobody to make a session for.
    if (!ctx.caller.userId) throw unauthenticated('请在微信小程序中打开');
    const userId = ctx.caller.userId;
    await ctx.store.transaction(async (tx) => {
      if (await tx.get(COLLECTIONS.users, userId)) return;
      const user: UserDoc = { _id: userId, openid: ctx.caller.openid ?? null, tokenHash: null, roles: ['citizen'], orgId: null, createdAt: ctx.clock.now().toISOString() };
      await tx.insert(COLLECTIONS.users, user);
      await appendAudit(tx, ctx, { collection: COLLECTIONS.users, recordId: userId, change: { created: true, roles: user.roles } });
    });
    return { token: null, userId };
  }
  if (ctx.caller.userId) return { token: null, userId: ctx.caller.userId };
  // Free sessions exist only locally: at most RATE_LIMITS.session per client address.
  throttle(ctx, 'session');
  const token = newSecretToken();
  const user: UserDoc = { _id: newId('u'), openid: null, tokenHash: sha256(token), roles: ['citizen'], orgId: null, createdAt: ctx.clock.now().toISOString() };
  await ctx.store.transaction(async (tx) => {
    await tx.insert(COLLECTIONS.users, user);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.users, recordId: user._id, change: { created: true, roles: user.roles } });
  });
  return { token, userId: user._id };
}
