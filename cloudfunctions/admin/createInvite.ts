import type { CreateInviteResult } from '../../types/actions/admin';
import type { InvitableRole } from '../../types/domain';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import { newInviteCode, sha256 } from '../_lib/ids';
import { DuplicateKeyError } from '../_lib/store/port';

export interface OrgDoc {
  _id: string;
  name: string;
  createdAt: string;
  [key: string]: unknown;
}

export interface InviteDoc {
  /** The code itself. */
  _id: string;
  role: InvitableRole;
  orgId: string | null;
  /** Issue 4: the expert record an expert invite binds to. */
  expertId?: string | null;
  createdBy: string | null;
  createdAt: string;
  usedBy: string | null;
  usedAt: string | null;
  [key: string]: unknown;
}

/** One organisation per name: the id is derived from the name, so two invites for one name share it. */
export function orgIdForName(name: string): string {
  return `o${sha256(`org:${name.trim()}`).slice(0, 15)}`;
}

/** The bureau invites a member of an applicant organisation; the code binds one account once. */
export async function createInvite(input: { role: InvitableRole; orgName?: string; orgId?: string }, ctx: Ctx): Promise<CreateInviteResult> {
  const now = ctx.clock.now().toISOString();
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.store.transaction(async (tx) => {
        let orgId: string;
        if (input.orgId) {
          if (!(await tx.get(COLLECTIONS.orgs, input.orgId))) throw notFound('没有找到这个单位');
          orgId = input.orgId;
        } else {
          const name = input.orgName!.trim();
          orgId = orgIdForName(name);
          if (!(await tx.get(COLLECTIONS.orgs, orgId))) {
            await tx.insert(COLLECTIONS.orgs, { _id: orgId, name, createdAt: now } satisfies OrgDoc);
            await appendAudit(tx, ctx, { collection: COLLECTIONS.orgs, recordId: orgId, change: { created: true, name } });
          }
        }
        const invite: InviteDoc = { _id: newInviteCode(), role: input.role, orgId, createdBy: ctx.caller.userId, createdAt: now, usedBy: null, usedAt: null };
        await tx.insert(COLLECTIONS.invites, invite);
        await appendAudit(tx, ctx, { collection: COLLECTIONS.invites, recordId: invite._id, change: { role: invite.role, orgId } });
        return { inviteCode: invite._id, orgId };
      });
    } catch (e) {
      // A code collision (1 in 31^8 per existing code): draw another.
      if (e instanceof DuplicateKeyError && e.collection === COLLECTIONS.invites && attempt < 3) continue;
      throw e;
    }
  }
}
