/** The needs board (市场调研: 以市场需求为导向): citizens' legal needs the catalogue does not meet, as data. */
import type { Category } from './domain';

export const NEED_STATUSES = ['open', 'noted', 'existing-product', 'planned', 'merged'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
/** The bureau's answers (needs.answer). */
export const NEED_ANSWERS = ['noted', 'existing-product', 'planned'] as const;
export type NeedAnswer = (typeof NEED_ANSWERS)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: '待答复',
  noted: '已记录',
  'existing-product': '已有产品可用',
  planned: '列入下次申报方向',
  merged: '已合并到相同需求',
};

/**
 * How often one person may post and support, per day, counted in the store (like publicity's daily comment limit) so it
 * holds across instances; the hourly burst limits are issue 10's (`types/limits.ts`: needPerIdentity, needPerAddress).
 */
export const NEED_LIMITS = { submitPerDay: 3, supportPerDay: 30 } as const;
/** How many needs the yearly call shows. */
export const NEEDS_FOR_CALL = 10;

export type NeedVisibility = 'shown' | 'pending' | 'hidden';

export interface NeedDoc {
  _id: string;
  text: string;
  category: Category | null;
  district: string | null;
  audience: string | null;
  /** Never leaves the server. */
  userId: string;
  /** 市民N1, 市民N2, …: one per person on the board. */
  pseudonym: string;
  /** 'shown' passed the content check (or the bureau showed it); 'pending' waits for a person; 'hidden' was refused. */
  visibility: NeedVisibility;
  /** Why the bureau hid it (abuse, personal data). */
  hiddenReason?: string | null;
  status: NeedStatus;
  reply: string | null;
  /** The product an answer points to (existing-product). */
  productId: string | null;
  mergedInto: string | null;
  mergeReason: string | null;
  tags: string[];
  supports: number;
  /** `<supports, 6 digits>|<createdAt>|<_id>`: sorts by support, then age. */
  supportKey: string;
  /** `<createdAt>|<_id>`: newest first, a total order for paging. */
  newKey: string;
  /** Products published from declarations that said they answer this need. */
  linkedProductIds: string[];
  createdAt: string;
  answeredAt: string | null;
}

export const supportKeyOf = (supports: number, createdAt: string, id: string) => `${String(supports).padStart(6, '0')}|${createdAt}|${id}`;

/** One per person per need: `<needId>:<userId>`. */
export interface NeedSupportDoc {
  _id: string;
  needId: string;
  userId: string;
  createdAt: string;
}
export const supportId = (needId: string, userId: string) => `${needId}:${userId}`;

/** What the public sees: no account ids. */
export interface PublicNeed {
  needId: string;
  text: string;
  category: Category | null;
  district: string | null;
  audience: string | null;
  pseudonym: string;
  status: NeedStatus;
  reply: string | null;
  productId: string | null;
  tags: string[];
  supports: number;
  linkedProductIds: string[];
  createdAt: string;
}
