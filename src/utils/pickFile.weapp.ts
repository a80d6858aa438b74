/** WeChat: choose a file from a chat, upload it to cloud storage, register it (the server checks it). */
import Taro from '@tarojs/taro';
import { ALLOWED_EXTENSIONS, extensionOf } from '@shared/files';
import { api } from '../api/client';
import { isCancel, isPrivacyRefusal } from './privacy';
import { PRIVACY_APIS } from '@shared/privacy';

export interface PickedFile {
  fileId: string;
  name: string;
}

/** Resolves null when the person cancels. Throws ApiError when the server refuses the file. */
export async function pickAndUploadFile(): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.ChooseFile;
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ALLOWED_EXTENSIONS });
    chosen = res.tempFiles[0];
  } catch (e) {
    // Cancelling is silent; a refused privacy consent or a failure is said.
    if (!isCancel(e) || isPrivacyRefusal(e))
      await Taro.showToast({ title: isPrivacyRefusal(e) ? PRIVACY_APIS.chooseMessageFile.refusedHint : '没有选到文件，请重试', icon: 'none', duration: 2500 }).catch(() => undefined);
    return null;
  }
  const ext = extensionOf(chosen.name) || 'bin';
  // The path names the uploading account: the server lets only that account's organisation register the file.
  const me = await api('auth', 'me', {});
  const cloudPath = `attachments/${me.userId}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`;
  const uploaded = await Taro.cloud.uploadFile({ cloudPath, filePath: chosen.path });
  return api('declarations', 'registerFile', { fileId: uploaded.fileID, name: chosen.name });
}
