import type { ProposalView } from '../../types/actions/supervision';
import {
  ACTION_STRENGTH,
  ADJUSTMENT_ACTION_LABELS,
  DEFAULT_CREDIT_KINDS,
  isPublicOn,
  type AdjustmentAction,
  type AdjustmentRules,
  type AssessmentResultContract,
  type CreditEventDoc,
  type ProposalDoc,
  type ProposalLine,
} from '../../types/credit';
import type { ProductDoc } from '../../types/product';
import { resultSatisfaction } from '../../types/assessment';
import { percentText, satisfactionRate } from '../../types/rating';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import type { Store } from '../_lib/store/port';
import { eachRecord } from '../_lib/bulk';
import { findByIds } from '../_lib/store/pages';
import type { BulkResult } from '../../types/bulk';
import { publishedResults } from './readProvider';
import { loadRules } from './rules';

const pct = percentText;

export interface LowSatisfaction {
  orgId: string;
  satisfactionRate: number;
  ratings: number;
  reason: string;
}

/**
 * 测评满意度较低的法律服务机构: each institution's 满意率 (the one definition, types/rating.ts) over its products'
 * counted ratings in the published year — satisfied over all, from the results' inputs, not their shrunk scores. Judged
 * only with enough ratings; low when below the line, or in the bottom share (rounded down, so a handful of
 * institutions has no "bottom decile"). A result that does not carry its satisfied count (stored before issue 21) is
 * not judged.
 */
export function lowSatisfactionOrgs(results: AssessmentResultContract[], rules: AdjustmentRules): LowSatisfaction[] {
  const byOrg = new Map<string, { n: number; satisfied: number }>();
  for (const r of results) {
    const s = resultSatisfaction(r);
    if (!r.orgId || s.satisfied === null || s.n <= 0) continue;
    const o = byOrg.get(r.orgId) ?? { n: 0, satisfied: 0 };
    o.n += s.n;
    o.satisfied += s.satisfied;
    byOrg.set(r.orgId, o);
  }
  const judged = [...byOrg.entries()]
    .filter(([, o]) => o.n >= rules.satisfactionMinRatings)
    .map(([orgId, o]) => ({ orgId, rate: satisfactionRate(o.satisfied, o.n)!, n: o.n }))
    .sort((a, b) => a.rate - b.rate || (a.orgId < b.orgId ? -1 : 1));
  const bottom = Math.floor(judged.length * rules.satisfactionBottomShare);
  const out: LowSatisfaction[] = [];
  judged.forEach((o, i) => {
    const reasons: string[] = [];
    if (o.rate < rules.satisfactionBelow) reasons.push(`机构满意率 ${pct(o.rate)}，低于 ${pct(rules.satisfactionBelow)}`);
    else if (i < bottom) reasons.push(`机构满意率 ${pct(o.rate)}，位于全部 ${judged.length} 家机构的末位 ${pct(rules.satisfactionBottomShare)}`);
    if (reasons.length) out.push({ orgId: o.orgId, satisfactionRate: o.rate, ratings: o.n, reason: reasons.join('；') });
  });
  return out;
}

/** The organisations' products in the catalogue: chunks of 100 organisations read together (one round trip). */
async function inCatalogueOf(store: Store, orgIds: string[]): Promise<ProductDoc[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < orgIds.length; i += 100) chunks.push(orgIds.slice(i, i + 100));
  return (await Promise.all(chunks.map((chunk) => store.find<ProductDoc>(COLLECTIONS.products, { where: { orgId: { $in: chunk }, status: { $in: ['listed', 'suspended'] } }, limit: 1000 })))).flat();
}

export function toProposalView(p: ProposalDoc): ProposalView {
  const { _id, ...rest } = p;
  return { proposalId: _id, ...rest, lines: p.lines.map((l) => ({ ...l, actionLabel: ADJUSTMENT_ACTION_LABELS[l.action] })) };
}

/**
 * 调整建议: the year's proposal, computed by the rules as data from the published grades (不合格 → exit), the public
 * serious negative events that occurred that year (→ suspension pending review) and institutions' satisfaction
 * (→ rectification). One line per product, with the strongest action and every reason. Recomputed until the bureau
 * decides a line.
 */
