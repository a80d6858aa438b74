import type { CampaignDoc } from '../../types/assessment';
import { opinionId, type OpinionDoc, type ProcurementDoc } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden } from '../_lib/errors';
import { campaignId, scopeEntry } from '../assessments/load';
import { chainHead, newFinding, writeFinding } from '../assessments/recordFinding';

/**
 * 听取采购单位意见: during an open assessment campaign, a unit that bought a product in scope (a confirmed purchase this
 * year or last) gives its opinion. It becomes the product's `purchaser` finding, marked with its source; a second
 * opinion from the same unit corrects its first. The opinion is the unit's own: nobody else may supersede it (issue 21).
 */
export async function giveOpinion(input: { year: number; productId: string; score: number; notes: string }, ctx: Ctx) {
  const c = await ctx.store.get<CampaignDoc>(COLLECTIONS.assessmentCampaigns, campaignId(input.year));
  const today = ctx.clock.today();
  if (!c || c.status !== 'open' || today < c.startsOn) throw conflict(`${input.year} 年度的测评现在没有在进行，测评期间才能提交采购单位意见`);
  scopeEntry(c, input.productId);
  const orgId = ctx.caller.orgId!;
  const bought = await ctx.store.find<ProcurementDoc>(COLLECTIONS.procurements, { where: { purchaserOrgId: orgId, productId: input.productId, status: 'confirmed', year: { $in: [input.year - 1, input.year] } }, limit: 1 });
  if (bought.length === 0) throw forbidden('您的单位没有经服务单位确认的这个产品的采购记录，不能提交采购单位意见');
  const id = opinionId(input.year, input.productId, orgId);
  return ctx.store.transaction(async (tx) => {
    const before = await tx.get<OpinionDoc>(COLLECTIONS.procurementOpinions, id);
    const draft = newFinding(ctx, 'purchaser', {
      year: input.year,
      productId: input.productId,
      method: 'purchaser',
      on: today,
      score: input.score,
      notes: input.notes,
      checked: [],
      evidence: [],
      supersedes: null,
      reason: null,
      source: { kind: 'procurement', id },
    });
    // The unit's own chain: its new opinion supersedes its opinion in force, and nobody else's.
    const head = await chainHead(tx, draft, before?.findingId ?? null);
    const finding = { ...draft, supersedes: head, reason: head ? '采购单位更新了意见' : null };
    await writeFinding(tx, ctx, finding, head);
    const doc: OpinionDoc = { _id: id, year: input.year, productId: input.productId, purchaserOrgId: orgId, score: input.score, notes: input.notes, findingId: finding._id, createdAt: finding.recordedAt };
    await tx.set(COLLECTIONS.procurementOpinions, id, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.procurementOpinions, recordId: id, change: { score: doc.score, findingId: doc.findingId } });
    return { opinionId: id, findingId: finding._id };
  });
}
