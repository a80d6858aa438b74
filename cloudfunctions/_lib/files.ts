/**
 * Where uploaded bytes live: cloud storage in the cloud, DATA_DIR/uploads locally. Use cases only inspect
 * and remove them; uploading happens beside the API (wx.cloud.uploadFile, or POST /api/upload locally).
 * Every upload remembers who made it, so only the uploader's organisation can register, attach or delete it.
 */
import { INSPECT_BYTES, MAX_FILE_BYTES } from '../../types/files';

/** Who uploaded a file. Locally the receiver records the account and its organisation; in the cloud the path holds the account. */
export interface UploadOwner {
  userId: string;
  /** Undefined when the store knows only the account (the cloud): the account's organisation is read from users. */
  orgId?: string | null;
}

export interface FileInspection {
  size: number;
  /** The first bytes, enough to recognise the type (INSPECT_BYTES.head). */
  head: Uint8Array;
  /** The last bytes (INSPECT_BYTES.tail; the whole file when smaller), for trailers and a ZIP's directory. Empty over 20 MB. */
  tail: Uint8Array;
  owner: UploadOwner | null;
  uploadedAt: string | null;
}

export interface FileStore {
  inspect(fileId: string): Promise<FileInspection | null>;
  remove(fileId: string): Promise<void>;
  /** Uploads made before `before` (ISO time), for the sweep of unregistered ones. */
  uploadedBefore(before: string): Promise<string[]>;
}

/** How many leading bytes an inspection reads: enough for every signature in types/files.ts. */
export const HEAD_BYTES = INSPECT_BYTES.head;

/** What CloudFileStore needs of node-sdk: a temporary URL per file (storage.batchGetDownloadUrl) and deletion. */
export interface CloudStorageApi {
  getTempFileURL(o: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: { fileID: string; tempFileURL?: string; code?: string }[] }>;
  deleteFile(o: { fileList: string[] }): Promise<unknown>;
}

/** The cloud path an account uploads to: `attachments/<userId>/<random>.<ext>` (pickFile.weapp.ts). */
export const CLOUD_OWNER = /\/attachments\/([A-Za-z0-9_-]{1,64})\/[^/]+$/;

/**
 * The cloud: files uploaded by the mini-program to CloudBase storage. Inspecting one never downloads it whole: a
 * temporary URL, then one HTTP Range request for the first bytes (the size is the total in the 206 answer's
 * Content-Range, or the Content-Length of a 200 answer from a server that ignores ranges, whose body is then not read),
 * then, for a file within the size limit, one more for its last bytes. The uploader is the account in the path.
 */
export class CloudFileStore implements FileStore {
  constructor(
    private readonly app: CloudStorageApi,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}
  async inspect(fileId: string): Promise<FileInspection | null> {
    if (!fileId.startsWith('cloud://')) return null;
    try {
      const res = await this.app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 60 }] });
      const item = res.fileList?.[0];
      if (!item || item.code !== 'SUCCESS' || !item.tempFileURL) return null;
      const first = await this.range(item.tempFileURL, 0, HEAD_BYTES - 1);
      if (!first) return null;
      const { size, bytes: head } = first;
      let tail: Uint8Array = new Uint8Array(0);
      if (size > 0 && size <= MAX_FILE_BYTES) {
        const from = Math.max(0, size - INSPECT_BYTES.tail);
        const last = await this.range(item.tempFileURL, from, size - 1);
        if (!last) return null;
        tail = last.bytes.length > size - from ? last.bytes.subarray(from) : last.bytes; // a 200 answer carries the whole file
      }
      const m = CLOUD_OWNER.exec(fileId);
      return { size, head, tail, owner: m ? { userId: m[1] } : null, uploadedAt: null };
    } catch {
      return null;
    }
  }
  /** Bytes `from`..`to` of the file and its total size; a server that ignores ranges sends the start of the file. */
  private async range(url: string, from: number, to: number): Promise<{ size: number; bytes: Uint8Array } | null> {
    const answer = await this.fetchImpl(url, { headers: { Range: `bytes=${from}-${to}` } });
    if (answer.status === 206) {
      const total = /\/(\d+)\s*$/.exec(answer.headers.get('content-range') ?? '');
      const bytes = new Uint8Array(await answer.arrayBuffer()).subarray(0, to - from + 1);
      // An unknown total (`bytes 0-15/*`) is not a size to trust: the file is treated as missing.
      return total ? { size: Number(total[1]), bytes } : null;
    }
    if (answer.status === 200) {
      const size = Number(answer.headers.get('content-length'));
      if (!Number.isFinite(size) || answer.headers.get('content-length') === null) {
        await answer.body?.cancel();
        return null;
      }
      return { size, bytes: await firstBytes(answer, to + 1) };
    }
    await answer.body?.cancel();
    return null;
  }
  async remove(fileId: string): Promise<void> {
    await this.app.deleteFile({ fileList: [fileId] });
  }
  /** CloudBase storage cannot be listed from a function; unregistered cloud uploads expire by the bucket's lifecycle rule (README). */
  async uploadedBefore(): Promise<string[]> {
    return [];
  }
}

/** Reads at most `n` bytes of a body and drops the rest of the stream. */
async function firstBytes(res: Response, n: number): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  let got = 0;
  const reader = res.body?.getReader();
  if (!reader) return out.subarray(0, 0);
  while (got < n) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = Math.min(n - got, value.length);
    out.set(value.subarray(0, take), got);
    got += take;
  }
  await reader.cancel();
  return out.subarray(0, got);
}
