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
import { inTransactions } from '../_lib/store/pages';
import type { Tx } from '../_lib/store/port';
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

/** A notice to write, and the collection its audit entry names. */
interface Reminder {
  notice: Notice;
  auditCollection: string;
}

/** One notice in its own transaction, with an audit entry when it wrote something. */
async function sendIn(tx: Tx, ctx: Ctx, { notice, auditCollection }: Reminder): Promise<number> {
  const n = await notify(tx, ctx, notice);
  if (n) await appendAudit(tx, ctx, { collection: auditCollection, recordId: notice.recordId, change: { reminder: notice.kind, occasion: notice.occasion ?? null } });
  return n;
}

/** Open cases past their due day: flagged `overdue` once, and the bureau is told. 1 when it flagged the case. */
async function flagOverdue(tx: Tx, ctx: Ctx, c: CaseDoc): Promise<number> {
  const fresh = await tx.get<CaseDoc>(COLLECTIONS.ratingCases, c._id);
  if (!fresh || fresh.status !== 'open' || fresh.overdue === true) return 0;
  await tx.update(COLLECTIONS.ratingCases, c._id, { overdue: true });
  await notify(tx, ctx, { to: 'admin', kind: 'caseOverdue', recordId: c._id, occasion: c.dueOn, body: `一项差评整改已于 ${c.dueOn} 到期，服务单位尚未答复`, link: caseLink(PROVIDER_CASE_PAGE, c._id) });
  await appendAudit(tx, ctx, { collection: COLLECTIONS.ratingCases, recordId: c._id, change: { overdue: true, dueOn: c.dueOn } });
  return 1;
}

/** What each job counts in the report. */
type Counted = 'caseReminders' | 'casesFlagged' | 'scoringReminders' | 'publicityReminders' | 'materialReminders' | 'rectificationReminders' | 'rectificationsOverdue';

/**
 * Every job's writes, each in its own transaction, the transactions side by side (issue 25: a day with a thousand
 * cases due is a thousand transactions, which one after another would outrun the timer's timeout); counted per job.
 */
async function writeAll(ctx: Ctx, work: { job: Counted; write: (tx: Tx) => Promise<number> }[]): Promise<Record<Counted, number>> {
  const done = await inTransactions(ctx.store, work, (tx, w) => w.write(tx), { perTx: 1 });
  const counts: Record<Counted, number> = { caseReminders: 0, casesFlagged: 0, scoringReminders: 0, publicityReminders: 0, materialReminders: 0, rectificationReminders: 0, rectificationsOverdue: 0 };
  work.forEach((w, i) => (counts[w.job] += done[i]));
  return counts;
}

/** Open bad-rating cases due within a working day: a reminder to the providing organisation. */
function caseReminders(due: ReturnType<typeof casesDue>): Reminder[] {
  return due
    .filter(({ c, deadline }) => !deadline.overdue && c.orgId)
    .map(({ c }) => ({ notice: { to: { orgId: c.orgId }, kind: 'caseDueSoon', recordId: c._id, occasion: c.dueOn, body: `一项差评整改将于 ${c.dueOn} 到期，请及时回访并答复`, link: caseLink(PROVIDER_CASE_PAGE, c._id) }, auditCollection: COLLECTIONS.ratingCases }));
}

/** Scoring due within two working days: a reminder to each member who has not submitted. */
function scoringReminders(due: ReturnType<typeof scoringDue>, names: Map<string, string>): Reminder[] {
  return due
    .filter(({ deadline }) => !deadline.overdue)
    .map(({ panel: p, waiting, deadline }) => ({ notice: { to: { expertIds: waiting }, kind: 'scoringDueSoon', recordId: p._id, occasion: deadline.dueOn, body: `“${names.get(p._id) ?? ''}”的评分将于 ${deadline.dueOn} 截止，请及时提交`, link: `/packages/expert/pages/score/index?id=${p._id}` }, auditCollection: COLLECTIONS.declarations }));
}

