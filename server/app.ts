/**
 * The local runtime: the same function routers as the cloud, behind a plain HTTP server over SQLite,
 * plus the H5 build as static files. `POST /api/<name>` with `{ action, ...payload }` is the local twin of
 * `wx.cloud.callFunction({ name, data })`.
 */
import http from 'http';
import path from 'path';
import { promisify } from 'util';
import zlib from 'zlib';
import { FUNCTION_NAMES, HTTP_STATUS, MAX_BODY_BYTES, type Envelope, type ErrorCode, type FunctionName } from '../types/envelope';
import { SettableClock } from '../cloudfunctions/_lib/clock';
import { APPEND_ONLY, INDEXES, STORE_SCHEMA_VERSION } from '../cloudfunctions/_lib/collections';
import { ANONYMOUS, type BackupStatus, type Caller } from '../cloudfunctions/_lib/context';
import { callerForToken } from '../cloudfunctions/_lib/identity';
import { dispatch, type ErrorLogger } from '../cloudfunctions/_lib/router';
import { FUNCTIONS } from '../cloudfunctions/registry';
import { WordListChecker } from '../cloudfunctions/_lib/contentCheck';
import { LocalDownloads } from './downloads';
import { LocalFileStore } from './localFiles';
import { SqliteStore } from './sqliteStore';
import { API_HEADERS, chooseCoding, serveStatic } from './static';
import { createHomePrerender } from './prerender';
import { Throttle } from '../cloudfunctions/_lib/throttle';
import { HTTP_LIMITS, IDLE_SWEEP_MINUTES, type HttpLimits, type RateLimitMode } from '../types/limits';
import { MAX_FILE_BYTES } from '../types/files';
import type net from 'net';
import { sweepIdleSessions } from './sweepSessions';
import { handleOpenData } from '../cloudfunctions/openData/handleRequest';
import { h5Base } from '../cloudfunctions/_lib/links';
import { backupsDir, type BackupSchedule } from './data/dailyBackup';
import { holdStoreLock, STORE_FILE } from './data/storeLock';
import { listBackups } from './data/takeBackup';

export interface LocalAppOptions {
  dataDir: string;
  adminToken: string;
  allowTestClock: boolean;
  /** The Taro H5 build to serve; null serves the API only. */
  h5Dir: string | null;
  log?: ErrorLogger;
  /** `relaxed` (RATE_LIMITS=relaxed) raises every limit a hundredfold; default strict. */
  rateLimits?: RateLimitMode;
  /** Take the client address from X-Forwarded-For (TRUST_PROXY=1, behind a reverse proxy you run). Default: the socket. */
  trustProxy?: boolean;
  /** The daily backup the server takes (server/data/dailyBackup.ts, started by main.ts), shown on the dashboard; null: off. */
  backupSchedule?: BackupSchedule | null;
  /** The server's time and connection bounds (default `HTTP_LIMITS`; tests shorten them). */
  http?: Partial<HttpLimits>;
}

export interface LocalApp {
  server: http.Server;
  throttle: Throttle;
  /** Removes idle anonymous sessions now (also run at start and every IDLE_SWEEP_MINUTES); returns how many. */
  sweepIdleSessions(): Promise<number>;
  store: SqliteStore;
  files: LocalFileStore;
  downloads: LocalDownloads;
  clock: SettableClock;
  close(): Promise<void>;
}

