import type { ListOrgsInput } from '../../types/actions/orgs';
import { orgStatusOf, type OrgDoc, type OrgView } from '../../types/org';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { newInviteCode } from '../_lib/ids';
import type { Where } from '../_lib/store/port';
import { DuplicateKeyError } from '../_lib/store/port';
import type { InviteDoc } from '../admin/createInvite';
import { creditClaimId, verifiedHolder } from './registerOrg';
import { toOrgView } from './view';

/** The bureau checks a registration against its certificate and approves it, or refuses it with a reason. */
export async function verifyOrg(input: { orgId: string; approve: boolean; reason: string }, ctx: Ctx): Promise<OrgView> {
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const org = await tx.get<OrgDoc>(COLLECTIONS.orgs, input.orgId);
    if (!org) throw notFound('没有找到这个单位');
    if (orgStatusOf(org) !== 'pending') throw conflict(`这个单位已经${orgStatusOf(org) === 'verified' ? '核验通过' : '核验未通过'}，不需要再核验`);
    const status = input.approve ? 'verified' : 'rejected';
    if (input.approve && org.creditCode) {
      // One code, one verified organisation: approving this one makes it the code's holder.
      const holder = await verifiedHolder(tx, org.creditCode);
      if (holder && holder._id !== org._id) throw conflict(`统一社会信用代码 ${org.creditCode} 已由“${holder.name}”通过核验，不能再核验通过另一家。请核对证照后不予通过`);
      await tx.set(COLLECTIONS.counters, creditClaimId(org.creditCode), { orgId: org._id });
    }
    const verification = { approve: input.approve, reason: input.reason, at, by: ctx.caller.userId };
    await tx.update(COLLECTIONS.orgs, org._id, { status, verification });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.orgs, recordId: org._id, change: { status, reason: input.reason } });
    return toOrgView({ ...org, status, verification });
  });
}

export async function myOrg(_input: unknown, ctx: Ctx): Promise<{ org: OrgView | null }> {
  const org = ctx.caller.orgId ? await ctx.store.get<OrgDoc>(COLLECTIONS.orgs, ctx.caller.orgId) : null;
  return { org: org ? toOrgView(org) : null };
}

/** A member of a verified organisation invites a colleague: a one-time code binding the applicant role to the same organisation. */
export async function addMember(_input: unknown, ctx: Ctx): Promise<{ inviteCode: string; orgId: string }> {
  const orgId = ctx.caller.orgId!;
  const now = ctx.clock.now().toISOString();
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.store.transaction(async (tx) => {
        const org = await tx.get<OrgDoc>(COLLECTIONS.orgs, orgId);
        if (!org) throw notFound('没有找到您的单位');
        if (orgStatusOf(org) === 'rejected') throw conflict('您的单位未通过核验，暂不能邀请同事');
        // Not before the bureau has checked it is who it says (a registration of someone else's credit code gains nobody).
        if (orgStatusOf(org) === 'pending') throw conflict('您的单位还在等待市司法局核验，核验通过后才能邀请同事加入');
        const invite: InviteDoc = { _id: newInviteCode(), role: 'applicant', orgId, createdBy: ctx.caller.userId, createdAt: now, usedBy: null, usedAt: null };
        await tx.insert(COLLECTIONS.invites, invite);
        await appendAudit(tx, ctx, { collection: COLLECTIONS.invites, recordId: invite._id, change: { role: 'applicant', orgId, byMember: true } });
        return { inviteCode: invite._id, orgId };
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError && e.collection === COLLECTIONS.invites && attempt < 3) continue;
      throw e;
    }
  }
}

export async function listOrgs(input: ListOrgsInput, ctx: Ctx): Promise<{ orgs: OrgView[] }> {
  const where: Where = {};
  if (input.kind) where.kind = input.kind;
  if (input.district) where.district = input.district;
  // Organisations the bureau invited carry no status (verified): filter by status after reading.
  if (input.status === 'pending' || input.status === 'rejected') where.status = input.status;
  const orgs = await ctx.store.find<OrgDoc>(COLLECTIONS.orgs, { where, orderBy: [['createdAt', 'desc']], limit: 1000 });
  return { orgs: orgs.filter((o) => !input.status || orgStatusOf(o) === input.status).map(toOrgView) };
}

/** Verified associations, by name only: what an applicant picks as its recommender. */
export async function listAssociations(_input: unknown, ctx: Ctx): Promise<{ associations: { orgId: string; name: string }[] }> {
  const orgs = await ctx.store.find<OrgDoc>(COLLECTIONS.orgs, { where: { kind: 'association' }, orderBy: [['name', 'asc']], limit: 1000 });
  return { associations: orgs.filter((o) => orgStatusOf(o) === 'verified').map((o) => ({ orgId: o._id, name: o.name })) };
}
