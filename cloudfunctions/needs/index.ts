/** CloudBase entry of the `needs` function (WeChat's content check for citizens' text). The routing lives in ./actions.ts. */
import { cloudMain } from '../_lib/cloud';
import { wechatContentChecker } from '../_lib/wechatContent';
import { needsFunction } from './actions';

export const main = cloudMain(needsFunction, { content: wechatContentChecker });
