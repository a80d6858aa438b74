/** Mass comments: identical or near-identical comments on one product share a group (types/publicity.ts NEAR_DUPLICATE). */
import { NEAR_DUPLICATE, type CommentGroupDoc } from '../../types/publicity';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { sha256 } from '../_lib/ids';
import { MAX_PAGE } from '../_lib/store/port';
import { compactText } from '../_lib/normalizeText';

/** The text as compared: width, case, whitespace, punctuation and invisible characters gone. */
export const foldForGrouping = (text: string) => compactText(text);

export function shingles(folded: string, n: number = NEAR_DUPLICATE.shingle): Set<string> {
  const chars = [...folded];
  const out = new Set<string>();
  if (chars.length <= n) out.add(folded);
  else for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** The group a new identical text would found: derived from the text, so two racing posts found the same one. */
export const exactGroupId = (declarationId: string, folded: string) => `g${sha256(`${declarationId}:${folded}`).slice(0, 23)}`;

/**
 * The group a new comment joins: the one of an identical text, else the first whose text is near enough, else a new
 * one (`found` tells the caller to create it). Read before the transaction (queries are not allowed inside).
 */
export async function groupFor(ctx: Ctx, declarationId: string, text: string): Promise<{ groupId: string; folded: string; found: boolean }> {
  const folded = foldForGrouping(text);
  const exact = exactGroupId(declarationId, folded);
  const pageAfter = (after: string | null) =>
    ctx.store.find<CommentGroupDoc>(COLLECTIONS.commentGroups, { where: after ? { declarationId, _id: { $gt: after } } : { declarationId }, orderBy: [['_id', 'asc']], limit: MAX_PAGE });
  // The exact group and the first page of the notice's groups together (issue 25: one round trip for any notice with
  // fewer than a page of groups).
  const [hit, first] = await Promise.all([ctx.store.get(COLLECTIONS.commentGroups, exact), pageAfter(null)]);
  if (hit) return { groupId: exact, folded, found: false };
  const mine = shingles(folded);
  let after: string | null = null;
  for (;;) {
    const page: CommentGroupDoc[] = after === null ? first : await pageAfter(after);
    for (const g of page) if (jaccard(mine, shingles(g.text)) >= NEAR_DUPLICATE.jaccard) return { groupId: g._id, folded, found: false };
    if (page.length < MAX_PAGE) break;
    after = page[page.length - 1]._id;
  }
  return { groupId: exact, folded, found: true };
}
