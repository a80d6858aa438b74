/**
 * Local mode's file storage: raw uploads under DATA_DIR/uploads, named by a random id, each with a small record
 * beside it (`<id>.json`: who uploaded it, for which organisation, when, how large).
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import { Readable } from 'stream';
import { randomBytes } from 'crypto';
import { headAndTail, MAX_FILE_BYTES, UPLOAD_TTL_HOURS, UPLOAD_WINDOW_BYTES } from '../types/files';
import type { FileInspection, FileStore, UploadOwner } from '../cloudfunctions/_lib/files';

const clientGone = () => Object.assign(new Error('upload aborted by the client'), { code: 'ECONNRESET' });

/** A local upload's id: `local/` and its 32 hex characters, the file's name under DATA_DIR/uploads. */
export const LOCAL_ID = /^local\/([a-f0-9]{32})$/;

/** The record beside each upload (`<id>.json`). */
export interface UploadRecord {
  userId: string;
  orgId: string | null;
  uploadedAt: string;
  size: number;
}

export type Received = { fileId: string } | { refused: string };

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

  private record(p: string): UploadRecord | null {
    try {
      return JSON.parse(fs.readFileSync(`${p}.json`, 'utf8')) as UploadRecord;
    } catch {
      return null;
    }
  }

  private records(): { id: string; rec: UploadRecord }[] {
    const out: { id: string; rec: UploadRecord }[] = [];
    for (const f of fs.readdirSync(this.dir)) {
      const m = /^([a-f0-9]{32})\.json$/.exec(f);
      const rec = m && this.record(path.join(this.dir, m[1]));
      if (m && rec) out.push({ id: m[1], rec });
    }
    return out;
  }

  async inspect(fileId: string): Promise<FileInspection | null> {
    const p = this.pathOf(fileId);
    if (!p || !fs.existsSync(p)) return null;
    const bytes = await fs.promises.readFile(p);
    const rec = this.record(p);
    const owner: UploadOwner | null = rec ? { userId: rec.userId, orgId: rec.orgId } : null;
    return { size: bytes.length, ...headAndTail(new Uint8Array(bytes)), owner, uploadedAt: rec?.uploadedAt ?? null };
  }

  async remove(fileId: string): Promise<void> {
    const p = this.pathOf(fileId);
    if (p) {
      await fs.promises.rm(p, { force: true });
      await fs.promises.rm(`${p}.json`, { force: true });
    }
  }

  async uploadedBefore(before: string): Promise<string[]> {
    return this.records()
      .filter(({ rec }) => rec.uploadedAt < before)
      .map(({ id }) => `local/${id}`);
  }

  /** Bytes this organisation (or, without one, this account) uploaded within the last UPLOAD_TTL_HOURS. */
  private recentBytes(owner: { userId: string; orgId: string | null }, now: Date): number {
    const since = new Date(now.getTime() - UPLOAD_TTL_HOURS * 3600_000).toISOString();
    return this.records()
      .filter(({ rec }) => rec.uploadedAt >= since && (owner.orgId ? rec.orgId === owner.orgId : rec.userId === owner.userId))
      .reduce((sum, { rec }) => sum + rec.size, 0);
  }

  /**
   * An upload made in-process (the demo seeder, server/demo): the bytes go through the same receiver as an HTTP upload,
   * with the same limits and the same uploader's record. The type is checked when the file is registered.
   */
  put(bytes: Uint8Array, owner: { userId: string; orgId: string | null }, now: Date): Promise<Received> {
    const req = Object.assign(Readable.from([Buffer.from(bytes)]), { headers: { 'content-length': String(bytes.length) }, complete: true });
    return this.receive(req as unknown as http.IncomingMessage, owner, now);
  }

  /**
   * Streams a request body to disk, stopping at 20 MB, or when the organisation's uploads of the last 24 hours
   * would pass UPLOAD_WINDOW_BYTES: refused at once, from the declared length before a byte is read, or as soon as the
   * bytes pass it (the caller answers and closes; the rest is never read). `abort` (the server's body deadlines)
   * stops it too. Records the uploader beside the file. The type is checked when the file is registered
   * (declarations.registerFile).
   */
  receive(req: http.IncomingMessage, owner: { userId: string; orgId: string | null }, now: Date, abort?: AbortSignal): Promise<Received> {
    const id = randomBytes(16).toString('hex');
    const target = path.join(this.dir, id);
    const tmp = `${target}.part`;
    const room = UPLOAD_WINDOW_BYTES - this.recentBytes(owner, now);
    const tooLarge: Received = { refused: '文件超过 20 MB，请压缩后再上传' };
    const overQuota: Received = { refused: `本单位 ${UPLOAD_TTL_HOURS} 小时内上传的文件已超过 ${UPLOAD_WINDOW_BYTES / 1024 / 1024} MB，请先删除不需要的文件或明天再传` };
    return new Promise((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_FILE_BYTES || declared > room) return resolve(declared > MAX_FILE_BYTES ? tooLarge : overQuota);
      const out = fs.createWriteStream(tmp);
      let size = 0;
      let over: Received | null = null;
      let settled = false;
      const settle = (value: Received | null, error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error || !value) reject(error ?? clientGone());
        else resolve(value);
      };
      // Every way this ends removes the partial file: too large, over the quota, client gone, disk error.
      const discard = (value: Received | null, error?: unknown) => {
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
        if (size > MAX_FILE_BYTES || size > room) {
          over = size > MAX_FILE_BYTES ? tooLarge : overQuota;
          req.resume();
          return discard(over);
        }
        if (!out.write(chunk)) req.pause();
      });
      req.on('end', () => {
        if (settled) return;
        if (over) return discard(over);
        // The uploader's record beside the file: who, for which organisation, when, how large.
        const rec: UploadRecord = { userId: owner.userId, orgId: owner.orgId, uploadedAt: now.toISOString(), size };
        out.end(() =>
          fs.writeFile(`${target}.json`, JSON.stringify(rec), (e1) =>
            e1 ? discard(null, e1) : fs.rename(tmp, target, (e) => (e ? discard(null, e) : settle({ fileId: `local/${id}` }))),
          ),
        );
      });
      req.on('error', () => discard(null, clientGone()));
      abort?.addEventListener('abort', () => discard(null, clientGone()), { once: true });
      req.on('close', () => {
        if (!req.complete && !settled) discard(null, clientGone());
      });
    });
  }
}
