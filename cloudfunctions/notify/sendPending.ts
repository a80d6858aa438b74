/**
 * The cloud's delivery: pending messages go out as WeChat subscription messages (一次性订阅消息) and the outcome is
 * recorded on each. A recipient who has not subscribed (WeChat answers 43101), a kind whose template is not configured,
 * or a recipient without a WeChat account is recorded as skipped; the inbox still holds the message.
 */
import { NOTIFY_KIND_INFO, TEMPLATE_FIELDS, THING_MAX, type MessageDoc, type TemplateKey } from '../../types/notify';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import type { UserDoc } from '../_lib/identity';
import { findByIds } from '../_lib/store/pages';
import type { ExpertDoc } from '../../types/review';

export interface SubscribeMessageApi {
  openapi: {
    subscribeMessage: {
      send(o: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }>; miniprogramState?: 'developer' | 'trial' | 'formal' }): Promise<{ errCode?: number; errMsg?: string }>;
    };
  };
}

export interface SendReport {
  sent: number;
  skipped: number;
  failed: number;
}

/** Template ids from the function's environment: NOTIFY_TEMPLATE_TASK, _DEADLINE, _RESULT (empty: not configured). */
export function templateIdOf(key: TemplateKey, env: Record<string, string | undefined> = process.env): string {
  return (env[`NOTIFY_TEMPLATE_${key}`] ?? '').trim();
}

const thing = (s: string) => (s.length > THING_MAX ? `${s.slice(0, THING_MAX - 1)}…` : s);

/**
 * The openids behind each recipient key, read with a few batched reads (not one per message): the experts, the
 * organisations' staff and the people together, then the experts' own accounts.
 */
async function openidsOf(ctx: Ctx, messages: MessageDoc[], adminOpenids: string[]): Promise<Map<string, string[]>> {
  const by = (prefix: string) => [...new Set(messages.filter((m) => m.recipient.startsWith(prefix)).map((m) => m.recipient.slice(prefix.length)))];
  const orgIds = by('o:');
  const [experts, orgUsers, people] = await Promise.all([
    findByIds<ExpertDoc>(ctx.store, COLLECTIONS.experts, by('e:')),
    orgIds.length ? ctx.store.find<UserDoc>(COLLECTIONS.users, { where: { orgId: { $in: orgIds.slice(0, 100) } }, limit: 1000 }) : [],
    findByIds<UserDoc>(ctx.store, COLLECTIONS.users, by('u:')),
  ]);
  const users = [...people, ...(await findByIds<UserDoc>(ctx.store, COLLECTIONS.users, experts.map((e) => e.userId).filter((u): u is string => !!u)))];
  const openid = new Map(users.map((u) => [u._id, u.openid]));
  const out = new Map<string, string[]>();
  const keep = (key: string, ids: (string | null | undefined)[]) => out.set(key, ids.filter((x): x is string => !!x));
  keep('admin', adminOpenids);
  for (const u of users) keep(`u:${u._id}`, [u.openid]);
  for (const e of experts) keep(`e:${e._id}`, [e.userId ? openid.get(e.userId) : null]);
  for (const o of orgIds) keep(`o:${o}`, orgUsers.filter((u) => u.orgId === o).map((u) => u.openid));
  return out;
}

export async function sendPending(ctx: Ctx, api: SubscribeMessageApi, options: { adminOpenids: string[]; env?: Record<string, string | undefined> }): Promise<SendReport> {
  const pending = await ctx.store.find<MessageDoc>(COLLECTIONS.messages, { where: { sendStatus: 'pending' }, orderBy: [['createdAt', 'asc']], limit: 100 });
  const report: SendReport = { sent: 0, skipped: 0, failed: 0 };
  if (!pending.length) return report;
  const openids = await openidsOf(ctx, pending, options.adminOpenids);
  // Every message at once (issue 25: the timer's round trips do not grow with what is pending, at most a page of 100
  // a tick): its sends, then its outcome recorded.
  await Promise.all(pending.map(async (m) => {
    const key = NOTIFY_KIND_INFO[m.kind].template;
    const templateId = templateIdOf(key, options.env);
    const to = openids.get(m.recipient) ?? [];
    let status: MessageDoc['sendStatus'] = 'skipped';
    let detail = !templateId ? '未配置订阅消息模板' : !to.length ? '收件人没有微信账号' : '';
    if (templateId && to.length) {
      const f = TEMPLATE_FIELDS[key];
      const data = { [f.title]: { value: thing(m.title) }, [f.body]: { value: thing(m.body) }, [f.date]: { value: m.createdAt.slice(0, 10) } };
      const outcomes = await Promise.all(
        to.map((touser) =>
          api.openapi.subscribeMessage
            .send({ touser, templateId, page: m.link ?? undefined, data, miniprogramState: 'formal' })
            .then((r) => ((r?.errCode ?? 0) === 0 ? 'ok' : String(r?.errCode)))
            .catch((e: { errCode?: number }) => String(e?.errCode ?? 'error')),
        ),
      );
      const ok = outcomes.filter((o) => o === 'ok').length;
      // 43101: the person has not subscribed (or used up the one-time subscription): not a failure of ours.
      status = ok ? 'sent' : outcomes.every((o) => o === '43101') ? 'skipped' : 'failed';
      detail = ok ? `${ok}/${to.length}` : outcomes.join(',');
    }
    await ctx.store.update(COLLECTIONS.messages, m._id, { sendStatus: status, sentAt: ctx.clock.now().toISOString(), sendDetail: detail.slice(0, 200) });
    report[status === 'sent' ? 'sent' : status === 'skipped' ? 'skipped' : 'failed']++;
  }));
  return report;
}
