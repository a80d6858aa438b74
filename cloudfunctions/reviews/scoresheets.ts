import type { SheetView } from '../../types/actions/reviews';
import type { DeclarationDoc, DeclarationView } from '../../types/declaration';
import type { FieldIssue } from '../../types/envelope';
import type { AskView, AssignmentItem, AttributeJudgements, MeetingDoc, MeetingView, PanelDoc, ScoresheetDoc } from '../../types/review';
import { asksOf, toAskView } from './asks';
import { toMeetingView } from './meetings';
import { allowedRange, ATTRIBUTES, ATTRIBUTE_LABELS, RUBRIC, scoreProblem } from '../../types/rubric';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { AppError, conflict, notFound } from '../_lib/errors';
import type { Tx } from '../_lib/store/port';
import { PANEL_SIZE } from '../../types/review';
import type { PanelStanding } from '../../types/actions/reviews';
import { findByIds } from '../_lib/store/pages';
import { toDeclarationView } from '../declarations/view';
import { computeResult, sheetTotal } from './computeResult';
import { sheetId } from './panels';
import { memberPanel, memberReview } from './memberPanel';

interface SheetInput {
  declarationId: string;
  items: Partial<Record<string, number>>;
  attributes: Partial<AttributeJudgements>;
  comment: string;
}

const toSheetView = ({ _id, ...rest }: ScoresheetDoc): SheetView => rest;

/** The declarations on the caller's panels, with where their own sheet stands. Never anyone else's. */
export async function myAssignments(_input: unknown, ctx: Ctx): Promise<{ items: AssignmentItem[] }> {
  const me = ctx.caller.expertId!;
  const panels = await ctx.store.find<PanelDoc>(COLLECTIONS.panels, { where: { members: { $has: me } }, orderBy: [['drawnAt', 'desc']], limit: 200 });
  // Two round trips whatever the number of panels: the panels, then their declarations and the caller's sheets ($in) together.
  const [declarations, sheets] = await Promise.all([
    findByIds<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, panels.map((p) => p._id)),
    findByIds<ScoresheetDoc>(ctx.store, COLLECTIONS.scoresheets, panels.map((p) => sheetId(p._id, me))),
  ]);
  const byId = new Map(declarations.map((d) => [d._id, d]));
  const sheetById = new Map(sheets.map((x) => [x._id, x]));
  const items: AssignmentItem[] = [];
  for (const p of panels) {
    const d = byId.get(p._id);
    const sheet = sheetById.get(sheetId(p._id, me));
    if (d) items.push({ declarationId: d._id, name: d.name, category: d.spec.category ?? null, purchaseMethod: d.spec.purchaseMethod ?? null, sheet: sheet ? sheet.status : 'none' });
  }
  return { items };
}

/**
 * What a member scores: the specification and their own sheet, nothing of the others' — with the panel's asks for
 * material and their answers, and the review meeting's notes (shared by the whole panel).
 */
export async function readAssignment(input: { declarationId: string }, ctx: Ctx): Promise<{ declaration: DeclarationView; sheet: SheetView | null; asks: AskView[]; meeting: MeetingView | null; panel: PanelStanding }> {
  const panel = await memberPanel(ctx, input.declarationId);
  const d = await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
  if (!d) throw notFound('没有找到这份申报');
  const sheet = await ctx.store.get<ScoresheetDoc>(COLLECTIONS.scoresheets, sheetId(d._id, ctx.caller.expertId!));
  const asks = (await asksOf(ctx, d._id)).map((a) => toAskView(a, d, ctx.caller.expertId));
  const meeting = await ctx.store.get<MeetingDoc>(COLLECTIONS.meetings, d._id);
  // Issue 21: the remaining members see that a member left (how many, never who) and whether a reserve is awaited.
  const standing: PanelStanding = { members: panel.members.length, departed: (panel.departures ?? []).length, awaitingReserve: panel.members.length < PANEL_SIZE.min };
  return { declaration: toDeclarationView(d), sheet: sheet ? toSheetView(sheet) : null, asks, meeting: meeting ? toMeetingView(meeting, true) : null, panel: standing };
}

/** Every item present and within its range (the declared purchase method's band for 购买方式); attributes judged. */
function sheetIssues(input: SheetInput, purchaseMethod: DeclarationDoc['spec']['purchaseMethod'], complete: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const item of RUBRIC) {
    const v = input.items[item.key];
    if (v === undefined) {
      const { min, max } = allowedRange(item, purchaseMethod);
      if (complete) issues.push({ path: `items.${item.key}`, message: `请给“${item.label}”打分（${min}–${max} 分）` });
      continue;
    }
    // 附件2's bands exactly: inside the allowed range and inside one of the item's bands.
    const problem = scoreProblem(item, v, purchaseMethod);
    if (problem) issues.push({ path: `items.${item.key}`, message: problem });
  }
  if (complete) {
    for (const a of ATTRIBUTES) if (!input.attributes[a]) issues.push({ path: `attributes.${a}`, message: `请判断${ATTRIBUTE_LABELS[a].label}` });
    if (ATTRIBUTES.some((a) => input.attributes[a] && input.attributes[a] !== 'meets') && !input.attributes.note?.trim())
      issues.push({ path: 'attributes.note', message: '有属性判断为存疑或不符合时，请写明理由' });
  }
  return issues;
}

