/**
 * Deadlines that run themselves: the jobs the timer runs (a CloudBase timer trigger on the `notify` function in the cloud,
 * an in-process timer locally, `admin.runJobs` in tests). Each job is idempotent: a reminder's message id names its
 * occasion (the due day), so a second run writes nothing; a flag is set once.
 */
import type { RunJobsResult } from '../../types/actions/admin';
import type { DeclarationDoc } from '../../types/declaration';
import { REMIND_BEFORE, SCORING_WORKING_DAYS } from '../../types/notify';
import type { PublicityDoc } from '../../types/publicity';
import type { RectificationDoc } from '../../types/credit';
import type { CaseDoc } from '../../types/rating';
import type { PanelDoc } from '../../types/review';
import { shanghaiDate } from '../../types/time';
import { addDays, type WorkingDayCalendar } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Caller, Ctx } from '../_lib/context';
import { notify, type Notice } from '../_lib/notify';
import { findAll, findByIds } from '../_lib/store/pages';
import { backfillPublicity } from '../publicity/backfill';
import { backfillRates } from '../ratings/backfillRates';
import { loadCalendar } from '../publicity/calendar';

/** Who the audit trail names for what the timer does. */
export const SCHEDULER: Caller = { userId: 'scheduler', roles: ['admin'], orgId: null };

/** Messages written by each job (0 on a second run the same day): the answer of admin.runJobs. */
export type JobReport = RunJobsResult;

/** Whether `dueOn` is today or at most `n` working days after today. */
export function dueWithin(cal: WorkingDayCalendar, today: string, dueOn: string, n: number): boolean {
  return dueOn >= today && cal.countBetween(addDays(today, 1), dueOn) <= n;
}

/** One notice in its own transaction, with an audit entry when it wrote something. */
async function send(ctx: Ctx, notice: Notice, auditCollection: string): Promise<number> {
  return ctx.store.transaction(async (tx) => {
    const n = await notify(tx, ctx, notice);
    if (n) await appendAudit(tx, ctx, { collection: auditCollection, recordId: notice.recordId, change: { reminder: notice.kind, occasion: notice.occasion ?? null } });
    return n;
  });
}

/** Open bad-rating cases due within a working day: a reminder to the providing organisation. */
async function remindCases(ctx: Ctx, cal: WorkingDayCalendar, today: string): Promise<number> {
  const soon = await findAll<CaseDoc>(ctx.store, COLLECTIONS.ratingCases, { where: { status: 'open', dueOn: { $gte: today, $lte: addDays(today, 15) } } });
  let n = 0;
  for (const c of soon) {
    if (!c.orgId || !dueWithin(cal, today, c.dueOn, REMIND_BEFORE.caseDue)) continue;
    n += await send(ctx, { to: { orgId: c.orgId }, kind: 'caseDueSoon', recordId: c._id, occasion: c.dueOn, body: `一项差评整改将于 ${c.dueOn} 到期，请及时回访并答复`, link: '/packages/applicant/pages/ratings/index' }, COLLECTIONS.ratingCases);
  }
  return n;
}

/** Open cases past their due day: flagged `overdue` once, and the bureau is told. */
async function flagOverdueCases(ctx: Ctx, today: string): Promise<number> {
  const late = await findAll<CaseDoc>(ctx.store, COLLECTIONS.ratingCases, { where: { status: 'open', dueOn: { $lt: today } } });
  let n = 0;
  for (const c of late.filter((x) => x.overdue !== true)) {
    n += await ctx.store.transaction(async (tx) => {
      const fresh = await tx.get<CaseDoc>(COLLECTIONS.ratingCases, c._id);
      if (!fresh || fresh.status !== 'open' || fresh.overdue === true) return 0;
      await tx.update(COLLECTIONS.ratingCases, c._id, { overdue: true });
      await notify(tx, ctx, { to: 'admin', kind: 'caseOverdue', recordId: c._id, occasion: c.dueOn, body: `一项差评整改已于 ${c.dueOn} 到期，服务单位尚未答复`, link: '/packages/account/pages/cases/index' });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.ratingCases, recordId: c._id, change: { overdue: true, dueOn: c.dueOn } });
      return 1;
    });
  }
  return n;
}

/** A panel's scoring deadline: the one set at the draw, or SCORING_WORKING_DAYS after the draw for older panels. */
export function scoringDueOn(cal: WorkingDayCalendar, panel: PanelDoc): string {
  return panel.dueOn ?? cal.endOfWindow(addDays(shanghaiDate(new Date(panel.drawnAt)), 1), SCORING_WORKING_DAYS).endsOn;
}

