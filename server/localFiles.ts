/** Local mode's file storage: raw uploads under DATA_DIR/uploads, named by a random id. */
import fs from 'fs';
import http from 'http';
import path from 'path';
import { randomBytes } from 'crypto';
import { MAX_FILE_BYTES } from '../types/files';
import type { FileInspection, FileStore } from '../cloudfunctions/_lib/files';

const clientGone = () => Object.assign(new Error('upload aborted by the client'), { code: 'ECONNRESET' });

const LOCAL_ID = /^local\/([a-f0-9]{32})$/;

export class LocalFileStore implements FileStore {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'uploads');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  private pathOf(fileId: string): string | null {
    const m = LOCAL_ID.exec(fileId);
    return m ? path.join(this.dir, m[1]) : null;
  }

  async inspect(fileId: string): Promise<FileInspection | null> {
    const p = this.pathOf(fileId);
    if (!p || !fs.existsSync(p)) return null;
    const fd = await fs.promises.open(p, 'r');
    try {
      const head = Buffer.alloc(8);
      await fd.read(head, 0, 8, 0);
      return { size: (await fd.stat()).size, head: new Uint8Array(head) };
    } finally {
      await fd.close();
    }
  }

  async remove(fileId: string): Promise<void> {
    const p = this.pathOf(fileId);
    if (p) await fs.promises.rm(p, { force: true });
  }

  /**
   * Streams a request body to disk, stopping at 20 MB. Resolves to the new file id, or null when too large
   * (nothing is kept). The type is checked when the file is registered (declarations.registerFile).
   */
  receive(req: http.IncomingMessage): Promise<string | null> {
    const id = randomBytes(16).toString('hex');
    const target = path.join(this.dir, id);
    const tmp = `${target}.part`;
    return new Promise((resolve, reject) => {
      if (Number(req.headers['content-length'] ?? 0) > MAX_FILE_BYTES) {
        req.resume();
        req.on('end', () => resolve(null));
        req.on('error', reject);
        return;
      }
      const out = fs.createWriteStream(tmp);
      let size = 0;
      let over = false;
      let settled = false;
      const settle = (value: string | null, error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve(value);
      };
      // Every way this ends removes the partial file: too large, client gone, disk error.
      const discard = (value: null, error?: unknown) => {
        out.destroy();
        out.once('close', () => fs.rm(tmp, { force: true }, () => settle(value, error)));
        if (out.closed) fs.rm(tmp, { force: true }, () => settle(value, error));
      };
      out.on('error', (e) => {
        req.resume();
        if (!over) discard(null, e);
      });
      out.on('drain', () => req.resume());
      req.on('data', (chunk: Buffer) => {
        if (over || settled) return;
        size += chunk.length;
        if (size > MAX_FILE_BYTES) {
          over = true;
          req.resume();
          out.destroy();
          return;
        }
        if (!out.write(chunk)) req.pause();
      });
      req.on('end', () => {
        if (settled) return;
        if (over) return discard(null);
        out.end(() => fs.rename(tmp, target, (e) => (e ? discard(null, e) : settle(`local/${id}`))));
      });
      req.on('error', () => discard(null, clientGone()));
      req.on('close', () => {
        if (!req.complete && !settled) discard(null, clientGone());
      });
    });
  }
}
