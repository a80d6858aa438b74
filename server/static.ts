/**
 * Serves the Taro H5 build (issue 14, fast on a phone network): text assets compressed (brotli or gzip by
 * Accept-Encoding, compressed once and kept in memory), content-hashed assets cached for good, index.html and
 * unhashed files revalidated by ETag (304), unknown paths fall back to the app. index.html carries the catalogue's
 * real first page when a HomePrerender is given (server/prerender.ts); its ETag is that of the bytes sent.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import http from 'http';
import path from 'path';
import zlib from 'zlib';
import { promisify } from 'util';
import { injectCards, type HomePrerender } from './prerender';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

/** Types worth compressing; images and fonts other than ttf are compressed already (png, jpg, woff2 …). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.ico', '.ttf', '.map', '.txt']);
/** Below this a compressed body saves less than its own headers cost. */
const MIN_COMPRESS_BYTES = 512;
/** What the memory cache of file bytes (raw and compressed) may hold at most; the oldest entries go first. */
export const STATIC_CACHE_BYTES = 64 * 1024 * 1024;
/** A content-hashed name from the build (`app.8db6178b.js`, `css/582.47d947eb.css`): its bytes never change. */
const HASHED = /\.[0-9a-f]{8,}\./;
export const IMMUTABLE = 'public, max-age=31536000, immutable';


/**
 * Security headers on every response (issue 10). The CSP fits the production H5 build: its own scripts and styles
 * (Taro injects style elements and inline style attributes, hence 'unsafe-inline' for styles only), images from
 * itself, data: and blob: (QR codes, posters), API calls to itself; nothing may frame the app.
 */
export function contentSecurityPolicy(inlineScriptHashes: string[] = []): string {
  return [
  "default-src 'self'",
  `script-src 'self'${inlineScriptHashes.map((h) => ` '${h}'`).join('')}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** The API's headers: JSON is never a document, so the strictest policy. */
export const API_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** The build's index.html has inline scripts (Taro's rem sizing, the first-page preload): allowed by their hashes. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`);
}

type Coding = 'br' | 'gzip';
interface Entry {
  key: string;
  raw: Buffer;
  etag: string;
  compressible: boolean;
  /** Compressed bodies, made once per file version on first demand (concurrent requests share the work). */
  encoded: Partial<Record<Coding, Promise<Buffer>>>;
  /** index.html only: the CSP hashes of its inline scripts. */
  scriptHashes?: string[];
  bytes: number;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** File versions (path, size, mtime) to their bytes; bounded by STATIC_CACHE_BYTES. */
const cache = new Map<string, Entry>();
let cachedBytes = 0;

function remember(entry: Entry, grow: number): void {
  entry.bytes += grow;
  cachedBytes += grow;
  // Most recently used last; evict from the front, never the entry in hand.
  cache.delete(entry.key);
  cache.set(entry.key, entry);
  for (const [key, old] of cache) {
    if (cachedBytes <= STATIC_CACHE_BYTES || old === entry) break;
    cache.delete(key);
    cachedBytes -= old.bytes;
  }
}

/**
 * index.html with the first page's cards: one entry per distinct rendering (kept and evicted like a file version),
 * so it is compressed once and its ETag (from its bytes) changes exactly when the cards do.
 */
function prerenderedEntry(index: Entry, cards: string): Entry {
  const html = injectCards(index.raw.toString('utf8'), cards);
  const key = `${index.key}\0prerender\0${createHash('sha256').update(html).digest('base64url')}`;
  const hit = cache.get(key);
  if (hit) {
    remember(hit, 0);
    return hit;
  }
  const raw = Buffer.from(html, 'utf8');
  const entry: Entry = {
    key,
    raw,
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
    compressible: true,
    encoded: {},
    // The cards hold no script (their text is escaped): the file's own inline scripts are all there are.
    scriptHashes: index.scriptHashes,
    bytes: 0,
  };
  remember(entry, raw.length);
  return entry;
}

async function entryFor(file: string, stat: fs.Stats): Promise<Entry> {
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  const hit = cache.get(key);
  if (hit) {
    remember(hit, 0);
    return hit;
  }
  const raw = await fs.promises.readFile(file);
  const ext = path.extname(file);
  const entry: Entry = {
    key,
    raw,
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
    compressible: COMPRESSIBLE.has(ext) && raw.length >= MIN_COMPRESS_BYTES,
    encoded: {},
    scriptHashes: path.basename(file) === 'index.html' ? inlineScriptHashes(raw.toString('utf8')) : undefined,
    bytes: 0,
  };
  remember(entry, raw.length);
  return entry;
}

function encodedBody(entry: Entry, coding: Coding): Promise<Buffer> {
  let body = entry.encoded[coding];
  if (!body) {
    // Brotli at its best quality: paid once per file version, then every visitor gets the smallest bytes.
    body = coding === 'br' ? brotli(entry.raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.raw.length } }) : gzip(entry.raw, { level: 9 });
    entry.encoded[coding] = body;
    body.then(
      (b) => remember(entry, b.length),
      () => delete entry.encoded[coding],
    );
  }
  return body;
}

