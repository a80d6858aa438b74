import { orgStatusOf, type OrgDoc, type OrgView } from '../../types/org';

/** The organisation as its members and the bureau see it (contact included: never on a public page). */
export function toOrgView(o: OrgDoc): OrgView {
  return {
    orgId: o._id,
    name: o.name,
    status: orgStatusOf(o),
    creditCode: o.creditCode ?? null,
    kind: o.kind ?? null,
    district: o.district ?? null,
    contactName: o.contactName ?? null,
    contactPhone: o.contactPhone ?? null,
    createdAt: o.createdAt,
    verification: o.verification ? { approve: o.verification.approve, reason: o.verification.reason, at: o.verification.at } : null,
  };
}
