import type { ExpertKind } from '../../types/rubric';
import type { ExpertDoc } from '../../types/review';
import type { ExpertView } from '../../types/actions/reviews';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { forbidden, notFound } from '../_lib/errors';
import { isAdmin } from '../_lib/rules';
import { newId, newInviteCode } from '../_lib/ids';
import type { InviteDoc } from '../admin/createInvite';

export const toExpertView = ({ _id, ...rest }: ExpertDoc): ExpertView => ({ expertId: _id, ...rest });

/** 评审专家库: the bureau adds an expert and hands over a one-time invite code to bind their WeChat account. */
export async function addExpert(input: { name: string; organisation: string; kind: ExpertKind; title: string; specialties: string[]; phone: string }, ctx: Ctx) {
  const now = ctx.clock.now().toISOString();
  const expert: ExpertDoc = { _id: newId('e'), ...input, active: true, userId: null, createdAt: now };
  const invite: InviteDoc = { _id: newInviteCode(), role: 'expert', orgId: null, expertId: expert._id, createdBy: ctx.caller.userId, createdAt: now, usedBy: null, usedAt: null };
  await ctx.store.transaction(async (tx) => {
    await tx.insert(COLLECTIONS.experts, { ...expert });
    await tx.insert(COLLECTIONS.invites, invite);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.experts, recordId: expert._id, change: { created: true, name: input.name, organisation: input.organisation, kind: input.kind } });
  });
  return { expertId: expert._id, inviteCode: invite._id };
}

export async function listExperts(_input: unknown, ctx: Ctx) {
  const experts = await ctx.store.find<ExpertDoc>(COLLECTIONS.experts, { orderBy: [['_id', 'asc']], limit: 1000 });
  return { experts: experts.map(toExpertView) };
}

/** 本人申报回避: an expert (or the bureau for them) records a tie to an organisation; later draws leave them out for it. */
export async function declareConflict(input: { expertId?: string; orgId: string; reason: string }, ctx: Ctx) {
  const expertId = isAdmin(ctx.caller) && input.expertId ? input.expertId : ctx.caller.expertId;
  if (!expertId) throw forbidden('请指明申报回避的专家');
  return ctx.store.transaction(async (tx) => {
    const e = await tx.get<ExpertDoc>(COLLECTIONS.experts, expertId);
    if (!e) throw notFound('专家库中没有这位专家');
    if (!(await tx.get(COLLECTIONS.orgs, input.orgId))) throw notFound('没有找到这个单位');
    const declaredConflicts = [...(e.declaredConflicts ?? []).filter((c) => c.orgId !== input.orgId), { orgId: input.orgId, reason: input.reason, at: ctx.clock.now().toISOString() }];
    await tx.update(COLLECTIONS.experts, e._id, { declaredConflicts });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.experts, recordId: e._id, change: { declaredConflict: input.orgId, reason: input.reason } });
    return toExpertView({ ...e, declaredConflicts });
  });
}
