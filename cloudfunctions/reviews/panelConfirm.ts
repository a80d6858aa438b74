/** 经评审组最终确认: after the result, each member agrees or dissents (with reasons); a majority lets the bureau confirm. */
import type { DeclarationStatus } from '../../types/declaration';
import { isMajority, majorityOf, PANEL_SIZE, type CanConfirm, type PanelConfirmation, type PanelDoc } from '../../types/review';

export { majorityOf };
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

/**
 * Whether the bureau's confirmation can succeed now, and if not why (the one rule reviews.confirm enforces, and what
 * reviews.panel / reviews.result show beside the button): the declaration still in review, every sheet in (the result
 * exists), and a majority of the current members agreeing.
 */
export function canConfirm(status: DeclarationStatus | undefined, panel: PanelDoc, hasResult: boolean): CanConfirm {
  const agreed = currentConfirmations(panel).filter((c) => c.agree).length;
  const needed = majorityOf(panel.members.length);
  const no = (reason: string): CanConfirm => ({ ok: false, reason, agreed, needed });
  if (status !== 'in-review') return no('这份申报的评审已经确认过了');
  if (panel.members.length < PANEL_SIZE.min) return no(`评审组现有 ${panel.members.length} 人，不足 ${PANEL_SIZE.min} 人，请先补充候补专家`);
  if (!hasResult) return no(`评分尚未全部提交（${panel.submitted.length}/${panel.members.length}），全部提交后评审组才能确认结果`);
  if (agreed < needed) return no(`评审组过半数同意后才能确认（目前 ${agreed}/${panel.members.length} 位同意），请等待评审组成员确认`);
  return { ok: true, agreed, needed };
}

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
