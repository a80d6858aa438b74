/**
 * 评审组可要求进一步提供材料: a panel member asks from the scoring page; the bureau forwards the ask to the applicant
 * as a material request (allowed while in review) or declines it with a reason; the answer reaches the whole panel.
 */
import type { DeclarationDoc, MaterialRequest } from '../../types/declaration';
import type { AskDoc, AskView, PanelDoc } from '../../types/review';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { isAdmin } from '../_lib/rules';
import { memberReview } from './memberPanel';
import { isPanelMember } from './permissions';

export function toAskView(a: AskDoc, d: Pick<DeclarationDoc, 'materialRequests'> | null, me: string | null | undefined): AskView {
  const request = a.requestId ? d?.materialRequests.find((r) => r.requestId === a.requestId) : undefined;
  return {
    askId: a._id,
    itemKey: a.itemKey,
    note: a.note,
    askedAt: a.askedAt,
    status: a.status,
    reason: a.reason,
    mine: !!me && a.expertId === me,
    dueOn: request?.dueOn ?? null,
    answer: request?.response ?? null,
  };
}

export async function asksOf(ctx: Ctx, declarationId: string): Promise<AskDoc[]> {
  return ctx.store.find<AskDoc>(COLLECTIONS.reviewAsks, { where: { declarationId }, orderBy: [['askedAt', 'asc']], limit: 200 });
}

export async function askMaterials(input: { declarationId: string; note: string; itemKey?: string }, ctx: Ctx): Promise<AskView> {
  const me = ctx.caller.expertId!;
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const { d } = await memberReview(ctx, tx, input.declarationId, '评审已经结束，不能再要求补充材料');
    const ask: AskDoc = { _id: newId('k'), declarationId: d._id, expertId: me, itemKey: input.itemKey ?? null, note: input.note, askedAt: now, status: 'asked', decidedAt: null, decidedBy: null, reason: '', requestId: null };
    await tx.insert(COLLECTIONS.reviewAsks, { ...ask });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.reviewAsks, recordId: ask._id, change: { declarationId: d._id, itemKey: ask.itemKey } });
    return toAskView(ask, d, me);
  });
}

/** The bureau forwards an ask to the applicant (a material request with a date) or declines it, with a reason. */
export async function decideAsk(input: { askId: string; forward: boolean; dueOn?: string; reason: string }, ctx: Ctx): Promise<AskView> {
  if (input.forward && input.dueOn! < ctx.clock.today()) throw invalid('补充期限不能早于今天', [{ path: 'dueOn', message: '补充期限不能早于今天' }]);
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const ask = await tx.get<AskDoc>(COLLECTIONS.reviewAsks, input.askId);
    if (!ask) throw notFound('没有找到这项补充材料请求');
    if (ask.status !== 'asked') throw conflict(ask.status === 'forwarded' ? '这项请求已经转交申报单位' : '这项请求已经处理过了');
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, ask.declarationId);
    if (!d) throw notFound('没有找到这份申报');
    let materialRequests = d.materialRequests;
    let requestId: string | null = null;
    if (input.forward) {
      if (d.status !== 'in-review') throw conflict('评审已经结束，不能再转交');
      const request: MaterialRequest = { requestId: newId('m'), note: ask.note, dueOn: input.dueOn!, requestedAt: now, askId: ask._id, response: null };
      requestId = request.requestId;
      materialRequests = [...d.materialRequests, request];
      await tx.update(COLLECTIONS.declarations, d._id, { materialRequests });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { materialRequest: requestId, dueOn: input.dueOn, askId: ask._id } });
    }
    const decided: AskDoc = { ...ask, status: input.forward ? 'forwarded' : 'declined', decidedAt: now, decidedBy: ctx.caller.userId, reason: input.reason, requestId };
    await tx.set(COLLECTIONS.reviewAsks, ask._id, decided);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.reviewAsks, recordId: ask._id, change: { status: decided.status, reason: input.reason } });
    return toAskView(decided, { materialRequests }, null);
  });
}

/** The asks on a declaration: the bureau sees who asked; panel members see every ask and answer, not who asked. */
export async function listAsks(input: { declarationId: string }, ctx: Ctx): Promise<{ asks: (AskView & { expertId?: string })[] }> {
  const admin = isAdmin(ctx.caller);
  if (!admin) {
    const panel = await ctx.store.get<PanelDoc>(COLLECTIONS.panels, input.declarationId);
    if (!panel || !isPanelMember(ctx.caller, panel)) throw notFound('没有找到这份申报的评审');
  }
  const d = await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
  if (!d) throw notFound('没有找到这份申报');
  const asks = await asksOf(ctx, d._id);
  return { asks: asks.map((a) => ({ ...toAskView(a, d, ctx.caller.expertId), ...(admin ? { expertId: a.expertId } : {}) })) };
}
