/** 经评审组最终确认: after the result, each member agrees or dissents (with reasons); a majority lets the bureau confirm. */
import { isMajority, type PanelConfirmation, type PanelDoc } from '../../types/review';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { memberReview } from './memberPanel';

/** The current members' confirmations (a replaced member's no longer counts). */
export function currentConfirmations(panel: PanelDoc): PanelConfirmation[] {
  return (panel.confirmations ?? []).filter((c) => panel.members.includes(c.expertId));
}

/** 过半数: more than half of the current members agree (3 of 6 is not enough, 4 of 6 is). */
export const hasMajority = (panel: PanelDoc) => isMajority(currentConfirmations(panel).filter((c) => c.agree).length, panel.members.length);

export async function panelConfirm(input: { declarationId: string; agree: boolean; note: string }, ctx: Ctx) {
  const me = ctx.caller.expertId!;
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const { panel, d } = await memberReview(ctx, tx, input.declarationId, '评审结果已经确认，不能再更改意见');
    if (!(await tx.get(COLLECTIONS.results, d._id))) throw conflict(`评分尚未全部提交（${panel.submitted.length}/${panel.members.length}），结果出来后再确认`);
    const mine: PanelConfirmation = { expertId: me, agree: input.agree, note: input.note, at };
    const confirmations = [...(panel.confirmations ?? []).filter((c) => c.expertId !== me), mine];
    await tx.update(COLLECTIONS.panels, panel._id, { confirmations });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.panels, recordId: panel._id, change: { agree: input.agree, note: input.note } });
    const current = currentConfirmations({ ...panel, confirmations });
    return { agreed: current.filter((c) => c.agree).length, disagreed: current.filter((c) => !c.agree).length, members: panel.members.length };
  });
}
