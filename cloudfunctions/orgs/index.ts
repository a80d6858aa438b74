/** CloudBase entry of the `orgs` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { orgsFunction } from './actions';

export const main = cloudMain(orgsFunction);
