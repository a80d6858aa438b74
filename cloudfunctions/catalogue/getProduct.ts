import type { GetProductResult } from '../../types/actions/catalogue';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import { toPublicProduct } from './productView';

/**
 * The citizen-facing product page. A product suspended or exited by the bureau keeps its page (shared links and QR
 * codes never break) and says so; anything else not in the catalogue is not found.
 */
export async function getProduct(input: { productId: string }, ctx: Ctx): Promise<GetProductResult> {
  const product = await ctx.store.get<ProductDoc>(COLLECTIONS.products, input.productId);
  const explained = product && ((product.status === 'exited' && product.exit) || (product.status === 'suspended' && product.suspension));
  if (!product || (product.status !== 'listed' && !explained)) throw notFound('没有找到这个产品，它可能已调整出目录');
  return toPublicProduct(product);
}
