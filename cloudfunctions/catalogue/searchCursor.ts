/** The opaque paging cursor: which sort, which relevance tier, and the last key seen. */
import type { SearchSort } from '../../types/domain';
import { invalid } from '../_lib/errors';

export interface Cursor {
  s: SearchSort;
  /** Relevance tier of the last item (0: the name holds the first word; 1: a tag does; 2: another field does). */
  t: 0 | 1 | 2;
  k: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, sort: SearchSort): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (c.s === sort && (c.t === 0 || c.t === 1 || c.t === 2) && typeof c.k === 'string' && c.k.length <= 200) return c;
  } catch {
    // fall through
  }
  throw invalid('翻页位置已失效，请重新搜索', [{ path: 'cursor', message: '翻页位置已失效，请重新搜索' }]);
}
