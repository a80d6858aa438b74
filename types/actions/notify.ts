import * as z from 'zod';
import { NOTIFY_KINDS, type MessageView, type DeliveryStatus, type NotifyKind } from '../notify';

const page = z.number({ error: '页码应为数字' }).int('页码应为整数').min(0, '页码不能小于 0').max(500, '页码太大了').optional();
const messageIdField = z.string({ error: '缺少消息编号' }).min(1, '缺少消息编号').max(128, '消息编号不正确');

export const inboxInput = z.strictObject({ page, unreadOnly: z.boolean({ error: '“只看未读”应为是或否' }).optional() });
export type InboxInput = z.input<typeof inboxInput>;
export interface InboxResult {
  messages: MessageView[];
  unread: number;
  page: number;
  hasMore: boolean;
}

export const markReadInput = z
  .strictObject({
    ids: z.array(messageIdField, { error: '请选择要标记的消息' }).max(50, '一次最多标记 50 条').optional(),
    all: z.literal(true, { error: '“全部已读”应为 true' }).optional(),
  })
  .refine((v) => (v.ids && v.ids.length > 0) || v.all, { message: '请选择要标记为已读的消息', path: ['ids'] });
export type MarkReadInput = z.input<typeof markReadInput>;

export const outboxInput = z.strictObject({
  page,
  kind: z.enum(NOTIFY_KINDS, { error: '消息类型不正确' }).optional(),
  status: z.enum(['pending', 'sent', 'failed', 'skipped'], { error: '发送状态应为待发送、已发送、失败或未发送' }).optional(),
  recordId: z.string().trim().min(1, '记录编号不能为空').max(64, '记录编号不正确').optional(),
});
export type OutboxInput = z.input<typeof outboxInput>;
export interface OutboxMessage extends MessageView {
  recipient: string;
  /** Issue 22: who the recipient is — the organisation's or expert's name, 市司法局, or 市民 for a person without one. */
  recipientName: string;
  recordId: string;
  sendStatus: DeliveryStatus;
  sentAt: string | null;
  sendDetail: string | null;
}
export interface OutboxResult {
  messages: OutboxMessage[];
  page: number;
  hasMore: boolean;
}

export const notifySchemas = {
  inbox: inboxInput,
  markRead: markReadInput,
  outbox: outboxInput,
};

export interface NotifyApi {
  inbox: [InboxInput, InboxResult];
  markRead: [MarkReadInput, { marked: number; unread: number }];
  outbox: [OutboxInput, OutboxResult];
}
export type { NotifyKind };
