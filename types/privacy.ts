/**
 * WeChat's privacy guide (小程序用户隐私保护指引): every API that touches one of the user-information types below must
 * be declared in the mini-program console (设置 → 服务内容声明 → 用户隐私保护指引) before release, or WeChat refuses the
 * call. `PRIVACY_APIS` lists the ones this app calls, with the console's name for what they touch and why we ask;
 * `tests/unit/privacy.test.ts` fails when src/ calls a privacy API that is not listed here, and the README's deploy
 * steps list the same items.
 */
export interface PrivacyUse {
  /** The information type as the console names it. */
  item: string;
  /** What to write in the console as the purpose (用途). */
  purpose: string;
  /** What the person is told when they refuse (a toast). */
  refusedHint: string;
}

export const PRIVACY_APIS = {
  setClipboardData: { item: '剪切板', purpose: '复制服务地址和服务链接，方便转发给家人', refusedHint: '未同意使用剪切板，无法复制' },
  chooseMessageFile: { item: '选中的文件', purpose: '申报单位从聊天中选择申报材料附件上传', refusedHint: '未同意选择文件，无法添加附件' },
  chooseMedia: { item: '选中的照片或视频', purpose: '测评人员拍摄或选择现场照片，作为年度测评的证据', refusedHint: '未同意使用照片，无法添加现场照片' },
  // Issue 24, nearest first. The location is sent with one catalogue search and never stored.
  getLocation: { item: '位置信息', purpose: '按距离由近到远列出公共法律服务，位置只用于这一次查找，不保存', refusedHint: '未同意获取位置，可以选择您所在的区县' },
  chooseLocation: { item: '位置信息', purpose: '服务单位在地图上选定服务地点，方便群众找到最近的服务点并导航', refusedHint: '未同意使用位置，请手动填写经纬度' },
} satisfies Record<string, PrivacyUse>;
export type PrivacyApi = keyof typeof PRIVACY_APIS;

/**
 * The privacy-relevant APIs WeChat names in its guide, by information type (a superset: the test checks src/ against it).
 * Source: developers.weixin.qq.com 小程序用户隐私保护指引内容介绍 (the API list per 用户信息类型).
 */
export const WECHAT_PRIVACY_API_LIST: Record<string, string[]> = {
  用户信息: ['getUserProfile', 'getUserInfo', 'chooseAvatar'],
  位置信息: ['getLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'onLocationChange', 'chooseLocation', 'choosePoi', 'getFuzzyLocation'],
  地址: ['chooseAddress'],
  发票信息: ['chooseInvoice', 'chooseInvoiceTitle'],
  微信运动步数: ['getWeRunData'],
  手机号: ['getPhoneNumber', 'getRealtimePhoneNumber'],
  车牌: ['chooseLicensePlate'],
  麦克风: ['startRecord', 'getRecorderManager', 'joinVoIPChat'],
  摄像头: ['createCameraContext', 'createVKSession'],
  蓝牙: ['openBluetoothAdapter', 'createBLEPeripheralServer'],
  '选中的照片或视频': ['chooseImage', 'chooseMedia', 'chooseVideo'],
  选中的文件: ['chooseMessageFile'],
  剪切板: ['setClipboardData', 'getClipboardData'],
  '相册（仅写入）权限': ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'],
  '通讯录（仅写入）权限': ['addPhoneContact'],
  '日历（仅写入）权限': ['addPhoneRepeatCalendar', 'addPhoneCalendar'],
};
