/**
 * Ratings (满意度评价): the provider's staff (an applicant account of the providing organisation) or the bureau record
 * a service and hand over a one-time rating code; the person served rates; the summary is public; the provider
 * answers bad ratings; the bureau sees every case. Who rated is never shown to the provider or the public.
 */
import type { Caller } from '../_lib/context';
import { anyone, isAdmin, isApplicant, signedIn } from '../_lib/rules';

export const ratingPermissions = {
  issueToken: (c: Caller) => isApplicant(c) || isAdmin(c),
  rate: signedIn,
  readSummary: anyone,
  readTokenInfo: anyone,
  readCases: (c: Caller) => isApplicant(c) || isAdmin(c),
  respondCase: isApplicant,
  /** The person who gave the bad rating says whether the fix satisfied them. */
  confirmCase: signedIn,
  /** 好差评's 复核: the bureau alone decides a case the person was still not satisfied with. */
  decideReview: isAdmin,
  /** Ratings held out of the summary (tied to the provider, or a burst) are reviewed by the bureau alone. */
  reviewFlags: isAdmin,
};

/** Record level: a provider's staff act for their own organisation's products. */
export function actsForProvider(c: Caller, orgId: string | null): boolean {
  return isAdmin(c) || (isApplicant(c) && orgId !== null && c.orgId === orgId);
}
