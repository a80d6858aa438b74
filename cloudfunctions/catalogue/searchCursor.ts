/**
 * The opaque paging cursor: which sort, the last key seen, and for a keyword search the ranking it came from (the index
 * generation) and, in relevance order, the last score. Keyset paging: the next page is what comes after that position.
 */
import type { SearchSort } from '../../types/domain';
import { invalid } from '../_lib/errors';

export interface Cursor {
  s: SearchSort;
  /** The last item's sortKey, ratingKey or gradeKey (by sort). */
  k: string;
  /** Relevance: the last item's score (ties are ordered by sortKey). */
  sc?: number;
  /** A keyword search: the generation of the index that ranked it (searchIndexCache.ts). */
  g?: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export const cursorGone = () => invalid('翻页位置已失效，请重新搜索', [{ path: 'cursor', message: '翻页位置已失效，请重新搜索' }]);

export function decodeCursor(text: string, sort: SearchSort): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    const scoreOk = c.sc === undefined || (typeof c.sc === 'number' && Number.isFinite(c.sc));
    const generationOk = c.g === undefined || (typeof c.g === 'string' && c.g.length <= 40);
    if (c.s === sort && typeof c.k === 'string' && c.k.length <= 200 && scoreOk && generationOk) return c;
  } catch {
    // fall through
  }
  throw cursorGone();
}
