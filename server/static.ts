/** Serves the Taro H5 build: hashed assets cached for good, index.html never cached, unknown paths fall back to the app. */
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

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>尚未构建</title><p>前端尚未构建。请运行 <code>npm run build:h5</code>，或直接用 <code>npm start</code>（会自动构建）。</p>`;

export async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string | null, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8' }).end(NOT_BUILT);
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  const inside = file === root || file.startsWith(path.resolve(root) + path.sep);
  let target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
  const isAsset = /\.[a-z0-9]+$/i.test(rel) && !rel.endsWith('.html');
  if (!target && isAsset) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  target ??= path.join(root, 'index.html');
  const ext = path.extname(target);
  const stat = await fs.promises.stat(target);
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': ext === '.html' ? 'no-cache' : /\.[0-9a-f]{8,}\./.test(path.basename(target)) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(target).pipe(res);
}
