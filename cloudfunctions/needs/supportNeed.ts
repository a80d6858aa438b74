import { NEED_LIMITS, supportId, supportKeyOf, type NeedSupportDoc } from '../../types/needs';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound, rateLimited } from '../_lib/errors';
import { DuplicateKeyError } from '../_lib/store/port';
import { takeStoredDaily } from '../_lib/throttle';
import { loadNeed } from './view';

/**
 * “我也有这个需求”: once per person per need, not one's own, not a merged one (support the one it joined); at most
 * RATE_LIMITS.needSupportersPerAddress new supporters of one need from one address a day.
 */
export async function supportNeed(input: { needId: string }, ctx: Ctx) {
  const userId = ctx.caller.userId!;
  const today = ctx.clock.today();
  try {
    return await ctx.store.transaction(async (tx) => {
      const n = await loadNeed(tx, input.needId);
      if (n.visibility !== 'shown') throw notFound('没有找到这条需求');
      if (n.mergedInto) throw conflict('这条需求已合并到相同的需求，请到那条需求下支持');
      if (n.userId === userId) throw conflict('这是您自己提出的需求，已经算作一人次');
      const rateId = `needrate:support:${userId}:${today}`;
      const rate = await tx.get<{ _id: string; count: number }>(COLLECTIONS.counters, rateId);
      if ((rate?.count ?? 0) >= NEED_LIMITS.supportPerDay) throw rateLimited(`每人每天最多支持 ${NEED_LIMITS.supportPerDay} 条需求，请明天再来`);
      await tx.set(COLLECTIONS.counters, rateId, { count: (rate?.count ?? 0) + 1 });
      const s: NeedSupportDoc = { _id: supportId(n._id, userId), needId: n._id, userId, createdAt: ctx.clock.now().toISOString() };
      await tx.insert(COLLECTIONS.needSupports, s);
      // Fresh sessions are cheap: from one address, only a few new supporters per need per day (issue 21); after the once-per-person check, so a repeat is told it is one.
      await takeStoredDaily(tx, ctx, 'needSupportersPerAddress', n._id, (max) => `这条需求今天从同一网络新增的支持已达 ${max} 人，请明天再来支持`);
      const supports = n.supports + 1;
      await tx.update(COLLECTIONS.needs, n._id, { supports, supportKey: supportKeyOf(supports, n.createdAt, n._id) });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.needs, recordId: n._id, change: { supported: true, supports } });
      return { needId: n._id, supports };
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw conflict('您已经支持过这条需求了');
    throw e;
  }
}
