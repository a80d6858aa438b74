/**
 * Throttling where abuse is cheap (issue 10), the one place it is done. Limits are data (`types/limits.ts`).
 *
 * Each limit counts calls in a fixed window that opens at the first call of a key (an address or an identity);
 * the call after the window's `max` is refused with RATE_LIMITED, a Chinese message saying when to retry, and
 * `retryAfterSeconds` (the local server turns it into a `Retry-After` header). A limit with `lockoutSeconds`
 * (invite-code guesses) counts failures only and, once exceeded, refuses every call until the lockout ends.
 *
 * Where the windows live:
 * - Local mode: in this process's memory, keyed by the client's socket address (X-Forwarded-For only when
 *   TRUST_PROXY=1), so a restart forgets them; that is fine for one server.
 * - Cloud: there is no client address; the openid is the identity, so per-address limits fall back to the
 *   caller's user id. Each function instance keeps its own windows in memory, so search/export/poster/comment
 *   windows are per instance (a burst spread over instances gets at most max × instances — cheap reads, acceptable).
 *   The limits that must hold across instances are kept in the store: the per-person daily comment limit
 *   (`commentRates`, publicity.comment) and, in the cloud, invite-code guesses (`throttles` documents, see
 *   `recordStoredFailure`), so a locked-out account stays locked out whichever instance answers.
 *   There are no free sessions in the cloud (WeChat makes the identity), so `session` applies locally only.
 */
import { RATE_LIMITS, RELAXED_FACTOR, retryMessage, type RateLimit, type RateLimitMode, type RateLimitName } from '../../types/limits';
import { addDays } from '../../types/workdays';
import { COLLECTIONS } from './collections';
import type { Ctx } from './context';
import { AppError } from './errors';
import { sha256 } from './ids';
import type { Tx } from './store/port';

interface Window {
  start: number;
  count: number;
  lockedUntil: number;
}

export class RateLimitedError extends AppError {
  constructor(seconds: number) {
    const s = Math.max(1, Math.ceil(seconds));
    super('RATE_LIMITED', retryMessage(s), undefined, s);
  }
}

export class Throttle {
  private windows = new Map<string, Window>();
  constructor(public mode: RateLimitMode = 'strict') {}

  /** Forgets every window (tests: after a relaxed setup, before counting strictly). */
  reset(): void {
    this.windows.clear();
  }

  limit(name: RateLimitName): RateLimit {
    const l: RateLimit = RATE_LIMITS[name];
    return this.mode === 'relaxed' ? { ...l, max: l.max * RELAXED_FACTOR } : l;
  }

  private window(name: RateLimitName, key: string, now: number): Window {
    const id = `${name}\u0000${key}`;
    const l = this.limit(name);
    let w = this.windows.get(id);
    if (!w || (now >= w.start + l.windowSeconds * 1000 && now >= w.lockedUntil)) {
      if (this.windows.size > 50_000) this.prune(now);
      w = { start: now, count: 0, lockedUntil: 0 };
      this.windows.set(id, w);
    }
    return w;
  }

  /** Refuses when the key is locked out or its window is full, without counting. */
  check(name: RateLimitName, key: string, now: number): void {
    const l = this.limit(name);
    const w = this.window(name, key, now);
    if (w.lockedUntil > now) throw new RateLimitedError((w.lockedUntil - now) / 1000);
    if (w.count >= l.max) throw new RateLimitedError((w.start + l.windowSeconds * 1000 - now) / 1000);
  }

  /** Counts one call, refusing it (uncounted) when the window is already full. */
  take(name: RateLimitName, key: string, now: number): void {
    this.check(name, key, now);
    this.window(name, key, now).count++;
  }

  /** Counts one failure of a lockout limit; the failure past `max` starts the lockout. */
  fail(name: RateLimitName, key: string, now: number): void {
    const l = this.limit(name);
    const w = this.window(name, key, now);
    w.count++;
    if (w.count >= l.max && l.lockoutSeconds) w.lockedUntil = now + l.lockoutSeconds * 1000;
  }

  private prune(now: number): void {
    for (const [id, w] of this.windows) if (now - w.start > 86_400_000 && now >= w.lockedUntil) this.windows.delete(id);
  }
}

/**
 * Which actions are throttled by which limits, applied by `dispatch` after the permission and input checks (so a
 * refused or malformed call costs nothing). The bureau (admin) is not throttled. Sessions and invite guesses are
 * throttled in their use cases (auth/startSession.ts, auth/redeemInvite.ts): only new local sessions and only
 * failed guesses count.
 */
export const THROTTLED_ACTIONS: Record<string, readonly RateLimitName[]> = {
  'publicity.comment': ['commentPerIdentity', 'commentPerAddress'],
  'needs.submit': ['needPerIdentity', 'needPerAddress'],
  'needs.support': ['needPerIdentity', 'needPerAddress'],
  'catalogue.search': ['search'],
  'catalogue.export': ['export'],
  'catalogue.poster': ['poster'],
  'orgs.register': ['orgRegisterPerIdentity', 'orgRegisterPerAddress'],
  'declarations.saveDraft': ['draftSave'],
  'procurement.record': ['procurementRecord'],
  'procurement.requestCustom': ['customRequest'],
};

