/**
 * Issue 14, fast on a phone network: the real local server serving a small H5 build. Text assets come compressed
 * (brotli or gzip, whichever the client accepts, Vary: Accept-Encoding) and decompress to the file's exact bytes;
 * hashed assets are cached for good, index.html and unhashed files are revalidated by ETag (304); images are sent as
 * they are; the security headers and the inline-script hashes of the CSP survive.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { rawRequest, type RawResponse } from '../support/rawRequest';
import { startHarness, type Harness } from '../support/harness';
import { chooseCoding, IMMUTABLE, precompressStatic } from '../../server/static';

let h: Harness;
let root: string;
const INLINE = "document.documentElement.style.fontSize='20px'";
const HTML = `<!doctype html><html><head><script>${INLINE}</script><script defer src="/js/app.0123abcd.js"></script><link href="/css/app.89abcdef.css" rel="stylesheet"></head><body><div id="app"><div class="sk">${'加载中'.repeat(200)}</div></div></body></html>`;
// Text that compresses well but not trivially: a few thousand lines of pseudo-code.
const JS = Array.from({ length: 3000 }, (_, i) => `function f${i}(a){return a*${i}+${(i * 7919) % 1000}}`).join(';\n');
const CSS = Array.from({ length: 400 }, (_, i) => `.c${i}{margin:${i}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('\n');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(4000, 7)]);
const MANIFEST = JSON.stringify({ name: '杭州市公共法律服务产品', icons: Array.from({ length: 40 }, (_, i) => ({ src: `/icon-${i}.png`, sizes: `${i * 8}x${i * 8}` })) });

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hzlp-h5-'));
  fs.mkdirSync(path.join(root, 'js'));
  fs.mkdirSync(path.join(root, 'css'));
  fs.writeFileSync(path.join(root, 'index.html'), HTML);
  fs.writeFileSync(path.join(root, 'js', 'app.0123abcd.js'), JS);
  fs.writeFileSync(path.join(root, 'css', 'app.89abcdef.css'), CSS);
  fs.writeFileSync(path.join(root, 'logo.0123abcd.png'), PNG);
  fs.writeFileSync(path.join(root, 'manifest.json'), MANIFEST);
  h = await startHarness({ h5Dir: root, seed: true });
});
afterAll(async () => {
  await h.close();
  fs.rmSync(root, { recursive: true, force: true });
});

type Got = RawResponse;
const get = (pathname: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Got> => rawRequest(h.url, pathname, headers, method, body);

function expectSecurityHeaders(g: Got) {
  expect(g.headers['x-content-type-options']).toBe('nosniff');
  expect(g.headers['x-frame-options']).toBe('DENY');
  expect(g.headers['referrer-policy']).toBe('same-origin');
  const csp = String(g.headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  // The inline script of index.html is allowed by its hash and nothing else is.
  const hash = createHash('sha256').update(INLINE, 'utf8').digest('base64');
  expect(csp).toContain(`script-src 'self' 'sha256-${hash}';`);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
}

test('Accept-Encoding: br gives brotli whose bytes decompress to the file; gzip likewise; none gives the file as is', async () => {
  const file = fs.readFileSync(path.join(root, 'js', 'app.0123abcd.js'));
  const br = await get('/js/app.0123abcd.js', { 'Accept-Encoding': 'br' });
  expect(br.status).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers.vary).toBe('Accept-Encoding');
  expect(Number(br.headers['content-length'])).toBe(br.body.length);
  expect(br.body.length).toBeLessThan(file.length / 4);
  expect(zlib.brotliDecompressSync(br.body).equals(file)).toBe(true);

  const gz = await get('/js/app.0123abcd.js', { 'Accept-Encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gz.headers.vary).toBe('Accept-Encoding');
  expect(gz.body.length).toBeLessThan(file.length / 3);
  expect(zlib.gunzipSync(gz.body).equals(file)).toBe(true);

  const plain = await get('/js/app.0123abcd.js');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.headers.vary).toBe('Accept-Encoding');
  expect(plain.body.equals(file)).toBe(true);
  expect(Number(plain.headers['content-length'])).toBe(file.length);

  // A browser's usual header prefers brotli; gzip when brotli is refused; nothing when both are.
  expect((await get('/css/app.89abcdef.css', { 'Accept-Encoding': 'gzip, deflate, br, zstd' })).headers['content-encoding']).toBe('br');
  expect((await get('/css/app.89abcdef.css', { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
  const refused = await get('/css/app.89abcdef.css', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
  expect(refused.headers['content-encoding']).toBeUndefined();
  expect(refused.body.toString('utf8')).toBe(CSS);
  // Same bytes on a second request (kept, not made again differently).
  const again = await get('/js/app.0123abcd.js', { 'Accept-Encoding': 'br' });
  expect(again.body.equals(br.body)).toBe(true);
  expect(again.headers.etag).toBe(br.headers.etag);
});

test('index.html: compressed, never cached without asking, revalidated by ETag with 304, security headers intact', async () => {
  const html = await get('/', { 'Accept-Encoding': 'gzip, br' });
  expect(html.status).toBe(200);
  expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(html.headers['content-encoding']).toBe('br');
  expect(html.headers['cache-control']).toBe('no-cache');
  expect(zlib.brotliDecompressSync(html.body).toString('utf8')).toBe(HTML);
  expectSecurityHeaders(html);
  const etag = String(html.headers.etag);
  expect(etag).toMatch(/^"[A-Za-z0-9_-]+-br"$/);

  const notModified = await get('/', { 'Accept-Encoding': 'gzip, br', 'If-None-Match': etag });
  expect(notModified.status).toBe(304);
  expect(notModified.body.length).toBe(0);
  expect(notModified.headers.etag).toBe(etag);
  expect(notModified.headers['cache-control']).toBe('no-cache');
  expectSecurityHeaders(notModified);
  // The identity representation has its own tag: a stale br tag does not validate it.
  const plain = await get('/', { 'If-None-Match': etag });
  expect(plain.status).toBe(200);
  expect(plain.body.toString('utf8')).toBe(HTML);
  expect(plain.headers.etag).not.toBe(etag);
  // An app route (the SPA fallback) is the same document.
  const route = await get('/pages/unknown', { 'Accept-Encoding': 'br' });
  expect(route.headers.etag).toBe(etag);

  // A new build changes the tag, so the old one is answered in full.
  const file = path.join(root, 'index.html');
  fs.writeFileSync(file, HTML.replace('加载中', '请稍候'));
  try {
    const changed = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(zlib.brotliDecompressSync(changed.body).toString('utf8')).toContain('请稍候');
  } finally {
    fs.writeFileSync(file, HTML);
  }
});

test('hashed assets are immutable; unhashed files are revalidated; images are not compressed again', async () => {
  const js = await get('/js/app.0123abcd.js', { 'Accept-Encoding': 'br' });
  expect(js.headers['cache-control']).toBe(IMMUTABLE);
  expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  expectSecurityHeaders(js);
  expect((await get('/js/app.0123abcd.js', { 'Accept-Encoding': 'br', 'If-None-Match': String(js.headers.etag) })).status).toBe(304);

  const manifest = await get('/manifest.json', { 'Accept-Encoding': 'gzip' });
  expect(manifest.headers['cache-control']).toBe('no-cache');
  expect(manifest.headers['content-encoding']).toBe('gzip');
  expect(zlib.gunzipSync(manifest.body).toString('utf8')).toBe(MANIFEST);
  const m304 = await get('/manifest.json', { 'Accept-Encoding': 'gzip', 'If-None-Match': `W/${manifest.headers.etag}, "other"` });
  expect(m304.status).toBe(304);

  const png = await get('/logo.0123abcd.png', { 'Accept-Encoding': 'gzip, br' });
  expect(png.status).toBe(200);
  expect(png.headers['content-encoding']).toBeUndefined();
  expect(png.headers.vary).toBeUndefined();
  expect(png.headers['content-type']).toBe('image/png');
  expect(png.headers['cache-control']).toBe(IMMUTABLE);
  expect(png.body.equals(PNG)).toBe(true);

  const head = await get('/js/app.0123abcd.js', { 'Accept-Encoding': 'gzip' }, 'HEAD');
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
  expect(head.headers['content-encoding']).toBe('gzip');
  expect(Number(head.headers['content-length'])).toBeGreaterThan(100);

  // Unknown assets are still a plain 404, with the security headers.
  const missing = await get('/js/nope.12345678.js', { 'Accept-Encoding': 'br' });
  expect(missing.status).toBe(404);
  expect(missing.headers['x-frame-options']).toBe('DENY');
});

test('precompressStatic compresses the build ahead of the first visitor', async () => {
  expect(await precompressStatic(root)).toBe(4); // index.html, app js, app css, manifest.json (the png is skipped)
  expect(chooseCoding('gzip;q=0.5, br;q=0.1')).toBe('br');
  expect(chooseCoding('*')).toBe('br');
  expect(chooseCoding('identity')).toBeNull();
  expect(chooseCoding(undefined)).toBeNull();
  expect(chooseCoding('deflate, gzip')).toBe('gzip');
  // A malformed weight accepts nothing (the hostile probe sent br;q=-1 and got brotli).
  expect(chooseCoding('br;q=-1, gzip')).toBe('gzip');
  expect(chooseCoding('br;q=2, gzip;q=x')).toBeNull();
  expect(chooseCoding('br;q=0.001')).toBe('br');
  expect(chooseCoding('br;q=1.000')).toBe('br');
  expect(chooseCoding('br;q=0, gzip;q=0.0')).toBeNull();
});

test('API answers are compressed for clients that accept it, and stay the same JSON', async () => {
  const body = JSON.stringify({ action: 'search', limit: 20 });
  const json = { 'Content-Type': 'application/json' };
  const plain = await get('/api/catalogue', json, 'POST', body);
  expect(plain.status).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  const page = JSON.parse(plain.body.toString('utf8'));
  expect(page.ok).toBe(true);
  expect(page.data.items).toHaveLength(20);
  expect(plain.body.length).toBeGreaterThan(4000);

  const br = await get('/api/catalogue', { ...json, 'Accept-Encoding': 'gzip, deflate, br' }, 'POST', body);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers.vary).toBe('Accept-Encoding');
  expect(br.headers['cache-control']).toBe('no-store');
  expect(br.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(br.body.length).toBeLessThan(plain.body.length / 2);
  expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString('utf8'))).toEqual(page);

  const gz = await get('/api/catalogue', { ...json, 'Accept-Encoding': 'gzip' }, 'POST', body);
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(JSON.parse(zlib.gunzipSync(gz.body).toString('utf8'))).toEqual(page);

  // Small answers (an error envelope) are sent as they are.
  const small = await get('/api/catalogue', { ...json, 'Accept-Encoding': 'br' }, 'POST', '{"action":"nope"}');
  expect(small.status).toBe(400);
  expect(small.headers['content-encoding']).toBeUndefined();
  expect(JSON.parse(small.body.toString('utf8')).ok).toBe(false);
});
