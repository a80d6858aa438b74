import type { OrgListItem } from '../../types/actions/supervision';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Caller, Ctx } from '../_lib/context';
import { conflict, forbidden, invalid, notFound } from '../_lib/errors';
import { isAdmin } from '../_lib/rules';
import type { Store } from '../_lib/store/port';
import type { OrgDoc } from '../admin/createInvite';
import { orgStatusOf, type OrgDoc as RegisteredOrg } from '../../types/org';

export const orgView = (o: OrgDoc): OrgListItem => ({ orgId: o._id, name: o.name, kind: o.kind === 'association' ? 'association' : 'provider', associationIds: o.associationIds ?? [] });

/** The association the caller acts for, or null: its account's organisation must be registered as an association. */
export async function callerAssociation(store: Store, caller: Caller): Promise<OrgDoc | null> {
  if (!caller.orgId) return null;
  const org = await store.get<OrgDoc>(COLLECTIONS.orgs, caller.orgId);
  return org?.kind === 'association' ? org : null;
}

/** Whether `org` is a member of the association `associationId`. */
export const isMemberOf = (org: OrgDoc, associationId: string) => (org.associationIds ?? []).includes(associationId);

/** The bureau's picker: every organisation (providers and associations). */
export async function listOrgs(_input: unknown, ctx: Ctx): Promise<{ orgs: OrgListItem[] }> {
  const orgs = await ctx.store.find<OrgDoc>(COLLECTIONS.orgs, { orderBy: [['name', 'asc']], limit: 1000 });
  return { orgs: orgs.map(orgView) };
}

/** The bureau links (or unlinks) a member organisation to an association: the member's `associationIds`. */
export async function linkMember(input: { associationOrgId: string; orgId: string; unlink?: boolean }, ctx: Ctx) {
  if (input.associationOrgId === input.orgId) throw invalid('协会不能是自己的会员', [{ path: 'orgId', message: '协会不能是自己的会员' }]);
  return ctx.store.transaction(async (tx) => {
    const association = await tx.get<OrgDoc>(COLLECTIONS.orgs, input.associationOrgId);
    if (!association || association.kind !== 'association') throw notFound('没有找到这个行业协会');
    if (!input.unlink && orgStatusOf(association as Pick<RegisteredOrg, 'status'>) !== 'verified') throw conflict(`“${association.name}”尚未通过核验，核验通过后才能关联会员单位`);
    const org = await tx.get<OrgDoc>(COLLECTIONS.orgs, input.orgId);
    if (!org) throw notFound('没有找到这个会员单位');
    const before = org.associationIds ?? [];
    if (!input.unlink && before.includes(association._id)) throw conflict(`“${org.name}”已经是“${association.name}”的会员`);
    if (input.unlink && !before.includes(association._id)) throw conflict(`“${org.name}”不是“${association.name}”的会员`);
    const associationIds = input.unlink ? before.filter((a) => a !== association._id) : [...before, association._id];
    await tx.update(COLLECTIONS.orgs, org._id, { associationIds });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.orgs, recordId: org._id, change: { associationIds, [input.unlink ? 'unlinked' : 'linked']: association._id } });
    return { orgId: org._id, associationIds };
  });
}

/** An association's members: the association itself sees its own; the bureau names the association. */
export async function readMembers(input: { associationOrgId?: string }, ctx: Ctx) {
  let association: OrgDoc | null;
  if (isAdmin(ctx.caller)) {
    if (!input.associationOrgId) throw invalid('请选择行业协会', [{ path: 'associationOrgId', message: '请选择行业协会' }]);
    association = await ctx.store.get<OrgDoc>(COLLECTIONS.orgs, input.associationOrgId);
    if (!association || association.kind !== 'association') throw notFound('没有找到这个行业协会');
  } else {
    association = await callerAssociation(ctx.store, ctx.caller);
    if (!association) throw forbidden('只有行业协会可以查看会员单位');
    if (input.associationOrgId && input.associationOrgId !== association._id) throw forbidden('只能查看本协会的会员单位');
  }
  const members = await ctx.store.find<OrgDoc>(COLLECTIONS.orgs, { where: { associationIds: { $has: association._id } }, orderBy: [['name', 'asc']], limit: 1000 });
  return { association: { orgId: association._id, name: association.name }, members: members.map(orgView) };
}
