/**
 * Ratings: intake through the local HTTP server with 50 concurrent clients (none may be lost), and the summary read
 * time at 1,000 and at 1,000,000 ratings (running aggregates: it should not grow). The server runs in a process of
 * its own, as it would; this process only plays the clients. Prints one JSON line.
 */
import { fork } from 'child_process';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { stats } from './stats';
import { createLocalApp, type LocalApp } from '../../server/app';
import { seedDemo } from '../../server/seedDemo';
import { sha256 } from '../../cloudfunctions/_lib/ids';
import { addRating, emptySummary, summaryId } from '../../cloudfunctions/ratings/summary';
import type { Level, SummaryDoc } from '../../types/rating';

const CLIENTS = 50;
const RATINGS = Number(process.env.BENCH_RATINGS ?? 3000);
const BIG = Number(process.env.BENCH_BIG ?? 1_000_000);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

// ---- the server process ----
async function server() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ratings-'));
  const app: LocalApp = createLocalApp({ dataDir, adminToken: 'bench-admin', allowTestClock: false, h5Dir: null, rateLimits: 'relaxed' });
  await seedDemo(app.store);
  const sortKey = (await app.store.get<{ _id: string; sortKey: string }>('products', 'p0001demo'))!.sortKey;
  // One issuer per code: the bench measures intake, not the burst guard (issue 10), which holds one issuer's burst for review.
  await app.store.transaction(async (tx) => {
    for (let i = 0; i < RATINGS; i++)
      await tx.insert('ratingTokens', { _id: `bench${String(i).padStart(8, '0')}x`, productId: 'p0001demo', productSortKey: sortKey, orgId: null, servedOn: today, channel: 'counter', issuedBy: `bench-issuer-${i}`, issuedAt: new Date().toISOString(), expiresOn: '2099-12-31', usedAt: null });
    for (let c = 0; c < CLIENTS; c++) await tx.insert('users', { _id: `ubench${c}`, openid: null, tokenHash: sha256(`bench-user-${c}`), roles: ['citizen'], orgId: null, createdAt: new Date().toISOString() });
  });
  let s: SummaryDoc = emptySummary('p0003demo', null);
  const insertRatings = (from: number, to: number) => {
    const rows: unknown[][] = [];
    for (let i = from; i < to; i++) {
      const level = (1 + (i % 5)) as Level;
      s = addRating(s, level, {});
      const id = `rb${String(i).padStart(9, '0')}`;
      rows.push([id, JSON.stringify({ _id: id, productId: 'p0003demo', token: id, level, dimensions: {}, text: null, textStatus: null, raterId: 'bench', ratedOn: today, year: 2026, createdAt: today })]);
    }
    app.store.rawBulk('INSERT INTO c_ratings (id, doc) VALUES (?, ?)', rows);
    app.store.rawBulk('INSERT INTO c_ratingSummaries (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc', [[summaryId('p0003demo', null), JSON.stringify(s)]]);
  };
  process.on('message', async (m: { op: string; n?: number }) => {
    if (m.op === 'count') process.send!({ stored: await app.store.count('ratings', { productId: 'p0001demo' }) });
    // The server's own CPU time (user and system) so far: per rating, what no other process's load changes.
    if (m.op === 'cpu') process.send!({ cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage()) });
    if (m.op === 'grow') {
      for (let from = s.count; from < m.n!; from += 100_000) insertRatings(from, Math.min(m.n!, from + 100_000));
      process.send!({ grown: s.count });
    }
    if (m.op === 'stop') {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  app.server.listen(0, '127.0.0.1', () => process.send!({ port: (app.server.address() as AddressInfo).port }));
}

// ---- the bare server: Node's HTTP alone (parse the JSON body, answer an envelope), the ceiling intake is held to ----
function bare() {
  const srv = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const text = JSON.stringify({ ok: true, data: { action: body.action ?? null } });
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
    });
  });
  process.on('message', (m: { op: string }) => {
    if (m.op === 'cpu') process.send!({ cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage()) });
    if (m.op === 'stop') srv.close(() => process.exit(0));
  });
  srv.listen(0, '127.0.0.1', () => process.send!({ port: (srv.address() as AddressInfo).port }));
}

// ---- the clients ----
/** `CLIENTS` clients sending bodies `from` to `to` to a server on `port` as fast as answered; the seconds it took and the non-200s. */
async function blast(port: number, [from, to]: [number, number], body: (i: number) => unknown, token: (c: number) => string | undefined, fn = 'ratings') {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = from + c; i < to; i += CLIENTS) {
        const status = await new Promise<number>((resolve, reject) => {
          const text = JSON.stringify(body(i));
          const t = token(c);
          const req = http.request({ host: '127.0.0.1', port, path: `/api/${fn}`, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...(t ? { Authorization: `Bearer ${t}` } : {}) } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end(text);
        });
        if (status !== 200) failed++;
      }
    }),
  );
  agent.destroy();
  return { seconds: (performance.now() - t0) / 1000, failed };
}

/** A forked process's CPU time so far (it answers { op: 'cpu' }). */
function cpuOf(child: ReturnType<typeof fork>): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: { cpuMs?: number }) => {
      if (m.cpuMs === undefined) return;
      child.off('message', on);
      resolve(m.cpuMs);
    };
    child.on('message', on);
    child.send({ op: 'cpu' });
  });
}