export function createLocalApp(options: LocalAppOptions): LocalApp {
  const store = new SqliteStore({ filename: path.join(options.dataDir, STORE_FILE), indexes: INDEXES, appendOnly: APPEND_ONLY });
  // The layout this code writes; a database from a newer version is refused rather than misread.
  store.stampSchemaVersion(STORE_SCHEMA_VERSION);
  // A restore or an import into this DATA_DIR refuses while this process holds it.
  const releaseLock = holdStoreLock(options.dataDir);
  const backups: BackupStatus = {
    last: () => {
      const newest = listBackups(backupsDir(options.dataDir))[0];
      return newest ? { takenAt: newest.takenAt, bytes: newest.bytes, file: path.basename(newest.file) } : null;
    },
    schedule: options.backupSchedule ?? null,
  };
  const clock = new SettableClock();
  const files = new LocalFileStore(options.dataDir);
  const downloads = new LocalDownloads(options.dataDir);
  const content = new WordListChecker();

  const throttle = new Throttle(options.rateLimits ?? 'strict');
  const runtime = { mode: 'local' as const, allowTestClock: options.allowTestClock };
  const log = options.log ?? ((fn: string, action: string, error: unknown) => console.error(`[${fn}.${action}]`, error));
  // index.html carries the catalogue's first page (issue 14), from the catalogue function in-process, unthrottled.
  const home = createHomePrerender({ store, files, downloads, content, clock, runtime }, log);
  const staticOptions = { home, log: (error: unknown) => log('static', 'prerender', error) };

  const limits: HttpLimits = { ...HTTP_LIMITS, ...options.http };
  const trustProxy = options.trustProxy ?? false;
  /** Sockets answered at connection time (over the per-address cap): whatever they send later gets no second answer. */
  const refusedSockets = new WeakSet<net.Socket>();

  // Every parse of the request (target, path, headers, body, stream) happens inside `handle`, whose failures end in
  // an envelope; nothing a client sends may throw past it (issue 10, finding 1).
  const server = http.createServer({ connectionsCheckingInterval: limits.checkIntervalMs }, (req, res) => {
    res.on('error', () => res.destroy());
    req.on('error', () => req.destroy());
    if (refusedSockets.has(req.socket)) return;
    handle(req, res).catch((error) => {
      // The client went away mid-request (or was cut off after its answer): nothing more to answer, nothing to log.
      if ((error as NodeJS.ErrnoException)?.code === 'ECONNRESET' || req.socket.destroyed) return void (res.writableEnded ? undefined : res.destroy());
      log('server', safeTarget(req.url), error);
      if (!res.headersSent) send(res, 500, fail('INTERNAL', '系统暂时出了点问题，请稍后再试'), true);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  // Slow headers and slow requests (issue 21): the header block within headersTimeoutMs; the whole request within
  // Node's requestTimeout, a backstop behind the handlers' own body deadlines (apiBodyTimeoutMs, uploadBodyTimeoutMs,
  // bodyIdleTimeoutMs), which answer first and in the envelope.
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.apiBodyTimeoutMs, limits.uploadBodyTimeoutMs) + limits.headersTimeoutMs + 5_000;
  // What the HTTP parser itself refuses (a malformed request line, bad headers, oversized headers, headers too slow) is
  // answered 400 (431, 408) in the envelope and the connection closed; the process lives on.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: net.Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET' || refusedSockets.has(socket)) return void socket.destroy();
    // A request already being handled answers for itself (its own deadlines come first); never write a second answer.
    if ((socket as net.Socket & { _httpMessage?: unknown })._httpMessage) return void socket.destroy();
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const message = status === 408 ? '请求发送太慢，已断开连接，请检查网络后重试' : status === 431 ? '请求头过大' : '请求格式不正确';
    socket.end(rawAnswer(status, fail('INVALID_INPUT', message)));
    linger(socket, limits.lingerMs, status === 408 ? 0 : MAX_BODY_BYTES);
  });
  // At most connectionsPerAddress open connections per client address; the next one is answered 429 at once and closed.
  const openPerAddress = new Map<string, number>();
  server.on('connection', (socket: net.Socket) => {
    socket.on('error', () => socket.destroy());
    if (trustProxy) return; // behind a proxy every connection comes from the proxy's address
    const address = socket.remoteAddress ?? '';
    const open = (openPerAddress.get(address) ?? 0) + 1;
    openPerAddress.set(address, open);
    socket.once('close', () => {
      const left = (openPerAddress.get(address) ?? 1) - 1;
      if (left > 0) openPerAddress.set(address, left);
      else openPerAddress.delete(address);
    });
    if (open > limits.connectionsPerAddress) {
      refusedSockets.add(socket);
      const seconds = 5;
      socket.end(rawAnswer(429, { ok: false, error: { code: 'RATE_LIMITED', message: `同时打开的连接过多（每个地址最多 ${limits.connectionsPerAddress} 个），请稍后再试`, retryAfterSeconds: seconds } }, { 'Retry-After': String(seconds) }));
      linger(socket, limits.lingerMs, 64 * 1024); // room for the request it was already sending
    }
  });

  /**
   * Answers without reading (the rest of) the body, then closes: our side at once, the client's when it stops sending
   * for `lingerMs` or has sent more than `allowance` bytes, so a client still sending reads the answer instead of a
   * reset (Node would destroy the socket as soon as the answer is written). Nothing of the body is kept. `allowance`:
   * what an honest client a little over the limit may still push (its declared length, up to twice the limit); a
   * request announcing more is cut as soon as it sends anything.
   */
  function refuseUnread(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown, allowance = 0): void {
    const socket = req.socket as net.Socket & { destroySoon?: () => void };
    socket.destroySoon = () => linger(socket, limits.lingerMs, allowance);
    send(res, status, body, true);
  }
  /** How much more an over-limit client may push while it reads its answer (see refuseUnread). */
  const overAllowance = (req: http.IncomingMessage, limit: number) => {
    const declared = declaredLength(req);
    return declared === 0 ? limit : declared <= 2 * limit ? declared : 0;
  };

  /** Answers a request that may carry a body: at once and closing when it has one (never read), or plainly when it has none. */
  function answerBodiless(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown) {
    if (hasBody(req)) return refuseUnread(req, res, status, body, overAllowance(req, MAX_BODY_BYTES));
    send(res, status, body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const target = parseTarget(req.url);
    if (!target) return answerBodiless(req, res, 400, fail('INVALID_INPUT', '请求地址不正确'));
    if (target.pathname === '/api/upload') return handleUpload(req, res);
    const download = /^\/api\/download\/([^/]+)$/.exec(target.pathname);
    if (download) return (await downloads.serve(res, download[1], target)) ? undefined : answerBodiless(req, res, 403, fail('FORBIDDEN', '下载链接无效或已过期，请重新导出'));
    if (target.pathname === '/feed.atom' || target.pathname === '/hsds' || target.pathname.startsWith('/hsds/')) return handleOpen(req, res, target);
    if (target.pathname.startsWith('/api/')) {
      const api = /^\/api\/([^/]+)\/?$/.exec(target.pathname);
      const name = api ? decodeOrNull(api[1]) : null;
      if (name === null) return answerBodiless(req, res, api ? 400 : 404, fail(api ? 'INVALID_INPUT' : 'NOT_FOUND', api ? '请求地址不正确' : '没有这个服务'));
      return handleApi(req, res, name);
    }
    return serveStatic(req, res, options.h5Dir, target.pathname, staticOptions);
  }

  /** The open-data endpoints (issue 23): HSDS 3.0 under /hsds and the Atom feed, the same handler as the cloud's. */
  async function handleOpen(req: http.IncomingMessage, res: http.ServerResponse, target: URL): Promise<void> {
    // Read-only GETs: a request carrying a body is refused without reading it.
    if (hasBody(req)) return answerBodiless(req, res, req.method === 'GET' || req.method === 'HEAD' ? 400 : 405, fail('INVALID_INPUT', '开放数据接口只接受不带请求体的 GET'));
    const here = ownBase();
    const answer = await handleOpenData(
      { method: req.method ?? 'GET', path: target.pathname, query: Object.fromEntries(target.searchParams), headers: req.headers as Record<string, string | undefined>, clientAddress: clientAddressOf(req, options.trustProxy ?? false) },
      { store, clock, throttle, siteBase: h5Base() ?? here, apiBase: h5Base() ?? here, log: (error) => log('openData', target.pathname, error) },
    );
    const text = Buffer.from(answer.body, 'utf8');
    const coding = text.length >= COMPRESS_API_BYTES ? chooseCoding(req.headers['accept-encoding']) : null;
    // Off the event loop: a whole-catalogue answer is megabytes, and compressing it in line would stall every request.
    const bytes = coding === 'br' ? await brotli(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) : coding === 'gzip' ? await gzip(text, { level: 5 }) : text;
    res.writeHead(answer.status, { ...API_HEADERS, ...answer.headers, Vary: 'Accept-Encoding', ...(answer.status === 304 || answer.status === 204 ? {} : { 'Content-Length': bytes.length }), ...(coding && text.length ? { 'Content-Encoding': coding } : {}) });
    res.end(answer.status === 304 || answer.status === 204 ? undefined : bytes);
  }

  /** This server's own address, for absolute links when H5_BASE_URL is not set (never from a request header). */
  function ownBase(): string | null {
    const a = server.address();
    if (!a || typeof a === 'string') return null;
    const host = a.address === '0.0.0.0' || a.address === '::' ? '127.0.0.1' : a.family === 'IPv6' ? `[${a.address}]` : a.address;
    return `http://${host}:${a.port}`;
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return answerBodiless(req, res, 405, fail('INVALID_INPUT', '请用 POST 调用接口'));
    }
    if (!(FUNCTION_NAMES as readonly string[]).includes(name)) return answerBodiless(req, res, 404, fail('NOT_FOUND', '没有这个服务'));
    // A declared length over the limit is refused before a byte of the body is read (issue 21).
    const got = await readBody(req, MAX_BODY_BYTES, { totalMs: limits.apiBodyTimeoutMs, idleMs: limits.bodyIdleTimeoutMs });
    if ('refused' in got) return got.refused === 'too-large' ? refuseUnread(req, res, 413, fail('INVALID_INPUT', `请求内容超过 ${MAX_BODY_BYTES / 1024} KB，请精简后再提交`), overAllowance(req, MAX_BODY_BYTES)) : refuseUnread(req, res, 408, fail('INVALID_INPUT', SLOW_BODY));
    let event: unknown;
    try {
      event = JSON.parse(got.body.toString('utf8'));
    } catch {
      return send(res, 400, fail('INVALID_INPUT', '请求内容不是有效的 JSON'));
    }
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return send(res, 400, fail('INVALID_INPUT', '请求内容应为 JSON 对象'));

    const caller = await resolveCaller(req.headers.authorization);
    if (!caller) return send(res, 401, fail('UNAUTHENTICATED', '登录已失效，请重新进入'));
    const clientAddress = clientAddressOf(req, options.trustProxy ?? false);
    const envelope = await dispatch(FUNCTIONS[name as FunctionName], event, { caller, store, files, downloads, content, clock, runtime, throttle, clientAddress, backups, setClock: (at) => clock.set(at) }, log);
    const retryAfter = !envelope.ok && envelope.error.retryAfterSeconds ? { 'Retry-After': String(envelope.error.retryAfterSeconds) } : undefined;
    send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope, false, retryAfter);
  }

  /**
   * Local twin of wx.cloud.uploadFile: the raw bytes of one file, at most 20 MB, from an applicant, an assessor or the bureau.
   * Returns a file id to register with declarations.registerFile, which checks the type.
   */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return answerBodiless(req, res, 405, fail('INVALID_INPUT', '请用 POST 上传文件'));
    const caller = await resolveCaller(req.headers.authorization);
    if (!caller || !caller.userId) return answerBodiless(req, res, 401, fail('UNAUTHENTICATED', '请先登录后再上传'));
    if (!caller.roles.includes('applicant') && !caller.roles.includes('admin') && !caller.roles.includes('assessor') && !caller.roles.includes('purchaser')) return answerBodiless(req, res, 403, fail('FORBIDDEN', '您没有权限上传文件'));
    // A declared length over 20 MB is refused before a byte is read; a body that stalls or drags is cut (issue 21).
    if (declaredLength(req) > MAX_FILE_BYTES) return refuseUnread(req, res, 413, fail('INVALID_INPUT', '文件超过 20 MB，请压缩后再上传'), overAllowance(req, MAX_FILE_BYTES));
    const slow = new AbortController();
    const stop = bodyDeadlines(req, { totalMs: limits.uploadBodyTimeoutMs, idleMs: limits.bodyIdleTimeoutMs }, () => {
      slow.abort();
      refuseUnread(req, res, 408, fail('INVALID_INPUT', SLOW_BODY));
    });
    try {
      const got = await files.receive(req, { userId: caller.userId, orgId: caller.orgId }, clock.now(), slow.signal);
      if ('refused' in got) return refuseUnread(req, res, 413, fail('INVALID_INPUT', got.refused), overAllowance(req, MAX_FILE_BYTES));
      send(res, 200, { ok: true, data: { fileId: got.fileId } });
    } finally {
      stop();
    }
  }

  async function resolveCaller(header: string | undefined): Promise<Caller | null> {
    if (!header) return ANONYMOUS;
    const m = /^Bearer ([A-Za-z0-9_\-.~+/=]{8,200})$/.exec(header);
    if (!m) return null;
    return callerForToken(store, m[1], options.adminToken);
  }

  // Idle anonymous sessions: swept at start and every IDLE_SWEEP_MINUTES; close() waits for a sweep in flight.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    const run = sweepIdleSessions(store, clock);
    sweeping = run.catch((error) => log('server', 'sweepIdleSessions', error));
    return run;
  };
  void sweep().catch(() => {});
  const sweeper = setInterval(() => void sweep().catch(() => {}), IDLE_SWEEP_MINUTES * 60_000);
  sweeper.unref();

  return {
    server,
    throttle,
    sweepIdleSessions: sweep,
    store,
    files,
    downloads,
    clock,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.close(() => {
          void sweeping.then(() => {
            store.close();
            releaseLock();
            resolve();
          });
        });
        server.closeAllConnections?.();
      }),
  };
}

