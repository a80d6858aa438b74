/**
 * Deadlines, decided in one place (issue 22): what is due soon and what is overdue, on the working-day calendar. The
 * reminder jobs (./jobs.ts) send their messages from these decisions and the bureau's to-do list (admin.todo) lists
 * the same records from them, so the two never disagree. The readers here are the queries both make; the deciders are
 * pure functions of the records, the calendar and the day.
 */
import type { DeclarationDoc, MaterialRequest } from '../../types/declaration';
import type { RectificationDoc } from '../../types/credit';
import { REMIND_BEFORE, SCORING_WORKING_DAYS } from '../../types/notify';
import type { PublicityDoc } from '../../types/publicity';
import type { CaseDoc } from '../../types/rating';
import type { PanelDoc } from '../../types/review';
import { shanghaiDate } from '../../types/time';
import { addDays, type WorkingDayCalendar } from '../../types/workdays';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findAll, findByIds } from '../_lib/store/pages';
import { loadCalendar } from '../publicity/calendar';

export interface Deadline {
  dueOn: string;
  /** Working days from tomorrow to `dueOn` (0: due today); when past, minus the working days since (at least 1). */
  workingDaysLeft: number;
  overdue: boolean;
}

/** Where `dueOn` stands on `today`: overdue once the day has passed (the due day itself is still on time). */
export function deadlineOf(cal: WorkingDayCalendar, today: string, dueOn: string): Deadline {
  if (dueOn >= today) return { dueOn, workingDaysLeft: cal.countBetween(addDays(today, 1), dueOn), overdue: false };
  return { dueOn, workingDaysLeft: -Math.max(1, cal.countBetween(addDays(dueOn, 1), today)), overdue: true };
}

/** Not yet overdue, and at most `n` working days left. */
export const dueSoon = (d: Deadline, n: number) => !d.overdue && d.workingDaysLeft <= n;

/** Whether `dueOn` is today or at most `n` working days after today. */
export function dueWithin(cal: WorkingDayCalendar, today: string, dueOn: string, n: number): boolean {
  return dueSoon(deadlineOf(cal, today, dueOn), n);
}

/** The day `n` working days after `from` (the next working day after `from` is day 1). */
export function workingDaysAfter(cal: WorkingDayCalendar, from: string, n: number): string {
  return cal.endOfWindow(addDays(from, 1), n).endsOn;
}

/** A panel's scoring deadline: the one set at the draw, or SCORING_WORKING_DAYS after the draw for older panels. */
export function scoringDueOn(cal: WorkingDayCalendar, panel: PanelDoc): string {
  return panel.dueOn ?? workingDaysAfter(cal, shanghaiDate(new Date(panel.drawnAt)), SCORING_WORKING_DAYS);
}

/** A due day this far ahead in calendar days is always more than any REMIND_BEFORE in working days (a Spring Festival included). */
const HORIZON_DAYS = 15;

// ---- the reads both make -------------------------------------------------------------------------------------------

/** Open bad-rating cases that are due within the horizon or already past due. */
export const readOpenCases = (ctx: Ctx, today: string) => findAll<CaseDoc>(ctx.store, COLLECTIONS.ratingCases, { where: { status: 'open', dueOn: { $lte: addDays(today, HORIZON_DAYS) } } });
/** Cases waiting for the bureau's review (复核): few at any time, all of them (each due by its own review.dueOn). */
export const readCaseReviews = (ctx: Ctx) => findAll<CaseDoc>(ctx.store, COLLECTIONS.ratingCases, { where: { status: 'review' } });
/** Open rectifications that are due within the horizon or already past due. */
export const readOpenRectifications = (ctx: Ctx, today: string) =>
  findAll<RectificationDoc>(ctx.store, COLLECTIONS.rectifications, { where: { status: 'open', dueOn: { $lte: addDays(today, HORIZON_DAYS) } } });
/** Declarations before or in review (submitted, in-review): material requests, panels to draw and to follow. */
export const readReviewing = (ctx: Ctx) => findAll<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, { where: { status: { $in: ['submitted', 'in-review'] } } });
/** The panels of the declarations in review. */
export const readPanels = (ctx: Ctx, declarations: DeclarationDoc[]) =>
  findByIds<PanelDoc>(
    ctx.store,
    COLLECTIONS.panels,
    declarations.filter((d) => d.status === 'in-review').map((d) => d._id),
  );
