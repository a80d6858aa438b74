/** WeChat transport: wx.cloud.callFunction; WeChat injects the caller's openid, so there is no token. */
import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/envelope';

export const TOKEN_KEY = 'hzlp.token';

export async function send(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    return res.result as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } };
  }
}

/** No early requests in WeChat (index.html is the H5 shell's). */
export function answeredAlready(_name: string, _data: Record<string, unknown>): Envelope<unknown> | null {
  return null;
}

export const usesToken = false;
