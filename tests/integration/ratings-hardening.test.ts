/**
 * Issue 10, finding 5: nobody can rate a product to the top. The provider's staff cannot rate their own product;
 * codes per product per day are capped; a burst of one issuer's codes (and ratings tied to the issuer) is held out of
 * the published summary until the bureau reviews it, so neither the summary nor the rating order moves.
 */
import type { ProductDoc } from '../../types/product';
import { FLAG_REASONS, RATING_GUARDS } from '../../types/rating';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let provider: { token: string; orgId: string };
const mine = 'pown0001';
const rival = 'prival001';
const issue = async (productId: string, token: string) => (await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-09-30', channel: 'counter' }, token)).token as string;
const order = async () => (await h.searchAll({ sort: 'rating' }, 50)).map((p) => p.productId);

beforeAll(async () => {
  h = await startHarness({ seed: true });
  provider = await h.applicant('西湖区某法律服务所');
  const rivalOrg = await h.applicant('拱墅区某法律服务所');
  const template = (await h.app.store.get<ProductDoc>('products', 'p0002demo'))!;
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId: mine, declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2026〕11号', publishedOn: '2026-01-10' }));
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId: rival, declarationId: null, orgId: rivalOrg.orgId, documentNumber: '杭司〔2026〕12号', publishedOn: '2026-01-11' }));
  await h.ok('admin', 'setClock', { now: '2026-09-30T10:00:00+08:00' }, ADMIN_TOKEN);
  // The rival has three honest ratings: 4, 4, 3.
  for (const level of [4, 4, 3]) await h.ok('ratings', 'rate', { token: await issue(rival, rivalOrg.token), level }, await h.citizen());
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('the providing organisation cannot rate its own product', async () => {
  const token = await issue(mine, provider.token);
  const own = await h.call('ratings', 'rate', { token, level: 5 }, provider.token);
  expect(own.status).toBe(403);
  expect((own.body as any).error.message).toBe('不能评价本单位提供的产品。请把评价码交给接受服务的群众，由他们本人评价');
  // A colleague's account is refused the same way; the code stays unused for the real client.
  const colleague = await h.applicant('西湖区某法律服务所');
  expect((await h.call('ratings', 'rate', { token, level: 5 }, colleague.token)).status).toBe(403);
  expect((await h.ok('ratings', 'tokenInfo', { token })).usable).toBe(true);
});

test('a burst of 200 ratings from one issuer’s codes is held out: the summary and the rating order do not move', async () => {
  const before = await h.ok('ratings', 'summary', { productId: mine });
  const orderBefore = await order();
  expect(orderBefore.indexOf(rival)).toBeLessThan(orderBefore.indexOf(mine));

  const tokens: string[] = [];
  for (let i = 0; i < 200; i++) tokens.push(await issue(mine, provider.token));
  for (const token of tokens) await h.ok('ratings', 'rate', { token, level: 5, dimensions: { attitude: 5 } }, await h.citizen());

  const after = await h.ok('ratings', 'summary', { productId: mine });
  expect(after).toEqual(before);
  expect(after.count).toBe(0);
  expect((await h.ok('catalogue', 'get', { productId: mine })).rating).toEqual({ count: 0, satisfactionRate: null });
  expect(await order()).toEqual(orderBefore);
  expect((await h.ok('ratings', 'summary', { productId: rival })).count).toBe(3);

  // The bureau sees every one, with the reason, page by page.
  const first = await h.ok('ratings', 'flagged', { limit: 150 }, ADMIN_TOKEN);
  expect(first.total).toBe(200);
  const second = await h.ok('ratings', 'flagged', { limit: 150, cursor: first.nextCursor }, ADMIN_TOKEN);
  const flagged = [...first.ratings, ...second.ratings];
  expect(flagged).toHaveLength(200);
  expect(second.nextCursor).toBeNull();
  expect(new Set(flagged.map((r: any) => r.reasonLabel))).toEqual(new Set([FLAG_REASONS.burst]));
  expect(flagged.every((r: any) => r.productId === mine && r.status === 'pending' && r.counted === false)).toBe(true);

  // Accepted after review: it counts; rejected: it stays out.
  const accepted = await h.ok('ratings', 'reviewFlag', { ratingId: flagged[0].ratingId, accept: true, reason: '电话回访核实确有其人其事' }, ADMIN_TOKEN);
  expect(accepted).toMatchObject({ status: 'accepted', counted: true });
  await h.ok('ratings', 'reviewFlag', { ratingId: flagged[1].ratingId, accept: false, reason: '回访无人知晓此次服务' }, ADMIN_TOKEN);
  const reviewed = await h.ok('ratings', 'summary', { productId: mine });
  expect([reviewed.count, reviewed.satisfactionRate, reviewed.dimensionMeans.attitude]).toEqual([1, 1, 5]);
  expect((await h.ok('ratings', 'flagged', {}, ADMIN_TOKEN)).total).toBe(198);
  expect((await h.ok('ratings', 'flagged', { status: 'rejected' }, ADMIN_TOKEN)).ratings.map((r: any) => r.ratingId)).toEqual([flagged[1].ratingId]);
}, 60_000);