export async function proposeAdjustment(input: { year: number }, ctx: Ctx): Promise<ProposalView> {
  const today = ctx.clock.today();
  // Two round trips whatever the year holds (issue 25): the rules, the published results and the year's events
  // together; then the products those name.
  const [rules, results, yearEvents] = await Promise.all([
    loadRules(ctx.store),
    publishedResults(ctx, { year: input.year }),
    ctx.store.find<CreditEventDoc>(COLLECTIONS.creditEvents, { where: { occurredOn: { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` } }, limit: 1000 }),
  ]);
  const wanted = new Map<string, { action: AdjustmentAction; reasons: string[] }>();
  const want = (productId: string, action: AdjustmentAction, reason: string) => {
    const w = wanted.get(productId) ?? { action, reasons: [] };
    if (ACTION_STRENGTH[action] > ACTION_STRENGTH[w.action]) w.action = action;
    w.reasons.push(reason);
    wanted.set(productId, w);
  };

  // Only a 不合格 that stands on its evidence (issue 21): a year without a grade (证据不足) proposes nothing.
  for (const r of results)
    if (r.grade === 'fail') want(r.productId, rules.adjustment.failGrade, `${input.year} 年度测评等次为不合格（${r.score} 分${r.documentNumber ? `，${r.documentNumber}` : ''}）`);

  const events = yearEvents.filter((e) => e.polarity === 'negative' && e.severity >= rules.adjustment.seriousSeverity && isPublicOn(e, today));
  const low = lowSatisfactionOrgs(results, rules.adjustment);
  const failed = results.filter((r) => r.grade === 'fail').map((r) => r.productId);
  // The organisations' products in the catalogue and the failed products, together.
  const [products, failedDocs] = await Promise.all([inCatalogueOf(ctx.store, [...new Set([...events.map((e) => e.orgId), ...low.map((l) => l.orgId)])]), findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, failed)]);
  for (const e of events)
    for (const p of products.filter((x) => x.orgId === e.orgId))
      want(p._id, rules.adjustment.seriousEvent, `提供单位受到${DEFAULT_CREDIT_KINDS[e.kind].label}：${e.title}（${e.occurredOn}${e.documentNumber ? `，${e.documentNumber}` : ''}）`);
  for (const l of low) for (const p of products.filter((x) => x.orgId === l.orgId)) want(p._id, rules.adjustment.lowSatisfaction, l.reason);

  const ids = [...wanted.keys()];
  const docs = new Map<string, ProductDoc>([...products, ...failedDocs].map((p) => [p._id, p]));
  const lines: ProposalLine[] = ids
    .filter((id) => docs.get(id) && docs.get(id)!.status !== 'exited')
    .map((id) => {
      const p = docs.get(id)!;
      const w = wanted.get(id)!;
      return { lineId: id, productId: id, productName: p.name, orgId: p.orgId, providerName: p.providerName, action: w.action, reasons: w.reasons, decision: null };
    })
    .sort((a, b) => ACTION_STRENGTH[b.action] - ACTION_STRENGTH[a.action] || (a.productName < b.productName ? -1 : 1));

  const doc: ProposalDoc = { _id: String(input.year), year: input.year, rulesVersion: rules.version, computedAt: ctx.clock.now().toISOString(), lines };
  await ctx.store.transaction(async (tx) => {
    const before = await tx.get<ProposalDoc>(COLLECTIONS.adjustmentProposals, doc._id);
    if (before?.lines.some((l) => l.decision)) throw conflict(`${input.year} 年度的调整建议已有决定，不能重新生成`);
    await tx.set(COLLECTIONS.adjustmentProposals, doc._id, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.adjustmentProposals, recordId: doc._id, change: { computed: true, lines: lines.map((l) => `${l.productId}:${l.action}`) } });
  });
  return toProposalView(doc);
}

export async function readProposal(input: { year: number }, ctx: Ctx): Promise<ProposalView | null> {
  const doc = await ctx.store.get<ProposalDoc>(COLLECTIONS.adjustmentProposals, String(input.year));
  return doc ? toProposalView(doc) : null;
}

/** The bureau accepts, changes (to another action) or rejects one line, always with its reason. */
export async function decideLine(input: { proposalId: string; lineId: string; decision: 'accept' | 'change' | 'reject'; changeTo?: AdjustmentAction; reason: string }, ctx: Ctx): Promise<ProposalView> {
  const at = ctx.clock.now().toISOString();
  const doc = await ctx.store.transaction(async (tx) => {
    const p = await tx.get<ProposalDoc>(COLLECTIONS.adjustmentProposals, input.proposalId);
    if (!p) throw notFound('没有找到这份调整建议');
    const line = p.lines.find((l) => l.lineId === input.lineId);
    if (!line) throw notFound('没有找到这一条建议');
    if (line.decision) throw conflict('这一条已经决定过了');
    if (input.decision === 'change' && input.changeTo === line.action) throw conflict('新的处理方式与建议相同，请选择“同意”');
    const action = input.decision === 'reject' ? null : input.decision === 'change' ? input.changeTo! : line.action;
    line.decision = { decision: input.decision, action, reason: input.reason, at, by: ctx.caller.userId };
    await tx.update(COLLECTIONS.adjustmentProposals, p._id, { lines: p.lines });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.adjustmentProposals, recordId: p._id, change: { lineId: line.lineId, decision: input.decision, action, reason: input.reason } });
    return p;
  });
  return toProposalView(doc);
}

/**
 * Issue 22: one decision per selected line of a year's proposal, each by `decideLine` in its own transaction and audit
 * entry; a line already decided (or not in the proposal) is refused and listed, the others decided. Lines are named by
 * product (one line per product).
 */
export async function decideLines(
  input: { year: number; lines: { productId: string; decision: 'accept' | 'change' | 'reject'; changeTo?: AdjustmentAction; reason: string }[] },
  ctx: Ctx,
): Promise<BulkResult> {
  const byProduct = new Map<string, (typeof input.lines)[number]>();
  for (const l of input.lines) if (!byProduct.has(l.productId)) byProduct.set(l.productId, l);
  return {
    results: await eachRecord(ctx, [...byProduct.keys()], (productId) => {
      const { decision, changeTo, reason } = byProduct.get(productId)!;
      return decideLine({ proposalId: String(input.year), lineId: productId, decision, ...(changeTo ? { changeTo } : {}), reason }, ctx);
    }),
  };
}
