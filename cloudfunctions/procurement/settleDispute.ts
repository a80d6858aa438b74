import type { CampaignDoc } from '../../types/assessment';
import { opinionId, opinionStatusOf, type OpinionDoc, type OpinionStatus, type ProcurementDoc, type SettleDecision } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import type { Tx } from '../_lib/store/port';
import { campaignId } from '../assessments/load';
import { countRecord } from './counters';
import { countOpinion } from './giveOpinion';
import { loadInTx, procurementView } from './load';

/**
 * 争议裁定 (issue 21): a provider's disagreement with a purchase record is a dispute the bureau settles. `stands`: the
 * purchase counts as recorded (confirmed, counters in the same transaction) and the unit's held opinions count as its
 * `purchaser` findings (while the year's results are not yet confirmed; after, they are `lapsed`). `void`: the purchase
 * does not count, and an opinion resting on it alone is void (one still resting on another confirmed purchase counts,
 * on another disputed one stays held). Audited with the bureau's reason.
 */
export async function settleDispute(input: { procurementId: string; decision: SettleDecision; reason: string }, ctx: Ctx) {
  const first = await ctx.store.get<ProcurementDoc>(COLLECTIONS.procurements, input.procurementId);
  if (!first) throw notFound('没有找到这条采购记录');
  // Read before the transaction (no queries inside one): the unit's other purchases of this product, re-read inside by id.
  const others = (await ctx.store.find<ProcurementDoc>(COLLECTIONS.procurements, { where: { purchaserOrgId: first.purchaserOrgId, productId: first.productId }, orderBy: [['_id', 'asc']], limit: 1000 })).filter((x) => x._id !== first._id);
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const r = await loadInTx<ProcurementDoc>(tx, COLLECTIONS.procurements, input.procurementId, '采购记录');
    if (r.status === 'pending') throw conflict('服务单位还没有对这条采购记录提出异议，不需要裁定');
    if (r.status !== 'disputed') throw conflict(r.settlement ? '这条采购记录的争议已经裁定过了' : '这条采购记录已经由服务单位确认，没有争议');
    const stands = input.decision === 'stands';
    const next: ProcurementDoc = { ...r, status: stands ? 'confirmed' : 'void', settlement: { decision: input.decision, reason: input.reason, at: now, by: ctx.caller.userId } };
    await tx.set(COLLECTIONS.procurements, r._id, next);
    if (stands) await countRecord(tx, next, 'confirmed');
    await appendAudit(tx, ctx, { collection: COLLECTIONS.procurements, recordId: r._id, change: { settled: input.decision, status: next.status, reason: input.reason } });

    // The unit's opinions this purchase can carry: the campaign of its year and of the next.
    const opinions: { opinionId: string; year: number; status: OpinionStatus }[] = [];
    for (const year of [r.year, r.year + 1]) {
      const o = await tx.get<OpinionDoc>(COLLECTIONS.procurementOpinions, opinionId(year, r.productId, r.purchaserOrgId));
      if (!o || opinionStatusOf(o) !== 'held') continue;
      const still = stands ? 'confirmed' : await otherStanding(tx, others, year);
      let status: OpinionStatus = still === 'confirmed' ? 'counted' : still === 'disputed' ? 'held' : 'void';
      let findingId: string | null = null;
      if (status === 'counted') {
        const c = await tx.get<CampaignDoc>(COLLECTIONS.assessmentCampaigns, campaignId(year));
        const counts = !!c && c.status !== 'confirmed' && c.status !== 'published' && c.scope.some((s) => s.productId === r.productId);
        if (counts) findingId = await countOpinion(tx, ctx, o, null);
        else status = 'lapsed';
      }
      if (status === 'held') continue;
      await tx.set(COLLECTIONS.procurementOpinions, o._id, { ...o, status, findingId });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.procurementOpinions, recordId: o._id, change: { status, findingId, byRulingOn: r._id } });
      opinions.push({ opinionId: o._id, year, status });
    }
    return { procurement: procurementView(next), opinions };
  });
}

/** What else the unit's opinion for `year` can rest on: another confirmed purchase, else another disputed one, else nothing. */
async function otherStanding(tx: Tx, others: ProcurementDoc[], year: number): Promise<'confirmed' | 'disputed' | null> {
  let found: 'confirmed' | 'disputed' | null = null;
  for (const x of others.filter((p) => p.year === year || p.year === year - 1)) {
    const cur = await tx.get<ProcurementDoc>(COLLECTIONS.procurements, x._id);
    if (cur?.status === 'confirmed') return 'confirmed';
    if (cur?.status === 'disputed') found = 'disputed';
  }
  return found;
}
