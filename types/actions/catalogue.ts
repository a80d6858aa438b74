import type { ProductTimeline } from '../timeline';
import * as z from 'zod';
import { dateField } from '../dates';
import { AUDIENCE_GROUPS, CATEGORIES, DISTRICTS, PURCHASE_METHODS, SEARCH_SORTS, type AudienceGroup, type Category } from '../domain';
import type { CatalogueChangeKind } from '../credit';
import type { ProductListItem, PublicProduct } from '../product';
import { GRADES } from '../assessment';
import { bulkIds, type BulkResult } from '../bulk';

const productId = z.string({ error: '缺少产品编号' }).min(1, '缺少产品编号').max(64, '产品编号不正确');
const audience = z.enum(AUDIENCE_GROUPS, { error: '没有这个服务人群' });

export const searchCatalogueInput = z.strictObject({
  /**
   * What a citizen types, a word or a sentence (or its pinyin): every product sharing a meaningful word with it, or with a
   * concept it names (types/searchSynonyms.ts), is found; ranked by relevance unless `sort` says otherwise.
   */
  q: z.string().trim().max(50, '搜索词不能超过 50 字').optional(),
  category: z.enum(CATEGORIES, { error: '没有这个产品类别' }).optional(),
  purchaseMethod: z.enum(PURCHASE_METHODS, { error: '没有这种购买方式' }).optional(),
  audience: audience.optional(),
  district: z.enum(DISTRICTS, { error: '没有这个区县' }).optional(),
  /** The latest published assessment grade (issue 11). */
  grade: z.enum(GRADES, { error: '等次应为优秀、良好、合格或不合格' }).optional(),
  /** Default: relevance when there is a keyword, else newest. `distance` needs `near`. */
  sort: z.enum(SEARCH_SORTS, { error: '没有这种排序方式' }).optional(),
  /**
   * Issue 24: where the citizen is (or the centre of the district they chose), WGS-84. Used for this one request — the
   * distance on each item and, with `sort: 'distance'`, the order — and never stored.
   */
  near: z
    .strictObject({
      latitude: z.number({ error: '位置的纬度应为数字' }).min(-90, '位置的纬度应在 -90 到 90 之间').max(90, '位置的纬度应在 -90 到 90 之间'),
      longitude: z.number({ error: '位置的经度应为数字' }).min(-180, '位置的经度应在 -180 到 180 之间').max(180, '位置的经度应在 -180 到 180 之间'),
    })
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条').optional(),
}).refine((v) => v.sort !== 'distance' || !!v.near, { path: ['near'], message: '按距离排序需要您的位置，或先选择所在区县' });
export type SearchCatalogueInput = z.input<typeof searchCatalogueInput>;
export interface SearchCatalogueResult {
  items: ProductListItem[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
  /** Only when a first page found nothing: a few products to offer instead of an empty screen. */
  related?: ProductListItem[];
  /** With `related`: the category the query named (调解 → 人民调解), whose products `related` lists. */
  relatedCategory?: Category;
}

export const suggestInput = z.strictObject({
  q: z.string({ error: '请输入要搜索的内容' }).trim().min(1, '请输入要搜索的内容').max(20, '搜索词不能超过 20 字'),
});
export type SuggestInput = z.input<typeof suggestInput>;
export interface SuggestResult {
  /** Everyday words and legal terms to search by (types/searchSynonyms.ts) that begin with or hold what was typed. */
  words: string[];
  /** The best matches of what was typed, ranked as search ranks them (the same analysis). */
  products: { productId: string; name: string }[];
}

export const getProductInput = z.strictObject({ productId });
export type GetProductInput = z.input<typeof getProductInput>;
export type GetProductResult = PublicProduct;

export const featureProductInput = z.strictObject({
  productId,
  audience,
  until: dateField('推荐截止日期', '2026-12-31'),
});
export type FeatureProductInput = z.input<typeof featureProductInput>;

export const unfeatureProductInput = z.strictObject({ productId, audience });
export type UnfeatureProductInput = z.input<typeof unfeatureProductInput>;

export const featuredInput = z.strictObject({});
export interface FeaturedResult {
  groups: { audience: AudienceGroup; label: string; items: ProductListItem[] }[];
}

export const exportCatalogueInput = z.strictObject({
  format: z.enum(['json', 'csv'], { error: '导出格式应为 json 或 csv' }),
  cursor: z.string().max(200).optional(),
  /** The catalogue as it stood at the end of this date (issue 12). */
  on: dateField('日期', '2026-11-20').optional(),
});
export type ExportCatalogueInput = z.input<typeof exportCatalogueInput>;
export interface ExportCatalogueResult {
  format: 'json' | 'csv';
  /** JSON: an array of rows; CSV: text with a header row (UTF-8 with BOM, for Excel). */
  content: string;
  count: number;
  /** More rows follow: call again with this cursor (CSV pages after the first have no header). */
  nextCursor: string | null;
  generatedAt: string;
}

/** Only the product: the QR code's link is built on the server from configuration, never taken from the caller. */
export const posterInput = z.strictObject({ productId });
export type PosterInput = z.input<typeof posterInput>;
export interface PosterResult {
  /** A printable SVG: the product's name, provider, phone, and a QR code of `link`. */
  svg: string;
  /** The product's own page: the H5 site (H5_BASE_URL) or the mini-program path. */
  link: string;
  /** `wxacode`: a WeChat mini-program code (on CloudBase); `link`: the QR code of `link` (locally, or WeChat refused). */
  codeKind: 'wxacode' | 'link';
  /** The mini-program code's PNG in cloud storage (a temporary URL). */
  codeUrl?: string;
  /** Why a link QR code stands in for the mini-program code. */
  codeNote?: string;
}

export const publishInput = z.strictObject({
  /** Issue 22: each declaration is published in its own transaction; one not yet 认定 is refused and listed, the others published. */
  declarationIds: bulkIds('申报'),
  documentNumber: z.string({ error: '请填写文号' }).trim().regex(/^杭司〔\d{4}〕\d+号$/, '文号格式应为 杭司〔2026〕125号'),
  publishedOn: dateField('公布日期', '2026-11-20'),
});

export const versionsInput = z.strictObject({});
export const versionInput = z.strictObject({
  on: dateField('日期', '2026-11-20'),
  cursor: z.string().max(64).optional(),
});
export interface CatalogueVersionView {
  version: number;
  on: string;
  documentNumbers: string[];
  added: { productId: string; name: string }[];
  left: { productId: string; name: string; documentNumber: string | null; reason: string | null }[];
  changed: { productId: string; name: string; change: CatalogueChangeKind; reason: string | null }[];
}
export interface CatalogueVersionResult {
  on: string;
  /** The latest version in force at the end of that date (0: before any recorded change). */
  version: number;
  count: number;
  items: ProductListItem[];
  nextCursor: string | null;
}

export const catalogueSchemas = {
  search: searchCatalogueInput,
  suggest: suggestInput,
  get: getProductInput,
  feature: featureProductInput,
  unfeature: unfeatureProductInput,
  featured: featuredInput,
  export: exportCatalogueInput,
  poster: posterInput,
  publish: publishInput,
  timeline: getProductInput,
  versions: versionsInput,
  version: versionInput,
};

export interface CatalogueApi {
  search: [SearchCatalogueInput, SearchCatalogueResult];
  suggest: [SuggestInput, SuggestResult];
  get: [GetProductInput, GetProductResult];
  feature: [FeatureProductInput, { productId: string; audience: AudienceGroup; until: string }];
  unfeature: [UnfeatureProductInput, { removed: boolean }];
  featured: [Record<string, never>, FeaturedResult];
  export: [ExportCatalogueInput, ExportCatalogueResult];
  poster: [PosterInput, PosterResult];
  publish: [z.input<typeof publishInput>, { published: { declarationId: string; productId: string }[] } & BulkResult];
  timeline: [GetProductInput, ProductTimeline];
  versions: [Record<string, never>, { current: number; versions: CatalogueVersionView[] }];
  version: [z.input<typeof versionInput>, CatalogueVersionResult];
}
