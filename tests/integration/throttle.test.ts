/**
 * Issue 10: throttling where abuse is cheap, run STRICT with the exact numbers of types/limits.ts written out here,
 * so changing a limit fails this test. The Nth call passes, the N+1th is refused with RATE_LIMITED (429), a Chinese
 * message saying when to retry and a Retry-After header. A second loopback address (127.0.0.2) proves the limits
 * count per client address.
 */
import http from 'http';
import { INVALID_INVITE_MESSAGE } from '../../cloudfunctions/auth/redeemInvite';
import { catalogueSchemas } from '../../types/actions/catalogue';
import { IDLE_SESSION_HOURS, IDLE_SWEEP_MINUTES, INVITE_TTL_DAYS, RATE_LIMITS, RELAXED_FACTOR } from '../../types/limits';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let port: number;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
beforeAll(async () => {
  h = await startHarness({ seed: true, rateLimits: 'strict' });
  port = Number(new URL(h.url).port);
});
afterAll(() => h.close());
beforeEach(async () => {
  await at('2026-10-08T09:00:00+08:00');
  h.app.throttle.reset();
});
afterEach(async () => expect(await h.invariants()).toEqual([]));

/** POST /api/<fn> from a given local address; status, Retry-After and the envelope. */
function callFrom(address: string, fn: string, action: string, payload: Record<string, unknown> = {}, token?: string, extra: Record<string, string> = {}) {
  const body = JSON.stringify({ action, ...payload });
  return new Promise<{ status: number; retryAfter: string | undefined; body: any }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/${fn}`, method: 'POST', localAddress: address, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const A = '127.0.0.1';
const B = '127.0.0.2';

function expectLimited(r: { status: number; retryAfter: string | undefined; body: any }, minutes: number) {
  expect(r.status).toBe(429);
  expect(r.body.error.code).toBe('RATE_LIMITED');
  expect(r.body.error.message).toBe(`操作太频繁，请 ${minutes} 分钟后再试`);
  expect(r.retryAfter).toBe(String(r.body.error.retryAfterSeconds));
  expect(Number(r.retryAfter)).toBeGreaterThan((minutes - 1) * 60);
  expect(Number(r.retryAfter)).toBeLessThanOrEqual(minutes * 60);
}

test('the limits as data: these exact numbers (a changed number fails here)', () => {
  expect(Object.fromEntries(Object.entries(RATE_LIMITS).map(([k, l]) => [k, [l.max, l.windowSeconds, (l as { lockoutSeconds?: number }).lockoutSeconds ?? 0, l.per]]))).toEqual({
    session: [30, 3600, 0, 'address'],
    commentPerIdentity: [10, 3600, 0, 'identity'],
    commentPerAddress: [20, 3600, 0, 'address'],
    needPerIdentity: [10, 3600, 0, 'identity'],
    needPerAddress: [60, 3600, 0, 'address'],
    needSupportersPerAddress: [3, 86400, 0, 'address'],
    search: [120, 60, 0, 'address'],
    openData: [120, 60, 0, 'address'],
    openDataBulk: [10, 600, 0, 'address'],
    export: [10, 600, 0, 'address'],
    poster: [20, 600, 0, 'address'],
    orgRegisterPerIdentity: [5, 86400, 0, 'identity'],
    orgRegisterPerAddress: [10, 86400, 0, 'address'],
    draftSave: [1200, 3600, 0, 'identity'],
    procurementRecord: [30, 3600, 0, 'identity'],
    customRequest: [10, 86400, 0, 'identity'],
    inviteGuess: [5, 900, 1800, 'address'],
  });
  expect(RELAXED_FACTOR).toBe(100);
  expect(INVITE_TTL_DAYS).toBe(30);
  expect([IDLE_SESSION_HOURS, IDLE_SWEEP_MINUTES]).toEqual([24, 60]);
  expect(h.app.throttle.mode).toBe('strict');
});

test('sessions: 30 an hour from one address, the 31st refused; another address is not affected; an hour later again', async () => {
  for (let i = 1; i <= 30; i++) expect([i, (await callFrom(A, 'auth', 'session')).status]).toEqual([i, 200]);
  const refused = await callFrom(A, 'auth', 'session');
  expectLimited(refused, 60);
  // A forged X-Forwarded-For does not buy a new address (the proxy header is trusted only with TRUST_PROXY=1).
  expect((await callFrom(A, 'auth', 'session', {}, undefined, { 'X-Forwarded-For': '203.0.113.9' })).status).toBe(429);
  expect(await h.app.store.count('users', { tokenHash: { $ne: null } })).toBeGreaterThanOrEqual(30);
  const before = await h.app.store.count('users');
  expect((await callFrom(A, 'auth', 'session')).status).toBe(429);
  expect(await h.app.store.count('users')).toBe(before); // refused: nothing written
  expect((await callFrom(B, 'auth', 'session')).status).toBe(200);
  // A signed-in caller asking again gets its own session back: not counted, not refused.
  const token = (await callFrom(B, 'auth', 'session')).body.data.token;
  expect((await callFrom(A, 'auth', 'session', {}, token)).status).toBe(200);
  await at('2026-10-08T09:59:00+08:00');
  expectLimited(await callFrom(A, 'auth', 'session'), 1);
  await at('2026-10-08T10:00:01+08:00');
  expect((await callFrom(A, 'auth', 'session')).status).toBe(200);
});

test('comments: 10 an hour per person, 20 an hour per address (refused calls of other kinds count too)', async () => {
  h.app.throttle.mode = 'relaxed';
  const [c1, c2, c3, c4] = [await h.citizen(), await h.citizen(), await h.citizen(), await h.citizen()];
  h.app.throttle.mode = 'strict';
  h.app.throttle.reset();
  const comment = (address: string, token: string) => callFrom(address, 'publicity', 'comment', { declarationId: 'd-not-in-publicity', text: '请增加夜间服务' }, token);
  for (let i = 1; i <= 10; i++) expect([i, (await comment(A, c1)).status]).toEqual([i, 404]);
  expectLimited(await comment(A, c1), 60);
  // The same person from another address: still over the per-person limit.
  expect((await comment(B, c1)).status).toBe(429);
  for (let i = 11; i <= 20; i++) expect([i, (await comment(A, c2)).status]).toEqual([i, 404]);
  // A third person on the same address: the address has had its 20.
  expectLimited(await comment(A, c3), 60);
  expect((await comment(B, c4)).status).toBe(404);
});

test('search 120 a minute, export 10 and posters 20 per ten minutes, per address; the bureau is not throttled', async () => {
  for (let i = 1; i <= 120; i++) expect([i, (await callFrom(A, 'catalogue', 'search', { limit: 1 })).status]).toEqual([i, 200]);
  expectLimited(await callFrom(A, 'catalogue', 'search', { limit: 1 }), 1);
  expect((await callFrom(B, 'catalogue', 'search', { limit: 1 })).status).toBe(200);
  // A malformed call is refused before it is counted, and the bureau is never throttled.
  expect((await callFrom(B, 'catalogue', 'search', { limit: 'x' })).status).toBe(400);
  for (let i = 0; i < 5; i++) expect((await callFrom(A, 'catalogue', 'search', { limit: 1 }, ADMIN_TOKEN)).status).toBe(200);

  for (let i = 1; i <= 10; i++) expect([i, (await callFrom(A, 'catalogue', 'export', { format: 'json' })).status]).toEqual([i, 200]);
  expectLimited(await callFrom(A, 'catalogue', 'export', { format: 'json' }), 10);

  const productId = (await h.ok('catalogue', 'search', { limit: 1 }, ADMIN_TOKEN)).items[0].productId;
  const poster = catalogueSchemas.poster.safeParse({ productId }).success ? { productId } : { productId, link: `/pages/product/index?id=${productId}` };
  for (let i = 1; i <= 20; i++) expect([i, (await callFrom(A, 'catalogue', 'poster', poster)).status]).toEqual([i, 200]);
  expectLimited(await callFrom(A, 'catalogue', 'poster', poster), 10);
  expect((await callFrom(B, 'catalogue', 'poster', poster)).status).toBe(200);
});

test('invite codes: unknown, used and expired codes get the same answer; after five wrong guesses every attempt from the address is refused for 30 minutes', async () => {
  h.app.throttle.mode = 'relaxed';
  const [guesser, other, late] = [await h.citizen(), await h.citizen(), await h.citizen()];
  h.app.throttle.mode = 'strict';
  h.app.throttle.reset();
  const invite = async () => (await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '节流测试律师事务所' }, ADMIN_TOKEN)).inviteCode as string;

  const used = await invite();
  expect((await callFrom(B, 'auth', 'redeemInvite', { code: used }, other)).status).toBe(200);
  const expired = await invite();
  const fresh = await invite();
  await at('2026-11-07T09:00:01+08:00'); // 30 days and a second later
  const answers = [];
  for (const code of ['ZZZZ-2222', used, expired]) answers.push(await callFrom(A, 'auth', 'redeemInvite', { code }, guesser));
  for (const a of answers) expect([a.status, a.body]).toEqual([404, { ok: false, error: { code: 'NOT_FOUND', message: INVALID_INVITE_MESSAGE } }]);

  // Two more wrong guesses make five; the sixth attempt is refused even with a good code.
  for (const code of ['ZZZZ-3333', 'ZZZZ-4444']) expect((await callFrom(A, 'auth', 'redeemInvite', { code }, guesser)).status).toBe(404);
  const good = await invite(); // issued now: valid for 30 days
  expectLimited(await callFrom(A, 'auth', 'redeemInvite', { code: good }, guesser), 30);
  expect((await callFrom(A, 'auth', 'redeemInvite', { code: good }, late)).status).toBe(429); // the address is locked, not the person
  await at('2026-11-07T09:29:00+08:00');
  expect((await callFrom(A, 'auth', 'redeemInvite', { code: good }, guesser)).status).toBe(429);
  await at('2026-11-07T09:31:00+08:00');
  expect((await callFrom(A, 'auth', 'redeemInvite', { code: good }, guesser)).status).toBe(200);
  // An unused code older than 30 days: the same answer as an unknown one.
  await at('2026-12-06T09:00:00+08:00');
  expect((await callFrom(B, 'auth', 'redeemInvite', { code: fresh }, late)).body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: INVALID_INVITE_MESSAGE } });
});

test('four wrong guesses do not lock anyone out, and a right code after them works', async () => {
  h.app.throttle.mode = 'relaxed';
  const user = await h.citizen();
  h.app.throttle.mode = 'strict';
  h.app.throttle.reset();
  for (const code of ['ZZZZ-5555', 'ZZZZ-6666', 'ZZZZ-7777', 'ZZZZ-8888']) expect((await callFrom(A, 'auth', 'redeemInvite', { code }, user)).status).toBe(404);
  const { inviteCode } = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '节流测试二所' }, ADMIN_TOKEN);
  await at('2026-11-06T09:00:00+08:00'); // 29 days later: still valid
  expect((await callFrom(A, 'auth', 'redeemInvite', { code: inviteCode }, user)).status).toBe(200);
});

test('idle anonymous sessions expire after 24 hours; sessions that did something stay', async () => {
  h.app.throttle.mode = 'relaxed';
  await at('2026-10-01T09:00:00+08:00');
  const idle = await h.citizen();
  const bound = await h.citizen();
  const { inviteCode } = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '会话测试律师事务所' }, ADMIN_TOKEN);
  await h.ok('auth', 'redeemInvite', { code: inviteCode }, bound);
  await at('2026-10-02T08:00:00+08:00');
  const recent = await h.citizen();
  expect(await h.app.sweepIdleSessions()).toBe(0); // 23 hours: nobody yet
  await at('2026-10-02T09:00:01+08:00');
  const users = await h.app.store.count('users');
  const removed = await h.app.sweepIdleSessions();
  expect(removed).toBeGreaterThanOrEqual(1);
  expect(await h.app.store.count('users')).toBe(users - removed);
  expect((await h.call('auth', 'me', {}, idle)).status).toBe(401);
  expect((await h.ok('auth', 'me', {}, bound)).roles).toContain('applicant');
  expect((await h.ok('auth', 'me', {}, recent)).roles).toEqual(['citizen']);
  const audit = await h.app.store.find<any>('audit', { where: { action: 'sweepIdleSessions' }, limit: 1000 });
  expect(audit.length).toBe(removed);
  h.app.throttle.mode = 'strict';
});