/** The bare server, in a process of its own: its port, and the child. */
async function startBare() {
  const child = fork(__filename, [], { env: { ...process.env, BENCH_ROLE: 'bare' } });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  return { child, port };
}

/** Rounds of intake, each followed by the bare server on the same number of the same bodies (see clients()). */
const ROUNDS = 4;

async function clients() {
  const child = fork(__filename, [], { env: { ...process.env, BENCH_ROLE: "server" }, execArgv: process.env.BENCH_PROFILE ? ["--cpu-prof"] : [] });
  const ask = <T>(msg: object | null, key: string) =>
    new Promise<T>((resolve) => {
      const on = (m: Record<string, T>) => {
        if (key in m) {
          child.off('message', on);
          resolve(m[key]);
        }
      };
      child.on('message', on);
      if (msg) child.send(msg);
    });
  const port = await ask<number>(null, 'port');
  let agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = (fn: string, body: unknown, token?: string) =>
    new Promise<{ status: number; json: any }>((resolve, reject) => {
      const text = JSON.stringify(body);
      const req = http.request(
        { host: '127.0.0.1', port, path: `/api/${fn}`, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...(token ? { Authorization: `Bearer ${token}` } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        },
      );
      req.on('error', reject);
      req.end(text);
    });

  // Intake and the bare server in turns (ROUNDS of each, the same clients and bodies): on a shared machine whose load
  // swings from one minute to the next the ratio of the totals holds where the absolute figures do not (issue 25).
  const bare = await startBare();
  const rateBody = (i: number) => ({ action: 'rate', token: `bench${String(i).padStart(8, '0')}x`, level: 3 + (i % 3) });
  const user = (c: number) => `bench-user-${c}`;
  // The same server answering a read through the same path (session, validation, dispatch, one document): how much
  // of the gap to bare HTTP is the stack, and how much the rating's durable writes.
  const readBody = () => ({ action: 'summary', productId: 'p0001demo' });
  let seconds = 0;
  let bareSeconds = 0;
  let readSeconds = 0;
  let failed = 0;
  let cpuMs = 0;
  let bareCpuMs = 0;
  let readCpuMs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const slice: [number, number] = [Math.floor((r * RATINGS) / ROUNDS), Math.floor(((r + 1) * RATINGS) / ROUNDS)];
    const cpu0 = await ask<number>({ op: 'cpu' }, 'cpuMs');
    const intake = await blast(port, slice, rateBody, user);
    cpuMs += (await ask<number>({ op: 'cpu' }, 'cpuMs')) - cpu0;
    seconds += intake.seconds;
    failed += intake.failed;
    const bareCpu0 = await cpuOf(bare.child);
    bareSeconds += (await blast(bare.port, slice, rateBody, user)).seconds;
    bareCpuMs += (await cpuOf(bare.child)) - bareCpu0;
    const readCpu0 = await ask<number>({ op: 'cpu' }, 'cpuMs');
    const reads = await blast(port, slice, readBody, user);
    readCpuMs += (await ask<number>({ op: 'cpu' }, 'cpuMs')) - readCpu0;
    readSeconds += reads.seconds;
    failed += reads.failed;
  }
  bare.child.send({ op: 'stop' });
  await new Promise((r) => bare.child.once('exit', r));
  const barePerSecond = Math.round(RATINGS / bareSeconds);
  const cpuMsPerRating = cpuMs / RATINGS;
  const stored = await ask<number>({ op: 'count' }, 'stored');
  const summaryCount = (await post('ratings', { action: 'summary', productId: 'p0001demo' })).json.data.count;

  const readTimes = async (n: number) => {
    agent.destroy(); // the server was busy growing the store: start from fresh connections
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 30; i++) await post('ratings', { action: 'summary', productId: 'p0003demo' });
    const ms: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      const r = await post('ratings', { action: 'summary', productId: 'p0003demo' });
      ms.push(performance.now() - t);
      if (r.json.data.count !== n) throw new Error(`summary says ${r.json.data.count}, expected ${n}`);
    }
    return stats(ms);
  };
  await ask({ op: 'grow', n: 1000 }, 'grown');
  const at1k = await readTimes(1000);
  await ask({ op: 'grow', n: BIG }, 'grown');
  const atBig = await readTimes(BIG);
  agent.destroy();
  child.send({ op: 'stop' });
  console.log(JSON.stringify({ clients: CLIENTS, ratings: RATINGS, seconds: +seconds.toFixed(2), perSecond: Math.round(RATINGS / seconds), barePerSecond, intakeRatio: +(bareSeconds / seconds).toFixed(2), cpuMsPerRating: +cpuMsPerRating.toFixed(3), bareCpuMsPerRequest: +(bareCpuMs / RATINGS).toFixed(3), readPerSecond: Math.round(RATINGS / readSeconds), readRatio: +(bareSeconds / readSeconds).toFixed(2), readCpuMsPerRequest: +(readCpuMs / RATINGS).toFixed(3), failed, stored, summaryCount, at1k, big: BIG, atBig, ratio: +(atBig.median / at1k.median).toFixed(2) }));
}

(process.env.BENCH_ROLE === 'server' ? server() : process.env.BENCH_ROLE === 'bare' ? Promise.resolve(bare()) : clients()).catch((e) => {
  console.error(e);
  process.exit(1);
});