function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** API answers from this size up are compressed for clients that accept it (issue 14: a catalogue page is ~8 KB of JSON). */
const COMPRESS_API_BYTES = 1024;

function send(res: http.ServerResponse, status: number, body: unknown, close = false, extra?: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  // Fast settings (brotli 4, gzip 5): a fraction of a millisecond for a page of results, most of the saving.
  const coding = text.length >= COMPRESS_API_BYTES ? chooseCoding(res.req?.headers['accept-encoding']) : null;
  const bytes = coding === 'br' ? zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) : coding === 'gzip' ? zlib.gzipSync(text, { level: 5 }) : text;
  res.writeHead(status, {
    ...API_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(coding ? { 'Content-Encoding': coding } : {}),
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(bytes);
}

const SLOW_BODY = '请求内容发送太慢，已断开连接，请检查网络后重试';
const clientGone = () => Object.assign(new Error('request aborted by the client'), { code: 'ECONNRESET' });

/** The declared Content-Length, or 0 without one (a chunked body is measured as it arrives). */
function declaredLength(req: http.IncomingMessage): number {
  const n = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
}
const hasBody = (req: http.IncomingMessage) => declaredLength(req) > 0 || req.headers['transfer-encoding'] !== undefined;

/**
 * Watches a body's arrival: `onLate` once, when it has not arrived whole within `totalMs` or no byte came for
 * `idleMs`. Returns the function that stops watching.
 */
function bodyDeadlines(req: http.IncomingMessage, t: { totalMs: number; idleMs: number }, onLate: () => void): () => void {
  let done = false;
  const late = () => {
    if (done) return;
    stop();
    onLate();
  };
  const total = setTimeout(late, t.totalMs);
  let idle = setTimeout(late, t.idleMs);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(late, t.idleMs);
  };
  const stop = () => {
    done = true;
    clearTimeout(total);
    clearTimeout(idle);
    req.off('data', touch);
  };
  req.on('data', touch);
  req.once('end', stop);
  req.once('close', stop);
  return stop;
}

