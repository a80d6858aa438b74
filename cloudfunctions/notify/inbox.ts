import type { InboxResult, OutboxMessage, OutboxResult } from '../../types/actions/notify';
import { INBOX_PAGE, type MessageDoc, type MessageView } from '../../types/notify';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { inboxKeysOf } from '../_lib/notify';
import { inTransactions } from '../_lib/store/pages';
import type { Where } from '../_lib/store/port';
import { findByIds } from '../_lib/store/pages';
import type { UserDoc } from '../_lib/identity';
import type { OrgDoc } from '../../types/org';
import type { ExpertDoc } from '../../types/review';

const toView = (m: MessageDoc): MessageView => ({ id: m._id, kind: m.kind, title: m.title, body: m.body, link: m.link, createdAt: m.createdAt, read: m.readAt !== null });

async function unreadOf(ctx: Ctx, keys: string[]): Promise<number> {
  return ctx.store.count(COLLECTIONS.messages, { recipient: { $in: keys }, readAt: null });
}

/** The caller's messages, newest first, a page at a time, with how many are unread. */
export async function readInbox(input: { page?: number; unreadOnly?: boolean }, ctx: Ctx): Promise<InboxResult> {
  const keys = inboxKeysOf(ctx.caller);
  const page = input.page ?? 0;
  const where: Where = { recipient: { $in: keys }, ...(input.unreadOnly ? { readAt: null } : {}) };
  const docs = await ctx.store.find<MessageDoc>(COLLECTIONS.messages, { where, orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip: page * INBOX_PAGE, limit: INBOX_PAGE + 1 });
  return { messages: docs.slice(0, INBOX_PAGE).map(toView), unread: await unreadOf(ctx, keys), page, hasMore: docs.length > INBOX_PAGE };
}

/** Messages marked in one transaction. */
const MARK_BATCH = 20;

/** Marks the caller's messages read: some by id, or all of them. Another person's message is left alone. */
export async function markRead(input: { ids?: string[]; all?: true }, ctx: Ctx) {
  const keys = inboxKeysOf(ctx.caller);
  const now = ctx.clock.now().toISOString();
  const ids = input.all
    ? (await ctx.store.find<MessageDoc>(COLLECTIONS.messages, { where: { recipient: { $in: keys }, readAt: null }, limit: 1000 })).map((m) => m._id)
    : [...new Set(input.ids ?? [])];
  // Batches of messages in transactions side by side, each with its audit entry (issue 25: a thousand unread messages
  // in one transaction were two thousand round trips one after another).
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += MARK_BATCH) batches.push(ids.slice(i, i + MARK_BATCH));
  const counts = await inTransactions(
    ctx.store,
    batches,
    async (tx, batch) => {
      let n = 0;
      for (const id of batch) {
        const m = await tx.get<MessageDoc>(COLLECTIONS.messages, id);
        if (!m || !keys.includes(m.recipient) || m.readAt) continue;
        await tx.update(COLLECTIONS.messages, id, { readAt: now });
        n++;
      }
      if (n) await appendAudit(tx, ctx, { collection: COLLECTIONS.messages, recordId: `inbox:${ctx.caller.userId}`, change: { read: n } });
      return n;
    },
    { perTx: 1 },
  );
  const marked = counts.reduce((a, n) => a + n, 0);
  return { marked, unread: await unreadOf(ctx, keys) };
}

/**
 * Who each recipient key is, by name: the organisation (o:), the expert (e:), the bureau, and for a person (u:) the
 * organisation they act for, else 市民 (a citizen has no name here, and none is shown). Three reads together.
 */
async function recipientNames(ctx: Ctx, recipients: string[]): Promise<Map<string, string>> {
  const ids = (prefix: string) => [...new Set(recipients.filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length)))];
  const [users, experts] = await Promise.all([findByIds<UserDoc>(ctx.store, COLLECTIONS.users, ids('u:')), findByIds<ExpertDoc>(ctx.store, COLLECTIONS.experts, ids('e:'))]);
  const orgs = await findByIds<OrgDoc>(ctx.store, COLLECTIONS.orgs, [...ids('o:'), ...users.map((u) => u.orgId).filter((o): o is string => !!o)]);
  const orgName = new Map(orgs.map((o) => [o._id, o.name]));
  const userOrg = new Map(users.map((u) => [u._id, u.orgId]));
  const expertName = new Map(experts.map((e) => [e._id, e.name]));
  const names = new Map<string, string>();
  for (const r of new Set(recipients)) {
    if (r === 'admin') names.set(r, '市司法局');
    else if (r.startsWith('o:')) names.set(r, orgName.get(r.slice(2)) ?? '（已删除的单位）');
    else if (r.startsWith('e:')) names.set(r, expertName.get(r.slice(2)) ? `专家 ${expertName.get(r.slice(2))}` : '（已删除的专家）');
    else {
      const org = userOrg.get(r.slice(2));
      names.set(r, org && orgName.get(org) ? `${orgName.get(org)}（个人）` : '市民');
    }
  }
  return names;
}

/** The bureau's view of every message written, with how its WeChat delivery went. */
export async function readOutbox(input: { page?: number; kind?: string; status?: string; recordId?: string }, ctx: Ctx): Promise<OutboxResult> {
  const page = input.page ?? 0;
  const where: Where = {};
  if (input.kind) where.kind = input.kind;
  if (input.status) where.sendStatus = input.status;
  if (input.recordId) where.recordId = input.recordId;
  const docs = await ctx.store.find<MessageDoc>(COLLECTIONS.messages, { where, orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip: page * INBOX_PAGE, limit: INBOX_PAGE + 1 });
  const shown = docs.slice(0, INBOX_PAGE);
  const names = await recipientNames(ctx, shown.map((m) => m.recipient));
  const messages: OutboxMessage[] = shown.map((m) => ({ ...toView(m), recipient: m.recipient, recipientName: names.get(m.recipient)!, recordId: m.recordId, sendStatus: m.sendStatus, sentAt: m.sentAt, sendDetail: m.sendDetail }));
  return { messages, page, hasMore: docs.length > INBOX_PAGE };
}
