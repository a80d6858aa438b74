/**
 * Who may do what in the yearly assessment (测评, regulation 三): the bureau sets the scheme, opens the campaign,
 * assigns products to assessors (its own inspectors or third-party evaluators), computes, hears appeals, confirms
 * and publishes. An assessor records findings only for its assigned products. A provider reports on its own products,
 * sees its own draft results and may appeal them. Everyone reads the scheme and the published results (五: 主动公开测评结果).
 */
import type { Caller } from '../_lib/context';
import { anyone, isAdmin, isApplicant, isAssessor } from '../_lib/rules';
import type { AssignmentDoc } from '../../types/assessment';

export const assessmentPermissions = {
  readScheme: anyone,
  manage: isAdmin,
  /** Assessors and the bureau (which records the purchasers' opinions itself until purchasers have accounts). */
  inspect: (c: Caller) => isAssessor(c) || isAdmin(c),
  /** The providing organisation's staff. */
  provide: isApplicant,
  readPublished: anyone,
};

/** Record level: an assessor works only on the products assigned to its organisation; the bureau on all. */
export function canInspect(c: Caller, assignment: Pick<AssignmentDoc, 'productIds'> | null, productId: string): boolean {
  return isAdmin(c) || (isAssessor(c) && !!assignment && assignment.productIds.includes(productId));
}

/** Record level: a provider acts only for its own organisation's products. */
export function actsForProduct(c: Caller, orgId: string | null): boolean {
  return isApplicant(c) && orgId !== null && c.orgId === orgId;
}
