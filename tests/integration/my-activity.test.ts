/** 我的: a person sees their own ratings, comments and open cases, and nobody else's. */
import type { CommentDoc } from '../../types/publicity';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: true });
  await h.ok('admin', 'setClock', { now: '2026-09-30T10:00:00+08:00' }, ADMIN_TOKEN);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

const issue = async () => (await h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: '2026-09-30', channel: 'counter' }, ADMIN_TOKEN)).token as string;

test('my ratings and open cases are listed for me only', async () => {
  const xiaoli = await h.citizen();
  const other = await h.citizen();
  await h.ok('ratings', 'rate', { token: await issue(), level: 5 }, xiaoli);
  await h.ok('ratings', 'rate', { token: await issue(), level: 1, text: '等了很久没人接待' }, xiaoli);
  await h.ok('ratings', 'rate', { token: await issue(), level: 4 }, other);

  const mine = await h.ok('auth', 'myActivity', {}, xiaoli);
  expect(mine.ratings.map((r: { level: number }) => r.level).sort()).toEqual([1, 5]);
  expect(mine.ratings[0].productName).toBe('劳动争议法律援助快速通道');
  expect(mine.openCases).toBe(1);
  const theirs = await h.ok('auth', 'myActivity', {}, other);
  expect([theirs.ratings.length, theirs.openCases]).toEqual([1, 0]);
});

test('my comments show their status and whether they were answered; others’ never appear', async () => {
  const wang = await h.citizen();
  const wangId = (await h.ok('auth', 'me', {}, wang)).userId as string;
  const base: Omit<CommentDoc, '_id' | 'userId'> = { declarationId: 'no-such-declaration', pseudonym: '市民A1', byApplicant: false, text: '建议写明周末是否开放', anchor: null, status: 'shown', hiddenReason: null, disposition: null, reply: null, repliedAt: null, createdAt: '2026-09-29T02:00:00.000Z', day: '2026-09-29', key: '2026-09-29T02:00:00.000Z|cmine1', groupId: 'cmine1' };
  await h.app.store.insert('comments', { ...base, _id: 'cmine1', userId: wangId });
  await h.app.store.insert('comments', { ...base, _id: 'cother1', userId: 'someone-else', text: '别人的意见' });
  const mine = await h.ok('auth', 'myActivity', {}, wang);
  // Stand-ins only (no real publicity behind them): gone before the invariants run.
  await h.app.store.transaction(async (tx) => {
    await tx.remove('comments', 'cmine1');
    await tx.remove('comments', 'cother1');
  });
  expect(mine.comments).toEqual([{ commentId: 'cmine1', declarationId: 'no-such-declaration', productName: '', text: '建议写明周末是否开放', status: 'shown', answered: false, createdOn: '2026-09-29' }]);
});

test('an anonymous caller has nothing; unknown fields are refused', async () => {
  expect(await h.ok('auth', 'myActivity', {})).toEqual({ comments: [], ratings: [], openCases: 0 });
  expect((await h.call('auth', 'myActivity', { userId: 'someone-else' }, await h.citizen())).status).toBe(400);
});
