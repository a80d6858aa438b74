import type { ExportCatalogueResult } from '../../types/actions/catalogue';
import { AUDIENCE_GROUP_LABELS, CATEGORY_LABELS, PURCHASE_METHOD_LABELS } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import { SATISFACTION_NAME } from '../../types/rating';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { invalid } from '../_lib/errors';
import { catalogueAsOf, productsInOrder } from './catalogueChanges';

const PAGE = 500;

/** Open data: the current catalogue with stable ids, for the provincial legal-service network to import. */
export const EXPORT_COLUMNS: { key: string; header: string; value: (p: ProductDoc) => string | number | null }[] = [
  { key: 'productId', header: '产品编号', value: (p) => p._id },
  { key: 'name', header: '产品名称', value: (p) => p.name },
  { key: 'category', header: '产品类别', value: (p) => CATEGORY_LABELS[p.category] },
  { key: 'purchaseMethod', header: '购买方式', value: (p) => PURCHASE_METHOD_LABELS[p.purchaseMethod] },
  { key: 'price', header: '服务价格', value: (p) => p.spec.price },
  { key: 'summary', header: '产品简介', value: (p) => p.spec.summary },
  { key: 'audience', header: '服务对象', value: (p) => p.spec.content.audience },
  { key: 'audienceGroups', header: '服务人群', value: (p) => p.audienceGroups.map((g) => AUDIENCE_GROUP_LABELS[g]).join('、') },
  { key: 'channels', header: '获得渠道', value: (p) => p.spec.content.channels },
  { key: 'provider', header: '提供单位', value: (p) => p.providerName },
  { key: 'district', header: '所在区县', value: (p) => p.district },
  { key: 'address', header: '服务地址', value: (p) => p.spec.publicInfo.address },
  { key: 'phone', header: '服务电话', value: (p) => p.spec.publicInfo.servicePhone },
  { key: 'hours', header: '服务时间', value: (p) => p.spec.publicInfo.hours },
  { key: 'documentNumber', header: '认定文号', value: (p) => p.documentNumber },
  { key: 'publishedOn', header: '公布日期', value: (p) => p.publishedOn },
  { key: 'ratingCount', header: '评价数', value: (p) => p.rating.count },
  { key: 'satisfactionRate', header: SATISFACTION_NAME, value: (p) => p.rating.satisfactionRate },
];

export function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // Quote always; double inner quotes. A leading = + - @ would be a formula in Excel: defuse it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The catalogue now, or (`on`) as it stood at the end of a date, replayed from its recorded changes. */
export async function exportCatalogue(input: { format: 'json' | 'csv'; cursor?: string; on?: string }, ctx: Ctx): Promise<ExportCatalogueResult> {
  if (input.cursor !== undefined && !/^[\w\-.|]+$/.test(input.cursor)) throw invalid('翻页位置已失效，请重新导出', [{ path: 'cursor', message: '翻页位置已失效，请重新导出' }]);
  const docs = input.on
    ? await productsInOrder(ctx, (await catalogueAsOf(ctx, input.on)).filter((id) => !input.cursor || id > input.cursor).slice(0, PAGE + 1))
    : await ctx.store.find<ProductDoc>(COLLECTIONS.products, {
        where: input.cursor ? { status: 'listed', _id: { $gt: input.cursor } } : { status: 'listed' },
        orderBy: [['_id', 'asc']],
        limit: PAGE + 1,
      });
  const rows = docs.slice(0, PAGE);
  const nextCursor = docs.length > PAGE ? rows[rows.length - 1]._id : null;
  let content: string;
  if (input.format === 'json') {
    content = JSON.stringify(rows.map((p) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.key, c.value(p)]))));
  } else {
    const lines = rows.map((p) => EXPORT_COLUMNS.map((c) => csvCell(c.value(p))).join(','));
    if (!input.cursor) lines.unshift('\uFEFF' + EXPORT_COLUMNS.map((c) => csvCell(c.header)).join(','));
    content = lines.join('\r\n') + '\r\n';
  }
  return { format: input.format, content, count: rows.length, nextCursor, generatedAt: ctx.clock.now().toISOString() };
}
