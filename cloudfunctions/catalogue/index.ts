/** CloudBase entry of the `catalogue` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { catalogueFunction } from './actions';

export const main = cloudMain(catalogueFunction);
