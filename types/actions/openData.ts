/**
 * The open-data endpoints' query parameters (HSDS 3.0's API, `schema/openapi.json` components/parameters, and the
 * Atom feed's), as zod schemas: each endpoint takes only its own parameters, so a misspelt one is a clear 400 rather
 * than a silently ignored filter.
 */
import * as z from 'zod';
import { HSDS_PAGE } from '../hsds';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '应为 UUID').transform((s) => s.toLowerCase());
const flag = z.enum(['true', 'false', '1', '0'], { error: '应为 true 或 false' }).transform((v) => v === 'true' || v === '1');
const page = z.coerce.number({ error: '页码应为正整数' }).int('页码应为正整数').min(1, '页码从 1 开始').max(100_000, '页码过大');
const perPage = z.coerce.number({ error: '每页条数应为整数' }).int('每页条数应为整数').min(1, '每页至少 1 条').max(HSDS_PAGE.max, `每页最多 ${HSDS_PAGE.max} 条`);
const search = z.string().trim().min(1, '检索词不能为空').max(50, '检索词不能超过 50 字');
/** Whether `YYYY-MM-DD` names a day of the calendar (Date.parse rolls 2026-02-30 over into March). */
function dayExists(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** ISO 8601 date-time with a zone (or a plain date, read as Shanghai midnight). */
const modifiedAfter = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/, '应为 ISO 8601 日期时间，如 2026-12-01T00:00:00+08:00')
  .transform((s) => (s.length === 10 ? `${s}T00:00:00+08:00` : s))
  .refine((s) => !Number.isNaN(Date.parse(s)) && dayExists(s.slice(0, 10)), '不是有效的日期时间');
const format = z.enum(['json', 'ndjson'], { error: 'format 应为 json 或 ndjson' });

const paging = { page: page.optional(), per_page: perPage.optional(), format: format.optional() };

export const servicesQuery = z.strictObject({
  ...paging,
  search: search.optional(),
  organization_id: uuid.optional(),
  taxonomy_term_id: uuid.optional(),
  taxonomy_id: uuid.optional(),
  modified_after: modifiedAfter.optional(),
  minimal: flag.optional(),
  full: flag.optional(),
});
export const serviceAtLocationsQuery = z.strictObject({
  ...paging,
  search: search.optional(),
  organization_id: uuid.optional(),
  taxonomy_term_id: uuid.optional(),
  taxonomy_id: uuid.optional(),
  modified_after: modifiedAfter.optional(),
  full: flag.optional(),
});
export const organizationsQuery = z.strictObject({ ...paging, search: search.optional(), full: flag.optional(), full_service: flag.optional() });
export const organizationQuery = z.strictObject({ full_service: flag.optional() });
export const taxonomiesQuery = z.strictObject({ ...paging, search: search.optional() });
export const taxonomyTermsQuery = z.strictObject({ ...paging, search: search.optional(), taxonomy_id: uuid.optional(), top_only: flag.optional(), parent_id: uuid.optional() });
export const noQuery = z.strictObject({});

export const FEED_KINDS = ['call', 'publicity', 'publicity-result', 'publication', 'assessment', 'suspension', 'exit', 'catalogue-version'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
export const feedQuery = z.strictObject({ kind: z.enum(FEED_KINDS, { error: `kind 应为 ${FEED_KINDS.join('、')} 之一` }).optional() });

export type ServicesQuery = z.output<typeof servicesQuery>;
export type ServiceAtLocationsQuery = z.output<typeof serviceAtLocationsQuery>;
export type OrganizationsQuery = z.output<typeof organizationsQuery>;
export type TaxonomyTermsQuery = z.output<typeof taxonomyTermsQuery>;
