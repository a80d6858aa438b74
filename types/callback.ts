/**
 * A call-back that can happen: a person who rates a service badly may leave a phone number, with explicit consent,
 * for the providing organisation to call them about that case. The number is kept apart from the rating and the case
 * (collection `ratingContacts`, one document per case), shown only to that organisation, for that case, and erased
 * when the case closes, or when the retention period below ends, whichever comes first.
 */
export const CALLBACK_RETENTION_DAYS = 30;

/** What the person agrees to, shown beside the box and stored with the number. */
export const CALLBACK_CONSENT_TEXT = '我同意把这个电话号码只告诉提供这项服务的单位，用于就这次评价回访我；事情处理完或 30 天后号码即删除。';

export interface CallbackContactDoc {
  /** The case's id. */
  _id: string;
  /** The providing organisation (null for the bureau's own products: then nobody but the bureau may call). */
  orgId: string | null;
  productId: string;
  phone: string;
  consentText: string;
  consentedAt: string;
  /** The last day the number may be kept (opened + CALLBACK_RETENTION_DAYS). */
  keepUntil: string;
}
