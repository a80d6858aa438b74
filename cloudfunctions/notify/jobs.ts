/**
 * Deadlines that run themselves: the jobs the timer runs (a CloudBase timer trigger on the `notify` function in the cloud,
 * an in-process timer locally, `admin.runJobs` in tests). Each job is idempotent: a reminder's message id names its
 * occasion (the due day), so a second run writes nothing; a flag is set once.
 */
import type { RunJobsResult } from '../../types/actions/admin';
import type { CaseDoc } from '../../types/rating';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Caller, Ctx } from '../_lib/context';
import { notify, type Notice } from '../_lib/notify';
import { backfillPublicity } from '../publicity/backfill';
import { caseLink, PROVIDER_CASE_PAGE } from '../ratings/cases';
import { casesDue, materialsOverdue, publicityEnding, readPanels, readWatched, rectificationsDue, scoringDue } from './deadlines';

/** The deadline decisions live in ./deadlines.ts (shared with the bureau's to-do list); re-exported for older callers. */
export { dueWithin, scoringDueOn } from './deadlines';
import { backfillRates } from '../ratings/backfillRates';

/** Who the audit trail names for what the timer does. */
export const SCHEDULER: Caller = { userId: 'scheduler', roles: ['admin'], orgId: null };

/** Messages written by each job (0 on a second run the same day): the answer of admin.runJobs. */
export type JobReport = RunJobsResult;

/** One notice in its own transaction, with an audit entry when it wrote something. */
async function send(ctx: Ctx, notice: Notice, auditCollection: string): Promise<number> {
  return ctx.store.transaction(async (tx) => {
    const n = await notify(tx, ctx, notice);
    if (n) await appendAudit(tx, ctx, { collection: auditCollection, recordId: notice.recordId, change: { reminder: notice.kind, occasion: notice.occasion ?? null } });
    return n;
  });
}

/** Open bad-rating cases due within a working day: a reminder to the providing organisation. */
async function remindCases(ctx: Ctx, due: ReturnType<typeof casesDue>): Promise<number> {
  let n = 0;
  for (const { c, deadline } of due) {
    if (deadline.overdue || !c.orgId) continue;
    n += await send(ctx, { to: { orgId: c.orgId }, kind: 'caseDueSoon', recordId: c._id, occasion: c.dueOn, body: `一项差评整改将于 ${c.dueOn} 到期，请及时回访并答复`, link: caseLink(PROVIDER_CASE_PAGE, c._id) }, COLLECTIONS.ratingCases);
  }
  return n;
}

/** Open cases past their due day: flagged `overdue` once, and the bureau is told. */
async function flagOverdueCases(ctx: Ctx, due: ReturnType<typeof casesDue>): Promise<number> {
  let n = 0;
  for (const { c } of due.filter((x) => x.deadline.overdue && x.c.overdue !== true)) {
    n += await ctx.store.transaction(async (tx) => {
      const fresh = await tx.get<CaseDoc>(COLLECTIONS.ratingCases, c._id);
      if (!fresh || fresh.status !== 'open' || fresh.overdue === true) return 0;
      await tx.update(COLLECTIONS.ratingCases, c._id, { overdue: true });
      await notify(tx, ctx, { to: 'admin', kind: 'caseOverdue', recordId: c._id, occasion: c.dueOn, body: `一项差评整改已于 ${c.dueOn} 到期，服务单位尚未答复`, link: caseLink(PROVIDER_CASE_PAGE, c._id) });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.ratingCases, recordId: c._id, change: { overdue: true, dueOn: c.dueOn } });
      return 1;
    });
  }
  return n;
}

/** Scoring due within two working days: a reminder to each member who has not submitted. */
async function remindScoring(ctx: Ctx, due: ReturnType<typeof scoringDue>, names: Map<string, string>): Promise<number> {
  let n = 0;
  for (const { panel: p, waiting, deadline } of due) {
    if (deadline.overdue) continue;
    n += await send(ctx, { to: { expertIds: waiting }, kind: 'scoringDueSoon', recordId: p._id, occasion: deadline.dueOn, body: `“${names.get(p._id) ?? ''}”的评分将于 ${deadline.dueOn} 截止，请及时提交`, link: `/packages/expert/pages/score/index?id=${p._id}` }, COLLECTIONS.declarations);
  }
  return n;
}

