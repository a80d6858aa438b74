import type { GetProductResult } from '../../types/actions/catalogue';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import { toPublicProduct } from './productView';

/** The citizen-facing product page. Products not (or no longer) in the catalogue are not found. */
export async function getProduct(input: { productId: string }, ctx: Ctx): Promise<GetProductResult> {
  const product = await ctx.store.get<ProductDoc>(COLLECTIONS.products, input.productId);
  if (!product || product.status !== 'listed') throw notFound('没有找到这个产品，它可能已调整出目录');
  return toPublicProduct(product);
}
