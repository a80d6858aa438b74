import { AUDIENCE_GROUP_LABELS, type AudienceGroup } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';

export interface FeaturedDoc {
  /** `<audience>:<productId>`: one feature per product and group. */
  _id: string;
  productId: string;
  audience: AudienceGroup;
  until: string;
  featuredAt: string;
  featuredBy: string | null;
  [key: string]: unknown;
}

export const featuredId = (audience: AudienceGroup, productId: string) => `${audience}:${productId}`;

/** The bureau promotes a catalogue product to a group (推介) until a date. Featuring again updates the date. */
export async function featureProduct(input: { productId: string; audience: AudienceGroup; until: string }, ctx: Ctx) {
  if (input.until < ctx.clock.today()) throw conflict('推荐截止日期已过，请选择今天或以后的日期');
  const id = featuredId(input.audience, input.productId);
  await ctx.store.transaction(async (tx) => {
    const product = await tx.get<ProductDoc>(COLLECTIONS.products, input.productId);
    if (!product || product.status !== 'listed') throw notFound('只能推荐目录中的产品');
    const doc: FeaturedDoc = { _id: id, productId: input.productId, audience: input.audience, until: input.until, featuredAt: ctx.clock.now().toISOString(), featuredBy: ctx.caller.userId };
    await tx.set(COLLECTIONS.featured, id, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: input.productId, change: { featuredFor: AUDIENCE_GROUP_LABELS[input.audience], until: input.until } });
  });
  return { productId: input.productId, audience: input.audience, until: input.until };
}

export async function unfeatureProduct(input: { productId: string; audience: AudienceGroup }, ctx: Ctx) {
  const id = featuredId(input.audience, input.productId);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.get(COLLECTIONS.featured, id))) return { removed: false };
    await tx.remove(COLLECTIONS.featured, id);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: input.productId, change: { unfeaturedFor: AUDIENCE_GROUP_LABELS[input.audience] } });
    return { removed: true };
  });
}