/** Publicity notices not yet closed. */
export const readOpenPublicity = (ctx: Ctx) => findAll<PublicityDoc>(ctx.store, COLLECTIONS.publicity, { where: { status: 'open' } });

/** Everything the deadlines are decided on, read together (one round): the calendar and the open records. */
export async function readWatched(ctx: Ctx, today: string) {
  const [cal, cases, reviewing, notices, rectifications, caseReviews] = await Promise.all([
    loadCalendar(ctx),
    readOpenCases(ctx, today),
    readReviewing(ctx),
    readOpenPublicity(ctx),
    readOpenRectifications(ctx, today),
    readCaseReviews(ctx),
  ]);
  return { cal, cases, reviewing, notices, rectifications, caseReviews };
}

// ---- the decisions -------------------------------------------------------------------------------------------------

/** Open bad-rating cases due within REMIND_BEFORE.caseDue working days (the provider is reminded), or past due (flagged, the bureau told). */
export function casesDue(cal: WorkingDayCalendar, today: string, cases: CaseDoc[]): { c: CaseDoc; deadline: Deadline }[] {
  return cases
    .filter((c) => c.status === 'open')
    .map((c) => ({ c, deadline: deadlineOf(cal, today, c.dueOn) }))
    .filter((x) => x.deadline.overdue || dueSoon(x.deadline, REMIND_BEFORE.caseDue));
}

/**
 * Issue 24: cases the person was still not satisfied with, waiting for the bureau's review (好差评's 复核), each by its
 * review deadline (REVIEW_WORKING_DAYS after the request). Every one is the bureau's to do, whatever its due day.
 */
export function caseReviewsDue(cal: WorkingDayCalendar, today: string, cases: CaseDoc[]): { c: CaseDoc; deadline: Deadline }[] {
  return cases.filter((c) => c.status === 'review' && c.review && !c.review.decision).map((c) => ({ c, deadline: deadlineOf(cal, today, c.review!.dueOn) }));
}

/** Panels in review with sheets outstanding whose scoring deadline is within REMIND_BEFORE.scoringDue working days (members reminded) or past. */
export function scoringDue(cal: WorkingDayCalendar, today: string, panels: PanelDoc[]): { panel: PanelDoc; waiting: string[]; deadline: Deadline }[] {
  return panels
    .map((panel) => ({ panel, waiting: panel.members.filter((m) => !panel.submitted.includes(m)), deadline: deadlineOf(cal, today, scoringDueOn(cal, panel)) }))
    .filter((x) => x.waiting.length > 0 && (x.deadline.overdue || dueSoon(x.deadline, REMIND_BEFORE.scoringDue)));
}

/** Open windows whose last day is within REMIND_BEFORE.publicityEnd working days (the bureau reminded), or past and not yet closed. */
export function publicityEnding(cal: WorkingDayCalendar, today: string, notices: PublicityDoc[]): { p: PublicityDoc; deadline: Deadline }[] {
  return notices
    .filter((p) => p.status === 'open')
    .map((p) => ({ p, deadline: deadlineOf(cal, today, p.windows[p.windows.length - 1].endsOn) }))
    .filter((x) => x.deadline.overdue || dueSoon(x.deadline, REMIND_BEFORE.publicityEnd));
}

/** Material requests unanswered past their due day, on declarations still before or in review (the applicant reminded). */
export function materialsOverdue(cal: WorkingDayCalendar, today: string, declarations: DeclarationDoc[]): { d: DeclarationDoc; request: MaterialRequest; deadline: Deadline }[] {
  return declarations
    .filter((d) => d.status === 'submitted' || d.status === 'in-review')
    .flatMap((d) => (d.materialRequests ?? []).filter((r) => !r.response).map((request) => ({ d, request, deadline: deadlineOf(cal, today, request.dueOn) })))
    .filter((x) => x.deadline.overdue);
}

/** Open rectifications due within REMIND_BEFORE.rectificationDue working days (the provider reminded), or past due (the bureau told). */
export function rectificationsDue(cal: WorkingDayCalendar, today: string, open: RectificationDoc[]): { r: RectificationDoc; deadline: Deadline }[] {
  return open
    .filter((r) => r.status === 'open')
    .map((r) => ({ r, deadline: deadlineOf(cal, today, r.dueOn) }))
    .filter((x) => x.deadline.overdue || dueSoon(x.deadline, REMIND_BEFORE.rectificationDue));
}
