/**
 * 组织推荐: 法律服务行业协会及其他社会组织可以本行业(组织)名义推荐. A recommended declaration names a verified
 * association; the association endorses the version it recommends before the declaration can be submitted.
 */
import type { DeclarationDoc, DeclarationListItem, DeclarationView } from '../../types/declaration';
import { orgStatusOf, type OrgDoc } from '../../types/org';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import type { Tx } from '../_lib/store/port';
import { toDeclarationListItem, toDeclarationView } from './view';

/** The association a draft names, checked: it exists, is an association, is verified, and is not the declarer itself. */
export async function recommendingAssociation(tx: Tx, orgId: string, declarerOrgId: string): Promise<OrgDoc> {
  const org = await tx.get<OrgDoc>(COLLECTIONS.orgs, orgId);
  const fail = (message: string) => invalid(message, [{ path: 'recommenderOrgId', message }]);
  if (!org || org.kind !== 'association') throw fail('请从列表中选择推荐的行业协会');
  if (orgStatusOf(org) !== 'verified') throw fail(`“${org.name}”尚未通过市司法局核验，暂不能推荐`);
  if (org._id === declarerOrgId) throw fail('不能推荐本单位自己的申报，请选择“自行申报”');
  return org;
}

/** The association endorses a member's draft: the version it read is the one it recommends. */
export async function endorseDeclaration(input: { declarationId: string }, ctx: Ctx): Promise<DeclarationView> {
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
    if (!d || !d.recommenderOrgId || d.recommenderOrgId !== ctx.caller.orgId) throw notFound('没有找到推荐给贵单位的这份申报');
    if (d.status !== 'draft') throw conflict('申报已提交或撤回，不需要再推荐');
    if (d.endorsement) throw conflict('贵单位已经推荐过这一版本');
    const association = await tx.get<OrgDoc>(COLLECTIONS.orgs, d.recommenderOrgId);
    if (!association || orgStatusOf(association) !== 'verified') throw conflict('贵单位尚未通过市司法局核验，核验通过后才能推荐');
    const endorsement = { orgId: association._id, version: d.version, at: now, by: ctx.caller.userId };
    await tx.update(COLLECTIONS.declarations, d._id, { endorsement });
    // The recommending association counts the declarer among its members (the shared `associationIds` contract).
    const member = await tx.get<OrgDoc>(COLLECTIONS.orgs, d.orgId);
    if (member && !(member.associationIds ?? []).includes(association._id)) {
      const associationIds = [...(member.associationIds ?? []), association._id];
      await tx.update(COLLECTIONS.orgs, member._id, { associationIds });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.orgs, recordId: member._id, change: { associationIds } });
    }
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { endorsed: association._id, version: d.version } });
    return toDeclarationView({ ...d, endorsement });
  });
}

/** What an association is asked to recommend: declarations naming it, newest first. */
export async function recommendedToMe(_input: unknown, ctx: Ctx): Promise<{ items: DeclarationListItem[] }> {
  const ds = await ctx.store.find<DeclarationDoc>(COLLECTIONS.declarations, { where: { recommenderOrgId: ctx.caller.orgId! }, orderBy: [['updatedAt', 'desc']], limit: 200 });
  return { items: ds.filter((d) => d.status !== 'withdrawn').map(toDeclarationListItem) };
}
