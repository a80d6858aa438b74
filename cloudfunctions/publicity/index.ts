/** CloudBase entry of the `publicity` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { wechatContentChecker } from '../_lib/wechatContent';
import { publicityFunction } from './actions';

export const main = cloudMain(publicityFunction, { content: wechatContentChecker });
