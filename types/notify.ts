/**
 * Notifications (消息): the kinds of message the system writes, their Chinese titles, and the WeChat subscription
 * template each one goes out through. Template ids come from configuration (NOTIFY_TEMPLATE_<KEY> in the cloud,
 * TARO_APP_NOTIFY_TEMPLATE_<KEY> for the mini-program's subscription prompt); locally they are empty and messages
 * only sit in the inbox.
 */

/** The WeChat subscription templates the bureau applies for in the mini-program console (一次性订阅消息). */
export const TEMPLATE_KEYS = ['TASK', 'DEADLINE', 'RESULT'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/**
 * What each template's fields are called in the console (thing = ≤ 20 characters of text, date = a date).
 * The sender fills `thing1` with the title, `thing2` with the body (cut to 20 characters) and `date3` with the day.
 */
export const TEMPLATE_FIELDS: Record<TemplateKey, { label: string; title: string; body: string; date: string }> = {
  TASK: { label: '待办事项提醒', title: 'thing1', body: 'thing2', date: 'date3' },
  DEADLINE: { label: '办理期限提醒', title: 'thing1', body: 'thing2', date: 'date3' },
  RESULT: { label: '办理结果通知', title: 'thing1', body: 'thing2', date: 'date3' },
};
/** WeChat's limit on a `thing` field. */
export const THING_MAX = 20;

export const NOTIFY_KINDS = [
  'materialRequested',
  'materialOverdue',
  'panelAssigned',
  'panelChanged',
  'scoringDueSoon',
  'resultConfirmed',
  'publicityStarted',
  'publicityEndingSoon',
  'publicityEnded',
  'caseOpened',
  'caseDueSoon',
  'caseOverdue',
  'rectificationOpened',
  'rectificationDueSoon',
  'rectificationOverdue',
  'commentAnswered',
  'caseResponded',
  'caseReviewRequested',
  'caseReviewDecided',
  'caseReopened',
  'creditRecorded',
] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

export const NOTIFY_KIND_INFO: Record<NotifyKind, { title: string; template: TemplateKey }> = {
  materialRequested: { title: '请补充申报材料', template: 'TASK' },
  materialOverdue: { title: '补充材料已过期限', template: 'DEADLINE' },
  panelAssigned: { title: '您有新的评审任务', template: 'TASK' },
  /** Issue 21: a member left the panel (taken out of the pool); the result waits for the panel as it now stands. */
  panelChanged: { title: '评审组成员有变动', template: 'RESULT' },
  scoringDueSoon: { title: '评分即将截止', template: 'DEADLINE' },
  resultConfirmed: { title: '评审结果已确认', template: 'RESULT' },
  publicityStarted: { title: '产品开始公示', template: 'RESULT' },
  publicityEndingSoon: { title: '公示即将期满', template: 'DEADLINE' },
  publicityEnded: { title: '公示已结束', template: 'RESULT' },
  caseOpened: { title: '收到差评，请限期整改', template: 'TASK' },
  caseDueSoon: { title: '差评整改明天到期', template: 'DEADLINE' },
  caseOverdue: { title: '差评整改已逾期', template: 'DEADLINE' },
  rectificationOpened: { title: '产品被要求限期整改', template: 'TASK' },
  rectificationDueSoon: { title: '限期整改明天到期', template: 'DEADLINE' },
  rectificationOverdue: { title: '限期整改已逾期', template: 'DEADLINE' },
  // Issue 24, hearing back: the citizen is told what became of their comment and their bad rating; the bureau of a
  // review asked for; the provider of a review's outcome and of a credit record made about it.
  commentAnswered: { title: '您的意见有了答复', template: 'RESULT' },
  caseResponded: { title: '服务单位答复了您的评价', template: 'RESULT' },
  caseReviewRequested: { title: '群众仍不满意，请复核', template: 'TASK' },
  caseReviewDecided: { title: '差评复核有了结果', template: 'RESULT' },
  caseReopened: { title: '差评复核：请重新整改', template: 'TASK' },
  creditRecorded: { title: '单位有一条新的信用信息', template: 'RESULT' },
};

/** Deadlines as data: how far ahead a reminder goes out, in working days. */
export const REMIND_BEFORE = {
  /** A bad-rating case due within this many working days gets a reminder to the provider. */
  caseDue: 1,
  /** A panel's scoring deadline within this many working days: a reminder to members who have not submitted. */
  scoringDue: 2,
  /**
   * The last day of a publicity window is within this many working days: a reminder to the bureau, and the window is on
   * its to-do list (issue 22: two working days to prepare the answers to the comments).
   */
  publicityEnd: 2,
  /** A rectification (限期整改) due within this many working days: a reminder to the provider. */
  rectificationDue: 1,
} as const;
/** A panel's scoring deadline when the draw gives none: this many working days after the draw. */
export const SCORING_WORKING_DAYS = 10;

/**
 * Who a message is for. One message per recipient key: a person (`u:`), an organisation's staff (`o:`), an expert-pool
 * record (`e:`, read by the account bound to it) or the bureau (`admin`).
 */
export type Recipient = string;
export const INBOX_PAGE = 20;

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export interface MessageDoc {
  /** `<kind>:<recordId>:<recipient>:<occasion>`: the same event for the same person is one message. */
  _id: string;
  kind: NotifyKind;
  recipient: Recipient;
  recordId: string;
  title: string;
  body: string;
  /** A page in the mini-program to open, e.g. `/packages/applicant/pages/declaration/index?id=…`. */
  link: string | null;
  /** For sorting and the subscription message's date. */
  createdAt: string;
  readAt: string | null;
  /** WeChat subscription delivery (cloud only; locally it stays pending and the inbox is the channel). */
  sendStatus: DeliveryStatus;
  sentAt: string | null;
  sendDetail: string | null;
}

export interface MessageView {
  id: string;
  kind: NotifyKind;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}
