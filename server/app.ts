/**
 * The local runtime: the same function routers as the cloud, behind a plain HTTP server over SQLite,
 * plus the H5 build as static files. `POST /api/<name>` with `{ action, ...payload }` is the local twin of
 * `wx.cloud.callFunction({ name, data })`.
 */
import http from 'http';
import path from 'path';
import { FUNCTION_NAMES, HTTP_STATUS, MAX_BODY_BYTES, type Envelope, type ErrorCode, type FunctionName } from '../types/envelope';
import { SettableClock } from '../cloudfunctions/_lib/clock';
import { APPEND_ONLY, INDEXES } from '../cloudfunctions/_lib/collections';
import { ANONYMOUS, type Caller } from '../cloudfunctions/_lib/context';
import { callerForToken } from '../cloudfunctions/_lib/identity';
import { dispatch, type ErrorLogger } from '../cloudfunctions/_lib/router';
import { FUNCTIONS } from '../cloudfunctions/registry';
import { WordListChecker } from '../cloudfunctions/_lib/contentCheck';
import { LocalFileStore } from './localFiles';
import { SqliteStore } from './sqliteStore';
import { serveStatic } from './static';

export interface LocalAppOptions {
  dataDir: string;
  adminToken: string;
  allowTestClock: boolean;
  /** The Taro H5 build to serve; null serves the API only. */
  h5Dir: string | null;
  log?: ErrorLogger;
}

export interface LocalApp {
  server: http.Server;
  store: SqliteStore;
  files: LocalFileStore;
  clock: SettableClock;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function createLocalApp(options: LocalAppOptions): LocalApp {
  const store = new SqliteStore({ filename: path.join(options.dataDir, 'store.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
  const clock = new SettableClock();
  const files = new LocalFileStore(options.dataDir);
  const content = new WordListChecker();
  const runtime = { mode: 'local' as const, allowTestClock: options.allowTestClock };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const api = /^\/api\/([^/]+)\/?$/.exec(url.pathname);
    const handled =
      url.pathname === '/api/upload' ? handleUpload(req, res) : api ? handleApi(req, res, decodeURIComponent(api[1])) : serveStatic(req, res, options.h5Dir, url.pathname);
    handled.catch((error) => {
      (options.log ?? console.error)('server', req.url ?? '', error);
      if (!res.headersSent) send(res, 500, fail('INTERNAL', '系统暂时出了点问题，请稍后再试'));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return drainThenSend(req, res, 405, fail('INVALID_INPUT', '请用 POST 调用接口'));
    }
    if (!(FUNCTION_NAMES as readonly string[]).includes(name)) return drainThenSend(req, res, 404, fail('NOT_FOUND', '没有这个服务'));
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return send(res, 413, fail('INVALID_INPUT', `请求内容超过 ${MAX_BODY_BYTES / 1024} KB，请精简后再提交`), true);
    let event: unknown;
    try {
      event = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, fail('INVALID_INPUT', '请求内容不是有效的 JSON'));
    }
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return send(res, 400, fail('INVALID_INPUT', '请求内容应为 JSON 对象'));

    const caller = await resolveCaller(req.headers.authorization);
    if (!caller) return send(res, 401, fail('UNAUTHENTICATED', '登录已失效，请重新进入'));
    const envelope = await dispatch(FUNCTIONS[name as FunctionName], event, { caller, store, files, content, clock, runtime, setClock: (at) => clock.set(at) }, options.log);
    send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
  }

  /**
   * Local twin of wx.cloud.uploadFile: the raw bytes of one file, at most 20 MB, from an applicant, an assessor or the bureau.
   * Returns a file id to register with declarations.registerFile, which checks the type.
   */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return drainThenSend(req, res, 405, fail('INVALID_INPUT', '请用 POST 上传文件'));
    const caller = await resolveCaller(req.headers.authorization);
    if (!caller || !caller.userId) return drainThenSend(req, res, 401, fail('UNAUTHENTICATED', '请先登录后再上传'));
    if (!caller.roles.includes('applicant') && !caller.roles.includes('admin') && !caller.roles.includes('assessor')) return drainThenSend(req, res, 403, fail('FORBIDDEN', '您没有权限上传文件'));
    const got = await files.receive(req, { userId: caller.userId, orgId: caller.orgId }, clock.now());
    if ('refused' in got) return send(res, 413, fail('INVALID_INPUT', got.refused), true);
    send(res, 200, { ok: true, data: { fileId: got.fileId } });
  }

  async function resolveCaller(header: string | undefined): Promise<Caller | null> {
    if (!header) return ANONYMOUS;
    const m = /^Bearer ([A-Za-z0-9_\-.~+/=]{8,200})$/.exec(header);
    if (!m) return null;
    return callerForToken(store, m[1], options.adminToken);
  }

  return {
    server,
    store,
    files,
    clock,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections?.();
      }),
  };
}

function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function send(res: http.ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

/** Reads the body, or returns null (after discarding the rest) when it exceeds `limit`. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function drainThenSend(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown) {
  await readBody(req, 0).catch(() => null);
  send(res, status, body);
}
