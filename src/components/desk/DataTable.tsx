/**
 * The staff lists' one table (DataTable.h5.tsx in the browser: a real table at a desk, these cards on a narrow
 * window). In WeChat the phone's cards are what runs.
 */
import type { DataTableProps } from './DataTable.props';
import { PhoneTable } from './PhoneTable';

export function DataTable<R>(props: DataTableProps<R>) {
  return <PhoneTable {...props} />;
}
