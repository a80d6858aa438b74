/** The API envelope through the real HTTP server: every failure has the right code, and the server keeps serving. */
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: true });
});
afterAll(() => h.close());
afterEach(async () => {
  expect(await h.invariants()).toEqual([]);
  // Whatever happened, the server still answers.
  expect((await h.call('catalogue', 'search', { limit: 1 })).status).toBe(200);
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  h.raw(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

test('a body that is not JSON is INVALID_INPUT with a Chinese message', async () => {
  const res = await post('/api/catalogue', '{"action": "search",');
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' } });
});

test('JSON that is not an object is refused', async () => {
  for (const text of ['[1,2]', '"search"', 'null', '42']) {
    const res = await post('/api/catalogue', text);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_INPUT');
  }
});

test('a body over 256 KB is refused without being parsed', async () => {
  const big = JSON.stringify({ action: 'search', q: 'x'.repeat(300 * 1024) });
  const res = await post('/api/catalogue', big);
  expect(res.status).toBe(413);
  const body = await res.json();
  expect(body.error.code).toBe('INVALID_INPUT');
  expect(body.error.message).toContain('256 KB');
});

test('a missing or unknown action is INVALID_INPUT, including prototype names', async () => {
  for (const action of [undefined, '', 'dropTables', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    const res = await post('/api/catalogue', JSON.stringify(action === undefined ? {} : { action }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_INPUT');
  }
});

test('every function answers an unknown action, and an unknown function is NOT_FOUND', async () => {
  for (const fn of ['auth', 'admin', 'declarations', 'reviews', 'publicity', 'catalogue', 'ratings']) {
    const { status, body } = await h.call(fn, 'noSuchAction');
    expect(status).toBe(400);
    expect(body.ok).toBe(false);
  }
  const res = await post('/api/nosuchfunction', '{"action":"x"}');
  expect(res.status).toBe(404);
  expect((await res.json()).error.code).toBe('NOT_FOUND');
});

test('GET on the API is refused with 405 and an envelope', async () => {
  const res = await h.raw('/api/catalogue');
  expect(res.status).toBe(405);
  expect((await res.json()).error.code).toBe('INVALID_INPUT');
});

test('a forged or malformed token is UNAUTHENTICATED, even on public actions', async () => {
  for (const header of ['Bearer forged-token-that-names-nobody', 'Bearer x', 'Basic YWRtaW46YWRtaW4=', 'Bearer ' + 'a'.repeat(500)]) {
    const res = await post('/api/catalogue', JSON.stringify({ action: 'search' }), { Authorization: header });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  }
});

test('no caller: an admin action is UNAUTHENTICATED; a citizen calling it is FORBIDDEN', async () => {
  const anonymous = await h.call('admin', 'createInvite', { role: 'applicant', orgName: '某律师事务所' });
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.ok || anonymous.body.error.code).toBe('UNAUTHENTICATED');

  const citizen = await h.citizen();
  const res = await h.call('admin', 'createInvite', { role: 'applicant', orgName: '某律师事务所' }, citizen);
  expect(res.status).toBe(403);
  expect(res.body.ok || res.body.error).toEqual({ code: 'FORBIDDEN', message: '您没有权限进行此操作' });
  // Nothing was written on the refused call.
  expect(await h.app.store.count('invites')).toBe(0);
});

test('field errors carry their path and a Chinese message', async () => {
  const { status, body } = await h.call('catalogue', 'search', { category: 'divorce', limit: 500, extra: 1 });
  expect(status).toBe(400);
  if (body.ok) throw new Error('expected a failure');
  const byPath = Object.fromEntries((body.error.issues ?? []).map((i) => [i.path, i.message]));
  expect(byPath.category).toBe('没有这个产品类别');
  expect(byPath.limit).toBe('每页最多 50 条');
  expect(body.error.issues?.some((i) => i.message.includes('extra'))).toBe(true);
  expect(body.error.message).toMatch(/有 3 处填写需要修改/);
});

test('an internal failure is INTERNAL with no stack, SQL or path in the answer', async () => {
  const store = h.app.store as unknown as { find: (...a: unknown[]) => Promise<unknown> };
  const original = store.find;
  store.find = async () => {
    throw new Error('SQLITE_CORRUPT at /work/main/server/sqliteStore.ts: SELECT doc FROM c_products');
  };
  try {
    const res = await post('/api/catalogue', JSON.stringify({ action: 'search' }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统暂时出了点问题，请稍后再试' } });
    expect(text).not.toMatch(/SQLITE|SELECT|\/work|\.ts|at /);
    // The details went to the server's log instead.
    expect(h.drainErrors().map(String)).toEqual([expect.stringContaining('SQLITE_CORRUPT')]);
  } finally {
    store.find = original;
  }
});

test('the admin token is the bureau; admin.setClock exists only with the test clock allowed', async () => {
  const set = await h.ok('admin', 'setClock', { now: '2026-10-08T09:00:00+08:00' }, ADMIN_TOKEN);
  expect(set).toEqual({ now: '2026-10-08T01:00:00.000Z', today: '2026-10-08', fixed: true });
  const reset = await h.ok('admin', 'setClock', { now: null }, ADMIN_TOKEN);
  expect(reset.fixed).toBe(false);
  const bad = await h.call('admin', 'setClock', { now: 'tomorrow' }, ADMIN_TOKEN);
  expect(bad.status).toBe(400);

  const prod = await startHarness({ allowTestClock: false });
  try {
    const res = await prod.call('admin', 'setClock', { now: '2026-10-08T09:00:00+08:00' }, ADMIN_TOKEN);
    expect(res.status).toBe(400);
    expect(res.body.ok || res.body.error.code).toBe('INVALID_INPUT');
  } finally {
    await prod.close();
  }
});
