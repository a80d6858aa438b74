import type { DeclarationDoc } from '../../types/declaration';
import type { PublicityDoc } from '../../types/publicity';
import type { ReviewResult } from '../../types/review';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { notify } from '../_lib/notify';
import { loadCalendar } from './calendar';

/**
 * 拟定的产品 go to public notice for at least seven working days. `startsOn` counts as day 1 when it is a working day;
 * the window ends on `endsOn`, inclusive. All the declarations start together, or none does.
 */
export async function startPublicity(input: { declarationIds: string[]; startsOn: string; workingDays: number }, ctx: Ctx) {
  if (input.startsOn < ctx.clock.today()) throw invalid('公示开始日期不能早于今天', [{ path: 'startsOn', message: '公示开始日期不能早于今天' }]);
  const cal = await loadCalendar(ctx);
  const { endsOn, warnings } = cal.endOfWindow(input.startsOn, input.workingDays);
  const now = ctx.clock.now().toISOString();
  const ids = [...new Set(input.declarationIds)];
  await ctx.store.transaction(async (tx) => {
    for (const id of ids) {
      const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, id);
      if (!d) throw notFound(`没有找到申报 ${id}`);
      // 拟定的公共法律服务产品应当……进行公示: only a review the panel passed and the bureau confirmed.
      const r = await tx.get<ReviewResult & { _id: string }>(COLLECTIONS.results, id);
      if (d.status !== 'proposed' || !r?.confirmedAt || !r.passed) throw conflict(`“${d.name}”不是拟定产品（评审未通过或尚未确认），不能公示`);
      const doc: PublicityDoc = { _id: id, windows: [{ startsOn: input.startsOn, endsOn, workingDays: input.workingDays, warnings }], status: 'open', outcome: null, reason: null, closedAt: null, commenters: 0, shownComments: 0, startedAt: now };
      await tx.insert(COLLECTIONS.publicity, doc);
      await tx.update(COLLECTIONS.declarations, id, { status: 'in-publicity', updatedAt: now });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: id, change: { publicity: { startsOn: input.startsOn, endsOn, workingDays: input.workingDays }, warnings } });
      await notify(tx, ctx, { to: { orgId: d.orgId }, kind: 'publicityStarted', recordId: id, occasion: input.startsOn, body: `“${d.name}”自 ${input.startsOn} 起公示，至 ${endsOn} 止`, link: `/pages/notice/index?id=${id}` });
    }
  });
  return { started: ids.map((declarationId) => ({ declarationId, startsOn: input.startsOn, endsOn })), endsOn, warnings };
}
