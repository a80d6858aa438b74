import type { FeaturedResult } from '../../types/actions/catalogue';
import { AUDIENCE_GROUPS, AUDIENCE_GROUP_LABELS } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findByIds } from '../_lib/store/pages';
import type { FeaturedDoc } from './featureProduct';
import { toListItem } from './productView';

const PER_GROUP = 10;

/** Features read per group: room for some whose product has left the catalogue since. */
const READ_PER_GROUP = PER_GROUP * 2;

/**
 * The home page's promotion: for each group, the products the bureau features there now, newest feature first.
 * Two round trips whatever the number of features (issue 25): the groups' newest features together, then their products
 * by id ($in chunks, together) — at most 6 groups × 20, never every feature in the city.
 */
export async function listFeatured(_input: unknown, ctx: Ctx): Promise<FeaturedResult> {
  const today = ctx.clock.today();
  const perGroup = await Promise.all(
    AUDIENCE_GROUPS.map((audience) => ctx.store.find<FeaturedDoc>(COLLECTIONS.featured, { where: { audience, until: { $gte: today } }, orderBy: [['featuredAt', 'desc']], limit: READ_PER_GROUP })),
  );
  const listed = new Map((await findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, perGroup.flat().map((f) => f.productId))).filter((p) => p.status === 'listed').map((p) => [p._id, p]));
  const groups = AUDIENCE_GROUPS.map((audience, i) => ({
    audience,
    label: AUDIENCE_GROUP_LABELS[audience],
    items: perGroup[i]
      .filter((f) => listed.has(f.productId))
      .slice(0, PER_GROUP)
      .map((f) => toListItem(listed.get(f.productId)!)),
  }));
  return { groups: groups.filter((g) => g.items.length > 0) };
}
