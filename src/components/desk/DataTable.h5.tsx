/**
 * The staff lists' one table in the browser: a real table at a desk (≥ 1024 px, DeskTable), the phone's cards on a
 * narrower window (PhoneTable) — the same view, kept in the address, either way.
 */
import { useDeskWidth } from '../../utils/desk';
import type { DataTableProps } from './DataTable.props';
import { DeskTable } from './DeskTable.h5';
import { PhoneTable } from './PhoneTable';

export function DataTable<R>(props: DataTableProps<R>) {
  return useDeskWidth() ? <DeskTable {...props} /> : <PhoneTable {...props} />;
}
