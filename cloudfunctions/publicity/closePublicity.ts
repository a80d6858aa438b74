import type { DeclarationDoc } from '../../types/declaration';
import type { PublicityDoc } from '../../types/publicity';
import { lastNoticeDay, MIN_PUBLICITY_WORKING_DAYS, noticeOver } from '../../types/publicity';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { notify } from '../_lib/notify';
import { loadCalendar } from './calendar';

interface Input {
  declarationId: string;
  outcome: 'recognised' | 'rejected' | 'extended';
  reason?: string;
  startsOn?: string;
  workingDays?: number;
}

/**
 * After the window: recognised (every comment answered first), rejected (with the reason, e.g. a substantive
 * objection), or extended with a new window.
 */
export async function closePublicity(input: Input, ctx: Ctx) {
  const today = ctx.clock.today();
  const p = await ctx.store.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId);
  if (!p || p.status !== 'open') throw notFound('没有正在进行的这项公示');
  // 不少于七个工作日: the last working day of notice is still notice; closing comes on a later day.
  if (!noticeOver(p, today)) throw conflict(`公示期到 ${lastNoticeDay(p)} 为止，期满后才能结束`);
  if (input.outcome === 'rejected' && !input.reason) throw invalid('不予认定时请写明理由', [{ path: 'reason', message: '不予认定时请写明理由' }]);

  if (input.outcome === 'extended') {
    if (!input.startsOn || !input.workingDays) throw invalid('延长公示请填写新的开始日期和天数', [{ path: 'startsOn', message: '请填写延长公示的开始日期' }]);
    if (input.startsOn < today) throw invalid('延长公示的开始日期不能早于今天', [{ path: 'startsOn', message: '延长公示的开始日期不能早于今天' }]);
    const { endsOn, warnings } = (await loadCalendar(ctx)).endOfWindow(input.startsOn, Math.max(input.workingDays, MIN_PUBLICITY_WORKING_DAYS));
    const windows = [...p.windows, { startsOn: input.startsOn, endsOn, workingDays: input.workingDays, warnings }];
    await ctx.store.transaction(async (tx) => {
      await tx.update(COLLECTIONS.publicity, p._id, { windows });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: p._id, change: { publicityExtended: { startsOn: input.startsOn, endsOn }, reason: input.reason ?? null } });
    });
    return { status: 'in-publicity', endsOn };
  }

  const pending = await ctx.store.count(COLLECTIONS.comments, { declarationId: p._id, status: 'pending' });
  const unanswered = await ctx.store.count(COLLECTIONS.comments, { declarationId: p._id, status: 'shown', disposition: null });
  if (pending) throw conflict(`还有 ${pending} 条意见在审核中，请先审核`);
  if (unanswered) throw conflict(`还有 ${unanswered} 条意见没有答复。每条意见都要答复后才能结束公示`);
  const now = ctx.clock.now().toISOString();
  const status = input.outcome === 'recognised' ? 'recognised' : 'rejected';
  await ctx.store.transaction(async (tx) => {
    const fresh = await tx.get<PublicityDoc>(COLLECTIONS.publicity, p._id);
    if (!fresh || fresh.status !== 'open') throw conflict('这项公示已经结束');
    await tx.update(COLLECTIONS.publicity, p._id, { status: 'closed', outcome: status, reason: input.reason ?? null, closedAt: now });
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, p._id);
    await tx.update(COLLECTIONS.declarations, p._id, { status, updatedAt: now });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: p._id, change: { publicity: status, reason: input.reason ?? null } });
    await notify(tx, ctx, { to: { orgId: d?.orgId }, kind: 'publicityEnded', recordId: p._id, body: `“${d?.name ?? ''}”公示结束：${status === 'recognised' ? '予以认定' : `不予认定（${input.reason ?? ''}）`}`, link: `/pages/notice/index?id=${p._id}` });
  });
  return { status, endsOn: null };
}
