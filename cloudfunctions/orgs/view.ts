import { ORG_KINDS, orgStatusOf, type OrgDoc, type OrgKind, type OrgView } from '../../types/org';

/** The organisation as its members and the bureau see it (contact included: never on a public page). */
export function toOrgView(o: OrgDoc): OrgView {
  return {
    orgId: o._id,
    name: o.name,
    status: orgStatusOf(o),
    creditCode: o.creditCode ?? null,
    // Organisations the bureau invited may carry issue 12's coarser kind ('provider'): shown as not stated.
    kind: (ORG_KINDS as readonly string[]).includes(o.kind ?? '') ? (o.kind as OrgKind) : null,
    district: o.district ?? null,
    contactName: o.contactName ?? null,
    contactPhone: o.contactPhone ?? null,
    createdAt: o.createdAt,
    verification: o.verification ? { approve: o.verification.approve, reason: o.verification.reason, at: o.verification.at } : null,
  };
}
