import type { DeclarationDoc } from '../../types/declaration';
import { COMMENT_PAGE, DISPOSITION_LABELS, type CommentDoc, type CommentGroupDoc, type Disposition, type ModerationComment, type MyComment, type PublicComment, type PublicityDoc } from '../../types/publicity';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound, rateLimited } from '../_lib/errors';
import { newId, sha256 } from '../_lib/ids';
import { isApplicant } from '../_lib/rules';
import { notify } from '../_lib/notify';
import type { Tx } from '../_lib/store/port';
import { sameNameKey } from '../_lib/normalizeText';
import { findAll, inTransactions } from '../_lib/store/pages';
import { DuplicateKeyError, type Where } from '../_lib/store/port';
import { groupFor } from './groups';
import { eachRecord } from '../_lib/bulk';
import type { BulkResult } from '../../types/bulk';
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
/** The author's own comment: with its answer as soon as the bureau gives it (the public sees answers once the window closes). */
const toMine = (c: CommentDoc): MyComment => ({ ...toPublic(c, true), status: c.status });

/** The notice's page opened at one comment: where a message about that comment leads. */
export const commentLink = (c: Pick<CommentDoc, '_id' | 'declarationId'>) => `/pages/notice/index?id=${c.declarationId}&comment=${c._id}`;

/**
 * Issue 24: the author hears back when the bureau answers their comment (in 我的消息, and in the cloud as a
 * subscription message), inside the answer's transaction. A changed answer is a new message (the answer is the
 * occasion); the same answer given again is not.
 */
async function tellAuthor(tx: Tx, ctx: Ctx, c: CommentDoc, productName: string, answer: { disposition: Disposition; reply: string; repliedAt: string }) {
  await notify(tx, ctx, {
    to: { userIds: [c.userId] },
    kind: 'commentAnswered',
    recordId: c._id,
    occasion: sha256(`${answer.disposition}\n${answer.reply}`).slice(0, 12),
    body: `您对“${productName}”的意见：${DISPOSITION_LABELS[answer.disposition]}。${answer.reply}`,
    link: commentLink(c),
  });
}

/**
 * A citizen comments while the window is open: checked for content (held ones wait for a person), at most three a
 * day per product, never the same text twice, and shown under a pseudonym that stays the same on this product.
 */
export async function postComment(input: { declarationId: string; text: string; anchor?: string }, ctx: Ctx) {
  const userId = ctx.caller.userId!;
  const today = ctx.clock.today();
  // The notice, the content check and the comment's group together, before the transaction (a network call must not
  // hold the store; issue 25: one round trip, not three).
  const [p, verdict, group] = await Promise.all([
    ctx.store.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId),
    ctx.content.check(input.text, ctx.caller.openid),
    groupFor(ctx, input.declarationId, input.text),
  ]);
  if (!p) throw notFound('这个产品不在公示中');
  const state = windowState(p, today);
  if (state === 'upcoming') throw conflict(`公示将于 ${currentWindow(p).startsOn} 开始，届时可以提意见`);
  if (state === 'ended') throw conflict('公示已经结束，不能再提意见');
  const now = ctx.clock.now().toISOString();

  try {
    return await ctx.store.transaction(async (tx) => {
      const rateId = `rate:${input.declarationId}:${userId}:${today}`;
      const rate = await tx.get<{ _id: string; count: number }>(COLLECTIONS.counters, rateId);
      if ((rate?.count ?? 0) >= DAILY_COMMENT_LIMIT) throw rateLimited(`每人每天对同一产品最多提 ${DAILY_COMMENT_LIMIT} 条意见，请明天再来`);
      await tx.set(COLLECTIONS.counters, rateId, { count: (rate?.count ?? 0) + 1 });
      await tx.insert(COLLECTIONS.counters, { _id: `dup:${input.declarationId}:${userId}:${sha256(sameNameKey(input.text))}` });

      const aliasId = `alias:${input.declarationId}:${userId}`;
      let alias = await tx.get<{ _id: string; pseudonym: string }>(COLLECTIONS.counters, aliasId);
      const shown = verdict === 'pass';
      if (!alias) {
        const current = (await tx.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId))!;
        const n = current.commenters + 1;
        alias = { _id: aliasId, pseudonym: `市民A${n}` };
        // The notice keeps its count of shown comments (the list reads it instead of counting per notice).
        await tx.update(COLLECTIONS.publicity, current._id, shown ? { commenters: n, shownComments: { $inc: 1 } } : { commenters: n });
        await tx.insert(COLLECTIONS.counters, alias);
      } else if (shown) await tx.update(COLLECTIONS.publicity, input.declarationId, { shownComments: { $inc: 1 } });
      const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
      if (group.found && !(await tx.get(COLLECTIONS.commentGroups, group.groupId)))
        await tx.insert(COLLECTIONS.commentGroups, { _id: group.groupId, declarationId: input.declarationId, text: group.folded, createdAt: now } satisfies CommentGroupDoc);
      const _id = newId('c');
      const comment: CommentDoc = {
        _id,
        declarationId: input.declarationId,
        userId,
        pseudonym: alias.pseudonym,
        byApplicant: isApplicant(ctx.caller) && ctx.caller.orgId === d?.orgId,
        text: input.text,
        anchor: input.anchor ?? null,
        status: shown ? 'shown' : 'pending',
        hiddenReason: null,
        disposition: null,
        reply: null,
        repliedAt: null,
        createdAt: now,
        day: today,
        key: `${now}|${_id}`,
        groupId: group.groupId,
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

const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[A-Za-z0-9_-]{1,64}$/.test(key)) throw invalid('翻页位置已失效，请重新打开', [{ path: 'cursor', message: '翻页位置已失效，请重新打开' }]);
  return key;
}

/** One page of a product's comments, oldest first (keyset on `key`, stable while comments keep arriving). */
async function commentPage(ctx: Ctx, where: Where, input: { cursor?: string; limit?: number }): Promise<{ page: CommentDoc[]; nextCursor: string | null }> {
  const limit = input.limit ?? COMMENT_PAGE.default;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await ctx.store.find<CommentDoc>(COLLECTIONS.comments, { where: after ? { ...where, key: { $gt: after } } : where, orderBy: [['key', 'asc']], limit: limit + 1 });
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].key) : null };
}

