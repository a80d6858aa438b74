import { INSUFFICIENT_DECISION_LABELS, gradeInForce, resultId, shortfallText, type AssessmentResultDoc, type DecisionRecord, type InsufficientDecision } from '../../types/assessment';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { loadCampaign, resultView, scopeEntry } from './load';

/** The product's latest published result with a grade from an earlier year (what a carry-over would carry). */
async function lastGraded(ctx: Ctx, productId: string, year: number): Promise<AssessmentResultDoc | null> {
  const docs = await ctx.store.find<AssessmentResultDoc>(COLLECTIONS.assessmentResults, { where: { productId, status: 'published' }, orderBy: [['year', 'desc']], limit: 100 });
  return docs.find((r) => r.year < year && r.grade) ?? null;
}

/**
 * 证据不足: the bureau records what happens to a product whose evidence meets no grade its score reaches, with its
 * reason (audited): 按现有证据定等次 (the score's grade — never 不合格, which needs its own evidence), 沿用上年等次 (the
 * latest grade earned on evidence in an earlier year — never a 不合格, never a grade itself carried), or 本年度不定等次.
 * Until every such product is decided, `confirm` is refused. The decision may be changed until then; a recompute that
 * changes the product's score or evidence drops it.
 */
export async function decideInsufficient(input: { year: number; productId: string; decision: InsufficientDecision; reason: string }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  const entry = scopeEntry(c, input.productId);
  if (c.status !== 'computed') throw conflict(c.status === 'open' ? '请先计算测评结果' : '测评结果已经确认，不能再改变决定');
  let carried: DecisionRecord['carried'];
  if (input.decision === 'carry-over') {
    const prev = await lastGraded(ctx, input.productId, input.year);
    if (!prev || !prev.grade) throw conflict(`“${entry.name}”以前年度没有公布的等次，不能沿用`);
    if (prev.grade === 'fail') throw conflict(`“${entry.name}”${prev.year} 年度为不合格：不合格必须有本年度的证据，不能沿用`);
    if (prev.decision?.decision === 'carry-over') throw conflict(`“${entry.name}”${prev.year} 年度的等次本身是沿用的，不能连续沿用`);
    carried = { year: prev.year, grade: prev.grade, score: prev.score };
  }
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const r = await tx.get<AssessmentResultDoc>(COLLECTIONS.assessmentResults, resultId(input.year, input.productId));
    if (!r) throw conflict('请先计算测评结果');
    if (!r.insufficient) throw conflict(`“${entry.name}”的证据足以评定等次，不需要另作决定`);
    if (input.decision === 'grade' && r.scoreGrade === 'fail')
      throw conflict(`“${entry.name}”的得分为不合格，但证据不足（${r.shortfalls.map(shortfallText).join('；')}）：不合格必须有证据，不能按现有证据定为不合格，可以沿用上年等次或本年度不定等次`);
    const decision: DecisionRecord = { decision: input.decision, reason: input.reason, decidedOn: today, decidedAt: now, basis: { score: r.score, scoreGrade: r.scoreGrade, evidence: r.evidence }, ...(carried ? { carried } : {}) };
    const grade = gradeInForce(r.scoreGrade, null, decision);
    await tx.update(COLLECTIONS.assessmentResults, r._id, { decision, grade });
    await appendAudit(tx, ctx, {
      collection: COLLECTIONS.assessmentResults,
      recordId: r._id,
      change: { decision: input.decision, label: INSUFFICIENT_DECISION_LABELS[input.decision], grade, ...(carried ? { carried } : {}), reason: input.reason, ...(r.decision ? { replaces: r.decision.decision } : {}) },
    });
    return resultView({ ...r, decision, grade });
  });
}
