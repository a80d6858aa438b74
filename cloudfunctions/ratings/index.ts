/** CloudBase entry of the `ratings` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { wechatContentChecker } from '../_lib/wechatContent';
import { ratingsFunction } from './actions';

export const main = cloudMain(ratingsFunction, { content: wechatContentChecker });
