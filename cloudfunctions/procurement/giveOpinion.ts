import type { CampaignDoc } from '../../types/assessment';
import { opinionId, type OpinionDoc, type ProcurementDoc } from '../../types/procurement';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden } from '../_lib/errors';
import type { Tx } from '../_lib/store/port';
import { campaignId, scopeEntry } from '../assessments/load';
import { chainHead, newFinding, writeFinding } from '../assessments/recordFinding';

/**
 * 听取采购单位意见: during an open assessment campaign, a unit that bought a product in scope (this year or last) gives
 * its opinion. With a confirmed purchase it becomes the product's `purchaser` finding at once, marked with its source;
 * a second opinion from the same unit corrects its first. With a purchase the provider disputes (issue 21: a provider
 * cannot silence its purchasers), the opinion is kept, `held`, and counts once the bureau rules the purchase stands
 * (procurement.settle).
 * The opinion is the unit's own: nobody else may supersede it.
 */
export async function giveOpinion(input: { year: number; productId: string; score: number; notes: string }, ctx: Ctx) {
  const c = await ctx.store.get<CampaignDoc>(COLLECTIONS.assessmentCampaigns, campaignId(input.year));
  const today = ctx.clock.today();
  if (!c || c.status !== 'open' || today < c.startsOn) throw conflict(`${input.year} 年度的测评现在没有在进行，测评期间才能提交采购单位意见`);
  scopeEntry(c, input.productId);
  const orgId = ctx.caller.orgId!;
  const mine = (status: ProcurementDoc['status']) =>
    ctx.store.find<ProcurementDoc>(COLLECTIONS.procurements, { where: { purchaserOrgId: orgId, productId: input.productId, status, year: { $in: [input.year - 1, input.year] } }, limit: 1 });
  const [basis] = [...(await mine('confirmed')), ...(await mine('disputed'))];
  if (!basis) throw forbidden('您的单位没有这个产品的采购记录（经服务单位确认，或服务单位有异议、待市司法局裁定的），不能提交采购单位意见');
  const id = opinionId(input.year, input.productId, orgId);
  return ctx.store.transaction(async (tx) => {
    // The purchase it rests on, as it stands now (a ruling may have come in between).
    const now = await tx.get<ProcurementDoc>(COLLECTIONS.procurements, basis._id);
    if (!now || now.status !== basis.status) throw conflict('这条采购记录的状态刚刚有了变化，请刷新后再提交意见');
    const before = await tx.get<OpinionDoc>(COLLECTIONS.procurementOpinions, id);
    const doc: OpinionDoc = { _id: id, year: input.year, productId: input.productId, purchaserOrgId: orgId, score: input.score, notes: input.notes, findingId: null, status: 'held', givenBy: ctx.caller.userId!, on: today, createdAt: ctx.clock.now().toISOString() };
    if (basis.status === 'confirmed') {
      doc.findingId = await countOpinion(tx, ctx, doc, before?.findingId ?? null);
      doc.status = 'counted';
    }
    await tx.set(COLLECTIONS.procurementOpinions, id, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.procurementOpinions, recordId: id, change: { score: doc.score, status: doc.status, findingId: doc.findingId, purchase: basis._id } });
    return { opinionId: id, findingId: doc.findingId, status: doc.status! };
  });
}

/**
 * Writes the opinion as the product's `purchaser` finding (superseding the unit's previous one), inside `tx`. The
 * finding is the unit's own (its account and organisation), whoever's action made it count — the unit giving it, or
 * the bureau's ruling (`ctx`, which signs the audit entry).
 */
export async function countOpinion(tx: Tx, ctx: Ctx, o: OpinionDoc, knownHead: string | null): Promise<string> {
  const asUnit: Ctx = { ...ctx, caller: { userId: o.givenBy ?? null, roles: ['citizen', 'purchaser'], orgId: o.purchaserOrgId } };
  const draft = newFinding(asUnit, 'purchaser', {
    year: o.year,
    productId: o.productId,
    method: 'purchaser',
    on: o.on ?? o.createdAt.slice(0, 10),
    score: o.score,
    notes: o.notes,
    checked: [],
    evidence: [],
    supersedes: null,
    reason: null,
    source: { kind: 'procurement', id: o._id },
  });
  // The unit's own chain: its new opinion supersedes its opinion in force, and nobody else's.
  const head = await chainHead(tx, draft, knownHead);
  const finding = { ...draft, supersedes: head, reason: head ? '采购单位更新了意见' : null };
  await writeFinding(tx, ctx, finding, head);
  return finding._id;
}
