/**
 * Where uploaded bytes live: cloud storage in the cloud, DATA_DIR/uploads locally. Use cases only inspect
 * and remove them; uploading happens beside the API (wx.cloud.uploadFile, or POST /api/upload locally).
 */
export interface FileInspection {
  size: number;
  /** The first bytes, enough to recognise the type. */
  head: Uint8Array;
}

export interface FileStore {
  inspect(fileId: string): Promise<FileInspection | null>;
  remove(fileId: string): Promise<void>;
}

/** How many leading bytes an inspection reads: enough for every signature in types/files.ts. */
export const HEAD_BYTES = 16;

/** What CloudFileStore needs of node-sdk: a temporary URL per file (storage.batchGetDownloadUrl) and deletion. */
export interface CloudStorageApi {
  getTempFileURL(o: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: { fileID: string; tempFileURL?: string; code?: string }[] }>;
  deleteFile(o: { fileList: string[] }): Promise<unknown>;
}

/**
 * The cloud: files uploaded by the mini-program to CloudBase storage. Inspecting one never downloads it: a temporary URL,
 * then one HTTP Range request for the first bytes; the size is the total in the 206 answer's Content-Range (or the
 * Content-Length of a 200 answer from a server that ignores ranges, whose body is then not read).
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
      const answer = await this.fetchImpl(item.tempFileURL, { headers: { Range: `bytes=0-${HEAD_BYTES - 1}` } });
      if (answer.status === 206) {
        const total = /\/(\d+)\s*$/.exec(answer.headers.get('content-range') ?? '');
        const head = new Uint8Array(await answer.arrayBuffer()).subarray(0, HEAD_BYTES);
        // An unknown total (`bytes 0-15/*`) is not a size to trust: the file is treated as missing.
        return total ? { size: Number(total[1]), head } : null;
      }
      if (answer.status === 200) {
        const size = Number(answer.headers.get('content-length'));
        const head = await firstBytes(answer, HEAD_BYTES);
        return Number.isFinite(size) && answer.headers.get('content-length') !== null ? { size, head } : null;
      }
      await answer.body?.cancel();
      return null;
    } catch {
      return null;
    }
  }
  async remove(fileId: string): Promise<void> {
    await this.app.deleteFile({ fileList: [fileId] });
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
