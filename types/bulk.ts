/**
 * Bulk actions (issue 22): the bureau selects rows and acts on all of them at once. Each record is done in its own
 * transaction with its own audit entry, by the same use case as the single-record action; a refused record leaves the
 * others done, and the answer says, record by record, what happened.
 */
import * as z from 'zod';
import type { ErrorCode } from './envelope';
import { BULK_MAX } from './limits';

/** What happened to one selected record. `code` and `message` (Chinese, from the use case) only when refused. */
export interface BulkOutcome {
  id: string;
  ok: boolean;
  code?: ErrorCode;
  message?: string;
}

/** One outcome per distinct selected record, in the order selected (a repeated id is done once). */
export interface BulkResult {
  results: BulkOutcome[];
}

/** A selection of 1 to BULK_MAX record ids, each named in the messages by `label` (e.g. 申报). */
export function bulkIds(label: string) {
  return z
    .array(z.string({ error: `${label}编号应为文字` }).min(1, `缺少${label}编号`).max(64, `${label}编号不正确`), { error: `请选择${label}` })
    .min(1, `请至少选择一项${label}`)
    .max(BULK_MAX, `一次最多处理 ${BULK_MAX} 项${label}`);
}
