/**
 * Notifications: one line in a use case writes a message for each recipient into the `messages` outbox, inside the
 * caller's transaction (the event and its message happen together, or neither does). A message's `_id` is made of
 * (kind, record, recipient, occasion), so writing the same event again changes nothing: reminders from jobs that run
 * twice, a retried transaction, a repeated tap.
 */
import { NOTIFY_KIND_INFO, type MessageDoc, type NotifyKind, type Recipient } from '../../types/notify';
import { COLLECTIONS } from './collections';
import type { Caller, Ctx } from './context';
import { sha256 } from './ids';
import type { Tx } from './store/port';

/** People by user id, an organisation's staff, expert-pool records (the account bound to each), or the bureau. */
export type To = { userIds: (string | null | undefined)[] } | { orgId: string | null | undefined } | { expertIds: string[] } | 'admin';

export interface Notice {
  to: To;
  kind: NotifyKind;
  recordId: string;
  /** Defaults to the kind's title (types/notify.ts). */
  title?: string;
  body: string;
  link?: string | null;
  /** What makes a repeat a new message: a material request's id, a window's end date, a due date. Default: none. */
  occasion?: string;
}

export function recipientsOf(to: To): Recipient[] {
  if (to === 'admin') return ['admin'];
  if ('userIds' in to) return [...new Set(to.userIds.filter((u): u is string => !!u))].map((u) => `u:${u}`);
  if ('expertIds' in to) return [...new Set(to.expertIds)].map((e) => `e:${e}`);
  return to.orgId ? [`o:${to.orgId}`] : [];
}

/** The recipient keys whose messages a caller reads in their inbox. */
export function inboxKeysOf(caller: Caller): Recipient[] {
  const keys: Recipient[] = [];
  if (caller.userId) keys.push(`u:${caller.userId}`);
  if (caller.orgId) keys.push(`o:${caller.orgId}`);
  if (caller.expertId) keys.push(`e:${caller.expertId}`);
  if (caller.roles.includes('admin')) keys.push('admin');
  return keys;
}

export function messageId(kind: NotifyKind, recordId: string, recipient: Recipient, occasion = ''): string {
  const id = `${kind}:${recordId}:${recipient}:${occasion}`;
  // The store's ids stop at 128 characters: a long one keeps its kind and becomes a digest of the rest.
  return id.length <= 128 ? id : `${kind}:${sha256(id).slice(0, 40)}`;
}

/** Writes the notice's messages that do not exist yet; returns how many it wrote. */
export async function notify(tx: Tx, ctx: Ctx, notice: Notice): Promise<number> {
  let written = 0;
  const createdAt = ctx.clock.now().toISOString();
  for (const recipient of recipientsOf(notice.to)) {
    const _id = messageId(notice.kind, notice.recordId, recipient, notice.occasion);
    if (await tx.get(COLLECTIONS.messages, _id)) continue;
    const doc: MessageDoc = {
      _id,
      kind: notice.kind,
      recipient,
      recordId: notice.recordId,
      title: notice.title ?? NOTIFY_KIND_INFO[notice.kind].title,
      body: notice.body,
      link: notice.link ?? null,
      createdAt,
      readAt: null,
      sendStatus: 'pending',
      sentAt: null,
      sendDetail: null,
    };
    await tx.insert(COLLECTIONS.messages, doc);
    written++;
  }
  return written;
}
