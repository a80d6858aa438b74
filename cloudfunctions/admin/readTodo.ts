/**
 * 待办 (issue 22): what waits for the bureau today, computed from the records, each item with its working-day due day
 * on the holiday calendar (with the bureau's own entries). What the reminder jobs act on (bad-rating cases, scoring,
 * publicity ends, material requests, rectifications) is decided by the same functions (notify/deadlines.ts); the
 * rest is due by the bureau's own targets (types/todo.ts TODO_TARGETS). Two rounds of reads whatever the number of
 * records: the lists together, then the panels, names and comment counts together.
 */
import type { AppealDoc } from '../../types/assessment';
import type { DeclarationDoc } from '../../types/declaration';
import { LEVEL_LABELS } from '../../types/rating';
import type { OrgDoc } from '../../types/org';
import type { ProductDoc } from '../../types/product';
import type { CommentDoc } from '../../types/publicity';
import { shanghaiDate } from '../../types/time';
import { TODO_KINDS, TODO_TARGETS, type TodoItem, type TodoKind, type TodoResult } from '../../types/todo';
import type { WorkingDayCalendar } from '../../types/workdays';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findAll, findByIds } from '../_lib/store/pages';
import { MAX_PAGE } from '../_lib/store/port';
import { caseReviewsDue, casesDue, deadlineOf, materialsOverdue, publicityEnding, readPanels, readWatched, rectificationsDue, scoringDue, workingDaysAfter, type Deadline } from '../notify/deadlines';
import { currentConfirmations, majorityOf } from '../reviews/panelConfirm';
import { PROVIDER_CASE_PAGE } from '../ratings/cases';

const DECLARATION_PAGE = 'packages/admin/pages/declaration/index';
/** The cases page (the bureau sees every product's), opened at one case. */
const CASES_PAGE = PROVIDER_CASE_PAGE.slice(1);
const clip = (text: string, n = 60) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

function item(kind: TodoKind, recordId: string, title: string, deadline: Deadline | null, page: string, query: Record<string, string>, detail?: string): TodoItem {
  return {
    kind,
    recordId,
    title,
    ...(detail ? { detail } : {}),
    dueOn: deadline?.dueOn ?? null,
    workingDaysLeft: deadline?.workingDaysLeft ?? null,
    overdue: deadline?.overdue ?? false,
    page,
    query,
  };
}

/** A target of `n` working days after an event's day, as a deadline today. */
const target = (cal: WorkingDayCalendar, today: string, eventDay: string, n: number) => deadlineOf(cal, today, workingDaysAfter(cal, eventDay, n));

/** The day a majority of the panel had agreed: the agreement that made it a majority. */
function majorityReachedOn(panel: Parameters<typeof currentConfirmations>[0]): string | null {
  const agreed = currentConfirmations(panel)
    .filter((c) => c.agree)
    .map((c) => c.at)
    .sort();
  const needed = majorityOf(panel.members.length);
  return agreed.length >= needed ? shanghaiDate(new Date(agreed[needed - 1])) : null;
}

/**
 * Per notice, its comments shown but not answered and those held for moderation: the waiting comments of 100 notices
 * at a time in one read (all chunks together); only a chunk with more than a page of them is counted notice by notice.
 */
async function waitingComments(ctx: Ctx, declarationIds: string[]): Promise<Map<string, { unanswered: number; pending: number }>> {
  const out = new Map<string, { unanswered: number; pending: number }>();
  const chunks: string[][] = [];
  for (let i = 0; i < declarationIds.length; i += 100) chunks.push(declarationIds.slice(i, i + 100));
  await Promise.all(
    chunks.map(async (chunk) => {
      const rows = await ctx.store.find<CommentDoc>(COLLECTIONS.comments, { where: { declarationId: { $in: chunk }, status: { $in: ['shown', 'pending'] }, disposition: null }, limit: MAX_PAGE });
      if (rows.length < MAX_PAGE) {
        for (const c of rows) {
          const n = out.get(c.declarationId) ?? { unanswered: 0, pending: 0 };
          if (c.status === 'pending') n.pending++;
          else n.unanswered++;
          out.set(c.declarationId, n);
        }
        return;
      }
      await Promise.all(
        chunk.map(async (id) => {
          const [unanswered, pending] = await Promise.all([ctx.store.count(COLLECTIONS.comments, { declarationId: id, status: 'shown', disposition: null }), ctx.store.count(COLLECTIONS.comments, { declarationId: id, status: 'pending', disposition: null })]);
          out.set(id, { unanswered, pending });
        }),
      );
    }),
  );
  return out;
}

