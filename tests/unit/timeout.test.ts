/** The request deadline both transports use (src/api/timeout.ts): a stalled answer becomes a plain Chinese failure. */
import { REQUEST_TIMEOUT_MS, TIMED_OUT, withTimeout } from '../../src/api/timeout';

test('an answer in time is returned as it is, and the timeout never fires', async () => {
  let fired = 0;
  const answer = { ok: true as const, data: 42 };
  await expect(withTimeout(new Promise((r) => setTimeout(() => r(answer), 5)), () => fired++, 200)).resolves.toBe(answer);
  await new Promise((r) => setTimeout(r, 250));
  expect(fired).toBe(0);
});

test('an answer that never comes: TIMED_OUT after the deadline, the abort hook called once', async () => {
  let fired = 0;
  const start = Date.now();
  await expect(withTimeout(new Promise(() => undefined), () => fired++, 60)).resolves.toBe(TIMED_OUT);
  expect(Date.now() - start).toBeGreaterThanOrEqual(55);
  expect(fired).toBe(1);
  expect(TIMED_OUT).toEqual({ ok: false, error: { code: 'INTERNAL', message: '网络较慢，等了 20 秒还没有回复。请检查网络后重试；如果刚才是提交，请先刷新看看是否已经成功' } });
  expect(REQUEST_TIMEOUT_MS).toBe(20_000);
});

test('a failure in time is passed on, not turned into a timeout', async () => {
  let fired = 0;
  await expect(withTimeout(Promise.reject(new Error('offline')), () => fired++, 100)).rejects.toThrow('offline');
  await new Promise((r) => setTimeout(r, 150));
  expect(fired).toBe(0);
});
