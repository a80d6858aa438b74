/** CloudBase entry of the `auth` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { authFunction } from './actions';

export const main = cloudMain(authFunction);
