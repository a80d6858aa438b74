import type { NeedAnswer, NeedDoc } from '../../types/needs';
import type { ProductDoc } from '../../types/product';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid } from '../_lib/errors';
import { findAll } from '../assessments/load';
import { loadNeed, publicNeed } from './view';

/** The bureau answers: noted, pointed to an existing product, or planned for the next call. Shown publicly. */
export async function answerNeed(input: { needId: string; status: NeedAnswer; reply: string; productId?: string }, ctx: Ctx) {
  if (input.productId) {
    const p = await ctx.store.get<ProductDoc>(COLLECTIONS.products, input.productId);
    if (!p || p.status !== 'listed') throw invalid('没有找到这个目录内的产品', [{ path: 'productId', message: '没有找到这个目录内的产品' }]);
  }
  return ctx.store.transaction(async (tx) => {
    const n = await loadNeed(tx, input.needId);
    if (n.mergedInto) throw conflict('这条需求已合并，请答复合并后的那条');
    const next: NeedDoc = { ...n, status: input.status, reply: input.reply, productId: input.status === 'existing-product' ? input.productId! : null, answeredAt: ctx.clock.now().toISOString() };
    await tx.set(COLLECTIONS.needs, n._id, next);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.needs, recordId: n._id, change: { status: next.status, productId: next.productId } });
    return publicNeed(next);
  });
}

/** Duplicates: the need joins another (with the reason); needs that had joined it follow it. */
export async function mergeNeed(input: { needId: string; intoId: string; reason: string }, ctx: Ctx) {
  const followers = await findAll<NeedDoc>(ctx.store, COLLECTIONS.needs, { where: { mergedInto: input.needId }, orderBy: [['_id', 'asc']] });
  return ctx.store.transaction(async (tx) => {
    const n = await loadNeed(tx, input.needId);
    const into = await loadNeed(tx, input.intoId);
    if (n.mergedInto) throw conflict('这条需求已经合并过了');
    if (into.mergedInto) throw invalid('目标需求本身已被合并，请选择它合并后的那条', [{ path: 'intoId', message: '目标需求本身已被合并' }]);
    const next: NeedDoc = { ...n, status: 'merged', mergedInto: into._id, mergeReason: input.reason };
    await tx.set(COLLECTIONS.needs, n._id, next);
    for (const f of followers) await tx.update(COLLECTIONS.needs, f._id, { mergedInto: into._id });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.needs, recordId: n._id, change: { mergedInto: into._id, reason: input.reason, followers: followers.map((f) => f._id) } });
    return publicNeed(next);
  });
}

export async function tagNeed(input: { needId: string; tags: string[] }, ctx: Ctx) {
  return ctx.store.transaction(async (tx) => {
    const n = await loadNeed(tx, input.needId);
    const tags = [...new Set(input.tags)];
    await tx.update(COLLECTIONS.needs, n._id, { tags });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.needs, recordId: n._id, change: { tags } });
    return publicNeed({ ...n, tags });
  });
}

/** A held need: the bureau shows it, or keeps it off the board with the reason (abuse, personal data). */
export async function moderateNeed(input: { needId: string; decision: 'show' | 'hide'; reason?: string }, ctx: Ctx) {
  return ctx.store.transaction(async (tx) => {
    const n = await loadNeed(tx, input.needId);
    const visibility = input.decision === 'show' ? 'shown' : 'hidden';
    await tx.update(COLLECTIONS.needs, n._id, { visibility, hiddenReason: input.decision === 'hide' ? input.reason!.trim() : null });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.needs, recordId: n._id, change: { visibility, reason: input.reason ?? null } });
    return { needId: n._id, visibility } as const;
  });
}