/**
 * The public comments, a page at a time; after the window closes, with how each was handled. A signed-in caller
 * also gets their own (on the first page: at most three a day each).
 */
export async function listComments(input: { declarationId: string; cursor?: string; limit?: number }, ctx: Ctx) {
  // One round trip: the notice, the page and the caller's own comments together.
  const [p, { page, nextCursor }, mine] = await Promise.all([
    ctx.store.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId),
    commentPage(ctx, { declarationId: input.declarationId, status: 'shown' }, input),
    ctx.caller.userId && !input.cursor
      ? ctx.store.find<CommentDoc>(COLLECTIONS.comments, { where: { declarationId: input.declarationId, userId: ctx.caller.userId }, orderBy: [['createdAt', 'asc']], limit: 100 })
      : Promise.resolve([] as CommentDoc[]),
  ]);
  if (!p) throw notFound('没有找到这项公示');
  const closed = isClosed(p, ctx.clock.today());
  return { comments: page.map((c) => toPublic(c, closed)), mine: mine.map(toMine), closed, nextCursor };
}

/** The bureau's view for moderation, a page at a time: every comment, held and hidden ones too, with its group. */
export async function listForModeration(input: { declarationId: string; cursor?: string; limit?: number }, ctx: Ctx) {
  // Two round trips (issue 25): the page with the totals, then every group's size on the page together (one count
  // after another grew with the page).
  const [{ page, nextCursor }, total, unanswered] = await Promise.all([
    commentPage(ctx, { declarationId: input.declarationId }, input),
    ctx.store.count(COLLECTIONS.comments, { declarationId: input.declarationId }),
    ctx.store.count(COLLECTIONS.comments, { declarationId: input.declarationId, status: 'shown', disposition: null }),
  ]);
  const groups = [...new Set(page.filter((c) => c.groupId).map((c) => c.groupId!))];
  const counted = await Promise.all(groups.map((g) => ctx.store.count(COLLECTIONS.comments, { declarationId: input.declarationId, groupId: g })));
  const sizes = new Map(groups.map((g, i) => [g, counted[i]]));
  const comments: ModerationComment[] = page.map((c) => ({ ...toMine(c), hiddenReason: c.hiddenReason, groupId: c.groupId ?? c._id, groupSize: c.groupId ? sizes.get(c.groupId)! : 1 }));
  return { comments, nextCursor, total, unanswered };
}

/** How many answers one transaction writes when a group is answered (each comment keeps its own record and audit entry). */
const GROUP_BATCH = 5;

/**
 * One answer for a group of identical or near-identical comments: every comment of the group not yet answered gets
 * it, as its own disposition. Written in batches; a batch that fails leaves the earlier ones answered and the call can
 * simply be repeated.
 */
