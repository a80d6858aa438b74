/**
 * How long a page waits for an answer before it says so: a request that never answers (a stalled phone network)
 * must not leave 王阿姨 looking at "正在加载…" for ever. Both transports use it.
 */
import type { Envelope } from '@shared/envelope';

export const REQUEST_TIMEOUT_MS = 20_000;

export const TIMED_OUT: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: `网络较慢，等了 ${REQUEST_TIMEOUT_MS / 1000} 秒还没有回复。请检查网络后重试；如果刚才是提交，请先刷新看看是否已经成功` },
};

/** The answer, or TIMED_OUT once `ms` have passed (calling `onTimeout` first, e.g. to abort the request). */
export function withTimeout<T>(answer: Promise<T>, onTimeout?: () => void, ms = REQUEST_TIMEOUT_MS): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      onTimeout?.();
      resolve(TIMED_OUT);
    }, ms);
  });
  const done = <V,>(v: V) => {
    clearTimeout(timer);
    return v;
  };
  return Promise.race([answer, late]).then(done, (e) => Promise.reject(done(e)));
}
