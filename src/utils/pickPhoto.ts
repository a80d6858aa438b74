/** Taking a photo as evidence is platform code: pickPhoto.weapp.ts (camera or album) and pickPhoto.h5.ts (a file input). */
import type { PickedFile } from './pickFile';

export async function pickAndUploadPhoto(): Promise<PickedFile | null> {
  return null;
}
