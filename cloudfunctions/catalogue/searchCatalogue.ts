import type { SearchCatalogueResult } from '../../types/actions/catalogue';
import type { AudienceGroup, Category, District, PurchaseMethod, SearchSort } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import type { Grade } from '../../types/assessment';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import type { Where } from '../_lib/store/port';
import { toListItem } from './productView';
import { decodeCursor, encodeCursor, type Cursor } from './searchCursor';

interface Input {
  q?: string;
  category?: Category;
  purchaseMethod?: PurchaseMethod;
  audience?: AudienceGroup;
  district?: District;
  grade?: Grade;
  sort?: SearchSort;
  cursor?: string;
  limit?: number;
}

/**
 * Products now in the catalogue. Every word of `q` must appear in the name, summary, provider or audience.
 * Keyset paging (stable while products are added) in three orders: newest; best rated; and relevance,
 * which lists the products whose name holds the first word before the others, newest first within each.
 */
export async function searchCatalogue(input: Input, ctx: Ctx): Promise<SearchCatalogueResult> {
  const limit = input.limit ?? 20;
  const words = (input.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const sort: SearchSort = input.sort ?? (words.length ? 'relevance' : 'newest');
  const cursor = input.cursor ? decodeCursor(input.cursor, sort) : null;

  const base: Where = { status: 'listed' };
  if (input.category) base.category = input.category;
  if (input.purchaseMethod) base.purchaseMethod = input.purchaseMethod;
  if (input.district) base.district = input.district;
  if (input.audience) base.audienceGroups = { $has: input.audience };
  if (input.grade) base['grade.grade'] = input.grade;
  if (words.length) base.searchText = { $contains: words };

  const page = async (where: Where, key: 'sortKey' | 'ratingKey' | 'gradeKey', after: string | null, n: number) =>
    ctx.store.find<ProductDoc>(COLLECTIONS.products, {
      where: after ? { ...where, [key]: { $lt: after } } : where,
      orderBy: [[key, 'desc']],
      limit: n,
    });

  let rows: { doc: ProductDoc; tier: 0 | 1 }[];
  if (sort === 'relevance' && words.length) {
    // Tier 0: the name holds the first word; tier 1: it does not (so the two never overlap).
    const tiers: Where[] = [{ ...base, name: { $contains: words[0] } }, { ...base, name: { $notContains: words[0] } }];
    rows = [];
    for (const tier of [0, 1] as const) {
      if (cursor && tier < cursor.t) continue;
      const after = cursor && tier === cursor.t ? cursor.k : null;
      const docs = await page(tiers[tier], 'sortKey', after, limit + 1 - rows.length);
      rows.push(...docs.map((doc) => ({ doc, tier })));
      if (rows.length > limit) break;
    }
  } else {
    const key = sort === 'rating' ? 'ratingKey' : sort === 'grade' ? 'gradeKey' : 'sortKey';
    rows = (await page(base, key, cursor?.k ?? null, limit + 1)).map((doc) => ({ doc, tier: 0 as const }));
  }

  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const next: Cursor | null =
    rows.length > limit && last ? { s: sort, t: last.tier, k: sort === 'rating' ? last.doc.ratingKey : sort === 'grade' ? last.doc.gradeKey! : last.doc.sortKey } : null;
  return { items: shown.map((r) => toListItem(r.doc)), nextCursor: next ? encodeCursor(next) : null };
}
