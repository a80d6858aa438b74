/**
 * The WeChat content check for the functions that take citizens' text (their index.ts passes it to cloudMain). Kept apart
 * from cloud.ts so wx-server-sdk is bundled only into those functions; the build writes their config.json with the
 * `security.msgSecCheck` openapi permission (scripts/build-functions.mjs: it looks for this module's name in index.ts).
 */
import * as cloud from 'wx-server-sdk';
import { WeChatChecker, type ContentChecker, type MsgSecCheckApi } from './contentCheck';

let checker: WeChatChecker | null = null;

export function wechatContentChecker(): ContentChecker {
  if (!checker) {
    // The documented way to use the function's own environment (the .d.ts types `env` too narrowly for the symbol).
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as never });
    checker = new WeChatChecker(cloud as unknown as MsgSecCheckApi);
  }
  return checker;
}
