/**
 * Issue 15: the publicity list reads each notice's own count of shown comments (kept in the comment's transaction, an
 * invariant checks it), and older records — comments stored before they got their paging key and group, notices before
 * they kept the count — are brought up to date by an idempotent job, so paging never skips a comment.
 */
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import { BACKFILL_MARKER } from '../../cloudfunctions/publicity/backfill';
import type { CommentDoc, PublicityDoc } from '../../types/publicity';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { startPipeline, type Pipeline } from '../support/pipeline';

let h: Harness;
let pipe: Pipeline;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);

beforeAll(async () => {
  h = await startHarness();
  await at('2026-09-25T09:00:00+08:00');
  pipe = await startPipeline(h);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

async function allComments(declarationId: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await h.ok('publicity', 'comments', { declarationId, limit, ...(cursor ? { cursor } : {}) });
    ids.push(...page.comments.map((c: { commentId: string }) => c.commentId));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}
const listed = async (d: string) => (await h.ok('publicity', 'list')).items.find((i: { declarationId: string }) => i.declarationId === d).comments;

test('the notice counts its shown comments as they are posted, held, shown and hidden', async () => {
  await at('2026-09-25T09:00:00+08:00');
  const d = await pipe.proposed(3);
  await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-09T10:00:00+08:00');
  expect(await listed(d)).toBe(0);
  const [a, b] = [await h.citizen(), await h.citizen()];
  await h.ok('publicity', 'comment', { declarationId: d, text: '希望增加周末服务时间' }, a);
  await h.ok('publicity', 'comment', { declarationId: d, text: '服务电话经常打不通' }, a); // the same commenter again
  const held = await h.ok('publicity', 'comment', { declarationId: d, text: '请联系我 13912345678 详谈' }, b);
  expect(held.status).toBe('pending');
  expect(await listed(d)).toBe(2);
  expect((await h.app.store.get<PublicityDoc>(COLLECTIONS.publicity, d))!.shownComments).toBe(2);
  await h.ok('publicity', 'moderate', { commentId: held.commentId, decision: 'show' }, ADMIN_TOKEN);
  expect(await listed(d)).toBe(3);
  await h.ok('publicity', 'moderate', { commentId: held.commentId, decision: 'show' }, ADMIN_TOKEN); // shown twice: still one
  expect(await listed(d)).toBe(3);
  await h.ok('publicity', 'moderate', { commentId: held.commentId, decision: 'hide', reason: '含个人电话号码' }, ADMIN_TOKEN);
  expect(await listed(d)).toBe(2);
  expect((await h.ok('publicity', 'get', { declarationId: d })).comments).toBe(2);
  // The invariant catches a count that drifted.
  await h.app.store.update(COLLECTIONS.publicity, d, { shownComments: 5 });
  expect(await h.invariants()).toEqual([`publicity ${d} counts 5 shown comments, it has 2`]);
  await h.app.store.update(COLLECTIONS.publicity, d, { shownComments: 2 });
});

test('comments stored before paging keys and notices before their count are brought up to date once, and paging then reaches every comment', async () => {
  await at('2026-09-25T09:00:00+08:00');
  const d = await pipe.proposed(5);
  await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-09T10:00:00+08:00');
  const posted: string[] = [];
  for (let i = 0; i < 5; i++) {
    const t = await h.citizen();
    posted.push((await h.ok('publicity', 'comment', { declarationId: d, text: `第${'一二三四五'[i]}位市民希望延长服务时间` }, t)).commentId);
  }
  // The last one answered three days later, as an older version stored an answer: without its `answerDays`.
  await at('2026-10-12T11:00:00+08:00');
  await h.ok('publicity', 'dispose', { commentId: posted[4], disposition: 'adopted', reply: '已延长到晚上八点' }, ADMIN_TOKEN);
  expect((await h.app.store.get<CommentDoc>(COLLECTIONS.comments, posted[4]))!.answerDays).toBe(3);
  // Three of them as an older version stored them: no `key`, no `groupId`; the notice without its count.
  await h.app.store.transaction(async (tx) => {
    const { answerDays: _a, ...unmeasured } = (await tx.get<CommentDoc>(COLLECTIONS.comments, posted[4]))!;
    await tx.set(COLLECTIONS.comments, posted[4], unmeasured);
    for (const id of posted.slice(1, 4)) {
      const { key: _k, groupId: _g, ...old } = (await tx.get<CommentDoc>(COLLECTIONS.comments, id))!;
      await tx.set(COLLECTIONS.comments, id, old);
    }
    const { shownComments: _s, ...oldNotice } = (await tx.get<PublicityDoc>(COLLECTIONS.publicity, d))!;
    await tx.set(COLLECTIONS.publicity, d, oldNotice);
  });
  // What went wrong: paging orders and resumes on `key`, which those three lack: paging cannot reach all five.
  const broken = await allComments(d, 2).catch(() => null);
  expect(broken === null || broken.length < 5).toBe(true);
  h.drainErrors();
  expect(await listed(d)).toBe(5); // counted the old way for a notice without its count

  const first = await h.ok('admin', 'runJobs', {}, ADMIN_TOKEN);
  expect(first.publicityBackfilled).toBeGreaterThanOrEqual(3 + 1 + 1); // these three comments, the unmeasured answer and this notice (and any other old one)
  for (const id of posted.slice(1, 4)) {
    const c = (await h.app.store.get<CommentDoc>(COLLECTIONS.comments, id))!;
    expect(c.key).toBe(`${c.createdAt}|${c._id}`);
    expect(c.groupId).toMatch(/^g/);
  }
  expect((await h.app.store.get<CommentDoc>(COLLECTIONS.comments, posted[4]))!.answerDays).toBe(3);
  expect((await h.app.store.get<PublicityDoc>(COLLECTIONS.publicity, d))!.shownComments).toBe(5);
  expect(await h.app.store.get(COLLECTIONS.meta, BACKFILL_MARKER)).toBeTruthy();
  // Paging reaches every comment, in posting order, at any page size.
  expect(await allComments(d, 2)).toEqual(posted);
  expect(await allComments(d, 1)).toEqual(posted);
  // Idempotent: a second run changes nothing.
  const before = await h.app.store.find(COLLECTIONS.audit, { limit: 1000 });
  expect((await h.ok('admin', 'runJobs', {}, ADMIN_TOKEN)).publicityBackfilled).toBe(0);
  expect((await h.app.store.find(COLLECTIONS.audit, { limit: 1000 })).length).toBe(before.length);
});
