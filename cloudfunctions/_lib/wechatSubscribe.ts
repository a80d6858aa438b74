/**
 * WeChat subscription messages for the `notify` function's timer (its index.ts passes this to the jobs). Kept apart from
 * cloud.ts so wx-server-sdk is bundled only where it is used; the build writes that function's config.json with the
 * `subscribeMessage.send` openapi permission and the timer trigger (scripts/build-functions.mjs looks for this module's
 * name in index.ts).
 */
import * as cloud from 'wx-server-sdk';
import type { SubscribeMessageApi } from '../notify/sendPending';

let api: SubscribeMessageApi | null = null;

export function wechatSubscribeApi(): SubscribeMessageApi {
  if (!api) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as never });
    api = cloud as unknown as SubscribeMessageApi;
  }
  return api;
}
