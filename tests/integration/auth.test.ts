/** Sessions, invites, roles and the audit trail, through the HTTP server. */
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('a session is an anonymous citizen; me reports it; no token is an anonymous visitor', async () => {
  const { token, userId } = await h.ok('auth', 'session');
  expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  expect(await h.ok('auth', 'me', {}, token)).toEqual({ userId, roles: ['citizen'], org: null });
  expect(await h.ok('auth', 'me')).toEqual({ userId: null, roles: [], org: null });
  expect(await h.ok('auth', 'me', {}, ADMIN_TOKEN)).toMatchObject({ roles: ['citizen', 'admin'] });
  // The token itself is never stored.
  const stored = await h.app.store.get('users', userId);
  expect(JSON.stringify(stored)).not.toContain(token);
});

test('an invite binds an applicant to its organisation, once', async () => {
  const invite = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '杭州之江律师事务所' }, ADMIN_TOKEN);
  expect(invite.inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  const zhang = await h.citizen();
  const me = await h.ok('auth', 'redeemInvite', { code: invite.inviteCode.toLowerCase() }, zhang);
  expect(me).toMatchObject({ roles: ['citizen', 'applicant'], org: { orgId: invite.orgId, name: '杭州之江律师事务所' } });
  expect(await h.ok('auth', 'me', {}, zhang)).toEqual(me);

  const other = await h.citizen();
  const again = await h.call('auth', 'redeemInvite', { code: invite.inviteCode }, other);
  // A used code answers exactly like an unknown one (issue 10): guessing learns nothing.
  expect(again.status).toBe(404);
  expect(again.body.ok || again.body.error.code).toBe('NOT_FOUND');
  expect(await h.ok('auth', 'me', {}, other)).toMatchObject({ roles: ['citizen'], org: null });
});

test('a second invite for the same organisation name joins the same organisation', async () => {
  const a = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '西湖区法律援助中心' }, ADMIN_TOKEN);
  const b = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '西湖区法律援助中心' }, ADMIN_TOKEN);
  const c = await h.ok('admin', 'createInvite', { role: 'applicant', orgId: a.orgId }, ADMIN_TOKEN);
  expect(b.orgId).toBe(a.orgId);
  expect(c.orgId).toBe(a.orgId);
  expect(new Set([a.inviteCode, b.inviteCode, c.inviteCode]).size).toBe(3);
});

test('an account bound to one organisation cannot join another', async () => {
  const { token } = await h.applicant('甲律师事务所');
  const invite = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '乙律师事务所' }, ADMIN_TOKEN);
  const res = await h.call('auth', 'redeemInvite', { code: invite.inviteCode }, token);
  expect(res.status).toBe(409);
  // The refused redemption left the invite unused.
  expect((await h.app.store.get('invites', invite.inviteCode))?.usedBy).toBeNull();
});

test('bad invite codes get clear errors', async () => {
  const t = await h.citizen();
  const malformed = await h.call('auth', 'redeemInvite', { code: '12' }, t);
  expect(malformed.status).toBe(400);
  expect(malformed.body.ok || malformed.body.error.issues).toEqual([{ path: 'code', message: '邀请码格式不正确，应为 8 位字母数字，如 ABCD-2345' }]);
  const unknown = await h.call('auth', 'redeemInvite', { code: 'ABCD-2345' }, t);
  expect(unknown.status).toBe(404);
  const anonymous = await h.call('auth', 'redeemInvite', { code: 'ABCD-2345' });
  expect(anonymous.status).toBe(401);
  const missingOrg = await h.call('admin', 'createInvite', { role: 'applicant' }, ADMIN_TOKEN);
  expect(missingOrg.body.ok || missingOrg.body.error.issues).toEqual([{ path: 'orgName', message: '请填写单位名称' }]);
  const expert = await h.call('admin', 'createInvite', { role: 'expert', orgName: '浙江大学' }, ADMIN_TOKEN);
  expect(expert.status).toBe(400);
});

test('every change is in the audit trail, in order, readable only by the admin', async () => {
  const invite = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '上城区公证处' }, ADMIN_TOKEN);
  const t = await h.citizen();
  const { userId } = await h.ok('auth', 'me', {}, t);
  await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, t);

  const trail = await h.ok('admin', 'auditTrail', { recordId: invite.inviteCode }, ADMIN_TOKEN);
  expect(trail.entries.map((e: any) => [e.fn, e.action, e.role, e.userId])).toEqual([
    ['admin', 'createInvite', 'admin', 'admin-local'],
    ['auth', 'redeemInvite', 'citizen', userId],
  ]);
  expect(trail.entries[1].change).toEqual({ usedBy: userId });
  const userTrail = await h.ok('admin', 'auditTrail', { recordId: userId }, ADMIN_TOKEN);
  expect(userTrail.entries.map((e: any) => e.action)).toEqual(['session', 'redeemInvite']);

  const denied = await h.call('admin', 'auditTrail', { recordId: userId }, t);
  expect(denied.status).toBe(403);
});

test('a failed use case leaves no half-written state and no audit entry', async () => {
  const auditBefore = await h.app.store.count('audit');
  const usersBefore = await h.app.store.count('users');
  const t = await h.citizen();
  await h.call('auth', 'redeemInvite', { code: 'ZZZZ-9999' }, t);
  expect(await h.app.store.count('users')).toBe(usersBefore + 1);
  expect(await h.app.store.count('audit')).toBe(auditBefore + 1); // only the session
});
