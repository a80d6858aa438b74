/**
 * Issue 10's figures, with the server in a process of its own (so a crash is seen, not suffered):
 * - fuzz: every registry action with property-based hostile payloads as every kind of caller — requests sent, 5xx,
 *   answers that are not envelopes, crashes (server exits), internal errors logged, invariant violations afterwards;
 * - throttling (strict limits): free sessions from one address for 2 s at full speed, accepted vs refused per second;
 *   invite-code guesses, answered vs refused;
 * - durability: concurrent acknowledged writes (new sessions), then kill -9 of the server; acknowledged writes missing
 *   after restart (the approach of the SIGKILL test in tests/unit/store.contract.test.ts), over several rounds.
 * `node hardening.js fuzz` or `node hardening.js all`; prints one JSON line last.
 */
import { fork, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import fc from 'fast-check';
import { createLocalApp } from '../../server/app';
import { checkInvariants } from '../../server/invariants';
import { seedDemo } from '../../server/seedDemo';
import { SqliteStore } from '../../server/sqliteStore';
import { APPEND_ONLY, INDEXES } from '../../cloudfunctions/_lib/collections';
import { fuzzFixture, fuzzTargets, requestBody, send } from '../../tests/support/fuzz';
import { ADMIN_TOKEN, type Harness } from '../../tests/support/harness';
import type { RateLimitMode } from '../../types/limits';

const ADMIN = ADMIN_TOKEN;

// ---- the server process ----
async function serverProcess() {
  const dataDir = process.env.HARDENING_DATA!;
  const app = createLocalApp({
    dataDir,
    adminToken: ADMIN,
    allowTestClock: true,
    h5Dir: null,
    rateLimits: (process.env.HARDENING_LIMITS as RateLimitMode) ?? 'strict',
    log: (fn, action, e) => process.send!({ internal: `${fn}.${action}: ${String(e).slice(0, 200)}` }),
  });
  if (process.env.HARDENING_SEED === '1') await seedDemo(app.store);
  app.server.listen(0, '127.0.0.1', () => process.send!({ port: (app.server.address() as { port: number }).port }));
}

interface Server {
  url: string;
  child: ChildProcess;
  internal: string[];
  crashes: number;
  stop(): Promise<void>;
}

function startServer(dataDir: string, limits: RateLimitMode, seed: boolean): Promise<Server> {
  const internal: string[] = [];
  let stopping = false;
  const server: Server = { url: '', child: null as unknown as ChildProcess, internal, crashes: 0, stop: async () => {} };
  const launch = () =>
    new Promise<void>((resolve) => {
      const child = fork(__filename, ['server'], { env: { ...process.env, HARDENING_DATA: dataDir, HARDENING_LIMITS: limits, HARDENING_SEED: seed ? '1' : '0' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      server.child = child;
      child.on('message', (m: { port?: number; internal?: string }) => {
        if (m.internal) internal.push(m.internal);
        if (m.port) {
          server.url = `http://127.0.0.1:${m.port}`;
          resolve();
        }
      });
      child.on('exit', () => {
        if (stopping) return;
        server.crashes++;
        seed = false;
        void launch();
      });
    });
  server.stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
      server.child.once('exit', () => resolve());
      server.child.kill('SIGTERM');
    });
  return launch().then(() => server);
}

async function post(url: string, fn: string, payload: Record<string, unknown>, token?: string | null) {
  const res = await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(payload) });
  return { status: res.status, body: (await res.json()) as any };
}