/** Counts the call against every limit of its action; refuses it when one is full (no limit counts a refused call). */
export function throttleAction(ctx: Ctx): void {
  const names = THROTTLED_ACTIONS[`${ctx.fn}.${ctx.action}`];
  if (!names || !ctx.throttle || ctx.caller.roles.includes('admin')) return;
  const now = ctx.clock.now().getTime();
  for (const name of names) ctx.throttle.check(name, throttleKey(ctx, name), now);
  for (const name of names) ctx.throttle.take(name, throttleKey(ctx, name), now);
}

/** The key a limit counts by: the client address locally, the identity otherwise (cloud: the openid's user). */
export function throttleKey(ctx: Ctx, name: RateLimitName): string {
  const l: RateLimit = RATE_LIMITS[name];
  if (l.per === 'address' && ctx.clientAddress) return `ip:${ctx.clientAddress}`;
  return `id:${ctx.caller.userId ?? 'anonymous'}`;
}

/** Counts one call of `name` for the caller; throws RATE_LIMITED when over. No throttle on the ctx: no limit. */
export function throttle(ctx: Ctx, name: RateLimitName): void {
  ctx.throttle?.take(name, throttleKey(ctx, name), ctx.clock.now().getTime());
}

/** Refuses when `name` is locked out for the caller (lockout limits: count failures with `throttleFailure`). */
export async function throttleCheck(ctx: Ctx, name: RateLimitName): Promise<void> {
  const now = ctx.clock.now().getTime();
  ctx.throttle?.check(name, throttleKey(ctx, name), now);
  if (ctx.runtime.mode === 'cloud') {
    const doc = await ctx.store.get<StoredWindow>(COLLECTIONS.throttles, storedId(ctx, name));
    const until = doc ? Date.parse(doc.lockedUntil ?? '') : NaN;
    if (until > now) throw new RateLimitedError((until - now) / 1000);
  }
}

/** Counts one failure of a lockout limit for the caller (memory; in the cloud also the store, across instances). */
export async function throttleFailure(ctx: Ctx, name: RateLimitName): Promise<void> {
  const now = ctx.clock.now().getTime();
  ctx.throttle?.fail(name, throttleKey(ctx, name), now);
  if (ctx.runtime.mode === 'cloud') await recordStoredFailure(ctx, name, now);
}

interface StoredWindow {
  _id: string;
  start: string;
  count: number;
  lockedUntil: string | null;
  [key: string]: unknown;
}

const storedId = (ctx: Ctx, name: RateLimitName) => `${name}:${throttleKey(ctx, name)}`;

/** Cloud: the failure window in the store, so the lockout holds across function instances. */
async function recordStoredFailure(ctx: Ctx, name: RateLimitName, now: number): Promise<void> {
  const l: RateLimit = RATE_LIMITS[name];
  const id = storedId(ctx, name);
  await ctx.store.transaction(async (tx) => {
    const doc = await tx.get<StoredWindow>(COLLECTIONS.throttles, id);
    const fresh = !doc || now >= Date.parse(doc.start) + l.windowSeconds * 1000;
    const count = fresh ? 1 : doc!.count + 1;
    const lockedUntil = count >= l.max && l.lockoutSeconds ? new Date(now + l.lockoutSeconds * 1000).toISOString() : (doc?.lockedUntil ?? null);
    await tx.set(COLLECTIONS.throttles, id, { _id: id, start: fresh ? new Date(now).toISOString() : doc!.start, count, lockedUntil } satisfies StoredWindow);
  });
}

/**
 * A daily limit that must hold across function instances and restarts, counted in the store inside the caller's
 * transaction (so a refused or failed write counts nothing): calls of `name` per key (the address locally, else the
 * identity) and `scope` (e.g. one need) per calendar day in the bureau's time. The key is stored hashed: no client
 * address is kept. The mode's factor applies (RATE_LIMITS=relaxed in tests and demos).
 */
export async function takeStoredDaily(tx: Tx, ctx: Ctx, name: RateLimitName, scope: string, message: (max: number) => string): Promise<void> {
  const max = ctx.throttle ? ctx.throttle.limit(name).max : RATE_LIMITS[name].max;
  const today = ctx.clock.today();
  const id = `rate:${name}:${sha256(`${throttleKey(ctx, name)}|${scope}`).slice(0, 24)}:${today}`;
  const doc = await tx.get<{ _id: string; count: number }>(COLLECTIONS.counters, id);
  if ((doc?.count ?? 0) >= max) {
    const midnight = Date.parse(`${addDays(today, 1)}T00:00:00+08:00`);
    throw new AppError('RATE_LIMITED', message(max), undefined, Math.max(1, Math.ceil((midnight - ctx.clock.now().getTime()) / 1000)));
  }
  await tx.set(COLLECTIONS.counters, id, { count: (doc?.count ?? 0) + 1 });
}
