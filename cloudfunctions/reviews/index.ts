/** CloudBase entry of the `reviews` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { reviewsFunction } from './actions';

export const main = cloudMain(reviewsFunction);
