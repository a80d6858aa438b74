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

/** The cloud: files uploaded by the mini-program to CloudBase storage, read through the SDK. */
export class CloudFileStore implements FileStore {
  constructor(private readonly app: { downloadFile(o: { fileID: string }): Promise<{ fileContent?: Buffer }>; deleteFile(o: { fileList: string[] }): Promise<unknown> }) {}
  async inspect(fileId: string): Promise<FileInspection | null> {
    if (!fileId.startsWith('cloud://')) return null;
    try {
      const { fileContent } = await this.app.downloadFile({ fileID: fileId });
      return fileContent ? { size: fileContent.length, head: new Uint8Array(fileContent.subarray(0, 8)) } : null;
    } catch {
      return null;
    }
  }
  async remove(fileId: string): Promise<void> {
    await this.app.deleteFile({ fileList: [fileId] });
  }
}
