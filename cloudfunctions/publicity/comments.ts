import type { DeclarationDoc } from '../../types/declaration';
import type { CommentDoc, Disposition, MyComment, PublicComment, PublicityDoc } from '../../types/publicity';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound, rateLimited } from '../_lib/errors';
import { newId, sha256 } from '../_lib/ids';
import { isApplicant } from '../_lib/rules';
import { DuplicateKeyError } from '../_lib/store/port';
import { currentWindow, windowState } from './readPublicity';

export const DAILY_COMMENT_LIMIT = 3;

const isClosed = (p: PublicityDoc, today: string) => windowState(p, today) === 'ended';

function toPublic(c: CommentDoc, closed: boolean): PublicComment {
  return {
    commentId: c._id,
    pseudonym: c.pseudonym,
    byApplicant: c.byApplicant,
    text: c.text,
    anchor: c.anchor,
    createdAt: c.createdAt,
    disposition: closed ? c.disposition : null,
    reply: closed ? c.reply : null,
  };
}
const toMine = (c: CommentDoc, closed: boolean): MyComment => ({ ...toPublic(c, closed), status: c.status });

/**
 * A citizen comments while the window is open: checked for content (held ones wait for a person), at most three a
 * day per product, never the same text twice, and shown under a pseudonym that stays the same on this product.
 */
export async function postComment(input: { declarationId: string; text: string; anchor?: string }, ctx: Ctx) {
  const userId = ctx.caller.userId!;
  const today = ctx.clock.today();
  const p = await ctx.store.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId);
  if (!p) throw notFound('这个产品不在公示中');
  const state = windowState(p, today);
  if (state === 'upcoming') throw conflict(`公示将于 ${currentWindow(p).startsOn} 开始，届时可以提意见`);
  if (state === 'ended') throw conflict('公示已经结束，不能再提意见');
  // Asked before the transaction: a network call must not hold the store.
  const verdict = await ctx.content.check(input.text, ctx.caller.openid);
  const now = ctx.clock.now().toISOString();

  try {
    return await ctx.store.transaction(async (tx) => {
      const rateId = `rate:${input.declarationId}:${userId}:${today}`;
      const rate = await tx.get<{ _id: string; count: number }>(COLLECTIONS.counters, rateId);
      if ((rate?.count ?? 0) >= DAILY_COMMENT_LIMIT) throw rateLimited(`每人每天对同一产品最多提 ${DAILY_COMMENT_LIMIT} 条意见，请明天再来`);
      await tx.set(COLLECTIONS.counters, rateId, { count: (rate?.count ?? 0) + 1 });
      await tx.insert(COLLECTIONS.counters, { _id: `dup:${input.declarationId}:${userId}:${sha256(input.text.replace(/\s/g, ''))}` });

      const aliasId = `alias:${input.declarationId}:${userId}`;
      let alias = await tx.get<{ _id: string; pseudonym: string }>(COLLECTIONS.counters, aliasId);
      if (!alias) {
        const current = (await tx.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId))!;
        const n = current.commenters + 1;
        alias = { _id: aliasId, pseudonym: `市民A${n}` };
        await tx.update(COLLECTIONS.publicity, current._id, { commenters: n });
        await tx.insert(COLLECTIONS.counters, alias);
      }
      const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
      const comment: CommentDoc = {
        _id: newId('c'),
        declarationId: input.declarationId,
        userId,
        pseudonym: alias.pseudonym,
        byApplicant: isApplicant(ctx.caller) && ctx.caller.orgId === d?.orgId,
        text: input.text,
        anchor: input.anchor ?? null,
        status: verdict === 'pass' ? 'shown' : 'pending',
        hiddenReason: null,
        disposition: null,
        reply: null,
        repliedAt: null,
        createdAt: now,
        day: today,
      };
      await tx.insert(COLLECTIONS.comments, comment);
      await appendAudit(tx, ctx, { collection: COLLECTIONS.comments, recordId: comment._id, change: { declarationId: input.declarationId, status: comment.status } });
      return { commentId: comment._id, status: comment.status, pseudonym: comment.pseudonym };
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw conflict('您已经提交过相同的意见');
    throw e;
  }
}

/** The public comments; after the window closes, with how each was handled. A signed-in caller also gets their own. */
export async function listComments(input: { declarationId: string }, ctx: Ctx) {
  // One round trip: the notice and both lists together.
  const [p, shown, mine] = await Promise.all([
    ctx.store.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId),
    ctx.store.find<CommentDoc>(COLLECTIONS.comments, { where: { declarationId: input.declarationId, status: 'shown' }, orderBy: [['createdAt', 'asc']], limit: 1000 }),
    ctx.caller.userId
      ? ctx.store.find<CommentDoc>(COLLECTIONS.comments, { where: { declarationId: input.declarationId, userId: ctx.caller.userId }, orderBy: [['createdAt', 'asc']], limit: 100 })
      : Promise.resolve([] as CommentDoc[]),
  ]);
  if (!p) throw notFound('没有找到这项公示');
  const closed = isClosed(p, ctx.clock.today());
  return { comments: shown.map((c) => toPublic(c, closed)), mine: mine.map((c) => toMine(c, closed)), closed };
}

/** The bureau's view for moderation: every comment, held and hidden ones too. */
export async function listForModeration(input: { declarationId: string }, ctx: Ctx) {
  const all = await ctx.store.find<CommentDoc>(COLLECTIONS.comments, { where: { declarationId: input.declarationId }, orderBy: [['createdAt', 'asc']], limit: 1000 });
  return { comments: all.map((c) => ({ ...toMine(c, true), hiddenReason: c.hiddenReason })) };
}

/** 吸收采纳: the bureau answers a comment (adopted, partly, not, or not relevant). Shown publicly once the window closes. */
export async function disposeComment(input: { commentId: string; disposition: Disposition; reply: string }, ctx: Ctx): Promise<MyComment> {
  return ctx.store.transaction(async (tx) => {
    const c = await tx.get<CommentDoc>(COLLECTIONS.comments, input.commentId);
    if (!c) throw notFound('没有找到这条意见');
    const next = { ...c, disposition: input.disposition, reply: input.reply, repliedAt: ctx.clock.now().toISOString() };
    await tx.set(COLLECTIONS.comments, c._id, next);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.comments, recordId: c._id, change: { disposition: input.disposition } });
    return toMine(next, true);
  });
}

/** Show a held comment, or hide one (abuse, personal data) with the reason kept. */
export async function moderateComment(input: { commentId: string; decision: 'show' | 'hide'; reason?: string }, ctx: Ctx): Promise<MyComment> {
  if (input.decision === 'hide' && !input.reason) throw invalid('不公开意见时请写明理由', [{ path: 'reason', message: '不公开意见时请写明理由' }]);
  return ctx.store.transaction(async (tx) => {
    const c = await tx.get<CommentDoc>(COLLECTIONS.comments, input.commentId);
    if (!c) throw notFound('没有找到这条意见');
    const next: CommentDoc = { ...c, status: input.decision === 'show' ? 'shown' : 'hidden', hiddenReason: input.decision === 'hide' ? input.reason! : null };
    await tx.set(COLLECTIONS.comments, c._id, next);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.comments, recordId: c._id, change: { status: next.status, reason: next.hiddenReason } });
    return toMine(next, true);
  });
}
