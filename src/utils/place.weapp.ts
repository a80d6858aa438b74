/**
 * WeChat: getLocation (type wgs84) for where the person is; chooseLocation for the provider's service point (WeChat's
 * map answers in GCJ-02: converted to WGS-84 before it is kept); openLocation (GCJ-02) for 导航. getLocation and
 * chooseLocation are privacy APIs (types/privacy.ts; app.config's requiredPrivateInfos); a refusal is said, not
 * swallowed.
 */
import Taro from '@tarojs/taro';
import { PRIVACY_APIS } from '@shared/privacy';
import { gcj02ToWgs84, wgs84ToGcj02, type Point } from '@shared/geo';
import { isCancel, isPrivacyRefusal } from './privacy';
import type { Located } from './place';

export type { Located } from './place';

const refusedLocation = (e: unknown) => isPrivacyRefusal(e) || /auth deny|auth denied|permission/i.test(String((e as { errMsg?: string })?.errMsg ?? ''));

export async function whereAmI(): Promise<Located> {
  try {
    const r = await Taro.getLocation({ type: 'wgs84' });
    return { ok: true, point: { latitude: r.latitude, longitude: r.longitude } };
  } catch (e) {
    return { ok: false, reason: refusedLocation(e) ? 'refused' : 'unavailable' };
  }
}

export const canPickOnMap = true;

export async function pickOnMap(near: Point | null): Promise<Point | null> {
  try {
    const at = near ? wgs84ToGcj02(near) : null;
    const r = await Taro.chooseLocation(at ? { latitude: at.latitude, longitude: at.longitude } : {});
    return gcj02ToWgs84({ latitude: r.latitude, longitude: r.longitude });
  } catch (e) {
    if (!isCancel(e) || isPrivacyRefusal(e))
      await Taro.showToast({ title: isPrivacyRefusal(e) ? PRIVACY_APIS.chooseLocation.refusedHint : '没有选到地点，请重试或手动填写', icon: 'none', duration: 2500 }).catch(() => undefined);
    return null;
  }
}

export async function openInMap(point: Point, name: string, address: string): Promise<void> {
  const g = wgs84ToGcj02(point);
  try {
    await Taro.openLocation({ latitude: g.latitude, longitude: g.longitude, name, address, scale: 16 });
  } catch (e) {
    if (!isCancel(e)) await Taro.showToast({ title: '地图没有打开，请复制地址后在地图里搜索', icon: 'none', duration: 2500 }).catch(() => undefined);
  }
}
