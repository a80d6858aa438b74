/**
 * Who may do what with purchases (regulation 一: 采购; 三: 听取采购单位意见; 探索产品个性定制): a purchasing unit records
 * what it bought, gives its opinion during the assessment and asks for tailored products; the providing organisation
 * confirms or disputes the purchases of its products and answers tailoring requests; the bureau reads everything and
 * settles disputes (the purchase stands or is void; the unit's opinion meanwhile is kept, and counts if it stands);
 * everyone sees how many units bought a product, and the amounts of public money only.
 */
import type { Caller } from '../_lib/context';
import { anyone, isAdmin, isApplicant, isPurchaser } from '../_lib/rules';

export const procurementPermissions = {
  purchase: isPurchaser,
  provide: isApplicant,
  /** A purchaser reads its records; a provider the records of its products. */
  readOwn: (c: Caller) => isPurchaser(c) || isApplicant(c),
  oversee: isAdmin,
  /** A provider's disagreement is a dispute the bureau settles (issue 21). */
  settle: isAdmin,
  readPublic: anyone,
};

/** Record level: a purchase belongs to the unit that recorded it. */
export function ownsPurchase(c: Caller, r: { purchaserOrgId: string }): boolean {
  return isPurchaser(c) && c.orgId === r.purchaserOrgId;
}

/** Record level: only the product's own organisation answers for it. */
export function providesProduct(c: Caller, r: { providerOrgId: string | null }): boolean {
  return isApplicant(c) && r.providerOrgId !== null && c.orgId === r.providerOrgId;
}
