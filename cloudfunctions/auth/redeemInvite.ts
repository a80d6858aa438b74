import type { MeResult } from '../../types/actions/auth';
import type { Role } from '../../types/domain';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { AppError, conflict, notFound } from '../_lib/errors';
import { throttleCheck, throttleFailure } from '../_lib/throttle';
import { INVITE_TTL_DAYS } from '../../types/limits';
import type { UserDoc } from '../_lib/identity';
import type { InviteDoc, OrgDoc } from '../admin/createInvite';

/** One answer for a code that is unknown, used or expired, so guessing learns nothing (issue 10). */
export const INVALID_INVITE_MESSAGE = '邀请码无效或已失效，请核对后重新输入；如需新的邀请码，请联系市司法局';
const invalidInvite = () => notFound(INVALID_INVITE_MESSAGE);

/** When an invite stops working: its own `expiresAt`, or (older codes) INVITE_TTL_DAYS after it was issued. */
export function inviteExpiresAt(invite: InviteDoc): string {
  return invite.expiresAt ?? new Date(Date.parse(invite.createdAt) + INVITE_TTL_DAYS * 86_400_000).toISOString();
}

/**
 * Binds the caller's account to the role (and organisation) of a one-time invite code. Wrong guesses are counted per
 * client address (the openid in the cloud); after RATE_LIMITS.inviteGuess.max of them every attempt is refused until
 * the lockout ends, right code or not.
 */
export async function redeemInvite(input: { code: string }, ctx: Ctx): Promise<MeResult> {
  await throttleCheck(ctx, 'inviteGuess');
  try {
    return await bind(input, ctx);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND' && e.message === INVALID_INVITE_MESSAGE) await throttleFailure(ctx, 'inviteGuess');
    throw e;
  }
}

async function bind(input: { code: string }, ctx: Ctx): Promise<MeResult> {
  const userId = ctx.caller.userId!;
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const invite = await tx.get<InviteDoc>(COLLECTIONS.invites, input.code);
    if (!invite || invite.usedBy || inviteExpiresAt(invite) <= now) throw invalidInvite();
    const user =
      (await tx.get<UserDoc>(COLLECTIONS.users, userId)) ??
      ({ _id: userId, openid: ctx.caller.openid ?? null, tokenHash: null, roles: ['citizen'], orgId: null, createdAt: now } satisfies UserDoc);
    if (invite.orgId && user.orgId && user.orgId !== invite.orgId) throw conflict('您的账号已绑定其他单位，一个账号只能代表一个单位');
    if (invite.expertId && user.expertId && user.expertId !== invite.expertId) throw conflict('您的账号已绑定为另一位评审专家');
    // Issue 21: an expert the bureau took out of the pool gets no access through an invite issued before.
    if (invite.expertId && (await tx.get<{ _id: string; active: boolean }>(COLLECTIONS.experts, invite.expertId))?.active === false)
      throw conflict('这位评审专家已被市司法局停用，邀请码暂不能使用；如有疑问请联系市司法局');

    const roles: Role[] = [...new Set<Role>([...user.roles, invite.role])];
    const orgId = invite.orgId ?? user.orgId;
    const expertId = invite.expertId ?? user.expertId ?? null;
    await tx.set(COLLECTIONS.users, userId, { ...user, roles, orgId, expertId });
    if (invite.expertId) await tx.update(COLLECTIONS.experts, invite.expertId, { userId });
    await tx.update(COLLECTIONS.invites, invite._id, { usedBy: userId, usedAt: now });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.users, recordId: userId, change: { roles, orgId, expertId, invite: invite._id } });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.invites, recordId: invite._id, change: { usedBy: userId } });
    const org = orgId ? await tx.get<OrgDoc>(COLLECTIONS.orgs, orgId) : null;
    return { userId, roles, org: org ? { orgId: org._id, name: org.name } : null };
  });
}