export async function readTodo(_input: unknown, ctx: Ctx): Promise<TodoResult> {
  const today = ctx.clock.today();
  const [{ cal, cases, reviewing, notices, rectifications, caseReviews }, appeals, registrations] = await Promise.all([
    readWatched(ctx, today),
    findAll<AppealDoc>(ctx.store, COLLECTIONS.assessmentAppeals, { where: { status: 'pending' } }),
    findAll<OrgDoc>(ctx.store, COLLECTIONS.orgs, { where: { status: 'pending' } }),
  ]);
  const dueCases = casesDue(cal, today, cases);
  const reviews = caseReviewsDue(cal, today, caseReviews);
  const [panels, noticeDeclarations, products, commentCounts] = await Promise.all([
    readPanels(ctx, reviewing),
    findByIds<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, notices.map((p) => p._id)),
    findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, [...dueCases.map((x) => x.c.productId), ...reviews.map((x) => x.c.productId), ...appeals.map((a) => a.productId)]),
    waitingComments(ctx, notices.map((p) => p._id)),
  ]);
  const nameOf = new Map([...reviewing, ...noticeDeclarations].map((d) => [d._id, d.name]));
  const productName = new Map(products.map((p) => [p._id, p.name]));
  const items: TodoItem[] = [];

  for (const d of reviewing.filter((x) => x.status === 'submitted')) {
    const submittedOn = shanghaiDate(new Date(d.submittedAt ?? d.updatedAt));
    items.push(item('awaitingPanel', d._id, d.name, target(cal, today, submittedOn, TODO_TARGETS.drawPanel), DECLARATION_PAGE, { id: d._id }, `${submittedOn} 提交`));
  }
  for (const { panel, waiting, deadline } of scoringDue(cal, today, panels))
    items.push(item('scoringDue', panel._id, nameOf.get(panel._id) ?? '', deadline, DECLARATION_PAGE, { id: panel._id }, `${waiting.length}/${panel.members.length} 份评分未提交`));
  for (const panel of panels) {
    const reached = majorityReachedOn(panel);
    if (!reached) continue;
    const agreed = currentConfirmations(panel).filter((c) => c.agree).length;
    items.push(item('panelConfirmed', panel._id, nameOf.get(panel._id) ?? '', target(cal, today, reached, TODO_TARGETS.confirmResult), DECLARATION_PAGE, { id: panel._id }, `评审组 ${agreed}/${panel.members.length} 位同意评审结果`));
  }
  for (const { p, deadline } of publicityEnding(cal, today, notices))
    items.push(item('publicityEnding', p._id, nameOf.get(p._id) ?? '', deadline, DECLARATION_PAGE, { id: p._id }, deadline.overdue ? `公示已于 ${deadline.dueOn} 期满，待结束公示` : `公示至 ${deadline.dueOn} 止`));
  notices.forEach((p) => {
    const { unanswered, pending } = commentCounts.get(p._id) ?? { unanswered: 0, pending: 0 };
    if (!unanswered && !pending) return;
    const endsOn = p.windows[p.windows.length - 1].endsOn;
    const detail = [unanswered ? `${unanswered} 条意见待答复` : '', pending ? `${pending} 条意见待审核` : ''].filter(Boolean).join('，');
    items.push(item('commentsUnanswered', p._id, nameOf.get(p._id) ?? '', target(cal, today, endsOn, TODO_TARGETS.answerComments), DECLARATION_PAGE, { id: p._id }, detail));
  });
  for (const { d, request, deadline } of materialsOverdue(cal, today, reviewing))
    items.push(item('materialOverdue', d._id, d.name, deadline, DECLARATION_PAGE, { id: d._id }, clip(request.note)));
  for (const { c, deadline } of dueCases)
    items.push(item('caseDue', c._id, productName.get(c.productId) ?? c.productId, deadline, CASES_PAGE, { open: c._id }, `${LEVEL_LABELS[c.level]}（${c.level} 星），${c.openedOn} 收到`));
  for (const { c, deadline } of reviews)
    items.push(item('caseReview', c._id, productName.get(c.productId) ?? c.productId, deadline, CASES_PAGE, { open: c._id }, `${LEVEL_LABELS[c.level]}，${c.review!.requestedOn} 评价人仍不满意${c.review!.reason ? `：${clip(c.review!.reason, 40)}` : ''}`));
  for (const a of appeals)
    items.push(item('appealPending', a._id, productName.get(a.productId) ?? a.productId, target(cal, today, a.filedOn, TODO_TARGETS.decideAppeal), 'packages/admin/pages/assessment/index', { year: String(a.year) }, `${a.year} 年度测评申诉，${a.filedOn} 提出`));
  for (const { r, deadline } of rectificationsDue(cal, today, rectifications))
    items.push(item('rectificationDue', r._id, r.productName, deadline, 'packages/supervision/pages/rectifications/index', { productId: r.productId }, clip(r.reason)));
  for (const o of registrations) {
    const registeredOn = shanghaiDate(new Date(o.createdAt));
    items.push(item('registrationPending', o._id, o.name, target(cal, today, registeredOn, TODO_TARGETS.verifyRegistration), 'packages/admin/pages/orgs/index', { status: 'pending' }, `${registeredOn} 登记${o.creditCode ? `，统一社会信用代码 ${o.creditCode}` : ''}`));
  }

  const order = new Map(TODO_KINDS.map((k, i) => [k, i]));
  items.sort((a, b) => (a.dueOn ?? '9999') .localeCompare(b.dueOn ?? '9999') || order.get(a.kind)! - order.get(b.kind)! || a.title.localeCompare(b.title, 'zh-Hans-CN') || (a.recordId < b.recordId ? -1 : 1));
  const counts = Object.fromEntries(TODO_KINDS.map((k) => [k, 0])) as Record<TodoKind, number>;
  for (const i of items) counts[i.kind]++;
  const dues = items.map((i) => i.dueOn).filter((x): x is string => !!x).sort();
  const warnings = dues.length ? cal.warnings(dues[0] < today ? dues[0] : today, dues[dues.length - 1] > today ? dues[dues.length - 1] : today) : [];
  return { asOf: today, counts, items, warnings };
}
