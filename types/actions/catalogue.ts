import * as z from 'zod';
import { CATEGORIES, DISTRICTS, PURCHASE_METHODS } from '../domain';
import type { ProductListItem, PublicProduct } from '../product';

export const searchCatalogueInput = z.strictObject({
  q: z.string().trim().max(50, '搜索词不能超过 50 字').optional(),
  category: z.enum(CATEGORIES, { error: '没有这个产品类别' }).optional(),
  purchaseMethod: z.enum(PURCHASE_METHODS, { error: '没有这种购买方式' }).optional(),
  district: z.enum(DISTRICTS, { error: '没有这个区县' }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条').optional(),
});
export type SearchCatalogueInput = z.input<typeof searchCatalogueInput>;
export interface SearchCatalogueResult {
  items: ProductListItem[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export const getProductInput = z.strictObject({
  productId: z.string({ error: '缺少产品编号' }).min(1, '缺少产品编号').max(64, '产品编号不正确'),
});
export type GetProductInput = z.input<typeof getProductInput>;
export type GetProductResult = PublicProduct;

export const catalogueSchemas = {
  search: searchCatalogueInput,
  get: getProductInput,
};

export interface CatalogueApi {
  search: [SearchCatalogueInput, SearchCatalogueResult];
  get: [GetProductInput, GetProductResult];
}
