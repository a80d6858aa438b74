/** CloudBase entry of the `procurement` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { procurementFunction } from './actions';

export const main = cloudMain(procurementFunction);
