/**
 * CloudBase entry of the `catalogue` function. The routing lives in ./actions.ts, shared with the local server; the poster
 * asks WeChat for a mini-program code (_lib/wechatMiniCode).
 */
import { cloudMain } from '../_lib/cloud';
import { wechatMiniCodeApi } from '../_lib/wechatMiniCode';
import { catalogueFunction } from './actions';

export const main = cloudMain(catalogueFunction, { miniCode: wechatMiniCodeApi });
