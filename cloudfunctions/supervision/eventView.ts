import type { EventView, PublicEventView } from '../../types/actions/supervision';
import { DEFAULT_CREDIT_KINDS, isPublicOn, type CreditEventDoc } from '../../types/credit';
import type { Caller } from '../_lib/context';

/**
 * What the public sees of an event that is public today. A practitioner's name is personal data: it is shown only for
 * the kinds that name practitioners (administrative penalties and industry sanctions, as the lawyer credit platform
 * does), and — since only public events reach this view — only inside the publicity period.
 */
export function toPublicEvent(e: CreditEventDoc): PublicEventView {
  const kind = DEFAULT_CREDIT_KINDS[e.kind];
  return {
    eventId: e._id,
    kind: e.kind,
    kindLabel: kind.label,
    polarity: e.polarity,
    occurredOn: e.occurredOn,
    publicUntil: e.publicUntil,
    title: e.title,
    documentNumber: e.documentNumber,
    practitionerName: kind.namesPractitioner ? e.practitionerName : null,
    recordedByName: e.recordedByName,
    statement: e.statement?.text ?? null,
  };
}

/** The full record, for the organisation it names, the association that supervises it and the bureau. */
export function toEventView(e: CreditEventDoc, today: string, caller: Caller): EventView {
  return {
    ...toPublicEvent(e),
    practitionerName: e.practitionerName,
    orgId: e.orgId,
    orgName: e.orgName,
    evidence: e.evidence,
    recordedAt: e.recordedAt,
    isPublic: isPublicOn(e, today),
    expired: today > e.publicUntil,
    revoked: e.revoked ? { reason: e.revoked.reason, at: e.revoked.at } : null,
    canRespond: caller.orgId === e.orgId && !e.revoked,
  };
}
