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
export async function contactFor(ctx: Ctx, c: CaseDoc): Promise<string | null> {
  const provider = c.orgId === null ? isAdmin(ctx.caller) : isApplicant(ctx.caller) && ctx.caller.orgId === c.orgId;
  if (!provider || c.status === 'closed' || !c.callbackWanted) return null;
  const doc = await ctx.store.get<CallbackContactDoc>(COLLECTIONS.ratingContacts, c._id);
  return doc && ctx.clock.today() <= doc.keepUntil ? doc.phone : null;
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
