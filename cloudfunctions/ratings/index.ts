/**
 * CloudBase entry of the `ratings` function. The routing lives in ./actions.ts, shared with the local server; rating codes
 * are mini-program codes (_lib/wechatMiniCode) and citizens' text passes WeChat's check (_lib/wechatContent).
 */
import { cloudMain } from '../_lib/cloud';
import { wechatContentChecker } from '../_lib/wechatContent';
import { wechatMiniCodeApi } from '../_lib/wechatMiniCode';
import { ratingsFunction } from './actions';

export const main = cloudMain(ratingsFunction, { content: wechatContentChecker, miniCode: wechatMiniCodeApi });
