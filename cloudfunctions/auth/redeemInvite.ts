import type { MeResult } from '../../types/actions/auth';
import type { Role } from '../../types/domain';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import type { UserDoc } from '../_lib/identity';
import type { InviteDoc, OrgDoc } from '../admin/createInvite';

/** Binds the caller's account to the role (and organisation) of a one-time invite code. */
export async function redeemInvite(input: { code: string }, ctx: Ctx): Promise<MeResult> {
  const userId = ctx.caller.userId!;
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const invite = await tx.get<InviteDoc>(COLLECTIONS.invites, input.code);
    if (!invite) throw notFound('邀请码不存在，请核对后重新输入');
    if (invite.usedBy) throw conflict('该邀请码已被使用。如需再次绑定，请联系市司法局重新发放');
    const user =
      (await tx.get<UserDoc>(COLLECTIONS.users, userId)) ??
      ({ _id: userId, openid: ctx.caller.openid ?? null, tokenHash: null, roles: ['citizen'], orgId: null, createdAt: now } satisfies UserDoc);
    if (invite.orgId && user.orgId && user.orgId !== invite.orgId) throw conflict('您的账号已绑定其他单位，一个账号只能代表一个单位');
    if (invite.expertId && user.expertId && user.expertId !== invite.expertId) throw conflict('您的账号已绑定为另一位评审专家');

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
