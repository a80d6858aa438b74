/**
 * Where uploaded bytes live: cloud storage in the cloud, DATA_DIR/uploads locally. Use cases only inspect
 * and remove them; uploading happens beside the API (wx.cloud.uploadFile, or POST /api/upload locally).
 * Every upload remembers who made it, so only the uploader's organisation can register, attach or delete it.
 */

/** Who uploaded a file. Locally the receiver records the account and its organisation; in the cloud the path holds the account. */
export interface UploadOwner {
  userId: string;
  /** Undefined when the store knows only the account (the cloud): the account's organisation is read from users. */
  orgId?: string | null;
}

export interface FileInspection {
  size: number;
  /** The whole file (at most 20 MB), for checks of its structure. */
  bytes: Uint8Array;
  owner: UploadOwner | null;
  uploadedAt: string | null;
}

export interface FileStore {
  inspect(fileId: string): Promise<FileInspection | null>;
  remove(fileId: string): Promise<void>;
  /** Uploads made before `before` (ISO time), for the sweep of unregistered ones. */
  uploadedBefore(before: string): Promise<string[]>;
}

/** The cloud path an account uploads to: `attachments/<userId>/<random>.<ext>` (pickFile.weapp.ts). */
const CLOUD_OWNER = /\/attachments\/([A-Za-z0-9_-]{1,64})\/[^/]+$/;

/** The cloud: files uploaded by the mini-program to CloudBase storage, read through the SDK. */
export class CloudFileStore implements FileStore {
  constructor(private readonly app: { downloadFile(o: { fileID: string }): Promise<{ fileContent?: Buffer }>; deleteFile(o: { fileList: string[] }): Promise<unknown> }) {}
  async inspect(fileId: string): Promise<FileInspection | null> {
    if (!fileId.startsWith('cloud://')) return null;
    try {
      const { fileContent } = await this.app.downloadFile({ fileID: fileId });
      if (!fileContent) return null;
      const m = CLOUD_OWNER.exec(fileId);
      return { size: fileContent.length, bytes: new Uint8Array(fileContent), owner: m ? { userId: m[1] } : null, uploadedAt: null };
    } catch {
      return null;
    }
  }
  async remove(fileId: string): Promise<void> {
    await this.app.deleteFile({ fileList: [fileId] });
  }
  /** CloudBase storage cannot be listed from a function; unregistered cloud uploads expire by the bucket's lifecycle rule (README). */
  async uploadedBefore(): Promise<string[]> {
    return [];
  }
}