async function writeSheet(input: SheetInput, ctx: Ctx, submit: boolean): Promise<SheetView> {
  const now = ctx.clock.now().toISOString();
  const me = ctx.caller.expertId!;
  return ctx.store.transaction(async (tx) => {
    const { panel, d } = await memberReview(ctx, tx, input.declarationId, '这份申报不在评审中');
    const id = sheetId(d._id, me);
    const existing = await tx.get<ScoresheetDoc>(COLLECTIONS.scoresheets, id);
    if (existing?.status === 'submitted') throw conflict('评分表已提交，不能再修改；如需修改，请联系市司法局退回');
    const issues = sheetIssues(input, d.spec.purchaseMethod, submit);
    if (issues.length) throw new AppError('INVALID_INPUT', submit ? `评分表还有 ${issues.length} 处需要完善` : issues[0].message, issues);

    const sheet: ScoresheetDoc = {
      _id: id,
      declarationId: d._id,
      expertId: me,
      status: submit ? 'submitted' : 'draft',
      items: input.items as Record<string, number>,
      attributes: input.attributes,
      comment: input.comment,
      total: submit ? sheetTotal(input.items as Record<string, number>) : null,
      updatedAt: now,
      submittedAt: submit ? now : null,
      reopenings: existing?.reopenings ?? [],
    };
    await tx.set(COLLECTIONS.scoresheets, id, sheet);
    if (submit) {
      const submitted = [...new Set([...panel.submitted, me])];
      await tx.update(COLLECTIONS.panels, panel._id, { submitted });
      // The last sheet in: compute the result once, in the same transaction.
      await settleResult(tx, { ...panel, submitted }, now, sheet);
    }
    await appendAudit(tx, ctx, { collection: COLLECTIONS.scoresheets, recordId: id, change: submit ? { submitted: true, total: sheet.total } : { draft: true } });
    return toSheetView(sheet);
  });
}

/**
 * The panel's result as the panel stands, inside `tx`: computed from the current members' submitted sheets once every
 * member has submitted and the panel has at least PANEL_SIZE.min members; otherwise none (a result computed before a
 * member left is removed). A departed member's sheet never counts. `written`: a sheet written in this transaction.
 */
export async function settleResult(tx: Tx, panel: PanelDoc, now: string, written?: ScoresheetDoc): Promise<void> {
  const complete = panel.members.length >= PANEL_SIZE.min && panel.members.every((m) => panel.submitted.includes(m));
  if (!complete) {
    if (await tx.get(COLLECTIONS.results, panel._id)) await tx.remove(COLLECTIONS.results, panel._id);
    return;
  }
  const sheets: ScoresheetDoc[] = [];
  for (const m of panel.members) sheets.push(m === written?.expertId ? written : (await tx.get<ScoresheetDoc>(COLLECTIONS.scoresheets, sheetId(panel._id, m)))!);
  await tx.set(COLLECTIONS.results, panel._id, { ...computeResult(panel._id, sheets, now) });
}

export const saveScoresheet = (input: SheetInput, ctx: Ctx) => writeSheet(input, ctx, false);
export const submitScoresheet = (input: SheetInput, ctx: Ctx) => writeSheet(input, ctx, true);

/** The bureau hands a submitted sheet back to its expert, with a reason; the result waits for it again. */
export async function reopenScoresheet(input: { declarationId: string; expertId: string; reason: string }, ctx: Ctx): Promise<SheetView> {
  return ctx.store.transaction(async (tx) => {
    const id = sheetId(input.declarationId, input.expertId);
    const sheet = await tx.get<ScoresheetDoc>(COLLECTIONS.scoresheets, id);
    if (!sheet || sheet.status !== 'submitted') throw conflict('只能退回已提交的评分表');
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
    if (!d || d.status !== 'in-review') throw conflict('评审已经确认，不能再退回评分表');
    const panel = (await tx.get<PanelDoc>(COLLECTIONS.panels, input.declarationId))!;
    const reopened: ScoresheetDoc = { ...sheet, status: 'draft', total: null, submittedAt: null, reopenings: [...sheet.reopenings, { at: ctx.clock.now().toISOString(), by: ctx.caller.userId, reason: input.reason }] };
    await tx.set(COLLECTIONS.scoresheets, id, reopened);
    // A reopened sheet changes the result: the members confirm it afresh.
    await tx.update(COLLECTIONS.panels, panel._id, { submitted: panel.submitted.filter((m) => m !== input.expertId), confirmations: [] });
    if (await tx.get(COLLECTIONS.results, input.declarationId)) await tx.remove(COLLECTIONS.results, input.declarationId);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.scoresheets, recordId: id, change: { reopened: true, reason: input.reason } });
    return toSheetView(reopened);
  });
}
