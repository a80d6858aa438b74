/** CloudBase entry of the `supervision` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { wechatContentChecker } from '../_lib/wechatContent';
import { supervisionFunction } from './actions';

// An organisation's public statement on a credit event (respond) passes WeChat's content check, as citizens' text does.
export const main = cloudMain(supervisionFunction, { content: wechatContentChecker });
