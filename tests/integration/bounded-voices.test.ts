/**
 * Issue 21, item 6 (bounded voices), through the real server with the limits STRICT: fresh sessions from one address
 * cannot stuff the needs board; a provider page exists only for a verified organisation; only a verified association
 * records credit events, at most a few of one kind about one member for one year; and no event is back-dated past
 * its kind's publicity period.
 */
import http from 'http';
import { ASSOCIATION_EVENT_CAP, earliestOccurredOn } from '../../types/credit';
import { RATE_LIMITS } from '../../types/limits';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let port: number;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const A = '127.0.0.1';
const B = '127.0.0.2';
const FIRM_CODE = '91330000142916567N';
const OTHER_CODE = '91110000802100433B';

function callFrom(address: string, fn: string, action: string, payload: Record<string, unknown>, token?: string) {
  const body = JSON.stringify({ action, ...payload });
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/${fn}`, method: 'POST', localAddress: address, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(token ? { Authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const session = async (address: string) => {
  const r = await callFrom(address, 'auth', 'session', {});
  expect(r.status).toBe(200);
  return r.body.data.token as string;
};
const orgForm = (over: Record<string, unknown> = {}) => ({ name: '杭州西溪律师事务所', creditCode: FIRM_CODE, kind: 'law-firm', district: '西湖区', contactName: '林晓', contactPhone: '13905710001', ...over });

beforeAll(async () => {
  h = await startHarness({ rateLimits: 'strict' });
  port = Number(new URL(h.url).port);
});
afterAll(() => h.close());
beforeEach(async () => {
  await at('2026-03-10T09:00:00+08:00');
  h.app.throttle.reset();
});
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('30 fresh sessions from one address move a need by 3, not 30; another address adds its own; the next day 3 more', async () => {
  const max = RATE_LIMITS.needSupportersPerAddress.max;
  expect([max, RATE_LIMITS.needSupportersPerAddress.windowSeconds, RATE_LIMITS.needSupportersPerAddress.per]).toEqual([3, 86400, 'address']);
  const poster = await session(A);
  const { needId } = (await callFrom(A, 'needs', 'submit', { text: '希望有针对外卖骑手的工伤认定咨询，晚上也能打电话' }, poster)).body.data;
  h.app.throttle.reset();
  const outcomes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const token = await session(A); // 30 sessions an hour from one address is exactly what auth.session allows
    const r = await callFrom(A, 'needs', 'support', { needId }, token);
    outcomes.push(r.status);
    if (i === max) {
      expect(r.body.error).toMatchObject({ code: 'RATE_LIMITED', message: `这条需求今天从同一网络新增的支持已达 ${max} 人，请明天再来支持` });
      // Until midnight in Hangzhou: 09:00 → 15 hours.
      expect(r.body.error.retryAfterSeconds).toBe(15 * 3600);
    }
  }
  expect(outcomes.slice(0, max)).toEqual(Array(max).fill(200));
  expect(outcomes.slice(max)).toEqual(Array(30 - max).fill(429));
  expect((await h.app.store.get<any>('needs', needId)).supports).toBe(max);
  // A refused supporter was not counted anywhere: one from another address is.
  const other = await session(B);
  expect((await callFrom(B, 'needs', 'support', { needId }, other)).body.data).toEqual({ needId, supports: max + 1 });
  // The next day, the first address may add a few again.
  await at('2026-03-11T09:00:00+08:00');
  h.app.throttle.reset();
  const tomorrow = await session(A);
  expect((await callFrom(A, 'needs', 'support', { needId }, tomorrow)).body.data).toEqual({ needId, supports: max + 2 });
  expect((await h.ok('needs', 'list', { sort: 'supported' })).items.find((n: any) => n.needId === needId).supports).toBe(max + 2);
});

test('a provider page exists only for a verified organisation: pending and refused ones answer as an unknown one', async () => {
  const unknown = await h.call('supervision', 'provider', { orgId: 'onothing000000' });
  expect([unknown.status, (unknown.body as any).error.message]).toEqual([404, '没有找到这个服务机构']);
  const registrant = await session(A);
  const pending = (await callFrom(A, 'orgs', 'register', orgForm(), registrant)).body.data;
  expect(pending.status).toBe('pending');
  const asPending = await h.call('supervision', 'provider', { orgId: pending.orgId });
  expect([asPending.status, asPending.body]).toEqual([unknown.status, unknown.body]);
  // Its own members and the bureau get the same answer: the page is public or it is not there.
  expect((await h.call('supervision', 'provider', { orgId: pending.orgId }, registrant)).status).toBe(404);
  expect((await h.call('supervision', 'provider', { orgId: pending.orgId }, ADMIN_TOKEN)).status).toBe(404);
  const other = await session(A);
  const refused = (await callFrom(A, 'orgs', 'register', orgForm({ name: '杭州某某咨询有限公司', creditCode: OTHER_CODE, kind: 'enterprise' }), other)).body.data;
  await h.ok('orgs', 'verify', { orgId: refused.orgId, approve: false, reason: '营业执照与名称不符' }, ADMIN_TOKEN);
  expect([(await h.call('supervision', 'provider', { orgId: refused.orgId })).body]).toEqual([unknown.body]);
  await h.ok('orgs', 'verify', { orgId: pending.orgId, approve: true }, ADMIN_TOKEN);
  expect(await h.ok('supervision', 'provider', { orgId: pending.orgId })).toMatchObject({ orgId: pending.orgId, name: '杭州西溪律师事务所', products: [], events: [] });
});

describe('credit events from associations', () => {
  let member: { token: string; orgId: string };
  let assoc: { token: string; orgId: string };
  beforeAll(async () => {
    await at('2026-03-10T09:00:00+08:00');
    h.app.throttle.mode = 'relaxed';
    member = await h.applicant('杭州钱江律师事务所');
    const invite = await h.ok('admin', 'createInvite', { role: 'association', orgName: '杭州市律师协会' }, ADMIN_TOKEN);
    const token = await h.citizen();
    await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, token);
    assoc = { token, orgId: invite.orgId };
    await h.ok('supervision', 'linkMember', { associationOrgId: assoc.orgId, orgId: member.orgId }, ADMIN_TOKEN);
    h.app.throttle.mode = 'strict';
  });
  const event = (over: Record<string, unknown> = {}) => ({ orgId: member.orgId, kind: 'commendation', occurredOn: '2026-03-01', title: '年度优秀调解案例', evidence: '协会表彰决定', ...over });

  test('an unverified association cannot be linked, and records nothing even if linked', async () => {
    const registrant = await h.citizen();
    const pending = await h.ok('orgs', 'register', orgForm({ name: '杭州市某某法律服务协会', creditCode: '51330100MJ8888888D', kind: 'association' }), registrant);
    expect(pending.status).toBe('pending');
    const link = await h.call('supervision', 'linkMember', { associationOrgId: pending.orgId, orgId: member.orgId }, ADMIN_TOKEN);
    expect([link.status, (link.body as any).error.message]).toEqual([409, '“杭州市某某法律服务协会”尚未通过核验，核验通过后才能关联会员单位']);
    // A link made before this rule (written straight into the store): still no events.
    await h.app.store.transaction((tx) => tx.update('orgs', member.orgId, { associationIds: [assoc.orgId, pending.orgId] }));
    const before = await h.app.store.count('creditEvents');
    const refused = await h.call('supervision', 'recordEvent', event({ kind: 'criticism', title: '未按规定公示收费' }), registrant);
    expect([refused.status, (refused.body as any).error.message]).toEqual([403, '“杭州市某某法律服务协会”尚未通过市司法局核验，核验通过后才能记录信用信息']);
    expect(await h.app.store.count('creditEvents')).toBe(before);
    await h.app.store.transaction((tx) => tx.update('orgs', member.orgId, { associationIds: [assoc.orgId] }));
  });

  test(`an association records at most ${ASSOCIATION_EVENT_CAP.perKindPerYear} events of one kind about one member for one year; the bureau is not capped`, async () => {
    const cap = ASSOCIATION_EVENT_CAP.perKindPerYear;
    expect(cap).toBe(3);
    for (let i = 1; i <= cap; i++) expect((await h.call('supervision', 'recordEvent', event({ title: `年度优秀调解案例 ${i}` }), assoc.token)).status).toBe(200);
    const before = await h.app.store.count('creditEvents');
    const over = await h.call('supervision', 'recordEvent', event({ title: '年度优秀调解案例 4' }), assoc.token);
    expect([over.status, (over.body as any).error.message]).toEqual([409, `本协会已为“杭州钱江律师事务所”记录了 3 条 2026 年的表彰，每家会员单位每年每类最多 3 条；如确有更多，请报市司法局记录`]);
    expect(await h.app.store.count('creditEvents')).toBe(before);
    // Another kind, or another year, is its own count.
    expect((await h.call('supervision', 'recordEvent', event({ kind: 'criticism', title: '未按规定公示收费标准' }), assoc.token)).status).toBe(200);
    expect((await h.call('supervision', 'recordEvent', event({ occurredOn: '2025-12-20', title: '2025 年度优秀调解案例' }), assoc.token)).status).toBe(200);
    // The provider page shows the three of 2026 and the one of 2025, not a fourth of 2026.
    const page = await h.ok('supervision', 'provider', { orgId: member.orgId });
    expect(page.events.filter((e: any) => e.kindLabel === '表彰').length).toBe(cap + 1);
    for (let i = 0; i < cap + 2; i++) expect((await h.call('supervision', 'recordEvent', event({ title: `市司法局表彰 ${i + 1}` }), ADMIN_TOKEN)).status).toBe(200);
  });

  test('an event back-dated past its publicity period is refused with the earliest day; that day itself is accepted', async () => {
    const old = await h.call('supervision', 'recordEvent', event({ kind: 'criticism', occurredOn: '2000-01-01', title: '二十多年前的通报批评' }), assoc.token);
    const message = '通报批评的公示期为 12 个月，发生日期不能早于 2025-03-11（更早发生的已过公示期，不再记录）';
    expect([old.status, (old.body as any).error.issues]).toEqual([400, [{ path: 'occurredOn', message }]]);
    expect(earliestOccurredOn('2026-03-10', 12)).toBe('2025-03-11');
    expect((await h.call('supervision', 'recordEvent', event({ kind: 'criticism', occurredOn: '2025-03-10', title: '过期一天的通报批评' }), ADMIN_TOKEN)).status).toBe(400);
    const first = await h.ok('supervision', 'recordEvent', event({ kind: 'criticism', occurredOn: '2025-03-11', title: '公示期最后一天的通报批评' }), ADMIN_TOKEN);
    expect([first.publicUntil, first.isPublic]).toEqual(['2026-03-10', true]);
    // Other periods by their own months: a complaint (6) and a penalty (36).
    expect([earliestOccurredOn('2026-03-10', 6), earliestOccurredOn('2026-03-10', 36)]).toEqual(['2025-09-11', '2023-03-11']);
    // Month ends: the last public day is the day before the same date months later, clamped.
    expect(earliestOccurredOn('2026-02-28', 12)).toBe('2025-03-01');
  });
});
