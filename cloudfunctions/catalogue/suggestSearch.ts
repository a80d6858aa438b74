/**
 * Suggestions under the search box as a person types, from the same analysis as the search itself: the everyday words
 * and legal terms of the concepts that begin with or hold what was typed (types/searchSynonyms.ts), and the products
 * the search would rank first for it, name only. One store round trip (the catalogue's generation), two when this
 * instance builds its index first; throttling, if any, is `_lib/throttle.ts`'s business.
 */
import type { SuggestResult } from '../../types/actions/catalogue';
import { SEARCH_FALLBACK } from '../../types/searchRanking';
import type { Ctx } from '../_lib/context';
import { topAfter } from './searchIndex';
import { catalogueGeneration, searchIndexFor } from './searchIndexCache';
import { analyseQuery, suggestWords } from './searchQuery';

export async function suggestSearch(input: { q: string }, ctx: Ctx): Promise<SuggestResult> {
  const words = suggestWords(input.q, SEARCH_FALLBACK.suggestWords);
  const gen = await catalogueGeneration(ctx.store);
  const { index } = await searchIndexFor(ctx.store, gen.generation, gen.listed);
  const best = topAfter(index.score(analyseQuery(input.q), {}), SEARCH_FALLBACK.suggestProducts, (a, b) => a.score > b.score || (a.score === b.score && index.sortKeys[a.i] > index.sortKeys[b.i]), () => true);
  return { words, products: best.map((s) => ({ productId: index.ids[s.i], name: index.names[s.i] })) };
}
