import type { Evidence, SelfReportDoc } from '../../types/assessment';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden } from '../_lib/errors';
import { checkAttachments } from '../declarations/registerFile';
import { loadCampaign, scopeEntry } from './load';
import { actsForProduct } from './permissions';

/**
 * The providing organisation reports its year (people served, its declared capacity, a summary) before the campaign
 * ends. Usage counts only once the bureau accepts a capacity (`acceptCapacity`); a new report that changes the served
 * count or the capacity clears an acceptance, one that only rewrites the summary keeps it.
 */
export async function selfReport(input: { year: number; productId: string; servedCount: number; capacity?: number; summary: string; evidence: Evidence[] }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  const entry = scopeEntry(c, input.productId);
  if (!actsForProduct(ctx.caller, entry.orgId)) throw forbidden('只有提供该产品的单位可以提交自评报告');
  if (ctx.clock.today() > c.endsOn || c.status !== 'open') throw conflict(`自评报告应在 ${c.endsOn} 前提交，现已截止`);
  const doc: SelfReportDoc = {
    _id: `${input.year}:${input.productId}`,
    year: input.year,
    productId: input.productId,
    orgId: entry.orgId!,
    servedCount: input.servedCount,
    capacity: input.capacity ?? null,
    summary: input.summary,
    evidence: input.evidence,
    reportedBy: ctx.caller.userId!,
    reportedAt: ctx.clock.now().toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    await checkAttachments(tx, ctx, input.evidence, 'evidence');
    const before = await tx.get<SelfReportDoc>(COLLECTIONS.assessmentSelfReports, doc._id);
    const keep = before?.accepted && before.servedCount === doc.servedCount && before.capacity === doc.capacity;
    doc.accepted = keep ? before.accepted : null;
    await tx.set(COLLECTIONS.assessmentSelfReports, doc._id, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentSelfReports, recordId: doc._id, change: { servedCount: doc.servedCount, capacity: doc.capacity, ...(before?.accepted && !keep ? { acceptanceCleared: true } : {}) } });
  });
  return { productId: doc.productId, servedCount: doc.servedCount, reportedAt: doc.reportedAt };
}
