/**
 * Choosing and uploading an attachment is platform code: pickFile.weapp.ts (cloud storage) and
 * pickFile.h5.ts (the local server). Other platforms have none.
 */
export interface PickedFile {
  fileId: string;
  name: string;
}

export async function pickAndUploadFile(): Promise<PickedFile | null> {
  return null;
}
