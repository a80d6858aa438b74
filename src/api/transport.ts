/**
 * H5 (local mode) transport: same-origin POST /api/<name> with a bearer token.
 * The weapp build uses ./transport.weapp.ts instead (Taro picks the file by platform).
 */
import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/envelope';

export const TOKEN_KEY = 'hzlp.token';

export async function send(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  const token = Taro.getStorageSync(TOKEN_KEY) as string | '';
  let res: Response;
  try {
    res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(data),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `服务暂时不可用（${res.status}），请稍后再试` } };
  }
}

/** Local mode keeps a bearer token; the cloud identifies the caller itself. */
export const usesToken = true;