/**
 * The body, or why it was refused: `too-large` (declared over `limit` — then nothing is read — or grown past it) or
 * `slow` (not whole within `totalMs`, or idle for `idleMs`). Rejects when the client goes away mid-body.
 */
function readBody(req: http.IncomingMessage, limit: number, t: { totalMs: number; idleMs: number }): Promise<{ body: Buffer } | { refused: 'too-large' | 'slow' }> {
  if (declaredLength(req) > limit) return Promise.resolve({ refused: 'too-large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: { body: Buffer } | { refused: 'too-large' | 'slow' } | Error) => {
      if (settled) return;
      settled = true;
      stop();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const stop = bodyDeadlines(req, t, () => settle({ refused: 'slow' }));
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return settle({ refused: 'too-large' });
      chunks.push(chunk);
    });
    req.on('end', () => settle({ body: Buffer.concat(chunks) }));
    req.on('error', (e) => settle(e));
    req.on('close', () => settle(clientGone()));
  });
}

/**
 * Closes our side now, and the whole connection once the client has sent nothing for `idleMs` or more than
 * `allowance` bytes (counted on the socket, whoever reads them), or when the client closes first.
 */
function linger(socket: net.Socket, idleMs: number, allowance = 0): void {
  if (!socket.writableEnded) socket.end();
  const start = socket.bytesRead;
  let last = start;
  let quietSince = Date.now();
  const timer = setInterval(() => {
    const read = socket.bytesRead;
    if (read !== last) [last, quietSince] = [read, Date.now()];
    if (read - start > allowance || Date.now() - quietSince >= idleMs) socket.destroy();
  }, Math.max(10, Math.min(100, idleMs / 4)));
  timer.unref();
  socket.once('close', () => clearInterval(timer));
}

