/** CloudBase entry of the `publicity` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { publicityFunction } from './actions';

export const main = cloudMain(publicityFunction);
