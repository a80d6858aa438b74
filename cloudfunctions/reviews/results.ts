import type { DeclarationDoc } from '../../types/declaration';
import type { PanelDoc, ReviewResult, ReviewResultView } from '../../types/review';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { notify } from '../_lib/notify';
import { isAdmin } from '../_lib/rules';
import { canConfirm, currentConfirmations } from './panelConfirm';
import { isPanelMember } from './permissions';

/**
 * The panel's result: only once every member has submitted, and only to the bureau and the panel itself — with where
 * the confirmation stands (whether the bureau's 评审组确认结果 can succeed now, and the caller's own agreement), so the
 * expert is shown what they are asked to agree with, and no button is offered that would be refused.
 */
export async function readResult(input: { declarationId: string }, ctx: Ctx): Promise<ReviewResultView> {
  const [panel, result, d] = await Promise.all([
    ctx.store.get<PanelDoc>(COLLECTIONS.panels, input.declarationId),
    ctx.store.get<ReviewResult & { _id: string }>(COLLECTIONS.results, input.declarationId),
    ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId),
  ]);
  if (!panel || (!isAdmin(ctx.caller) && !isPanelMember(ctx.caller, panel))) throw notFound('没有找到这份申报的评审');
  if (!result) throw conflict(`评分尚未全部提交（${panel.submitted.length}/${panel.members.length}），提交完成前任何人都看不到分数`);
  const { _id, ...rest } = result;
  const current = currentConfirmations(panel);
  const mine = ctx.caller.expertId ? current.find((c) => c.expertId === ctx.caller.expertId) : undefined;
  return {
    ...rest,
    canConfirm: canConfirm(d?.status, panel, true),
    members: panel.members.length,
    disagreed: current.filter((c) => !c.agree).length,
    mine: mine ? { agree: mine.agree, note: mine.note, at: mine.at } : null,
  };
}

/**
 * 经评审组最终确认: the bureau records the panel's confirmation, once a majority of its members has agreed (the
 * dissent is kept with its reasons). At or above the pass mark, with every attribute found 符合 by a majority, the
 * declaration is proposed (拟定); otherwise it has not passed.
 */
export async function confirmResult(input: { declarationId: string; reason?: string }, ctx: Ctx): Promise<ReviewResult> {
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
    if (!d) throw notFound('没有找到这份申报');
    if (d.status !== 'in-review') throw conflict(d.status === 'submitted' ? '这份申报还没有评审组' : '这份申报的评审已经确认过了');
    const result = await tx.get<ReviewResult & { _id: string }>(COLLECTIONS.results, d._id);
    const panel = (await tx.get<PanelDoc>(COLLECTIONS.panels, d._id))!;
    const can = canConfirm(d.status, panel, !!result);
    if (!can.ok || !result) throw conflict(can.reason ?? '评分尚未全部提交，不能确认');
    const confirmations = currentConfirmations(panel);
    const dissent = confirmations.filter((c) => !c.agree).map((c) => ({ expertId: c.expertId, note: c.note }));
    const status = result.passed ? 'proposed' : 'not-passed';
    await tx.update(COLLECTIONS.results, d._id, { confirmedAt: now, confirmations, dissent });
    await tx.update(COLLECTIONS.declarations, d._id, { status, updatedAt: now });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { status, average: result.average, failedAttributes: result.failedAttributes, dissent, ...(input.reason ? { reason: input.reason } : {}) } });
    await notify(tx, ctx, { to: { orgId: d.orgId }, kind: 'resultConfirmed', recordId: d._id, body: `“${d.name}”${result.passed ? '通过评审，拟列入目录' : '未通过评审'}`, link: '/packages/applicant/pages/declarations/index' });
    const { _id, ...rest } = result;
    return { ...rest, confirmedAt: now, confirmations, dissent };
  });
}
