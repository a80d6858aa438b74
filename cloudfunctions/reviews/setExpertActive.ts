import type { DeclarationDoc } from '../../types/declaration';
import type { Departure, ExpertDoc, PanelDoc, ScoresheetDoc } from '../../types/review';
import type { Role } from '../../types/domain';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import type { UserDoc } from '../_lib/identity';
import { notify } from '../_lib/notify';
import { toExpertView } from './experts';
import { sheetId } from './panels';
import { settleResult } from './scoresheets';

/**
 * The bureau takes an expert out of the pool (or back in). Issue 21: taking out ends their access at once — in the
 * same transaction their account loses the expert role (no assignment, no sheet, no read of any declaration, on any
 * panel), and they leave every panel whose review is still open: recorded on the panel with the reason, their sheet
 * (draft or submitted) kept on record but no longer counted, the result recomputed from the remaining members (or
 * removed while fewer than 5 remain), the members' confirmations cleared, and the remaining members told (that a member left, never who or why). They are
 * also struck from the reserves of open panels. Closed reviews keep their panels as they were. Back in, the account
 * gets the role again; the panels they left are not given back.
 */
export async function setExpertActive(input: { expertId: string; active: boolean; reason?: string }, ctx: Ctx) {
  const now = ctx.clock.now().toISOString();
  // Read before the transaction (no queries inside one); each panel is read again inside.
  const seated = await ctx.store.find<PanelDoc>(COLLECTIONS.panels, { where: { members: { $has: input.expertId } }, orderBy: [['_id', 'asc']], limit: 1000 });
  const reserved = await ctx.store.find<PanelDoc>(COLLECTIONS.panels, { where: { reserves: { $has: input.expertId } }, orderBy: [['_id', 'asc']], limit: 1000 });
  return ctx.store.transaction(async (tx) => {
    const e = await tx.get<ExpertDoc>(COLLECTIONS.experts, input.expertId);
    if (!e) throw notFound('专家库中没有这位专家');
    const reason = input.reason?.trim() ?? '';
    const deactivated = input.active ? (e.deactivated ?? null) : { at: now, by: ctx.caller.userId, reason };
    await tx.update(COLLECTIONS.experts, e._id, { active: input.active, deactivated });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.experts, recordId: e._id, change: { active: input.active, ...(input.active ? {} : { reason }) } });

    // The account's role follows the pool: the role check in every expert action is where access ends.
    const user = e.userId ? await tx.get<UserDoc>(COLLECTIONS.users, e.userId) : null;
    if (user && user.expertId === e._id) {
      const roles: Role[] = input.active ? [...new Set<Role>([...user.roles, 'expert'])] : user.roles.filter((r) => r !== 'expert');
      if (roles.length !== user.roles.length) {
        await tx.update(COLLECTIONS.users, user._id, { roles });
        await appendAudit(tx, ctx, { collection: COLLECTIONS.users, recordId: user._id, change: { roles, expertActive: input.active } });
      }
    }

    const leftPanels: string[] = [];
    if (!input.active) {
      for (const { _id } of seated) {
        const p = await tx.get<PanelDoc>(COLLECTIONS.panels, _id);
        const d = p && p.members.includes(e._id) ? await tx.get<DeclarationDoc>(COLLECTIONS.declarations, p._id) : null;
        if (!p || !d || d.status !== 'in-review') continue;
        const sheet = await tx.get<ScoresheetDoc>(COLLECTIONS.scoresheets, sheetId(p._id, e._id));
        const departure: Departure = { expertId: e._id, at: now, by: ctx.caller.userId, reason, sheet: sheet?.status ?? 'none', replacedBy: null };
        const next: PanelDoc = {
          ...p,
          members: p.members.filter((m) => m !== e._id),
          submitted: p.submitted.filter((m) => m !== e._id),
          departures: [...(p.departures ?? []), departure],
          // The result (if any) changes with the panel: the members confirm it afresh.
          confirmations: [],
        };
        await tx.set(COLLECTIONS.panels, p._id, next);
        await settleResult(tx, next, now);
        await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: p._id, change: { memberLeft: e._id, reason, sheet: departure.sheet, members: next.members.length } });
        await notify(tx, ctx, { to: { expertIds: next.members }, kind: 'panelChanged', recordId: p._id, occasion: `left:${next.departures!.length}`, body: `“${d.name}”的评审组有一位成员已退出，其评分不再计入；市司法局将视情况补充候补专家`, link: `/packages/expert/pages/score/index?id=${p._id}` });
        leftPanels.push(p._id);
      }
      for (const { _id } of reserved) {
        const p = await tx.get<PanelDoc>(COLLECTIONS.panels, _id);
        if (!p || !p.reserves.includes(e._id)) continue;
        await tx.update(COLLECTIONS.panels, p._id, { reserves: p.reserves.filter((r) => r !== e._id) });
      }
    }
    return { ...toExpertView({ ...e, active: input.active, deactivated }), leftPanels };
  });
}
