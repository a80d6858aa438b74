import type { PanelView } from '../../types/actions/reviews';
import type { DeclarationDoc } from '../../types/declaration';
import { PANEL_SIZE, type ExpertDoc, type PanelDoc, type ReserveCall } from '../../types/review';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { newSecretToken } from '../_lib/ids';
import { notify } from '../_lib/notify';
import type { OrgDoc } from '../admin/createInvite';
import { exclusionOf, shuffled } from './draw';
import { accountOrgs, conflictParties, panelView } from './panels';
import { settleResult } from './scoresheets';

/**
 * Issue 21: a member left an open panel (taken out of the pool); the bureau calls one reserve to take the seat. The
 * candidates are the active pool under the draw's own conflict rules (`exclusionOf`, as things stand today), without
 * anyone who sits, sat, left or recused on this panel. The first of the panel's drawn reserves still eligible is
 * called, in their drawn order; when none is, one is drawn from the rest with a recorded seed, so the call can be
 * redone and checked. Recorded on the panel (who, for whom, from where, why); the called expert is told.
 */
export async function callReserve(input: { declarationId: string; reason: string }, ctx: Ctx): Promise<PanelView> {
  // Two round trips before the transaction (issue 25): the panel, the declaration and the pool; then the applicant and the experts' accounts.
  const [first, d, experts] = await Promise.all([
    ctx.store.get<PanelDoc>(COLLECTIONS.panels, input.declarationId),
    ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId),
    ctx.store.find<ExpertDoc>(COLLECTIONS.experts, { where: { active: true }, orderBy: [['_id', 'asc']], limit: 1000 }),
  ]);
  if (!first) throw notFound('这份申报还没有评审组');
  if (!d || d.status !== 'in-review') throw conflict('这份申报的评审已经结束，不能再补充专家');
  const [org, bound] = await Promise.all([ctx.store.get<OrgDoc>(COLLECTIONS.orgs, d.orgId), accountOrgs(ctx, experts)]);
  const parties = conflictParties(d, org?.name);
  const now = ctx.clock.now().toISOString();
  const panel = await ctx.store.transaction(async (tx) => {
    const p = await tx.get<PanelDoc>(COLLECTIONS.panels, input.declarationId);
    if (!p) throw notFound('这份申报还没有评审组');
    const open = (p.departures ?? []).find((x) => !x.replacedBy);
    if (!open) throw conflict('评审组没有待补充的席位（没有成员退出，或已经补充过了）');
    if (p.members.length >= PANEL_SIZE.max) throw conflict(`评审组已有 ${PANEL_SIZE.max} 人，不能再补充`);
    const taken = new Set([...p.members, ...(p.departures ?? []).map((x) => x.expertId), ...p.recusals.map((x) => x.expertId)]);
    const eligible = experts.filter((e) => !taken.has(e._id) && !exclusionOf(e, bound.get(e._id), parties)).map((e) => e._id);
    const fromReserves = p.reserves.find((r) => eligible.includes(r));
    let call: ReserveCall;
    if (fromReserves) call = { expertId: fromReserves, replaces: open.expertId, from: 'reserves', seed: null, pool: eligible, at: now, by: ctx.caller.userId, reason: input.reason };
    else {
      if (eligible.length === 0) throw conflict('专家库中没有可以补充的专家（在库、无需回避、未在本评审组中），请先充实专家库');
      const seed = newSecretToken().slice(0, 16);
      call = { expertId: shuffled(eligible, seed)[0], replaces: open.expertId, from: 'pool', seed, pool: eligible, at: now, by: ctx.caller.userId, reason: input.reason };
    }
    const next: PanelDoc = {
      ...p,
      members: [...p.members, call.expertId],
      reserves: p.reserves.filter((r) => r !== call.expertId),
      departures: (p.departures ?? []).map((x) => (x === open ? { ...x, replacedBy: call.expertId } : x)),
      reserveCalls: [...(p.reserveCalls ?? []), call],
      confirmations: [],
    };
    await tx.set(COLLECTIONS.panels, p._id, next);
    await settleResult(tx, next, now);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: p._id, change: { reserveCalled: call.expertId, replaces: call.replaces, from: call.from, seed: call.seed, reason: input.reason } });
    await notify(tx, ctx, { to: { expertIds: [call.expertId] }, kind: 'panelAssigned', recordId: p._id, body: `请评审“${d.name}”（补充评审组成员）${p.dueOn ? `，${p.dueOn} 前提交评分` : ''}`, link: `/packages/expert/pages/score/index?id=${p._id}` });
    return next;
  });
  return panelView(ctx, panel);
}
