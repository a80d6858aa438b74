/** CloudBase entry of the `assessments` function. The routing lives in ./actions.ts, shared with the local server. */
import { cloudMain } from '../_lib/cloud';
import { assessmentsFunction } from './actions';

export const main = cloudMain(assessmentsFunction);
