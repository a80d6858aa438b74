/**
 * Issue 10, finding 3: a publicity stays closable at any volume. 1,110 comments from 370 people (three each, the
 * daily limit): every one reachable through cursors, identical and near-identical ones grouped so one answer disposes
 * of a group (each comment keeping its own disposition), and closing still needs every comment answered.
 */
import { createHash } from 'crypto';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { startPipeline } from '../support/pipeline';

let h: Harness;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

const CAMPAIGN = '我们小区的居民都认为这项法律服务的收费标准偏高，希望主管部门要求提供单位降低收费，并在社区服务点公开收费明细和投诉电话，方便老年人和困难群众使用这项服务。';
/** The same text dressed differently: full-width, extra spaces, other punctuation. */
const DRESSED = ` ${CAMPAIGN.replace(/，/g, ', ').replace('。', '！！')}　`;
/** One character changed: near-identical, not identical. */
const NEAR = CAMPAIGN.replace('老年人', '老年朋友');

async function all(action: 'comments' | 'moderation', declarationId: string, limit: number, token?: string) {
  const items: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await h.ok('publicity', action, { declarationId, limit, ...(cursor ? { cursor } : {}) }, token);
    items.push(...page.comments);
    pages++;
    if (!page.nextCursor) return { items, pages, last: page };
    cursor = page.nextCursor;
  }
}

test('1,110 comments page through cursors, group by text, are answered by group and the publicity closes', async () => {
  await at('2026-09-25T09:00:00+08:00');
  const pipe = await startPipeline(h);
  const d = await pipe.proposed(2);
  await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-09T10:00:00+08:00'); // the clock stands still: every comment shares one millisecond

  const people = 370;
  const posted = new Set<string>();
  for (let i = 0; i < people; i++) {
    const t = await h.citizen();
    const own = `编号${createHash('sha256').update(String(i)).digest('hex').slice(0, 40).replace(/\d/g, (x) => 'ghijklmnop'[Number(x)])}的单独意见`; // no digits: never taken for a phone number
    for (const text of [i % 2 ? DRESSED : CAMPAIGN, NEAR, own]) posted.add((await h.ok('publicity', 'comment', { declarationId: d, text }, t)).commentId);
    if (i === 0) expect((await h.call('publicity', 'comment', { declarationId: d, text: '第四条意见今天不能再提了' }, t)).status).toBe(429);
  }
  expect(posted.size).toBe(1110);

  // The public list and the bureau's list each reach every comment, once, in order.
  const pub = await all('comments', d, 200);
  expect(pub.items.length).toBe(1110);
  expect(new Set(pub.items.map((c) => c.commentId))).toEqual(posted);
  expect(pub.pages).toBe(6);
  const mod = await all('moderation', d, 200, ADMIN_TOKEN);
  expect(mod.items.length).toBe(1110);
  expect(new Set(mod.items.map((c) => c.commentId))).toEqual(posted);
  expect(mod.last).toMatchObject({ total: 1110, unanswered: 1110 });
  expect((await h.ok('publicity', 'moderation', { declarationId: d }, ADMIN_TOKEN)).comments).toHaveLength(50); // the default page

  // The campaign (identical, dressed-up and near-identical texts) is one group of 740; each own comment stands alone.
  const groups = new Map<string, any[]>();
  for (const c of mod.items) groups.set(c.groupId, [...(groups.get(c.groupId) ?? []), c]);
  expect(groups.size).toBe(1 + people);
  const campaign = [...groups.entries()].find(([, cs]) => cs.length > 1)!;
  expect(campaign[1].length).toBe(2 * people);
  expect(campaign[1].every((c) => c.groupSize === 2 * people)).toBe(true);
  expect(mod.items.filter((c) => c.groupSize === 1).length).toBe(people);

  // Closing waits for every answer; one answer disposes of the whole campaign, each comment keeping its own record.
  await at('2026-10-16T09:00:00+08:00');
  const early = await h.call('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN);
  expect((early.body as any).error.message).toBe('还有 1110 条意见没有答复。每条意见都要答复后才能结束公示');
  const answer = await h.ok('publicity', 'disposeGroup', { declarationId: d, groupId: campaign[0], disposition: 'partly-adopted', reply: '已要求公开收费明细，收费标准按物价部门核定执行' }, ADMIN_TOKEN);
  expect(answer).toEqual({ groupId: campaign[0], answered: 740, groupSize: 740 });
  expect((await h.ok('publicity', 'disposeGroup', { declarationId: d, groupId: campaign[0], disposition: 'adopted', reply: '重复答复' }, ADMIN_TOKEN)).answered).toBe(0);
  const trail = await h.ok('admin', 'auditTrail', { recordId: campaign[1][123].commentId }, ADMIN_TOKEN);
  expect(trail.entries.map((e: any) => e.change.disposition).filter(Boolean)).toEqual(['partly-adopted']);
  const half = await h.call('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN);
  expect((half.body as any).error.message).toBe(`还有 ${people} 条意见没有答复。每条意见都要答复后才能结束公示`);

  for (const [groupId, cs] of groups) if (cs.length === 1) await h.ok('publicity', 'disposeGroup', { declarationId: d, groupId, disposition: 'not-relevant', reply: '已知悉' }, ADMIN_TOKEN);
  expect(await h.ok('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN)).toEqual({ status: 'recognised', endsOn: null });
  const closed = await all('comments', d, 200);
  expect(closed.items.filter((c) => c.reply === '已要求公开收费明细，收费标准按物价部门核定执行').length).toBe(740);
}, 180_000);

test('bad paging and group inputs are refused; only the bureau answers a group', async () => {
  const bad = await h.call('publicity', 'comments', { declarationId: 'x', limit: 201 });
  expect((bad.body as any).error.issues[0]).toEqual({ path: 'limit', message: '每页最多 200 条' });
  const declarationId = (await h.ok('publicity', 'list')).items[0].declarationId;
  const forged = await h.call('publicity', 'comments', { declarationId, cursor: 'bm90LWEta2V5' });
  expect((forged.body as any).error).toMatchObject({ code: 'INVALID_INPUT', message: '翻页位置已失效，请重新打开' });
  expect((await h.call('publicity', 'disposeGroup', { declarationId, groupId: 'g-none', disposition: 'adopted', reply: '答复' }, ADMIN_TOKEN)).status).toBe(404);
  expect((await h.call('publicity', 'disposeGroup', { declarationId, groupId: 'g-none', disposition: 'adopted', reply: '答复' }, await h.citizen())).status).toBe(403);
  const missing = await h.call('publicity', 'disposeGroup', { declarationId, disposition: 'maybe', reply: '' }, ADMIN_TOKEN);
  expect((missing.body as any).error.issues.map((i: any) => i.path).sort()).toEqual(['disposition', 'groupId', 'reply']);
});
