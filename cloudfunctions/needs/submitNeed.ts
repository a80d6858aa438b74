import type { Category } from '../../types/domain';
import { NEED_LIMITS, supportKeyOf, type NeedDoc } from '../../types/needs';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, rateLimited } from '../_lib/errors';
import { newId, sha256 } from '../_lib/ids';
import { sameNameKey } from '../_lib/normalizeText';
import { DuplicateKeyError } from '../_lib/store/port';

/**
 * Someone signed in posts a legal need the catalogue does not meet. Checked for content like publicity comments
 * (a doubtful one waits for the bureau), at most NEED_LIMITS.submitPerDay a day, never the same text twice, shown under
 * a pseudonym that stays the same across the board.
 */
export async function submitNeed(input: { text: string; category?: Category; district?: string; audience?: string }, ctx: Ctx) {
  const userId = ctx.caller.userId!;
  const today = ctx.clock.today();
  // Asked before the transaction: a network call must not hold the store.
  const verdict = await ctx.content.check([input.text, input.audience ?? ''].join(' '), ctx.caller.openid);
  const now = ctx.clock.now().toISOString();
  try {
    return await ctx.store.transaction(async (tx) => {
      const rateId = `needrate:submit:${userId}:${today}`;
      const rate = await tx.get<{ _id: string; count: number }>(COLLECTIONS.counters, rateId);
      if ((rate?.count ?? 0) >= NEED_LIMITS.submitPerDay) throw rateLimited(`每人每天最多提 ${NEED_LIMITS.submitPerDay} 条需求，请明天再来`);
      await tx.set(COLLECTIONS.counters, rateId, { count: (rate?.count ?? 0) + 1 });
      await tx.insert(COLLECTIONS.counters, { _id: `needdup:${userId}:${sha256(sameNameKey(input.text))}` });
      const aliasId = `needalias:${userId}`;
      let alias = await tx.get<{ _id: string; pseudonym: string }>(COLLECTIONS.counters, aliasId);
      if (!alias) {
        const posters = await tx.get<{ _id: string; count: number }>(COLLECTIONS.counters, 'needs:posters');
        const n = (posters?.count ?? 0) + 1;
        await tx.set(COLLECTIONS.counters, 'needs:posters', { count: n });
        alias = { _id: aliasId, pseudonym: `市民N${n}` };
        await tx.insert(COLLECTIONS.counters, alias);
      }
      const _id = newId('nd');
      const doc: NeedDoc = {
        _id,
        text: input.text,
        category: input.category ?? null,
        district: input.district ?? null,
        audience: input.audience || null,
        userId,
        pseudonym: alias.pseudonym,
        visibility: verdict === 'pass' ? 'shown' : 'pending',
        status: 'open',
        reply: null,
        productId: null,
        mergedInto: null,
        mergeReason: null,
        tags: [],
        supports: 0,
        supportKey: supportKeyOf(0, now, _id),
        newKey: `${now}|${_id}`,
        linkedProductIds: [],
        createdAt: now,
        answeredAt: null,
      };
      await tx.insert(COLLECTIONS.needs, doc);
      await appendAudit(tx, ctx, { collection: COLLECTIONS.needs, recordId: _id, change: { posted: true, visibility: doc.visibility } });
      return { needId: _id, visibility: doc.visibility, pseudonym: doc.pseudonym };
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw conflict('您已经提过相同的需求');
    throw e;
  }
}
