import type { RectificationView } from '../../types/actions/supervision';
import type { RectificationDoc } from '../../types/credit';
import type { ProductDoc } from '../../types/product';
import { addDays } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, notFound } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { isAdmin } from '../_lib/rules';
import { loadCalendar } from '../publicity/calendar';

/** Overdue is computed on read: still open after the due day. */
export function toRectificationView(r: RectificationDoc, today: string): RectificationView {
  const { _id, proposalLineId: _line, createdBy: _by, ...rest } = r;
  return { rectificationId: _id, ...rest, overdue: r.status === 'open' && today > r.dueOn };
}

/** 限期整改: the bureau asks the provider to fix a product within a number of working days, counted from tomorrow. */
export async function rectifyProduct(input: { productId: string; reason: string; dueWorkingDays: number; proposalLineId?: string }, ctx: Ctx): Promise<RectificationView> {
  const today = ctx.clock.today();
  const dueOn = (await loadCalendar(ctx)).endOfWindow(addDays(today, 1), input.dueWorkingDays).endsOn;
  const doc = await ctx.store.transaction(async (tx) => {
    const p = await tx.get<ProductDoc>(COLLECTIONS.products, input.productId);
    if (!p) throw notFound('没有找到这个产品');
    if (p.status === 'exited') throw conflict('这个产品已退出目录，不能再要求整改');
    const r: RectificationDoc = {
      _id: newId('rc'),
      productId: p._id,
      productName: p.name,
      orgId: p.orgId,
      reason: input.reason,
      openedOn: today,
      dueWorkingDays: input.dueWorkingDays,
      dueOn,
      status: 'open',
      answer: null,
      proposalLineId: input.proposalLineId ?? null,
      createdBy: ctx.caller.userId,
    };
    await tx.insert(COLLECTIONS.rectifications, r);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.rectifications, recordId: r._id, change: { opened: true, productId: p._id, dueOn, reason: input.reason } });
    return r;
  });
  return toRectificationView(doc, today);
}

/** The provider answers with its measures and evidence; on time means by the due day. */
export async function answerRectification(input: { rectificationId: string; measures: string; evidence: string }, ctx: Ctx): Promise<RectificationView> {
  const today = ctx.clock.today();
  const doc = await ctx.store.transaction(async (tx) => {
    const r = await tx.get<RectificationDoc>(COLLECTIONS.rectifications, input.rectificationId);
    if (!r) throw notFound('没有找到这个整改事项');
    if (r.orgId !== ctx.caller.orgId) throw forbidden('只有被要求整改的单位可以答复');
    if (r.status !== 'open') throw conflict('这个整改事项已经答复过了');
    const answer = { measures: input.measures, evidence: input.evidence, answeredOn: today, onTime: today <= r.dueOn };
    await tx.update(COLLECTIONS.rectifications, r._id, { status: 'answered', answer });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.rectifications, recordId: r._id, change: { answered: true, onTime: answer.onTime } });
    return { ...r, status: 'answered' as const, answer };
  });
  return toRectificationView(doc, today);
}

/** The provider's own rectifications; the bureau's, all of them (or only the overdue ones). */
export async function listRectifications(input: { overdueOnly?: boolean }, ctx: Ctx): Promise<{ rectifications: RectificationView[] }> {
  const today = ctx.clock.today();
  const docs = isAdmin(ctx.caller)
    ? await ctx.store.find<RectificationDoc>(COLLECTIONS.rectifications, { orderBy: [['openedOn', 'desc']], limit: 1000 })
    : await ctx.store.find<RectificationDoc>(COLLECTIONS.rectifications, { where: { orgId: ctx.caller.orgId! }, orderBy: [['openedOn', 'desc']], limit: 1000 });
  const views = docs.map((r) => toRectificationView(r, today));
  return { rectifications: input.overdueOnly ? views.filter((v) => v.overdue) : views };
}
