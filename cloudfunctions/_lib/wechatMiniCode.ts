/**
 * WeChat's mini-program codes for the functions that draw them (catalogue's poster, ratings' codes; their index.ts passes
 * this to cloudMain). Kept apart from cloud.ts so wx-server-sdk is bundled only where it is used; the build writes those
 * functions' config.json with the `wxacode.getUnlimited` openapi permission (scripts/build-functions.mjs looks for this
 * module's name in index.ts).
 */
import * as cloud from 'wx-server-sdk';
import type { WxacodeApi } from './miniCode';

let api: WxacodeApi | null = null;

export function wechatMiniCodeApi(): WxacodeApi {
  if (!api) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as never });
    api = cloud as unknown as WxacodeApi;
  }
  return api;
}