/** A publicity window whose last day is near: the bureau is reminded to answer the comments and close it. */
function publicityReminders(due: ReturnType<typeof publicityEnding>): Reminder[] {
  return due
    .filter(({ deadline }) => !deadline.overdue)
    .map(({ p, deadline }) => ({ notice: { to: 'admin', kind: 'publicityEndingSoon', recordId: p._id, occasion: deadline.dueOn, body: `一项公示将于 ${deadline.dueOn} 期满，期满后请答复意见并结束公示`, link: `/pages/notice/index?id=${p._id}` }, auditCollection: COLLECTIONS.declarations }));
}

/** A material request past its due day without an answer: a reminder to the applicant. */
function materialReminders(due: ReturnType<typeof materialsOverdue>): Reminder[] {
  return due.map(({ d, request: r }) => ({ notice: { to: { orgId: d.orgId }, kind: 'materialOverdue', recordId: d._id, occasion: r.requestId, body: `“${d.name}”的补充材料要求已于 ${r.dueOn} 到期，请尽快补充`, link: `/packages/applicant/pages/form/index?id=${d._id}` }, auditCollection: COLLECTIONS.declarations }));
}

/** 限期整改: due within a working day, a reminder to the provider; past it unanswered, the bureau is told once. */
function rectificationReminders(due: ReturnType<typeof rectificationsDue>): { reminders: Reminder[]; overdue: Reminder[] } {
  const reminder = ({ r }: (typeof due)[number]): Reminder => ({ notice: { to: { orgId: r.orgId }, kind: 'rectificationDueSoon', recordId: r._id, occasion: r.dueOn, body: `“${r.productName}”的限期整改将于 ${r.dueOn} 到期，请及时答复整改情况`, link: '/packages/supervision/pages/mine/index' }, auditCollection: COLLECTIONS.rectifications });
  const overdue = ({ r }: (typeof due)[number]): Reminder => ({ notice: { to: 'admin', kind: 'rectificationOverdue', recordId: r._id, occasion: r.dueOn, body: `“${r.productName}”的限期整改已于 ${r.dueOn} 到期，服务单位尚未答复`, link: '/packages/supervision/pages/rectifications/index' }, auditCollection: COLLECTIONS.rectifications });
  return { reminders: due.filter((x) => !x.deadline.overdue && x.r.orgId).map(reminder), overdue: due.filter((x) => x.deadline.overdue).map(overdue) };
}

/**
 * Every job, on what is due today: the records are read together (and beside the one-time backfills, which touch
 * other records), the due and overdue decisions are deadlines.ts's (the same the bureau's to-do list shows), and each
 * message is written in its own transaction, the transactions side by side.
 */
export async function runJobs(ctx: Ctx): Promise<JobReport> {
  const today = ctx.clock.today();
  const [backfilled, ratesBackfilled, { cal, cases, reviewing, notices, rectifications }] = await Promise.all([
    // Older publicity records brought up to date (one read once done): paging and the list rely on them.
    backfillPublicity(ctx),
    // Shown satisfaction rates re-derived once under the one definition of 满意率 (issue 21).
    backfillRates(ctx),
    readWatched(ctx, today),
  ]);
  const panels = await readPanels(ctx, reviewing);
  const names = new Map(reviewing.map((d) => [d._id, d.name]));
  const dueCases = casesDue(cal, today, cases);
  const rect = rectificationReminders(rectificationsDue(cal, today, rectifications));
  const remind = (job: Counted) => (r: Reminder) => ({ job, write: (tx: Tx) => sendIn(tx, ctx, r) });
  const counts = await writeAll(ctx, [
    ...caseReminders(dueCases).map(remind('caseReminders')),
    ...dueCases.filter((x) => x.deadline.overdue && x.c.overdue !== true).map(({ c }) => ({ job: 'casesFlagged' as const, write: (tx: Tx) => flagOverdue(tx, ctx, c) })),
    ...scoringReminders(scoringDue(cal, today, panels), names).map(remind('scoringReminders')),
    ...publicityReminders(publicityEnding(cal, today, notices)).map(remind('publicityReminders')),
    ...materialReminders(materialsOverdue(cal, today, reviewing)).map(remind('materialReminders')),
    ...rect.reminders.map(remind('rectificationReminders')),
    ...rect.overdue.map(remind('rectificationsOverdue')),
  ]);
  return { today, publicityBackfilled: backfilled.comments + backfilled.notices, ratesBackfilled, ...counts };
}
