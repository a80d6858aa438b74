import type { AuditEntry } from '../../types/actions/admin';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { MAX_PAGE } from '../_lib/store/port';

/** Fields of an audit change that carry review scores (a sheet's items and total, a result's figures). */
export const SCORE_FIELDS = ['items', 'total', 'totals', 'average', 'median', 'stddev', 'itemAverages', 'outliers'] as const;

/** The declaration whose review an entry belongs to, when the entry could carry scores. */
function reviewOf(entry: AuditEntry): string | null {
  if (entry.collection === COLLECTIONS.scoresheets) return entry.recordId.split(':')[0];
  if (entry.collection === COLLECTIONS.results || entry.collection === COLLECTIONS.declarations) return entry.recordId;
  return null;
}

function withoutScores(change: unknown): unknown {
  if (Array.isArray(change)) return change.map(withoutScores);
  if (!change || typeof change !== 'object') return change;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(change)) out[k] = (SCORE_FIELDS as readonly string[]).includes(k) ? '（结果产生前不公开）' : withoutScores(v);
  return out;
}

/**
 * A record's whole history, oldest first. Blind scoring holds here too: until the panel's result exists, the
 * scores in any entry about that review are replaced by a note (the step itself — who submitted when — stays).
 */
export async function readAuditTrail(input: { recordId: string }, ctx: Ctx): Promise<{ entries: AuditEntry[] }> {
  const docs = await ctx.store.find<AuditEntry & { _id: string }>(COLLECTIONS.audit, {
    where: { recordId: input.recordId },
    orderBy: [['_id', 'asc']],
    limit: MAX_PAGE,
  });
  const hasResult = new Map<string, boolean>();
  const entries: AuditEntry[] = [];
  for (const { _id, ...entry } of docs) {
    const review = reviewOf(entry);
    if (review && !hasResult.has(review)) hasResult.set(review, !!(await ctx.store.get(COLLECTIONS.results, review)));
    entries.push(review && !hasResult.get(review) ? { ...entry, change: withoutScores(entry.change) } : entry);
  }
  return { entries };
}
