import type * as z from 'zod';
import type { recordFindingInput } from '../../types/actions/assessments';
import { METHOD_LABELS, findingAuthor, findingHeadId, type FindingAuthorRole, type FindingDoc } from '../../types/assessment';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, invalid } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { isAdmin } from '../_lib/rules';
import type { Tx } from '../_lib/store/port';
import { checkAttachments } from '../declarations/registerFile';
import { callerAuthor, checkSupersedes, findingView, findingsOfYear, loadAssignment, loadCampaign, ownCurrent, scopeEntry } from './load';
import { canInspect } from './permissions';

type Input = z.output<typeof recordFindingInput>;

/**
 * An assessor records what one method found for one product (a score on that method's checklist, notes, photos).
 * Findings are never changed: a correction is a new finding that supersedes the old one, with a reason. Each author
 * (an assessing organisation, the bureau, a purchasing unit) keeps one chain per product and method: only it corrects
 * its own findings, and it has one finding in force there at a time (a second one is refused: correct the first).
 */
export async function recordFinding(input: Input, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  scopeEntry(c, input.productId);
  if (!canInspect(ctx.caller, await loadAssignment(ctx, input.year), input.productId)) throw forbidden('这个产品没有分配给您的单位测评');
  if (c.status === 'confirmed' || c.status === 'published') throw conflict('测评结果已经确认，不能再录入测评记录');
  const today = ctx.clock.today();
  if (input.on > today || input.on < `${input.year}-01-01`) throw invalid('测评日期应在测评年度内且不晚于今天', [{ path: 'on', message: '测评日期应在测评年度内且不晚于今天' }]);
  const doc = newFinding(ctx, isAdmin(ctx.caller) ? 'admin' : 'assessor', { ...input, supersedes: input.supersedes ?? null, reason: input.supersedes ? input.reason!.trim() : null });
  const existing = await findingsOfYear(ctx.store, input.year, input.productId);
  const author = findingAuthor(doc);
  if (input.supersedes) checkSupersedes(existing, input.supersedes, input.method, 'supersedes', author);
  const own = ownCurrent(existing, input.method, author);
  await ctx.store.transaction(async (tx) => {
    await checkAttachments(tx, ctx, input.evidence, 'evidence');
    await writeFinding(tx, ctx, doc, own?._id ?? null);
  });
  return findingView(doc, [...existing, doc], author);
}

type FindingFields = Pick<FindingDoc, 'year' | 'productId' | 'method' | 'on' | 'score' | 'notes' | 'checked' | 'evidence' | 'supersedes' | 'reason'> & Partial<Pick<FindingDoc, 'source' | 'appealId'>>;

/** A finding as every path writes it (an assessor's record, the bureau's review, a purchasing unit's opinion): who, in what role, when, from where. */
export function newFinding(ctx: Ctx, role: FindingAuthorRole, f: FindingFields): FindingDoc {
  return {
    _id: newId('af'),
    ...f,
    appealId: f.appealId ?? null,
    recordedBy: ctx.caller.userId!,
    recordedByOrgId: ctx.caller.orgId,
    recordedByRole: role,
    recordedAt: ctx.clock.now().toISOString(),
    ...(f.source ? { source: f.source } : {}),
  };
}

type Head = { _id: string; findingId: string };

/** The author's finding in force for the finding's product and method, read inside a transaction (null: none yet). */
export async function chainHead(tx: Tx, f: FindingDoc, knownHead: string | null): Promise<string | null> {
  const head = await tx.get<Head>(COLLECTIONS.counters, findingHeadId(f));
  return head ? head.findingId : knownHead;
}

/**
 * Inserts a finding with its audit entry, inside the caller's transaction, as the next link of its author's chain:
 * it must supersede exactly the author's finding in force (none for a first finding). The chain's head lives in
 * `counters` (`findingHead:<year>:<product>:<method>:<author>`), so two writes at once cannot both extend it;
 * `knownHead` stands in for chains begun before heads were kept (the caller's read of the findings).
 */
export async function writeFinding(tx: Tx, ctx: Ctx, doc: FindingDoc, knownHead: string | null): Promise<void> {
  const inForce = await chainHead(tx, doc, knownHead);
  if ((doc.supersedes ?? null) !== inForce) {
    if (!doc.supersedes) throw conflict(`这个产品的“${METHOD_LABELS[doc.method]}”已有您单位的一条记录，如需改动，请更正那一条`);
    throw conflict('这条记录已经被更正过，请更正最新的一条');
  }
  await tx.insert(COLLECTIONS.assessmentFindings, doc);
  await tx.set(COLLECTIONS.counters, findingHeadId(doc), { findingId: doc._id });
  await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentFindings, recordId: doc._id, change: { productId: doc.productId, method: doc.method, score: doc.score, supersedes: doc.supersedes, reason: doc.reason, ...(doc.appealId ? { appealId: doc.appealId } : {}), ...(doc.source ? { source: doc.source } : {}) } });
}

/** A product's findings for the year, corrections included (an assessor: its assigned products). */
export async function listFindings(input: { year: number; productId: string }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  scopeEntry(c, input.productId);
  if (!canInspect(ctx.caller, await loadAssignment(ctx, input.year), input.productId)) throw forbidden('这个产品没有分配给您的单位测评');
  const all = await findingsOfYear(ctx.store, input.year, input.productId);
  return { findings: all.map((f) => findingView(f, all, callerAuthor(ctx.caller))) };
}
