import type { CreateInviteResult } from '../../types/actions/admin';
import type { InvitableRole } from '../../types/domain';
import type { UnitKind } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import { newInviteCode, sha256 } from '../_lib/ids';
import { sameNameKey } from '../_lib/normalizeText';
import { DuplicateKeyError, type Tx } from '../_lib/store/port';
import { INVITE_TTL_DAYS } from '../../types/limits';

async function markAssociation(tx: Tx, ctx: Ctx, orgId: string) {
  await tx.update(COLLECTIONS.orgs, orgId, { kind: 'association' });
  await appendAudit(tx, ctx, { collection: COLLECTIONS.orgs, recordId: orgId, change: { kind: 'association' } });
}

export interface OrgDoc {
  _id: string;
  name: string;
  createdAt: string;
  /** Issue 12/13: a trade association (法律服务行业协会) is an organisation of this kind. */
  kind?: 'provider' | 'association';
  /** Issue 12/13: the associations this organisation is a member of. */
  associationIds?: string[];
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
  /** The code works until then (INVITE_TTL_DAYS after issue); older codes without it expire the same way. */
  expiresAt?: string;
  [key: string]: unknown;
}

/**
 * One organisation per name: the id is derived from the name's `sameNameKey`, so two invites for one name share it
 * however it was spaced, widened, dressed in invisible characters or written in traditional characters.
 */
export function orgIdForName(name: string): string {
  return `o${sha256(`org:${sameNameKey(name)}`).slice(0, 15)}`;
}
/** The id an organisation invited before names were normalised was given (its name as typed, trimmed). */
const legacyOrgIdForName = (name: string) => `o${sha256(`org:${name.trim()}`).slice(0, 15)}`;

/**
 * The bureau invites a member of an applicant organisation, or of a trade association (`role: 'association'`, which
 * creates or marks the organisation as an association), or of a purchasing unit (`role: 'purchaser'` with its `unitKind`);
 * the code binds one account once.
 */
export async function createInvite(input: { role: InvitableRole; orgName?: string; orgId?: string; unitKind?: UnitKind }, ctx: Ctx): Promise<CreateInviteResult> {
  const now = ctx.clock.now().toISOString();
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.store.transaction(async (tx) => {
        let orgId: string;
        const association = input.role === 'association';
        if (input.orgId) {
          const org = await tx.get<OrgDoc>(COLLECTIONS.orgs, input.orgId);
          if (!org) throw notFound('没有找到这个单位');
          orgId = input.orgId;
          if (association && org.kind !== 'association') await markAssociation(tx, ctx, orgId);
        } else {
          const name = input.orgName!.trim();
          orgId = orgIdForName(name);
          let org = await tx.get<OrgDoc>(COLLECTIONS.orgs, orgId);
          // An organisation stored under the older derivation keeps its id.
          const legacy = org ? null : await tx.get<OrgDoc>(COLLECTIONS.orgs, legacyOrgIdForName(name));
          if (legacy) [org, orgId] = [legacy, legacy._id];
          if (!org) {
            await tx.insert(COLLECTIONS.orgs, { _id: orgId, name, createdAt: now, ...(association ? { kind: 'association' as const } : {}), ...(input.unitKind ? { unitKind: input.unitKind } : {}) } satisfies OrgDoc);
            await appendAudit(tx, ctx, { collection: COLLECTIONS.orgs, recordId: orgId, change: { created: true, name, ...(association ? { kind: 'association' } : {}) } });
          } else if (association && org.kind !== 'association') await markAssociation(tx, ctx, orgId);
        }
        const invite: InviteDoc = { _id: newInviteCode(), role: input.role, orgId, createdBy: ctx.caller.userId, createdAt: now, usedBy: null, usedAt: null };
        invite.expiresAt = new Date(Date.parse(now) + INVITE_TTL_DAYS * 86_400_000).toISOString();
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
