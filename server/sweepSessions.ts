/**
 * Local mode: anonymous sessions that never did anything expire (issue 10). A free session is a citizen-only account
 * made by `auth.session` (a token, no openid, no organisation, no expert record); it is removed once it is older than
 * IDLE_SESSION_HOURS and has no comment, rating or rating case. Each removal is audited in the transaction that makes
 * it. The cloud has no free sessions (WeChat's openid is the identity), so there is nothing to sweep there.
 */
import { IDLE_SESSION_HOURS } from '../types/limits';
import { appendAudit } from '../cloudfunctions/_lib/audit';
import type { Clock } from '../cloudfunctions/_lib/clock';
import { COLLECTIONS } from '../cloudfunctions/_lib/collections';
import { ANONYMOUS, type Ctx } from '../cloudfunctions/_lib/context';
import type { SqliteStore } from './sqliteStore';

const BATCH = 200;

/** Removes idle free sessions; returns how many. */
export async function sweepIdleSessions(store: SqliteStore, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - IDLE_SESSION_HOURS * 3_600_000).toISOString();
  // Touch the collections the query reads so their tables exist (they are made on first use).
  for (const c of [COLLECTIONS.users, COLLECTIONS.comments, COLLECTIONS.ratings, COLLECTIONS.ratingCases]) await store.count(c, { _id: '' });
  const j = (f: string) => `json_extract(doc, '$.${f}')`;
  const ids = (
    store.rawAll(
      `SELECT id FROM c_users WHERE ${j('openid')} IS NULL AND ${j('tokenHash')} IS NOT NULL AND ${j('orgId')} IS NULL
         AND ${j('expertId')} IS NULL AND ${j('roles')} = '["citizen"]' AND ${j('createdAt')} < ?
         AND id NOT IN (SELECT ${j('userId')} FROM c_comments WHERE ${j('userId')} IS NOT NULL)
         AND id NOT IN (SELECT ${j('raterId')} FROM c_ratings WHERE ${j('raterId')} IS NOT NULL)
         AND id NOT IN (SELECT ${j('raterId')} FROM c_ratingCases WHERE ${j('raterId')} IS NOT NULL)`,
      cutoff,
    ) as { id: string }[]
  ).map((r) => r.id);
  const ctx = { fn: 'auth', action: 'sweepIdleSessions', caller: ANONYMOUS, clock } as unknown as Ctx;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    await store.transaction(async (tx) => {
      for (const id of batch) {
        await tx.remove(COLLECTIONS.users, id);
        await appendAudit(tx, ctx, { collection: COLLECTIONS.users, recordId: id, change: { removed: true, reason: `idle anonymous session (${IDLE_SESSION_HOURS} h, no activity)` } });
      }
    });
  }
  return ids.length;
}
