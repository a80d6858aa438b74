import * as z from 'zod';
import { dateField, yearField } from '../dates';
import { COMMENT_PAGE, DISPOSITIONS, MIN_PUBLICITY_WORKING_DAYS, type CalendarView, type ModerationComment, type MyComment, type PublicComment, type PublicityListItem } from '../publicity';
import { SPEC_SECTIONS } from '../specFields';
import { bulkIds, type BulkResult } from '../bulk';
import { BULK_MAX } from '../limits';

const date = (label: string) => dateField(label, '2026-10-08');
const declarationId = z.string({ error: '缺少申报编号' }).min(1, '缺少申报编号').max(64, '申报编号不正确');
const commentId = z.string({ error: '缺少意见编号' }).min(1, '缺少意见编号').max(64, '意见编号不正确');
const workingDays = z.number({ error: '请填写公示天数' }).int('公示天数应为整数').min(MIN_PUBLICITY_WORKING_DAYS, `公示时间不少于 ${MIN_PUBLICITY_WORKING_DAYS} 个工作日`).max(60, '公示天数过长');

export const startPublicityInput = z.strictObject({
  declarationIds: z.array(declarationId).min(1, '请选择要公示的产品').max(BULK_MAX, `一次最多公示 ${BULK_MAX} 个产品`),
  startsOn: date('公示开始日期'),
  workingDays,
});

export const commentInput = z.strictObject({
  declarationId,
  text: z.string({ error: '请填写意见' }).trim().min(5, '意见至少 5 个字').max(1000, '意见不能超过 1000 字'),
  /** The specification section the comment is about. */
  anchor: z.enum(SPEC_SECTIONS.map((s) => s.key) as [string, ...string[]], { error: '没有这个栏目' }).optional(),
});

export const disposeInput = z.strictObject({
  commentId,
  disposition: z.enum(DISPOSITIONS, { error: '处理结果应为采纳、部分采纳、不予采纳或与本产品无关' }),
  reply: z.string({ error: '请填写答复' }).trim().min(2, '请填写答复').max(1000, '答复不能超过 1000 字'),
});

/** Issue 22: one answer for a selection of comments, each answered by `dispose` (its own record and audit entry). */
export const disposeManyInput = z.strictObject({
  commentIds: bulkIds('意见'),
  disposition: disposeInput.shape.disposition,
  reply: disposeInput.shape.reply,
});

const page = {
  cursor: z.string().max(300, '翻页位置已失效，请重新打开').optional(),
  limit: z.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(COMMENT_PAGE.max, `每页最多 ${COMMENT_PAGE.max} 条`).optional(),
};
export const commentsInput = z.strictObject({ declarationId, ...page });
export const moderationInput = z.strictObject({ declarationId, ...page });

export const disposeGroupInput = z.strictObject({
  declarationId,
  groupId: z.string({ error: '缺少意见组编号' }).min(1, '缺少意见组编号').max(64, '意见组编号不正确'),
  disposition: disposeInput.shape.disposition,
  reply: disposeInput.shape.reply,
});

export const moderateInput = z.strictObject({
  commentId,
  decision: z.enum(['show', 'hide'], { error: '请选择公开或不公开' }),
  reason: z.string().trim().max(200, '理由不能超过 200 字').optional(),
});

export const closePublicityInput = z.strictObject({
  declarationId,
  outcome: z.enum(['recognised', 'rejected', 'extended'], { error: '结果应为通过、不通过或延长公示' }),
  reason: z.string().trim().max(500, '理由不能超过 500 字').optional(),
  /** For `extended`: the new window. */
  startsOn: date('延长公示开始日期').optional(),
  workingDays: workingDays.optional(),
});

export const setCalendarInput = z.strictObject({
  year: yearField('年份', 2004),
  holidays: z.array(date('放假日期')).max(60),
  workdays: z.array(date('调休上班日期')).max(20),
});

export const publicitySchemas = {
  start: startPublicityInput,
  list: z.strictObject({}),
  get: z.strictObject({ declarationId }),
  comment: commentInput,
  comments: commentsInput,
  dispose: disposeInput,
  disposeMany: disposeManyInput,
  moderate: moderateInput,
  moderation: moderationInput,
  disposeGroup: disposeGroupInput,
  close: closePublicityInput,
  setCalendar: setCalendarInput,
  calendar: z.strictObject({ year: yearField('年份', 2004) }),
};

export interface PublicityDetail extends PublicityListItem {
  summary: string;
  details: Record<string, string>;
  windows: { startsOn: string; endsOn: string; workingDays: number }[];
}

export interface PublicityApi {
  /**
   * Each declaration starts in its own transaction (issue 22): one that is not 拟定 (or not found) is refused and listed
   * in `results` while the others start; `started` lists those that did.
   */
  start: [z.input<typeof startPublicityInput>, { started: { declarationId: string; startsOn: string; endsOn: string }[]; endsOn: string; warnings: string[] } & BulkResult];
  list: [Record<string, never>, { items: PublicityListItem[] }];
  get: [{ declarationId: string }, PublicityDetail];
  comment: [z.input<typeof commentInput>, { commentId: string; status: 'shown' | 'pending' | 'hidden'; pseudonym: string }];
  comments: [z.input<typeof commentsInput>, { comments: PublicComment[]; mine: MyComment[]; closed: boolean; nextCursor: string | null }];
  dispose: [z.input<typeof disposeInput>, MyComment];
  disposeMany: [z.input<typeof disposeManyInput>, BulkResult];
  moderate: [z.input<typeof moderateInput>, MyComment];
  moderation: [z.input<typeof moderationInput>, { comments: ModerationComment[]; nextCursor: string | null; total: number; unanswered: number }];
  disposeGroup: [z.input<typeof disposeGroupInput>, { groupId: string; answered: number; groupSize: number }];
  close: [z.input<typeof closePublicityInput>, { status: string; endsOn: string | null }];
  setCalendar: [z.input<typeof setCalendarInput>, CalendarView];
  calendar: [{ year: number }, CalendarView];
}
