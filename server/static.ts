/** Serves the Taro H5 build: hashed assets cached for good, index.html never cached, unknown paths fall back to the app. */
import { createHash } from 'crypto';
import fs from 'fs';
import http from 'http';
import path from 'path';

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
};

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

/** The build's index.html has one small inline script (Taro's rem sizing): allowed by its hash, read from the file. */
let hashCache: { file: string; mtimeMs: number; hashes: string[] } | null = null;
function inlineScriptHashes(root: string): string[] {
  const file = path.join(root, 'index.html');
  const mtimeMs = fs.statSync(file).mtimeMs;
  if (hashCache?.file !== file || hashCache.mtimeMs !== mtimeMs) {
    const html = fs.readFileSync(file, 'utf8');
    const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`);
    hashCache = { file, mtimeMs, hashes };
  }
  return hashCache.hashes;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>尚未构建</title><p>前端尚未构建。请运行 <code>npm run build:h5</code>，或直接用 <code>npm start</code>（会自动构建）。</p>`;

export async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string | null, pathname: string): Promise<void> {
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
  const stat = await fs.promises.stat(target);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(inlineScriptHashes(root)),
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': ext === '.html' ? 'no-cache' : /\.[0-9a-f]{8,}\./.test(path.basename(target)) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
  });
  if (req.method === 'HEAD') return void res.end();
  const stream = fs.createReadStream(target);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
