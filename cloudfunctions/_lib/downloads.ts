/**
 * Files the functions make for someone to download (the bureau's exports): published and answered with a short-lived
 * link. In the cloud, uploaded to cloud storage and a temporary URL; locally, DATA_DIR/exports and a signed link to
 * `GET /api/download/<id>?exp=&sig=` (server/downloads.ts).
 */
import { DOWNLOAD_SECONDS } from '../../types/exports';
import type { CodeStorage } from './miniCode';

export interface Downloads {
  /** Stores the bytes and returns a link that works for DOWNLOAD_SECONDS. */
  publish(name: string, bytes: Buffer, contentType: string): Promise<string>;
}

/** What CloudDownloads needs of node-sdk: uploadFile and getTempFileURL. */
export interface CloudUploadApi {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>;
  getTempFileURL(o: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: { fileID: string; tempFileURL?: string; code?: string }[] }>;
}

/** Also keeps the mini-program codes (CodeStorage): saved once at a fixed path, read back through a temporary URL. */
export class CloudDownloads implements Downloads, CodeStorage {
  constructor(
    private readonly app: CloudUploadApi,
    private readonly now: () => Date = () => new Date(),
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}
  async save(cloudPath: string, bytes: Buffer): Promise<string> {
    const { fileID } = await this.app.uploadFile({ cloudPath, fileContent: bytes });
    if (!fileID) throw new Error('uploadFile returned no fileID');
    return fileID;
  }
  async url(fileId: string): Promise<string | null> {
    const res = await this.app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: DOWNLOAD_SECONDS }] });
    const item = res.fileList?.[0];
    return !item?.tempFileURL || (item.code && item.code !== 'SUCCESS') ? null : item.tempFileURL;
  }
  async read(fileId: string): Promise<{ url: string; bytes: Buffer } | null> {
    const url = await this.url(fileId);
    if (!url) return null;
    const answer = await this.fetchImpl(url);
    if (answer.status !== 200) {
      await answer.body?.cancel();
      return null;
    }
    return { url, bytes: Buffer.from(await answer.arrayBuffer()) };
  }
  async publish(name: string, bytes: Buffer, _contentType: string): Promise<string> {
    const day = this.now().toISOString().slice(0, 10);
    const safe = name.replace(/[^\w.\-\u4e00-\u9fff]/g, '_');
    const { fileID } = await this.app.uploadFile({ cloudPath: `exports/${day}/${Date.now().toString(36)}-${safe}`, fileContent: bytes });
    if (!fileID) throw new Error('uploadFile returned no fileID');
    const res = await this.app.getTempFileURL({ fileList: [{ fileID, maxAge: DOWNLOAD_SECONDS }] });
    const url = res.fileList?.[0]?.tempFileURL;
    if (!url) throw new Error('getTempFileURL returned no URL');
    return url;
  }
}
