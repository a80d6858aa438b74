/**
 * CloudBase entry of the `catalogue` function. The routing lives in ./actions.ts, shared with the local server; the poster
 * asks WeChat for a mini-program code (_lib/wechatMiniCode). Its timer trigger (cloudbaserc.json, every 10 minutes) draws
 * the codes of products just listed, ahead of their first poster (./drawPendingCodes.ts).
 */
import { cloudMain } from '../_lib/cloud';
import { wechatMiniCodeApi } from '../_lib/wechatMiniCode';
import { catalogueFunction } from './actions';
import { CODE_DRAWER, drawPendingCodes } from './drawPendingCodes';

export const main = cloudMain(catalogueFunction, {
  miniCode: wechatMiniCodeApi,
  timer: { caller: CODE_DRAWER, run: (base) => drawPendingCodes({ ...base, fn: 'catalogue', action: 'codes' }) },
});
