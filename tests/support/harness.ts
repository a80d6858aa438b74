/** Starts the real local server (HTTP + SQLite) on a free port with a fresh data directory. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import type { Envelope } from '../../types/envelope';
import type { HttpLimits, RateLimitMode } from '../../types/limits';
import type { ProductListItem } from '../../types/product';
import { createLocalApp, type LocalApp } from '../../server/app';
import { checkInvariants } from '../../server/invariants';
import { seedDemo } from '../../server/seedDemo';
import { seedDemoYear } from '../../server/demo/seedYear';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface Harness {
  url: string;
  /** The server's DATA_DIR (removed at close unless the caller gave it). */
  dataDir: string;
  app: LocalApp;
  /** POST /api/<fn> with { action, ...payload }; returns the HTTP status and the parsed envelope. */
  call<T = any>(fn: string, action: string, payload?: Record<string, unknown>, token?: string): Promise<{ status: number; body: Envelope<T> }>;
  /** Like call, but expects success and returns data. */
  ok<T = any>(fn: string, action: string, payload?: Record<string, unknown>, token?: string): Promise<T>;
  raw(pathname: string, init?: RequestInit): Promise<Response>;
  /** POST /api/upload with raw bytes; the status and the parsed envelope. */
  upload(bytes: Buffer, token?: string): Promise<{ status: number; body: any }>;
  /** Every page of catalogue.search for these filters, following the cursors. */
  searchAll(filters?: Record<string, unknown>, limit?: number): Promise<ProductListItem[]>;
  /** A new citizen session's bearer token. */
  citizen(): Promise<string>;
  /** A new applicant of `orgName`, bound through an invite. */
  applicant(orgName: string): Promise<{ token: string; orgId: string }>;
  invariants(): Promise<string[]>;
  /** Internal errors the server logged since the last call (any left at close fail the suite). */
  drainErrors(): unknown[];
  close(): Promise<void>;
}

/**
 * `rateLimits` defaults to relaxed (every limit ×100): tests drive many identities from one address. The throttling
 * tests pass `strict`.
 */
export async function startHarness(
  options: { seed?: boolean; demoYear?: boolean; allowTestClock?: boolean; h5Dir?: string | null; rateLimits?: RateLimitMode; http?: Partial<HttpLimits>; dataDir?: string } = {},
): Promise<Harness> {
  // A given data folder is the caller's (kept at close); otherwise a fresh one, removed at close.
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hzlp-'));
  const errors: unknown[] = [];
  // `npm start`'s first start: the demo year, played through the use cases on the real clock (server/demo).
  if (options.demoYear) await seedDemoYear(dataDir);
  const app = createLocalApp({
    dataDir,
    adminToken: ADMIN_TOKEN,
    allowTestClock: options.allowTestClock ?? true,
    h5Dir: options.h5Dir ?? null,
    rateLimits: options.rateLimits ?? 'relaxed',
    http: options.http,
    log: (_fn, _action, e) => errors.push(e),
  });
  if (options.seed) await seedDemo(app.store);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const call: Harness['call'] = async (fn, action, payload = {}, token) => {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, ...payload }),
    });
    return { status: res.status, body: await res.json() };
  };
  const ok: Harness['ok'] = async (fn, action, payload, token) => {
    const { body } = await call(fn, action, payload, token);
    if (!body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body.error)}`);
    return body.data;
  };
  const citizen = async () => (await ok<{ token: string }>('auth', 'session')).token;

  return {
    url,
    dataDir,
    app,
    call,
    ok,
    raw: (pathname, init) => fetch(url + pathname, init),
    upload: async (bytes, token) => {
      const res = await fetch(`${url}/api/upload`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
      return { status: res.status, body: await res.json() };
    },
    searchAll: async (filters = {}, limit = 7) => {
      const items: ProductListItem[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 500; i++) {
        const page = await ok('catalogue', 'search', { ...filters, limit, ...(cursor ? { cursor } : {}) });
        items.push(...page.items);
        if (!page.nextCursor) return items;
        cursor = page.nextCursor;
      }
      throw new Error('paging did not end');
    },
    citizen,
    applicant: async (orgName) => {
      const { inviteCode, orgId } = await ok('admin', 'createInvite', { role: 'applicant', orgName }, ADMIN_TOKEN);
      const token = await citizen();
      await ok('auth', 'redeemInvite', { code: inviteCode }, token);
      return { token, orgId };
    },
    invariants: () => checkInvariants(app.store),
    drainErrors: () => errors.splice(0, errors.length),
    close: async () => {
      await app.close();
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`the server logged internal errors: ${errors.map(String).join('; ')}`);
    },
  };
}