/** A publicity window whose last day is near: the bureau is reminded to answer the comments and close it. */
async function remindPublicity(ctx: Ctx, due: ReturnType<typeof publicityEnding>): Promise<number> {
  let n = 0;
  for (const { p, deadline } of due) {
    if (deadline.overdue) continue;
    n += await send(ctx, { to: 'admin', kind: 'publicityEndingSoon', recordId: p._id, occasion: deadline.dueOn, body: `一项公示将于 ${deadline.dueOn} 期满，期满后请答复意见并结束公示`, link: `/pages/notice/index?id=${p._id}` }, COLLECTIONS.declarations);
  }
  return n;
}

/** A material request past its due day without an answer: a reminder to the applicant. */
async function remindMaterials(ctx: Ctx, due: ReturnType<typeof materialsOverdue>): Promise<number> {
  let n = 0;
  for (const { d, request: r } of due)
    n += await send(ctx, { to: { orgId: d.orgId }, kind: 'materialOverdue', recordId: d._id, occasion: r.requestId, body: `“${d.name}”的补充材料要求已于 ${r.dueOn} 到期，请尽快补充`, link: `/packages/applicant/pages/form/index?id=${d._id}` }, COLLECTIONS.declarations);
  return n;
}

/** 限期整改: due within a working day, a reminder to the provider; past it unanswered, the bureau is told once. */
async function remindRectifications(ctx: Ctx, due: ReturnType<typeof rectificationsDue>): Promise<{ reminders: number; overdue: number }> {
  let reminders = 0;
  let overdue = 0;
  for (const { r, deadline } of due) {
    if (deadline.overdue)
      overdue += await send(ctx, { to: 'admin', kind: 'rectificationOverdue', recordId: r._id, occasion: r.dueOn, body: `“${r.productName}”的限期整改已于 ${r.dueOn} 到期，服务单位尚未答复`, link: '/packages/supervision/pages/rectifications/index' }, COLLECTIONS.rectifications);
    else if (r.orgId)
      reminders += await send(ctx, { to: { orgId: r.orgId }, kind: 'rectificationDueSoon', recordId: r._id, occasion: r.dueOn, body: `“${r.productName}”的限期整改将于 ${r.dueOn} 到期，请及时答复整改情况`, link: '/packages/supervision/pages/mine/index' }, COLLECTIONS.rectifications);
  }
  return { reminders, overdue };
}

/**
 * Every job, on what is due today: the records are read together, the due and overdue decisions are deadlines.ts's
 * (the same the bureau's to-do list shows), and each message is written in its own transaction.
 */
export async function runJobs(ctx: Ctx): Promise<JobReport> {
  const today = ctx.clock.today();
  // Older publicity records brought up to date first (one read once done): paging and the list rely on them.
  const backfilled = await backfillPublicity(ctx);
  // Shown satisfaction rates re-derived once under the one definition of 满意率 (issue 21).
  const ratesBackfilled = await backfillRates(ctx);
  const { cal, cases, reviewing, notices, rectifications } = await readWatched(ctx, today);
  const panels = await readPanels(ctx, reviewing);
  const names = new Map(reviewing.map((d) => [d._id, d.name]));
  const dueCases = casesDue(cal, today, cases);
  const caseReminders = await remindCases(ctx, dueCases);
  const casesFlagged = await flagOverdueCases(ctx, dueCases);
  const scoringReminders = await remindScoring(ctx, scoringDue(cal, today, panels), names);
  const publicityReminders = await remindPublicity(ctx, publicityEnding(cal, today, notices));
  const materialReminders = await remindMaterials(ctx, materialsOverdue(cal, today, reviewing));
  const rect = await remindRectifications(ctx, rectificationsDue(cal, today, rectifications));
  return {
    today,
    publicityBackfilled: backfilled.comments + backfilled.notices,
    ratesBackfilled,
    caseReminders,
    casesFlagged,
    scoringReminders,
    publicityReminders,
    materialReminders,
    rectificationReminders: rect.reminders,
    rectificationsOverdue: rect.overdue,
  };
}
