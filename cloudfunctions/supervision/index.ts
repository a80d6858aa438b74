/** CloudBase entry of the `supervision` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { supervisionFunction } from './actions';

export const main = cloudMain(supervisionFunction);
