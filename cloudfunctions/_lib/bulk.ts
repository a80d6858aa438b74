/**
 * Bulk actions (issue 22): the same single-record use case run for each selected record in turn, each in its own
 * transaction with its own audit entry. A refusal (an AppError: wrong state, not found, bad value for this record) is
 * recorded against the record and the next one goes ahead; what was done stays done.
 */
import type { BulkOutcome } from '../../types/bulk';
import type { Ctx } from './context';
import { AppError } from './errors';

/** How a record that failed unexpectedly is reported (details go to the server log, as for a whole action). */
const INTERNAL_MESSAGE = '系统暂时出了点问题，这一项没有完成，请稍后再试';

/**
 * Runs `one` for each distinct id, in the order given, and says what happened to each. `one` is the single-record
 * use case (with its own transaction); `onDone` receives its answer for the records it completed, and `says` words
 * what was done for the person reading the outcome (e.g. who was drawn).
 */
export async function eachRecord<T>(ctx: Ctx, ids: string[], one: (id: string) => Promise<T>, onDone?: (id: string, value: T) => void, says?: (value: T) => string): Promise<BulkOutcome[]> {
  const results: BulkOutcome[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const value = await one(id);
      onDone?.(id, value);
      const message = says?.(value);
      results.push(message ? { id, ok: true, message } : { id, ok: true });
    } catch (error) {
      if (error instanceof AppError) results.push({ id, ok: false, code: error.code, message: error.message });
      else {
        console.error(`[${ctx.fn}.${ctx.action}] ${id}`, error);
        results.push({ id, ok: false, code: 'INTERNAL', message: INTERNAL_MESSAGE });
      }
    }
  }
  return results;
}
