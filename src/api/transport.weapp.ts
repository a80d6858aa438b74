/** WeChat transport: wx.cloud.callFunction; WeChat injects the caller's openid, so there is no token. */
import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/envelope';
import { withTimeout } from './timeout';

export const TOKEN_KEY = 'hzlp.token';

export async function send(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  try {
    // A stalled network must not keep a page loading for ever: the same deadline as H5.
    const res = await withTimeout(Taro.cloud.callFunction({ name, data }).then((r) => r.result as Envelope<unknown>));
    return res;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } };
  }
}

/** No early requests in WeChat (index.html is the H5 shell's). */
export function answeredAlready(_name: string, _data: Record<string, unknown>): Envelope<unknown> | null {
  return null;
}

export const usesToken = false;