export async function disposeGroup(input: { declarationId: string; groupId: string; disposition: Disposition; reply: string }, ctx: Ctx) {
  // The whole group in two round trips (issue 25: a page after a page grew with the group), then the answers in bounded
  // transactions side by side.
  const members = await findAll<CommentDoc>(ctx.store, COLLECTIONS.comments, { where: { declarationId: input.declarationId, groupId: input.groupId }, orderBy: [['key', 'asc']] });
  if (!members.length) throw notFound('没有找到这组意见');
  const name = (await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId))?.name ?? '';
  const open = members.filter((c) => !c.disposition).map((c) => c._id);
  const repliedAt = ctx.clock.now().toISOString();
  const done = await inTransactions(
    ctx.store,
    open,
    async (tx, id) => {
      const c = await tx.get<CommentDoc>(COLLECTIONS.comments, id);
      if (!c || c.disposition) return 0;
      await tx.update(COLLECTIONS.comments, id, { disposition: input.disposition, reply: input.reply, repliedAt, answerDays: answerDaysOf(c.createdAt, repliedAt) });
      await tellAuthor(tx, ctx, c, name, { disposition: input.disposition, reply: input.reply, repliedAt });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.comments, recordId: id, change: { disposition: input.disposition, group: input.groupId } });
      return 1;
    },
    { perTx: GROUP_BATCH },
  );
  return { groupId: input.groupId, answered: done.reduce((a: number, x) => a + x, 0), groupSize: members.length };
}

/** Whole days between a comment and its answer (the dashboard's answer-time bands count them). */
export const answerDaysOf = (createdAt: string, repliedAt: string) => Math.max(0, Math.floor((Date.parse(repliedAt) - Date.parse(createdAt)) / 86_400_000));

/** 吸收采纳: the bureau answers a comment (adopted, partly, not, or not relevant). Shown publicly once the window closes. */
export async function disposeComment(input: { commentId: string; disposition: Disposition; reply: string }, ctx: Ctx): Promise<MyComment> {
  return ctx.store.transaction(async (tx) => {
    const c = await tx.get<CommentDoc>(COLLECTIONS.comments, input.commentId);
    if (!c) throw notFound('没有找到这条意见');
    const repliedAt = ctx.clock.now().toISOString();
    const next = { ...c, disposition: input.disposition, reply: input.reply, repliedAt, answerDays: answerDaysOf(c.createdAt, repliedAt) };
    await tx.set(COLLECTIONS.comments, c._id, next);
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, c.declarationId);
    await tellAuthor(tx, ctx, c, d?.name ?? '', { disposition: input.disposition, reply: input.reply, repliedAt });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.comments, recordId: c._id, change: { disposition: input.disposition } });
    return toMine(next);
  });
}

/**
 * Issue 22: the bureau answers a selection of comments with one disposition and reply: each comment by `disposeComment`
 * in its own transaction with its own audit entry; one not found is refused and listed, the others answered.
 */
export async function disposeMany(input: { commentIds: string[]; disposition: Disposition; reply: string }, ctx: Ctx): Promise<BulkResult> {
  return { results: await eachRecord(ctx, input.commentIds, (commentId) => disposeComment({ commentId, disposition: input.disposition, reply: input.reply }, ctx)) };
}

/** Show a held comment, or hide one (abuse, personal data) with the reason kept. */
export async function moderateComment(input: { commentId: string; decision: 'show' | 'hide'; reason?: string }, ctx: Ctx): Promise<MyComment> {
  if (input.decision === 'hide' && !input.reason) throw invalid('不公开意见时请写明理由', [{ path: 'reason', message: '不公开意见时请写明理由' }]);
  return ctx.store.transaction(async (tx) => {
    const c = await tx.get<CommentDoc>(COLLECTIONS.comments, input.commentId);
    if (!c) throw notFound('没有找到这条意见');
    const next: CommentDoc = { ...c, status: input.decision === 'show' ? 'shown' : 'hidden', hiddenReason: input.decision === 'hide' ? input.reason! : null };
    await tx.set(COLLECTIONS.comments, c._id, next);
    const delta = (next.status === 'shown' ? 1 : 0) - (c.status === 'shown' ? 1 : 0);
    if (delta) await tx.update(COLLECTIONS.publicity, c.declarationId, { shownComments: { $inc: delta } });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.comments, recordId: c._id, change: { status: next.status, reason: next.hiddenReason } });
    return toMine(next);
  });
}
