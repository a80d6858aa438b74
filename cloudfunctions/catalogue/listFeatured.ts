import type { FeaturedResult } from '../../types/actions/catalogue';
import { AUDIENCE_GROUPS, AUDIENCE_GROUP_LABELS } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { MAX_PAGE } from '../_lib/store/port';
import type { FeaturedDoc } from './featureProduct';
import { toListItem } from './productView';

const PER_GROUP = 10;

/** The home page's promotion: for each group, the products the bureau features there now, newest feature first. */
export async function listFeatured(_input: unknown, ctx: Ctx): Promise<FeaturedResult> {
  const features = await ctx.store.find<FeaturedDoc>(COLLECTIONS.featured, { where: { until: { $gte: ctx.clock.today() } }, orderBy: [['featuredAt', 'desc']], limit: MAX_PAGE });
  const ids = [...new Set(features.map((f) => f.productId))];
  const products = new Map<string, ProductDoc>();
  // The chunks of 100 ($in's limit) read together: one round trip however many features there are.
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 100) chunks.push(ids.slice(i, i + 100));
  const pages = await Promise.all(chunks.map((chunk) => ctx.store.find<ProductDoc>(COLLECTIONS.products, { where: { _id: { $in: chunk }, status: 'listed' }, limit: 100 })));
  for (const p of pages.flat()) products.set(p._id, p);
  const groups = AUDIENCE_GROUPS.map((audience) => ({
    audience,
    label: AUDIENCE_GROUP_LABELS[audience],
    items: features
      .filter((f) => f.audience === audience && products.has(f.productId))
      .slice(0, PER_GROUP)
      .map((f) => toListItem(products.get(f.productId)!)),
  }));
  return { groups: groups.filter((g) => g.items.length > 0) };
}
