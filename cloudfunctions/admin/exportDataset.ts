import type { ExportResult } from '../../types/actions/admin';
import { EXPORT_REGISTRY, type ExportDataset, type ExportFormat } from '../../types/exports';
import { appendAudit } from '../_lib/audit';
import type { Ctx } from '../_lib/context';
import { exportFileOf } from './exportFile';
import { exportRows } from './exportRows';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The bureau exports a dataset for its desk (Excel) and answers with a short-lived link; the export is in the audit trail. */
export async function exportDataset(input: { dataset: ExportDataset; format: ExportFormat; year?: number }, ctx: Ctx): Promise<ExportResult> {
  if (!ctx.downloads) throw new Error('no download store in this runtime');
  const { title, columns } = EXPORT_REGISTRY[input.dataset];
  const rows = await exportRows(input.dataset, ctx, input.year);
  const bytes = await exportFileOf(input.format, title, columns, rows);
  const name = `${title}${input.year ? `-${input.year}` : ''}-${ctx.clock.today()}.${input.format}`;
  const url = await ctx.downloads.publish(name, bytes, CONTENT_TYPES[input.format]);
  await ctx.store.transaction((tx) => appendAudit(tx, ctx, { collection: 'exports', recordId: input.dataset, change: { format: input.format, year: input.year ?? null, rows: rows.length } }));
  return { name, url, rows: rows.length };
}