/** Scoring due within two working days: a reminder to each member who has not submitted. */
async function remindScoring(ctx: Ctx, cal: WorkingDayCalendar, today: string): Promise<number> {
  const inReview = await findAll<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, { where: { status: 'in-review' } });
  const panels = await findByIds<PanelDoc>(ctx.store, COLLECTIONS.panels, inReview.map((d) => d._id));
  const names = new Map(inReview.map((d) => [d._id, d.name]));
  let n = 0;
  for (const p of panels) {
    const dueOn = scoringDueOn(cal, p);
    const waiting = p.members.filter((m) => !p.submitted.includes(m));
    if (!waiting.length || !dueWithin(cal, today, dueOn, REMIND_BEFORE.scoringDue)) continue;
    n += await send(ctx, { to: { expertIds: waiting }, kind: 'scoringDueSoon', recordId: p._id, occasion: dueOn, body: `“${names.get(p._id) ?? ''}”的评分将于 ${dueOn} 截止，请及时提交`, link: `/packages/expert/pages/score/index?id=${p._id}` }, COLLECTIONS.declarations);
  }
  return n;
}

/** A publicity window whose last day is within a working day: the bureau is reminded to close it. */
async function remindPublicity(ctx: Ctx, cal: WorkingDayCalendar, today: string): Promise<number> {
  const open = await findAll<PublicityDoc>(ctx.store, COLLECTIONS.publicity, { where: { status: 'open' } });
  let n = 0;
  for (const p of open) {
    const endsOn = p.windows[p.windows.length - 1].endsOn;
    if (!dueWithin(cal, today, endsOn, REMIND_BEFORE.publicityEnd)) continue;
    n += await send(ctx, { to: 'admin', kind: 'publicityEndingSoon', recordId: p._id, occasion: endsOn, body: `一项公示将于 ${endsOn} 期满，期满后请答复意见并结束公示`, link: `/pages/notice/index?id=${p._id}` }, COLLECTIONS.declarations);
  }
  return n;
}

/** A material request past its due day without an answer: a reminder to the applicant. */
async function remindMaterials(ctx: Ctx, today: string): Promise<number> {
  const pending = await findAll<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, { where: { status: { $in: ['submitted', 'in-review'] } } });
  let n = 0;
  for (const d of pending)
    for (const r of d.materialRequests ?? []) {
      if (r.response || r.dueOn >= today) continue;
      n += await send(ctx, { to: { orgId: d.orgId }, kind: 'materialOverdue', recordId: d._id, occasion: r.requestId, body: `“${d.name}”的补充材料要求已于 ${r.dueOn} 到期，请尽快补充`, link: `/packages/applicant/pages/form/index?id=${d._id}` }, COLLECTIONS.declarations);
    }
  return n;
}

/** 限期整改: due within a working day, a reminder to the provider; past it unanswered, the bureau is told once. */
async function remindRectifications(ctx: Ctx, cal: WorkingDayCalendar, today: string): Promise<{ reminders: number; overdue: number }> {
  const open = await findAll<RectificationDoc>(ctx.store, COLLECTIONS.rectifications, { where: { status: 'open', dueOn: { $lte: addDays(today, 15) } } });
  let reminders = 0;
  let overdue = 0;
  for (const r of open) {
    if (r.dueOn < today)
      overdue += await send(ctx, { to: 'admin', kind: 'rectificationOverdue', recordId: r._id, occasion: r.dueOn, body: `“${r.productName}”的限期整改已于 ${r.dueOn} 到期，服务单位尚未答复`, link: '/packages/supervision/pages/rectifications/index' }, COLLECTIONS.rectifications);
    else if (r.orgId && dueWithin(cal, today, r.dueOn, REMIND_BEFORE.rectificationDue))
      reminders += await send(ctx, { to: { orgId: r.orgId }, kind: 'rectificationDueSoon', recordId: r._id, occasion: r.dueOn, body: `“${r.productName}”的限期整改将于 ${r.dueOn} 到期，请及时答复整改情况`, link: '/packages/supervision/pages/mine/index' }, COLLECTIONS.rectifications);
  }
  return { reminders, overdue };
}

export async function runJobs(ctx: Ctx): Promise<JobReport> {
  const today = ctx.clock.today();
  const cal = await loadCalendar(ctx);
  // Older publicity records brought up to date first (one read once done): paging and the list rely on them.
  const backfilled = await backfillPublicity(ctx);
  return {
    today,
    publicityBackfilled: backfilled.comments + backfilled.notices,
    ratesBackfilled: await backfillRates(ctx),
    caseReminders: await remindCases(ctx, cal, today),
    casesFlagged: await flagOverdueCases(ctx, today),
    scoringReminders: await remindScoring(ctx, cal, today),
    publicityReminders: await remindPublicity(ctx, cal, today),
    materialReminders: await remindMaterials(ctx, today),
    ...(await remindRectifications(ctx, cal, today).then((x) => ({ rectificationReminders: x.reminders, rectificationsOverdue: x.overdue }))),
  };
}
