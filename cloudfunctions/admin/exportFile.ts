/**
 * Writing an export: `.xlsx` through exceljs (Chinese headers, the header row frozen, column widths, dates as real
 * dates in Shanghai time, a filter on every column) or `.csv` (UTF-8 with a BOM so Excel reads the Chinese, every cell
 * quoted and formula-safe: the open-data export's csvCell).
 */
import type { ExportColumn, ExportRow } from '../../types/exports';
import { csvCell } from '../catalogue/exportCatalogue';

const SHANGHAI_MS = 8 * 3600 * 1000;

/** A spreadsheet date: exceljs writes a Date's UTC fields, so a Shanghai wall-clock time is shifted into UTC. */
function asDate(value: string, type: 'date' | 'datetime'): Date | null {
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(Math.floor((t + SHANGHAI_MS) / 1000) * 1000);
}

/** The text a date or time shows as in the csv (Shanghai time, to the minute). */
export function dateText(value: string, type: 'date' | 'datetime'): string {
  const d = asDate(value, type);
  if (!d) return value;
  const iso = d.toISOString();
  return type === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export async function toXlsx(title: string, columns: ExportColumn[], rows: ExportRow[]): Promise<Buffer> {
  // Loaded when an export is asked for, not when the function starts: the admin function's other actions stay quick.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '杭州市司法局';
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows)
    ws.addRow(
      Object.fromEntries(
        columns.map((c) => {
          const v = row[c.key] ?? null;
          if (v === null || v === '') return [c.key, null];
          if (c.type === 'date' || c.type === 'datetime') return [c.key, asDate(String(v), c.type) ?? String(v)];
          if (c.type === 'number') return [c.key, typeof v === 'number' ? v : Number(v)];
          return [c.key, String(v)];
        }),
      ),
    );
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function toCsv(columns: ExportColumn[], rows: ExportRow[]): Buffer {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows)
    lines.push(
      columns
        .map((c) => {
          const v = row[c.key] ?? null;
          return csvCell(v !== null && (c.type === 'date' || c.type === 'datetime') ? dateText(String(v), c.type) : v);
        })
        .join(','),
    );
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function exportFileOf(format: 'xlsx' | 'csv', title: string, columns: ExportColumn[], rows: ExportRow[]): Promise<Buffer> {
  return format === 'xlsx' ? toXlsx(title, columns, rows) : toCsv(columns, rows);
}
