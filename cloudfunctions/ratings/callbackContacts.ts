/**
 * The phone number a bad rater may leave (types/callback.ts): stored beside the case, shown only to the providing
 * organisation for that case, erased when the case closes or its retention period ends.
 */
import { CALLBACK_CONSENT_TEXT, CALLBACK_RETENTION_DAYS, type CallbackContactDoc } from '../../types/callback';
import type { CaseDoc } from '../../types/rating';
import { addDays } from '../../types/workdays';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { isAdmin, isApplicant } from '../_lib/rules';
import { findByIds } from '../_lib/store/pages';
import type { Tx } from '../_lib/store/port';

/** Inside the rating's transaction, when its case opens and the person left a number with their consent. */
export async function recordCallbackContact(tx: Tx, ctx: Ctx, c: CaseDoc, phone: string): Promise<void> {
  const doc: CallbackContactDoc = {
    _id: c._id,
    orgId: c.orgId,
    productId: c.productId,
    phone,
    consentText: CALLBACK_CONSENT_TEXT,
    consentedAt: ctx.clock.now().toISOString(),
    keepUntil: addDays(c.openedOn, CALLBACK_RETENTION_DAYS),
  };
  await tx.insert(COLLECTIONS.ratingContacts, doc);
}

/**
 * The number, for the providing organisation's own staff only (the bureau sees it only for a product it provides
 * itself, orgId null); never on the rater's or anyone else's screens; none once the case closed or the time is up.
 */
export async function contactsFor(ctx: Ctx, cases: CaseDoc[]): Promise<Map<string, string>> {
  const shown = cases.filter((c) => {
    const provider = c.orgId === null ? isAdmin(ctx.caller) : isApplicant(ctx.caller) && ctx.caller.orgId === c.orgId;
    return provider && c.status !== 'closed' && c.callbackWanted;
  });
  // One batch read ($in) for every case on the page, not one read per case.
  const docs = await findByIds<CallbackContactDoc>(ctx.store, COLLECTIONS.ratingContacts, shown.map((c) => c._id));
  return new Map(docs.filter((d) => ctx.clock.today() <= d.keepUntil).map((d) => [d._id, d.phone]));
}

/** Whether the person left a number that can still be called (so a call must be logged when answering). */
export async function hasLiveContact(tx: Tx, ctx: Ctx, caseId: string): Promise<boolean> {
  const doc = await tx.get<CallbackContactDoc>(COLLECTIONS.ratingContacts, caseId);
  return !!doc && ctx.clock.today() <= doc.keepUntil;
}

/** Erases the number (the case closed, or its time is up). */
export async function eraseCallbackContact(tx: Tx, caseId: string): Promise<boolean> {
  const doc = await tx.get<CallbackContactDoc>(COLLECTIONS.ratingContacts, caseId);
  if (!doc) return false;
  await tx.remove(COLLECTIONS.ratingContacts, caseId);
  return true;
}
