/**
 * Bringing older publicity records up to date (issue 15, a finding of the hostile probe): comments stored before comments
 * got their keyset paging `key` (and their group) are invisible to paging, which orders and resumes on `key`; notices
 * stored before they kept their count of shown comments are counted one by one by the list. This job gives each such
 * comment its `key` (`<createdAt>|<_id>`, what postComment writes) and its group, each comment answered before answers
 * kept their time its `answerDays` (for the dashboard's answer-time bands), and each such notice its count. It is
 * idempotent: a record already up to date is left alone, and once a pass finds nothing left a marker in `meta` makes
 * later runs one read. It runs with the deadline jobs (notify/jobs.ts runJobs: the cloud's timer, the local scheduler,
 * `admin.runJobs`).
 */
import type { CommentDoc, CommentGroupDoc, PublicityDoc } from '../../types/publicity';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findAll } from '../_lib/store/pages';
import { answerDaysOf } from './comments';
import { groupFor } from './groups';

/** The marker a finished backfill leaves (bump the version to run a new one). */
export const BACKFILL_MARKER = 'backfill:publicity:v2';

/** How many comments and notices it updated (0 and 0 on a second run). */
export async function backfillPublicity(ctx: Ctx): Promise<{ comments: number; notices: number }> {
  if (await ctx.store.get(COLLECTIONS.meta, BACKFILL_MARKER)) return { comments: 0, notices: 0 };
  let comments = 0;
  let notices = 0;

  const unmeasured = (c: CommentDoc) => !!c.repliedAt && typeof c.answerDays !== 'number';
  // The comments and the notices together (issue 25: the timer's rounds); a notice's count does not depend on the comments' keys.
  const [allComments, allNotices] = await Promise.all([findAll<CommentDoc>(ctx.store, COLLECTIONS.comments), findAll<PublicityDoc>(ctx.store, COLLECTIONS.publicity)]);
  const stale = allComments.filter((c) => !c.key || !c.groupId || unmeasured(c));
  // Oldest first, so a group is founded by its first comment, as it would have been.
  stale.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a._id < b._id ? -1 : 1));
  for (const c of stale) {
    // Read before the transaction (queries are not allowed inside); one comment at a time, so each sees the groups before it.
    const group = c.groupId ? null : await groupFor(ctx, c.declarationId, c.text);
    comments += await ctx.store.transaction(async (tx) => {
      const fresh = await tx.get<CommentDoc>(COLLECTIONS.comments, c._id);
      if (!fresh || (fresh.key && fresh.groupId && !unmeasured(fresh))) return 0;
      const patch: Partial<CommentDoc> = {};
      if (!fresh.key) patch.key = `${fresh.createdAt}|${fresh._id}`;
      if (unmeasured(fresh)) patch.answerDays = answerDaysOf(fresh.createdAt, fresh.repliedAt!);
      if (!fresh.groupId && group) {
        if (group.found && !(await tx.get(COLLECTIONS.commentGroups, group.groupId)))
          await tx.insert(COLLECTIONS.commentGroups, { _id: group.groupId, declarationId: fresh.declarationId, text: group.folded, createdAt: fresh.createdAt } satisfies CommentGroupDoc);
        patch.groupId = group.groupId;
      }
      await tx.update(COLLECTIONS.comments, fresh._id, patch);
      await appendAudit(tx, ctx, { collection: COLLECTIONS.comments, recordId: fresh._id, change: { backfilled: Object.keys(patch) } });
      return 1;
    });
  }

  for (const p of allNotices.filter((x) => typeof x.shownComments !== 'number')) {
    const shown = await ctx.store.count(COLLECTIONS.comments, { declarationId: p._id, status: 'shown' });
    notices += await ctx.store.transaction(async (tx) => {
      const fresh = await tx.get<PublicityDoc>(COLLECTIONS.publicity, p._id);
      if (!fresh) return 0;
      // Set even if a comment's $inc gave it a number meanwhile: that number started from nothing, the count did not.
      await tx.update(COLLECTIONS.publicity, p._id, { shownComments: shown });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.publicity, recordId: p._id, change: { shownComments: shown, backfilled: true } });
      return 1;
    });
  }

  await ctx.store.transaction(async (tx) => {
    await tx.set(COLLECTIONS.meta, BACKFILL_MARKER, { doneAt: ctx.clock.now().toISOString(), comments, notices });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.meta, recordId: BACKFILL_MARKER, change: { comments, notices } });
  });
  return { comments, notices };
}