/** Enough of the test harness for the pipeline helper, over HTTP. */
function remoteHarness(url: string): Harness {
  const call = async (fn: string, action: string, payload: Record<string, unknown> = {}, token?: string) => post(url, fn, { action, ...payload }, token);
  const ok = async (fn: string, action: string, payload?: Record<string, unknown>, token?: string) => {
    const r = await call(fn, action, payload, token);
    if (!r.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r.body)}`);
    return r.body.data;
  };
  const citizen = async () => (await ok('auth', 'session')).token as string;
  return {
    url,
    call,
    ok,
    citizen,
    applicant: async (orgName: string) => {
      const { inviteCode, orgId } = await ok('admin', 'createInvite', { role: 'applicant', orgName }, ADMIN);
      const token = await citizen();
      await ok('auth', 'redeemInvite', { code: inviteCode }, token);
      return { token, orgId };
    },
  } as unknown as Harness;
}

async function fuzz(runs: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fuzz-'));
  const server = await startServer(dataDir, 'relaxed', true);
  const h = remoteHarness(server.url);
  const { tokens, ids } = await fuzzFixture(h);

  let sent = 0;
  let fivexx = 0;
  let notEnvelope = 0;
  let dropped = 0;
  const started = Date.now();
  for (const target of fuzzTargets()) {
    await fc.check(
      fc.asyncProperty(requestBody(target, ids), fc.constantFrom(...tokens), async (body, token) => {
        const r = await send(server.url, target.fn, body, token);
        sent++;
        if (r.status >= 500) fivexx++;
        else if (r.status === 0) dropped++;
        else if (!r.envelope) notEnvelope++;
        return true;
      }),
      { numRuns: runs },
    );
  }
  const seconds = (Date.now() - started) / 1000;
  const alive = (await post(server.url, 'catalogue', { action: 'search', limit: 1 })).status === 200;
  await server.stop();
  const store = new SqliteStore({ filename: path.join(dataDir, 'store.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
  const violations = await checkInvariants(store);
  store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { actions: fuzzTargets().length, runsPerAction: runs, sent, seconds: Number(seconds.toFixed(1)), fivexx, notEnvelope, dropped, crashes: server.crashes, internalErrors: server.internal.length, internalSample: server.internal.slice(0, 3), violations: violations.length, violationSample: violations.slice(0, 3), alive };
}

async function throttling() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-throttle-'));
  const server = await startServer(dataDir, 'strict', false);
  const guesser = (await post(server.url, 'auth', { action: 'session' })).body;
  let accepted = 1;
  let refused = 0;
  let other = 0;
  const until = Date.now() + 2000;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (Date.now() < until) {
        const { status } = await post(server.url, 'auth', { action: 'session' });
        if (status === 200) accepted++;
        else if (status === 429) refused++;
        else other++;
      }
    }),
  );
  let wrong = 0;
  let locked = 0;
  for (let i = 0; i < 100; i++) {
    const { status } = await post(server.url, 'auth', { action: 'redeemInvite', code: `ZZZZ-${String(2222 + i).replace(/[01]/g, '2').slice(0, 4)}` }, guesser.data?.token);
    if (status === 404) wrong++;
    else if (status === 429) locked++;
  }
  const users = new SqliteStore({ filename: path.join(dataDir, 'store.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
  const stored = await users.count('users');
  users.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { sessions: { seconds: 2, accepted, refused, other, acceptedPerSecond: accepted / 2, refusedPerSecond: Math.round(refused / 2), stored }, invites: { guesses: 100, answeredWrong: wrong, refusedLocked: locked } };
}

async function durability(rounds: number) {
  let acknowledged = 0;
  let lost = 0;
  for (let round = 0; round < rounds; round++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-kill-'));
    const server = await startServer(dataDir, 'relaxed', false);
    const acked: string[] = [];
    let killed = false;
    setTimeout(() => {
      killed = true;
      server.child.kill('SIGKILL');
    }, 800 + round * 150);
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (!killed) {
          try {
            const { body } = await post(server.url, 'auth', { action: 'session' });
            if (body.ok) acked.push(body.data.userId);
          } catch {
            return;
          }
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    await server.stop();
    const store = new SqliteStore({ filename: path.join(dataDir, 'store.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
    for (const id of acked) if (!(await store.get('users', id))) lost++;
    acknowledged += acked.length;
    store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { rounds, acknowledged, lost };
}

async function main() {
  const mode = process.argv[2];
  if (mode === 'server') return serverProcess();
  const runs = Number(process.env.FUZZ_RUNS ?? (mode === 'fuzz' ? 200 : 60));
  const result: Record<string, unknown> = { fuzz: await fuzz(runs) };
  if (mode === 'all') {
    result.throttling = await throttling();
    result.durability = await durability(Number(process.env.KILL_ROUNDS ?? 3));
  }
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
