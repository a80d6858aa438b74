/** dispatch: the envelope, the order of checks (role, then input, then use case), and what never leaks. */
import * as z from 'zod';
import '../../types/validation';
import { systemClock } from '../../cloudfunctions/_lib/clock';
import type { Caller } from '../../cloudfunctions/_lib/context';
import { conflict } from '../../cloudfunctions/_lib/errors';
import { action, defineFunction, dispatch, type BaseCtx } from '../../cloudfunctions/_lib/router';
import type { Store } from '../../cloudfunctions/_lib/store/port';
import type { FileStore } from '../../cloudfunctions/_lib/files';
import type { ContentChecker } from '../../cloudfunctions/_lib/contentCheck';

const ran: string[] = [];
const fn = defineFunction('catalogue', {
  echo: action({ input: z.strictObject({ n: z.number().int().min(1) }), allow: (c) => c.roles.includes('admin'), run: async (i) => (ran.push('echo'), { n: i.n * 2 }) }),
  busy: action({ input: z.strictObject({}), allow: () => true, run: async () => { throw conflict('已经提交过了'); } }),
  crash: action({ input: z.strictObject({}), allow: () => true, run: async () => { throw new TypeError("Cannot read properties of undefined (reading 'x') at /srv/fn.js:1"); } }),
  clock: action({ input: z.strictObject({}), allow: () => true, run: async () => 'tick', testClockOnly: true }),
});

const admin: Caller = { userId: 'a', roles: ['citizen', 'admin'], orgId: null };
const citizen: Caller = { userId: 'c', roles: ['citizen'], orgId: null };
const base = (caller: Caller, allowTestClock = false): BaseCtx => ({ caller, store: {} as Store, files: {} as FileStore, content: {} as ContentChecker, clock: systemClock, runtime: { mode: 'local', allowTestClock } });
const quiet = () => undefined;

beforeEach(() => (ran.length = 0));

test('success is { ok: true, data }', async () => {
  expect(await dispatch(fn, { action: 'echo', n: 21 }, base(admin), quiet)).toEqual({ ok: true, data: { n: 42 } });
});

test('the role check comes before validation, so a stranger learns nothing of the schema', async () => {
  expect(await dispatch(fn, { action: 'echo', n: 'x' }, base(citizen), quiet)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } });
  expect(await dispatch(fn, { action: 'echo' }, base({ userId: null, roles: [], orgId: null }), quiet)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(ran).toEqual([]);
});

test('invalid input never reaches the use case', async () => {
  const res = await dispatch(fn, { action: 'echo', n: 0.5 }, base(admin), quiet);
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'n' }] } });
  expect(ran).toEqual([]);
});

test('an AppError passes through; anything else becomes INTERNAL and is logged, not returned', async () => {
  expect(await dispatch(fn, { action: 'busy' }, base(admin), quiet)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已经提交过了' } });
  const logged: unknown[] = [];
  const res = await dispatch(fn, { action: 'crash' }, base(admin), (_f, _a, e) => logged.push(e));
  expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统暂时出了点问题，请稍后再试' } });
  expect(String(logged[0])).toContain('/srv/fn.js');
});

test('test-clock actions exist only when the test clock is allowed', async () => {
  expect(await dispatch(fn, { action: 'clock' }, base(admin), quiet)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await dispatch(fn, { action: 'clock' }, base(admin, true), quiet)).toEqual({ ok: true, data: 'tick' });
  const cloud = { ...base(admin, true), runtime: { mode: 'cloud' as const, allowTestClock: true } };
  expect(await dispatch(fn, { action: 'clock' }, cloud, quiet)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('events that are not objects, or name no action, are INVALID_INPUT', async () => {
  for (const event of [null, 'echo', 42, [], {}, { action: 7 }, { action: 'toString' }, { action: '__proto__' }])
    expect(await dispatch(fn, event, base(admin), quiet)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});
