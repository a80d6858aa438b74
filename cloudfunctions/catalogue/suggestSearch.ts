/**
 * Suggestions under the search box as a person types: everyday words from the vocabulary, and product names that hold
 * what was typed (or its pinyin). Cheap (one indexed query of at most five rows); throttling, if any, is
 * `_lib/throttle.ts`'s business.
 */
import type { SuggestResult } from '../../types/actions/catalogue';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { matchingEverydayWords, queryWords } from './searchIndex';

export async function suggestSearch(input: { q: string }, ctx: Ctx): Promise<SuggestResult> {
  const typed = input.q.trim().toLowerCase();
  const words = matchingEverydayWords(typed, 5);
  const key = queryWords(typed)[0] ?? typed;
  const docs = await ctx.store.find<ProductDoc>(COLLECTIONS.products, { where: { status: 'listed', nameKeys: { $contains: key } }, orderBy: [['sortKey', 'desc']], limit: 5 });
  return { words, products: docs.map((d) => ({ productId: d._id, name: d.name })) };
}
