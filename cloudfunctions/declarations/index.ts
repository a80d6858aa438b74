/** CloudBase entry of the `declarations` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { declarationsFunction } from './actions';

export const main = cloudMain(declarationsFunction);