/** The coding to send for an Accept-Encoding header: brotli over gzip over none; `q=0` (or a malformed weight) refuses one. */
export function chooseCoding(header: string | string[] | undefined): Coding | null {
  const accepted = new Map<string, number>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    // A weight is 0 to 1 with up to three decimals (RFC 9110 §12.4.2); a malformed one (q=-1, q=2, q=x) accepts nothing.
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q) ? Number(q.slice(2)) : 0);
  }
  const ok = (c: string) => (accepted.get(c) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Compresses the text files of a build ahead of the first visitor (npm start does it at start-up, in the background):
 * the entry scripts and styles named in index.html first, then the rest. Resolves when done.
 */
export async function precompressStatic(root: string): Promise<number> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (COMPRESSIBLE.has(path.extname(e.name)) && !e.name.endsWith('.map')) files.push(p);
    }
  };
  if (!fs.existsSync(path.join(root, 'index.html'))) return 0;
  walk(root);
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const first = new Set([path.join(root, 'index.html'), ...[...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => path.join(root, m[1]))]);
  files.sort((a, b) => Number(first.has(b)) - Number(first.has(a)));
  let done = 0;
  for (const file of files) {
    const entry = await entryFor(file, await fs.promises.stat(file));
    if (!entry.compressible) continue;
    await Promise.all([encodedBody(entry, 'br'), encodedBody(entry, 'gzip')]);
    done++;
  }
  return done;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>尚未构建</title><p>前端尚未构建。请运行 <code>npm run build:h5</code>，或直接用 <code>npm start</code>（会自动构建）。</p>`;

export interface ServeOptions {
  /** Fills index.html's skeleton with the catalogue's first page; absent or failing: the plain file. */
  home?: HomePrerender;
  log?: (error: unknown) => void;
}

export async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string | null, pathname: string, options: ServeOptions = {}): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    const text = JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '请求地址不正确' } });
    res.writeHead(400, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
    return;
  }
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' }).end(NOT_BUILT);
    return;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  const inside = file === root || file.startsWith(path.resolve(root) + path.sep);
  let target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
  const isAsset = /\.[a-z0-9]+$/i.test(rel) && !rel.endsWith('.html');
  if (!target && isAsset) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  target ??= path.join(root, 'index.html');
  const ext = path.extname(target);
  const indexFile = path.join(root, 'index.html');
  let entry = await entryFor(target, await fs.promises.stat(target));
  const index = target === indexFile ? entry : await entryFor(indexFile, await fs.promises.stat(indexFile));
  // Hash routing: every document request is the app's shell, whichever page its hash names; the shell's own script
  // hides the cards when the hash is another page's.
  if (target === indexFile && options.home) {
    try {
      entry = prerenderedEntry(index, await options.home.cards());
    } catch (error) {
      options.log?.(error);
    }
  }
  const coding = entry.compressible ? chooseCoding(req.headers['accept-encoding']) : null;
  const etag = coding ? `${entry.etag.slice(0, -1)}-${coding}"` : entry.etag;
  const headers: http.OutgoingHttpHeaders = {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(index.scriptHashes),
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    // Hashed names change with their bytes, so they are kept for good; anything else is asked about each time
    // and answered 304 while unchanged.
    'Cache-Control': ext !== '.html' && HASHED.test(path.basename(target)) ? IMMUTABLE : 'no-cache',
    ETag: etag,
    ...(entry.compressible ? { Vary: 'Accept-Encoding' } : {}),
  };
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const body = coding ? await encodedBody(entry, coding) : entry.raw;
  res.writeHead(200, { ...headers, ...(coding ? { 'Content-Encoding': coding } : {}), 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}
