/**
 * Local downloads: a file under DATA_DIR/exports and a link signed with HMAC-SHA256 over (id, expiry) with a secret kept
 * in DATA_DIR (made on first use). `GET /api/download/<id>?exp=&sig=` serves it until the expiry; a forged or expired
 * link is refused. The link itself is the permission, like the cloud's temporary URL, so it is short-lived.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { Downloads } from '../cloudfunctions/_lib/downloads';
import { DOWNLOAD_SECONDS } from '../types/exports';

const ID = /^[a-f0-9]{32}$/;

export class LocalDownloads implements Downloads {
  private readonly dir: string;
  private readonly secret: Buffer;
  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(dataDir, 'exports');
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(dataDir, 'download-secret');
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }

  sign(id: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${id}.${exp}`).digest('base64url');
  }

  async publish(name: string, bytes: Buffer, contentType: string): Promise<string> {
    const id = randomBytes(16).toString('hex');
    await fs.promises.writeFile(path.join(this.dir, id), bytes);
    await fs.promises.writeFile(path.join(this.dir, `${id}.json`), JSON.stringify({ name, contentType }));
    const exp = Math.floor(this.now() / 1000) + DOWNLOAD_SECONDS;
    return `/api/download/${id}?exp=${exp}&sig=${this.sign(id, exp)}`;
  }

  /** Whether (id, exp, sig) is a link this server made and it has not expired. */
  valid(id: string, exp: string | null, sig: string | null): boolean {
    if (!ID.test(id) || !exp || !/^\d{1,12}$/.test(exp) || !sig) return false;
    const expected = Buffer.from(this.sign(id, Number(exp)));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
    return Number(exp) * 1000 > this.now();
  }

  /** Serves GET /api/download/<id>; answers false when the link is refused (the caller sends the error). */
  async serve(res: http.ServerResponse, id: string, url: URL): Promise<boolean> {
    if (!this.valid(id, url.searchParams.get('exp'), url.searchParams.get('sig'))) return false;
    const file = path.join(this.dir, id);
    if (!fs.existsSync(file)) return false;
    const meta = JSON.parse(await fs.promises.readFile(`${file}.json`, 'utf8')) as { name: string; contentType: string };
    const bytes = await fs.promises.readFile(file);
    res.writeHead(200, {
      'Content-Type': meta.contentType,
      'Content-Length': bytes.length,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(bytes);
    return true;
  }
}