/** An answer written straight to the socket (before or outside Node's request handling), in the envelope. */
function rawAnswer(status: number, body: unknown, extra: Record<string, string> = {}): string {
  const text = JSON.stringify(body);
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n${headerLines({ ...API_HEADERS, ...extra })}Connection: close\r\n\r\n${text}`;
}

/** The request target as a URL, or null when it cannot be parsed (`//[`, an absolute form naming another host, …). */
function parseTarget(raw: string | undefined): URL | null {
  if (!raw || raw[0] !== '/' || raw.length > 8192) return null;
  try {
    return new URL(raw, 'http://local');
  } catch {
    return null;
  }
}

function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** For logs only: the target with anything odd escaped. */
function safeTarget(raw: string | undefined): string {
  return JSON.stringify(String(raw ?? '').slice(0, 200));
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
}

/**
 * The client's address: the socket's, or, when the proxy in front is trusted, the X-Forwarded-For hop that proxy
 * appended — the last one. Earlier hops are whatever the client wrote (a proxy appends to the header it received), so
 * taking the first would let every request name a fresh address and escape every per-address limit.
 */
export function clientAddressOf(req: http.IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').pop()?.trim();
    if (last && /^[0-9a-fA-F:.]{2,45}$/.test(last)) return last;
  }
  return req.socket.remoteAddress ?? null;
}
