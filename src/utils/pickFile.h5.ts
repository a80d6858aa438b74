/** H5 (local mode): a file input, POST /api/upload with the raw bytes, then register it (the server checks it). */
import Taro from '@tarojs/taro';
import { ALLOWED_EXTENSIONS, MAX_FILE_BYTES } from '@shared/files';
import { api, ApiError } from '../api/client';
import { TOKEN_KEY } from '../api/transport';

export interface PickedFile {
  fileId: string;
  name: string;
}

function choose(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',');
    input.onchange = () => resolve(input.files?.[0] ?? null);
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

export async function pickAndUploadFile(): Promise<PickedFile | null> {
  const file = await choose();
  if (!file) return null;
  // Said before the upload, to spare a long wait; the server checks again.
  if (file.size > MAX_FILE_BYTES) throw new ApiError('INVALID_INPUT', '文件超过 20 MB，请压缩后再上传');
  const token = Taro.getStorageSync(TOKEN_KEY) as string;
  const res = await fetch('/api/upload', { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  const envelope = await res.json();
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return api('declarations', 'registerFile', { fileId: envelope.data.fileId, name: file.name });
}
