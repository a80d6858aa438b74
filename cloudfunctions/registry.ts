/** Every function's router by name: what the local server mounts at /api/<name>. */
import type { FunctionName } from '../types/envelope';
import type { FunctionDef } from './_lib/router';
import { adminFunction } from './admin/actions';
import { assessmentsFunction } from './assessments/actions';
import { authFunction } from './auth/actions';
import { catalogueFunction } from './catalogue/actions';
import { declarationsFunction } from './declarations/actions';
import { publicityFunction } from './publicity/actions';
import { orgsFunction } from './orgs/actions';
import { ratingsFunction } from './ratings/actions';
import { reviewsFunction } from './reviews/actions';
import { procurementFunction } from './procurement/actions';
import { needsFunction } from './needs/actions';
import { supervisionFunction } from './supervision/actions';

export const FUNCTIONS: Record<FunctionName, FunctionDef> = {
  auth: authFunction,
  admin: adminFunction,
  declarations: declarationsFunction,
  reviews: reviewsFunction,
  publicity: publicityFunction,
  catalogue: catalogueFunction,
  ratings: ratingsFunction,
  orgs: orgsFunction,
  supervision: supervisionFunction,
  assessments: assessmentsFunction,
  procurement: procurementFunction,
  needs: needsFunction,
};
