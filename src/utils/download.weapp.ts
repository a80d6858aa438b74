/**
 * WeChat: download the temporary link and open it with the system's document viewer (which can forward it to a
 * computer). The cloud storage download domain must be in the console's downloadFile domain list.
 */
import Taro from '@tarojs/taro';

export async function openDownload(url: string, name: string): Promise<boolean> {
  try {
    const res = await Taro.downloadFile({ url });
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
    const fileType = name.endsWith('.xlsx') ? 'xlsx' : undefined;
    await Taro.openDocument({ filePath: res.tempFilePath, showMenu: true, ...(fileType ? { fileType } : {}) } as never);
    return true;
  } catch {
    await Taro.showToast({ title: '文件打开失败，请稍后重试或在电脑上导出', icon: 'none', duration: 2500 }).catch(() => undefined);
    return false;
  }
}
