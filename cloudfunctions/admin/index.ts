/** CloudBase entry of the `admin` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { adminFunction } from './actions';

export const main = cloudMain(adminFunction);
