import type { BulkResult } from '../../types/bulk';
import type { DeclarationDoc } from '../../types/declaration';
import type { PublicityDoc } from '../../types/publicity';
import type { ReviewResult } from '../../types/review';
import { appendAudit } from '../_lib/audit';
import { eachRecord } from '../_lib/bulk';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { notify } from '../_lib/notify';
import { loadCalendar } from './calendar';

interface Window {
  startsOn: string;
  endsOn: string;
  workingDays: number;
  warnings: string[];
}

/** One declaration goes to public notice: its own transaction, audit entry and message to the applicant. */
async function startOne(ctx: Ctx, id: string, w: Window, now: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, id);
    if (!d) throw notFound('没有找到这份申报');
    if (d.status === 'in-publicity') throw conflict(`“${d.name}”已经在公示中`);
    // 拟定的公共法律服务产品应当……进行公示: only a review the panel passed and the bureau confirmed.
    const r = await tx.get<ReviewResult & { _id: string }>(COLLECTIONS.results, id);
    if (d.status !== 'proposed' || !r?.confirmedAt || !r.passed) throw conflict(`“${d.name}”不是拟定产品（评审未通过或尚未确认），不能公示`);
    const doc: PublicityDoc = { _id: id, windows: [{ ...w }], status: 'open', outcome: null, reason: null, closedAt: null, commenters: 0, shownComments: 0, startedAt: now };
    await tx.insert(COLLECTIONS.publicity, doc);
    await tx.update(COLLECTIONS.declarations, id, { status: 'in-publicity', updatedAt: now });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: id, change: { publicity: { startsOn: w.startsOn, endsOn: w.endsOn, workingDays: w.workingDays }, warnings: w.warnings } });
    await notify(tx, ctx, { to: { orgId: d.orgId }, kind: 'publicityStarted', recordId: id, occasion: w.startsOn, body: `“${d.name}”自 ${w.startsOn} 起公示，至 ${w.endsOn} 止`, link: `/pages/notice/index?id=${id}` });
  });
}

/**
 * 拟定的产品 go to public notice for at least seven working days. `startsOn` counts as day 1 when it is a working day;
 * the window ends on `endsOn`, inclusive. Each declaration starts in its own transaction (issue 22): one that is not
 * 拟定 is refused and listed in `results` while the others start; `started` lists those that did.
 */
export async function startPublicity(input: { declarationIds: string[]; startsOn: string; workingDays: number }, ctx: Ctx): Promise<{ started: { declarationId: string; startsOn: string; endsOn: string }[]; endsOn: string; warnings: string[] } & BulkResult> {
  if (input.startsOn < ctx.clock.today()) throw invalid('公示开始日期不能早于今天', [{ path: 'startsOn', message: '公示开始日期不能早于今天' }]);
  const cal = await loadCalendar(ctx);
  const { endsOn, warnings } = cal.endOfWindow(input.startsOn, input.workingDays);
  const now = ctx.clock.now().toISOString();
  const w: Window = { startsOn: input.startsOn, endsOn, workingDays: input.workingDays, warnings };
  const results = await eachRecord(ctx, input.declarationIds, (id) => startOne(ctx, id, w, now));
  const started = results.filter((r) => r.ok).map((r) => ({ declarationId: r.id, startsOn: input.startsOn, endsOn }));
  return { started, endsOn, warnings, results };
}
