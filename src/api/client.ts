/**
 * The one API client. `api('catalogue', 'search', input)` is typed from types/api.ts; a failure throws
 * ApiError with the envelope's code, Chinese message and field issues.
 */
import Taro from '@tarojs/taro';
import type { Api, ApiInput, ApiOutput, BulkResult } from '@shared/api';
import type { ErrorCode, FieldIssue } from '@shared/envelope';
import { answeredAlready, send, TOKEN_KEY, usesToken } from './transport';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export async function api<F extends keyof Api, A extends keyof Api[F] & string>(fn: F, action: A, input: ApiInput<F, A>): Promise<ApiOutput<F, A>> {
  let envelope = await send(fn, { ...(input as object), action });
  if (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED' && usesToken && Taro.getStorageSync(TOKEN_KEY)) {
    // A stale token (e.g. the local data was reset): forget it, and retry as a fresh visitor.
    Taro.removeStorageSync(TOKEN_KEY);
    if (fn !== 'auth') await ensureSession();
    envelope = await send(fn, { ...(input as object), action });
  }
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.issues);
  return envelope.data as ApiOutput<F, A>;
}

/**
 * H5: what `api(fn, action, input)` will answer at once, because index.html's early request for it is already in;
 * null otherwise (and always in WeChat). For a first render that should not show a spinner it does not need.
 */
export function answeredNow<F extends keyof Api, A extends keyof Api[F] & string>(fn: F, action: A, input: ApiInput<F, A>): ApiOutput<F, A> | null {
  const envelope = answeredAlready(fn, { ...(input as object), action });
  return envelope?.ok ? (envelope.data as ApiOutput<F, A>) : null;
}

/** Makes sure the caller has an identity (local mode: a bearer token in storage). */
export async function ensureSession(): Promise<void> {
  if (usesToken && Taro.getStorageSync(TOKEN_KEY)) return;
  const res = await send('auth', { action: 'session' });
  if (!res.ok) throw new ApiError(res.error.code, res.error.message);
  const { token } = res.data as { token: string | null };
  if (token) Taro.setStorageSync(TOKEN_KEY, token);
}

/** Local mode: sign in with a bearer token: the admin token printed at start-up, or an account's own (the demo's sign-ins). */
export function signInWithAdminToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token.trim());
}

export function signOut(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}

/**
 * A bulk action (issue 22) called for one record answers its refusal in `results`, not as an error: this throws it as
 * the ApiError the single action would have thrown, for pages that act on one record at a time.
 */
export function throwIfRefused<T extends BulkResult>(r: T): T {
  const refused = r.results.find((x) => !x.ok);
  if (refused) throw new ApiError(refused.code ?? 'CONFLICT', refused.message ?? '这一项没有完成');
  return r;
}

export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : '系统暂时出了点问题，请稍后再试';
}
