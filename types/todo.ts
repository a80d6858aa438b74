/**
 * The bureau's to-do list (待办, issue 22): what waits for the bureau, computed from the records, each with its
 * working-day deadline from the holiday calendar (types/workdays.ts, with the bureau's own entries). The deadline
 * decisions are the ones the reminder jobs use (cloudfunctions/notify/deadlines.ts): one source for both.
 */

export const TODO_KINDS = [
  /** Submitted declarations without a panel yet. */
  'awaitingPanel',
  /** Panels whose scoring deadline is within REMIND_BEFORE.scoringDue working days or past, with sheets outstanding. */
  'scoringDue',
  /** Panels a majority of whose members agreed with the result: ready for the bureau's confirmation. */
  'panelConfirmed',
  /** Open publicity windows ending within REMIND_BEFORE.publicityEnd working days, or ended and not yet closed. */
  'publicityEnding',
  /** Notices with comments shown but not answered, or held for moderation. */
  'commentsUnanswered',
  /** Material requests past their due day without an answer. */
  'materialOverdue',
  /** Open bad-rating cases due within REMIND_BEFORE.caseDue working days, or past due. */
  'caseDue',
  /** Bad-rating cases the person was still not satisfied with, waiting for the bureau's review (复核), by its deadline. */
  'caseReview',
  /** Assessment appeals waiting for the bureau's decision. */
  'appealPending',
  /** Open rectifications (限期整改) due within REMIND_BEFORE.rectificationDue working days, or past due. */
  'rectificationDue',
  /** Self-registered organisations waiting for verification. */
  'registrationPending',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_KIND_LABELS: Record<TodoKind, string> = {
  awaitingPanel: '待抽取评审组',
  scoringDue: '评分即将截止或已逾期',
  panelConfirmed: '评审组已确认，待市司法局确认结果',
  publicityEnding: '公示即将期满或待结束',
  commentsUnanswered: '公示意见待答复',
  materialOverdue: '补充材料逾期未交',
  caseDue: '差评整改即将到期或已逾期',
  caseReview: '差评复核待办理',
  appealPending: '测评申诉待处理',
  rectificationDue: '限期整改即将到期或已逾期',
  registrationPending: '单位登记待核验',
};

/**
 * The bureau's own working-day targets (办理时限) where the regulation sets none: how many working days after the
 * event the bureau aims to have acted. Counted from the day after the event (the event's day is not a working day
 * of the period), on the working-day calendar.
 */
export const TODO_TARGETS = {
  /** A submitted declaration has its panel drawn within this many working days of submission. */
  drawPanel: 10,
  /** Once a majority of the panel agreed, the bureau confirms the result within this many working days. */
  confirmResult: 3,
  /** Comments are answered within this many working days after the window's last day (closing needs every answer). */
  answerComments: 2,
  /** An appeal is decided within this many working days of its filing. */
  decideAppeal: 5,
  /** A self-registered organisation is verified within this many working days of registering. */
  verifyRegistration: 5,
} as const;

export interface TodoItem {
  kind: TodoKind;
  /** The record the item opens: a declaration, case, appeal, rectification or organisation id. */
  recordId: string;
  /** What it is about, e.g. the product's or organisation's name. */
  title: string;
  /** One line of detail, e.g. "2/5 份评分未提交". */
  detail?: string;
  dueOn: string | null;
  /** Working days from tomorrow to `dueOn` (0: due today); negative when overdue. Null without a due date. */
  workingDaysLeft: number | null;
  overdue: boolean;
  /** The app page that opens the record, e.g. 'packages/admin/pages/declaration/index' (no leading slash). */
  page: string;
  /** The page's query, e.g. { id: 'd123' }. */
  query: Record<string, string>;
}

export interface TodoResult {
  /** The day the list was computed for (Asia/Shanghai). */
  asOf: string;
  /** Items of each kind (every kind present, 0 when none). */
  counts: Record<TodoKind, number>;
  /** Sorted by due day, overdue first; items without a due day last. */
  items: TodoItem[];
  /** Calendar years counted without a published calendar (types/workdays.ts warnings). */
  warnings: string[];
}
