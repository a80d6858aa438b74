import type * as z from 'zod';
import type { recordFindingInput } from '../../types/actions/assessments';
import type { FindingDoc } from '../../types/assessment';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, invalid } from '../_lib/errors';
import { newId } from '../_lib/ids';
import type { Tx } from '../_lib/store/port';
import { checkAttachments } from '../declarations/registerFile';
import { checkSupersedes, findingView, findingsOfYear, loadAssignment, loadCampaign, scopeEntry } from './load';
import { canInspect } from './permissions';

type Input = z.output<typeof recordFindingInput>;

/**
 * An assessor records what one method found for one product (a score on that method's checklist, notes, photos).
 * Findings are never changed: a correction is a new finding that supersedes the old one, with a reason.
 */
export async function recordFinding(input: Input, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  scopeEntry(c, input.productId);
  if (!canInspect(ctx.caller, await loadAssignment(ctx, input.year), input.productId)) throw forbidden('这个产品没有分配给您的单位测评');
  if (c.status === 'confirmed' || c.status === 'published') throw conflict('测评结果已经确认，不能再录入测评记录');
  const today = ctx.clock.today();
  if (input.on > today || input.on < `${input.year}-01-01`) throw invalid('测评日期应在测评年度内且不晚于今天', [{ path: 'on', message: '测评日期应在测评年度内且不晚于今天' }]);
  const existing = await findingsOfYear(ctx.store, input.year, input.productId);
  if (input.supersedes) checkSupersedes(existing, input.supersedes, input.method, 'supersedes');
  const doc = newFinding(ctx, { ...input, supersedes: input.supersedes ?? null, reason: input.supersedes ? input.reason!.trim() : null });
  await ctx.store.transaction(async (tx) => {
    await checkAttachments(tx, ctx, input.evidence, 'evidence');
    await writeFinding(tx, ctx, doc);
  });
  return findingView(doc, [...existing, doc]);
}

type FindingFields = Pick<FindingDoc, 'year' | 'productId' | 'method' | 'on' | 'score' | 'notes' | 'checked' | 'evidence' | 'supersedes' | 'reason'> & Partial<Pick<FindingDoc, 'source'>>;

/** A finding as every path writes it (an assessor's record, a purchasing unit's opinion): who, when, from where. */
export function newFinding(ctx: Ctx, f: FindingFields): FindingDoc {
  return {
    _id: newId('af'),
    ...f,
    appealId: null,
    recordedBy: ctx.caller.userId!,
    recordedByOrgId: ctx.caller.orgId,
    recordedAt: ctx.clock.now().toISOString(),
    ...(f.source ? { source: f.source } : {}),
  };
}

/** Inserts a finding with its audit entry, inside the caller's transaction. */
export async function writeFinding(tx: Tx, ctx: Ctx, doc: FindingDoc): Promise<void> {
  await tx.insert(COLLECTIONS.assessmentFindings, doc);
  await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentFindings, recordId: doc._id, change: { productId: doc.productId, method: doc.method, score: doc.score, supersedes: doc.supersedes, reason: doc.reason, ...(doc.source ? { source: doc.source } : {}) } });
}

/** A product's findings for the year, corrections included (an assessor: its assigned products). */
export async function listFindings(input: { year: number; productId: string }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  scopeEntry(c, input.productId);
  if (!canInspect(ctx.caller, await loadAssignment(ctx, input.year), input.productId)) throw forbidden('这个产品没有分配给您的单位测评');
  const all = await findingsOfYear(ctx.store, input.year, input.productId);
  return { findings: all.map((f) => findingView(f, all)) };
}
