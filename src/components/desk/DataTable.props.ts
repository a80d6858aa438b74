/** What a page gives its table (DataTable): the same at the desk and on the phone. */
import type { ReactNode } from 'react';
import type { BulkAction, TableExport } from './table';
import type { TableState } from './useTable';
import type { Rows } from './useRows';

export interface DataTableProps<R> {
  /** The view and the definitions (useTable). */
  table: TableState<R>;
  /** The records (useRows). */
  rows: Rows<R>;
  /** What the list holds, e.g. 申报: the table's caption, its search field and its count. */
  title: string;
  /** The counting word, e.g. 份 (共 32 份). */
  unit?: string;
  rowKey: (r: R) => string;
  /** How a record is named (bulk reports, check boxes). */
  rowLabel: (r: R) => string;
  /** Opens a record (a click on its row, or Enter on it at the desk). */
  onOpen?: (r: R) => void;
  /** The record open beside the list: its row is marked; the list keeps only the `keep` columns. */
  openKey?: string | null;
  /** The phone's card for a record (today's phone markup). */
  card: (r: R) => ReactNode;
  bulk?: BulkAction<R>[];
  /** "导出当前视图": the admin.export dataset this list is. */
  exportView?: TableExport;
  empty?: { title: string; hint?: string };
  /** Something the page shows above the table at the desk (a form, a summary). */
  toolbar?: ReactNode;
}
export type { TableExport };
