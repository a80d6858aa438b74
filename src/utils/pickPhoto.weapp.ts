/** WeChat: take a photo (or choose one), upload it to cloud storage, register it (the server checks it is a JPG or PNG). */
import Taro from '@tarojs/taro';
import { PRIVACY_APIS } from '@shared/privacy';
import { api } from '../api/client';
import type { PickedFile } from './pickFile';
import { isCancel, isPrivacyRefusal } from './privacy';

export async function pickAndUploadPhoto(): Promise<PickedFile | null> {
  let path: string;
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
    path = res.tempFiles[0].tempFilePath;
  } catch (e) {
    // Cancelling is silent; a refused privacy consent or a failure is said.
    if (!isCancel(e) || isPrivacyRefusal(e))
      await Taro.showToast({ title: isPrivacyRefusal(e) ? PRIVACY_APIS.chooseMedia.refusedHint : '没有拍到照片，请重试', icon: 'none', duration: 2500 }).catch(() => undefined);
    return null;
  }
  const ext = /\.png$/i.test(path) ? 'png' : 'jpg';
  const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const uploaded = await Taro.cloud.uploadFile({ cloudPath: `evidence/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`, filePath: path });
  return api('declarations', 'registerFile', { fileId: uploaded.fileID, name: `现场照片-${stamp}.${ext}` });
}
