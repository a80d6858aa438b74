import type { SearchCatalogueResult } from '../../types/actions/catalogue';
import type { Category, District, PurchaseMethod } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import type { Where } from '../_lib/store/port';
import { toListItem } from './productView';

interface Input {
  q?: string;
  category?: Category;
  purchaseMethod?: PurchaseMethod;
  district?: District;
  cursor?: string;
  limit?: number;
}

/** Products now in the catalogue, newest first, with keyset paging (stable while products are added). */
export async function searchCatalogue(input: Input, ctx: Ctx): Promise<SearchCatalogueResult> {
  const limit = input.limit ?? 20;
  const where: Where = { status: 'listed' };
  if (input.category) where.category = input.category;
  if (input.purchaseMethod) where.purchaseMethod = input.purchaseMethod;
  if (input.district) where.district = input.district;
  if (input.q) where.searchText = { $contains: input.q };
  if (input.cursor) where.sortKey = { $lt: input.cursor };
  const docs = await ctx.store.find<ProductDoc>(COLLECTIONS.products, { where, orderBy: [['sortKey', 'desc']], limit: limit + 1 });
  const page = docs.slice(0, limit);
  return { items: page.map(toListItem), nextCursor: docs.length > limit ? page[page.length - 1].sortKey : null };
}
