import { resultId, type SelfReportDoc } from '../../types/assessment';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { loadCampaign, scopeEntry } from './load';

/**
 * 核定服务能力: the bureau accepts the capacity a provider reported, or sets the one it finds right, with its reason
 * (audited). Usage is measured only against an accepted capacity (issue 21): a provider cannot score its own use by
 * naming a small capacity. A new self-report with another served count or capacity clears the acceptance.
 */
export async function acceptCapacity(input: { year: number; productId: string; capacity: number; reason: string }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  const entry = scopeEntry(c, input.productId);
  if (c.status !== 'open' && c.status !== 'computed') throw conflict('测评结果已经确认，不能再核定服务能力');
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const report = await tx.get<SelfReportDoc>(COLLECTIONS.assessmentSelfReports, resultId(input.year, input.productId));
    if (!report) throw conflict(`“${entry.name}”还没有提交自评报告，不能核定服务能力`);
    const accepted = { capacity: input.capacity, reason: input.reason, by: ctx.caller.userId, at };
    await tx.update(COLLECTIONS.assessmentSelfReports, report._id, { accepted });
    await appendAudit(tx, ctx, {
      collection: COLLECTIONS.assessmentSelfReports,
      recordId: report._id,
      change: { acceptedCapacity: input.capacity, reportedCapacity: report.capacity, servedCount: report.servedCount, adjusted: input.capacity !== report.capacity, reason: input.reason },
    });
    return { productId: input.productId, servedCount: report.servedCount, reportedCapacity: report.capacity, acceptedCapacity: input.capacity };
  });
}
