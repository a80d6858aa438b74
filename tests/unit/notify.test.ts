/** Issue 15: the notification tables as data, message ids, recipients, the timer event, and the cloud sender's outcomes. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { SettableClock } from '../../cloudfunctions/_lib/clock';
import { isTimerEvent } from '../../cloudfunctions/_lib/cloud';
import { APPEND_ONLY, COLLECTIONS, INDEXES } from '../../cloudfunctions/_lib/collections';
import type { Ctx } from '../../cloudfunctions/_lib/context';
import { inboxKeysOf, messageId, notify, recipientsOf } from '../../cloudfunctions/_lib/notify';
import { sendPending, templateIdOf, type SubscribeMessageApi } from '../../cloudfunctions/notify/sendPending';
import { SCHEDULER } from '../../cloudfunctions/notify/jobs';
import { SqliteStore } from '../../server/sqliteStore';
import { NOTIFY_KINDS, NOTIFY_KIND_INFO, REMIND_BEFORE, SCORING_WORKING_DAYS, TEMPLATE_FIELDS, TEMPLATE_KEYS, THING_MAX } from '../../types/notify';

test('the kinds, their titles and templates, and the reminder periods are the data the issue names', () => {
  expect(NOTIFY_KINDS).toHaveLength(21);
  expect(Object.keys(NOTIFY_KIND_INFO).sort()).toEqual([...NOTIFY_KINDS].sort());
  for (const k of NOTIFY_KINDS) {
    expect(TEMPLATE_KEYS).toContain(NOTIFY_KIND_INFO[k].template);
    // A title fits WeChat's `thing` field whole.
    expect(NOTIFY_KIND_INFO[k].title.length).toBeLessThanOrEqual(THING_MAX);
  }
  expect(REMIND_BEFORE).toEqual({ caseDue: 1, scoringDue: 2, publicityEnd: 2, rectificationDue: 1 });
  expect(SCORING_WORKING_DAYS).toBe(10);
  expect(THING_MAX).toBe(20);
  expect(Object.keys(TEMPLATE_FIELDS).sort()).toEqual([...TEMPLATE_KEYS].sort());
});

test('a message id names kind, record, recipient and occasion; a long one becomes a digest under the store’s 128', () => {
  expect(messageId('caseOpened', 'k1', 'o:org1')).toBe('caseOpened:k1:o:org1:');
  expect(messageId('caseDueSoon', 'k1', 'o:org1', '2026-10-13')).toBe('caseDueSoon:k1:o:org1:2026-10-13');
  const long = messageId('materialOverdue', 'd'.repeat(64), `u:${'u'.repeat(60)}`, 'm'.repeat(30));
  expect(long.length).toBeLessThanOrEqual(128);
  expect(long).toMatch(/^materialOverdue:[0-9a-f]{40}$/);
  expect(messageId('materialOverdue', 'd'.repeat(64), `u:${'u'.repeat(60)}`, 'm'.repeat(30))).toBe(long);
});

test('recipients: people, an organisation, experts, the bureau; nobody for a missing organisation', () => {
  expect(recipientsOf({ userIds: ['a', 'a', null, 'b'] })).toEqual(['u:a', 'u:b']);
  expect(recipientsOf({ orgId: 'o1' })).toEqual(['o:o1']);
  expect(recipientsOf({ orgId: null })).toEqual([]);
  expect(recipientsOf({ expertIds: ['e1', 'e2'] })).toEqual(['e:e1', 'e:e2']);
  expect(recipientsOf('admin')).toEqual(['admin']);
  expect(inboxKeysOf({ userId: 'u1', roles: ['citizen', 'applicant'], orgId: 'o1' })).toEqual(['u:u1', 'o:o1']);
  expect(inboxKeysOf({ userId: 'u3', roles: ['citizen', 'expert'], orgId: null, expertId: 'e1' })).toEqual(['u:u3', 'e:e1']);
  expect(inboxKeysOf({ userId: 'admin-local', roles: ['citizen', 'admin'], orgId: null })).toEqual(['u:admin-local', 'admin']);
});

test('only the platform’s timer event, with no caller, runs the jobs', () => {
  expect(isTimerEvent({ Type: 'Timer', TriggerName: 'deadlines', Time: '2026-10-14T01:00:00Z', Message: '' }, '')).toBe(true);
  expect(isTimerEvent({ Type: 'Timer', TriggerName: 'deadlines' }, 'oSomeone')).toBe(false);
  expect(isTimerEvent({ action: 'inbox' }, '')).toBe(false);
  expect(isTimerEvent({ Type: 'Timer' }, '')).toBe(false);
});

describe('the cloud sender', () => {
  let dir: string;
  let store: SqliteStore;
  let ctx: Ctx;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-'));
    store = new SqliteStore({ filename: path.join(dir, 's.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
    const clock = new SettableClock();
    clock.set(new Date('2026-10-12T09:00:00+08:00'));
    ctx = { fn: 'notify', action: 'timer', caller: SCHEDULER, store, clock, files: null as never, content: null as never, runtime: { mode: 'cloud', allowTestClock: false } };
    await store.insert(COLLECTIONS.users, { _id: 'u1', openid: 'oU1', tokenHash: null, roles: ['citizen', 'applicant'], orgId: 'o1', createdAt: '' });
    await store.insert(COLLECTIONS.users, { _id: 'u2', openid: 'oU2', tokenHash: null, roles: ['citizen', 'applicant'], orgId: 'o1', createdAt: '' });
    await store.insert(COLLECTIONS.users, { _id: 'u3', openid: 'oU3', tokenHash: null, roles: ['citizen', 'expert'], orgId: null, expertId: 'e1', createdAt: '' });
    await store.insert(COLLECTIONS.experts, { _id: 'e1', name: '专家', organisation: '大学', kind: 'academic', title: '', specialties: [], phone: '', active: true, userId: 'u3', createdAt: '' });
    await store.insert(COLLECTIONS.experts, { _id: 'e2', name: '未绑定', organisation: '大学', kind: 'academic', title: '', specialties: [], phone: '', active: true, userId: null, createdAt: '' });
    await store.transaction(async (tx) => {
      await notify(tx, ctx, { to: { orgId: 'o1' }, kind: 'caseDueSoon', recordId: 'k1', occasion: '2026-10-13', body: '一项差评整改将于 2026-10-13 到期，请及时回访并答复', link: '/packages/applicant/pages/ratings/index' });
      await notify(tx, ctx, { to: { expertIds: ['e1', 'e2'] }, kind: 'panelAssigned', recordId: 'd1', body: '请评审' });
      await notify(tx, ctx, { to: 'admin', kind: 'caseOverdue', recordId: 'k2', body: '已逾期' });
    });
  });
  afterEach(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('sends each pending message to every openid behind its recipient, and records sent, skipped and failed', async () => {
    const sent: any[] = [];
    const api: SubscribeMessageApi = {
      openapi: {
        subscribeMessage: {
          send: async (o) => {
            sent.push(o);
            if (o.touser === 'oU2') throw { errCode: 43101, errMsg: 'user refuse to accept the msg' };
            if (o.touser === 'oAdmin') return { errCode: 40003 };
            return { errCode: 0 };
          },
        },
      },
    };
    const env = { NOTIFY_TEMPLATE_TASK: 'tmpl-task', NOTIFY_TEMPLATE_DEADLINE: 'tmpl-deadline' };
    const report = await sendPending(ctx, api, { adminOpenids: ['oAdmin'], env });
    // caseDueSoon → o1's two staff (one accepts); panelAssigned → e1 (bound) and e2 (no account); caseOverdue → the admin (an error).
    expect(report).toEqual({ sent: 2, skipped: 1, failed: 1 });
    const due = sent.filter((s) => s.templateId === 'tmpl-deadline' && s.touser !== 'oAdmin');
    expect(due.map((s) => s.touser).sort()).toEqual(['oU1', 'oU2']);
    expect(due[0].data).toEqual({ thing1: { value: '差评整改明天到期' }, thing2: { value: '一项差评整改将于 2026-10-13…' }, date3: { value: '2026-10-12' } });
    expect(due[0].page).toBe('/packages/applicant/pages/ratings/index');
    const docs = new Map((await store.find<any>(COLLECTIONS.messages, { limit: 10 })).map((m) => [m._id, m]));
    expect(docs.get('caseDueSoon:k1:o:o1:2026-10-13')).toMatchObject({ sendStatus: 'sent', sendDetail: '1/2' });
    expect(docs.get('panelAssigned:d1:e:e1:')).toMatchObject({ sendStatus: 'sent' });
    expect(docs.get('panelAssigned:d1:e:e2:')).toMatchObject({ sendStatus: 'skipped', sendDetail: '收件人没有微信账号' });
    expect(docs.get('caseOverdue:k2:admin:')).toMatchObject({ sendStatus: 'failed', sendDetail: '40003' });
    // Nothing pending: a second run sends nothing.
    expect(await sendPending(ctx, api, { adminOpenids: ['oAdmin'], env })).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(sent).toHaveLength(4);
  });

  test('without template ids (local, or not yet configured) nothing is sent and each message says why', async () => {
    const api = { openapi: { subscribeMessage: { send: jest.fn() } } } as unknown as SubscribeMessageApi;
    expect(await sendPending(ctx, api, { adminOpenids: ['oAdmin'], env: {} })).toEqual({ sent: 0, skipped: 4, failed: 0 });
    expect((api.openapi.subscribeMessage.send as jest.Mock).mock.calls).toHaveLength(0);
    expect(templateIdOf('TASK', { NOTIFY_TEMPLATE_TASK: ' x ' })).toBe('x');
  });
});