test('codes per product per day are capped; the cap resets the next day', async () => {
  const issuedToday = 1 + 200; // the earlier tests' codes
  for (let i = issuedToday; i < RATING_GUARDS.codesPerProductPerDay; i++) await issue(mine, provider.token);
  const over = await h.call('ratings', 'issueToken', { productId: mine, servedOn: '2026-09-30', channel: 'counter' }, provider.token);
  expect([over.status, (over.body as any).error.code, (over.body as any).error.message]).toEqual([429, 'RATE_LIMITED', '这个产品今天已发放 300 个评价码，达到每日上限，请明天再发放；如确有需要，请联系市司法局']);
  await h.ok('admin', 'setClock', { now: '2026-10-08T10:00:00+08:00' }, ADMIN_TOKEN);
  expect(await issue(mine, provider.token)).toBeTruthy();
  await h.ok('admin', 'setClock', { now: '2026-09-30T10:00:00+08:00' }, ADMIN_TOKEN);
}, 30_000);

test('a rating by the account that issued the code is held out with that reason', async () => {
  await h.ok('admin', 'setClock', { now: '2026-10-09T15:00:00+08:00' }, ADMIN_TOKEN);
  const token = await issue(rival, ADMIN_TOKEN);
  const before = await h.ok('ratings', 'summary', { productId: rival });
  const { ratingId } = await h.ok('ratings', 'rate', { token, level: 5 }, ADMIN_TOKEN);
  expect(await h.ok('ratings', 'summary', { productId: rival })).toEqual(before);
  const held = (await h.ok('ratings', 'flagged', { limit: 200 }, ADMIN_TOKEN)).ratings.find((r: any) => r.ratingId === ratingId);
  expect(held).toMatchObject({ reason: 'issuer-account', reasonLabel: FLAG_REASONS['issuer-account'], counted: false });
});

test('only the bureau sees and reviews flagged ratings; bad inputs name the field', async () => {
  for (const t of [await h.citizen(), provider.token]) {
    expect((await h.call('ratings', 'flagged', {}, t)).status).toBe(403);
    expect((await h.call('ratings', 'reviewFlag', { ratingId: 'r1', accept: true, reason: '核实' }, t)).status).toBe(403);
  }
  const bad = await h.call('ratings', 'reviewFlag', { ratingId: '', accept: 'yes', reason: '' }, ADMIN_TOKEN);
  expect((bad.body as any).error.issues.map((i: any) => i.path).sort()).toEqual(['accept', 'ratingId', 'reason']);
  expect((await h.call('ratings', 'reviewFlag', { ratingId: 'r-none', accept: true, reason: '核实无误' }, ADMIN_TOKEN)).status).toBe(404);
  expect((await h.call('ratings', 'flagged', { status: 'maybe' }, ADMIN_TOKEN)).status).toBe(400);
});
