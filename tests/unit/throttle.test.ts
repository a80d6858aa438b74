/** The throttle's windows (issue 10): relaxed is exactly a hundredfold, lockouts end, the cloud counts by identity. */
import { RateLimitedError, Throttle, throttleKey } from '../../cloudfunctions/_lib/throttle';
import type { Ctx } from '../../cloudfunctions/_lib/context';

const T0 = Date.parse('2026-10-08T01:00:00Z');

test('relaxed raises every limit a hundredfold: 3,000 sessions pass, the 3,001st is refused', () => {
  const t = new Throttle('relaxed');
  expect(t.limit('session').max).toBe(3000);
  expect(t.limit('search').max).toBe(12000);
  for (let i = 0; i < 3000; i++) t.take('session', 'ip:x', T0 + i);
  expect(() => t.take('session', 'ip:x', T0 + 3000)).toThrow(RateLimitedError);
  expect(new Throttle('strict').limit('session').max).toBe(30);
});

test('a window reopens when it ends; a refused call is not counted', () => {
  const t = new Throttle('strict');
  for (let i = 0; i < 120; i++) t.take('search', 'ip:a', T0);
  let refused: RateLimitedError | null = null;
  try {
    t.take('search', 'ip:a', T0 + 30_000);
  } catch (e) {
    refused = e as RateLimitedError;
  }
  expect(refused?.retryAfterSeconds).toBe(30);
  expect(refused?.message).toBe('操作太频繁，请 30 秒后再试');
  expect(() => t.take('search', 'ip:a', T0 + 60_000)).not.toThrow();
  expect(() => t.take('search', 'ip:b', T0)).not.toThrow();
});

test('a lockout outlasts its window and then ends', () => {
  const t = new Throttle('strict');
  for (let i = 0; i < 4; i++) t.fail('inviteGuess', 'ip:a', T0);
  expect(() => t.check('inviteGuess', 'ip:a', T0)).not.toThrow();
  t.fail('inviteGuess', 'ip:a', T0);
  expect(() => t.check('inviteGuess', 'ip:a', T0 + 29 * 60_000)).toThrow('操作太频繁，请 1 分钟后再试');
  expect(() => t.check('inviteGuess', 'ip:a', T0 + 30 * 60_000)).not.toThrow();
});

test('per-address limits count by address locally and by the caller in the cloud (no address there)', () => {
  const ctx = (clientAddress: string | null, userId: string | null) => ({ clientAddress, caller: { userId, roles: [], orgId: null } }) as unknown as Ctx;
  expect(throttleKey(ctx('127.0.0.1', 'u1'), 'search')).toBe('ip:127.0.0.1');
  expect(throttleKey(ctx(null, 'u1'), 'search')).toBe('id:u1');
  expect(throttleKey(ctx('127.0.0.1', 'u1'), 'commentPerIdentity')).toBe('id:u1');
});
