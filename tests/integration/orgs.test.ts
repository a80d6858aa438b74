/**
 * Issue 13: organisations register themselves with a checked credit code, the bureau verifies them, members invite
 * colleagues; an association recommends a member's declaration and endorses it before it can be submitted.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
const full = () => demoSpec(DEMO_PRODUCTS[3], 3);
// Real codes (see tests/unit/creditCode.test.ts) and codes whose check characters were computed by hand.
const FIRM_CODE = '91330000142916567N';
const ASSOCIATION_CODE = '51330100MJ8800011B';
const OTHER_CODE = '91110000802100433B';
const register = (token: string, over: Record<string, unknown> = {}) =>
  h.call('orgs', 'register', { name: '杭州西溪律师事务所', creditCode: FIRM_CODE, kind: 'law-firm', district: '西湖区', contactName: '林晓', contactPhone: '13905710001', ...over }, token);

beforeAll(async () => {
  h = await startHarness();
  await h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31', notice: '凡在杭登记的法律服务机构均可申报。' }, ADMIN_TOKEN);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('a wrong check character is INVALID_INPUT at creditCode, in Chinese; bad kind and district too; nothing is written', async () => {
  const t = await h.citizen();
  const auditBefore = await h.app.store.count('audit');
  const wrong = await register(t, { creditCode: '91330000142916567M' });
  expect(wrong.status).toBe(400);
  expect((wrong.body as any).error.issues).toEqual([{ path: 'creditCode', message: '统一社会信用代码校验位不正确（最后一位应为“N”），请对照营业执照或登记证书核对' }]);
  const bad = await register(t, { creditCode: '9133', kind: 'bank', district: '上海', contactPhone: '110' });
  expect((bad.body as any).error.issues.map((i: any) => i.path).sort()).toEqual(['contactPhone', 'creditCode', 'district', 'kind']);
  expect((await register('', {})).status).toBe(401);
  expect(await h.app.store.count('audit')).toBe(auditBefore);
  expect(await h.app.store.count('orgs')).toBe(0);
});

test('registered, pending: it drafts but cannot submit; verified, it submits; one credit code, one organisation', async () => {
  const lin = await h.citizen();
  const org = (await register(lin)).body as any;
  expect(org.data).toMatchObject({ name: '杭州西溪律师事务所', status: 'pending', creditCode: FIRM_CODE, kind: 'law-firm', district: '西湖区' });
  const orgId = org.data.orgId;
  expect((await h.ok('auth', 'me', {}, lin)).roles).toContain('applicant');

  // Lower-case input is the same code. While the first waits for the bureau, a second registration of it waits beside
  // it (nobody holds a code before verification, so a squatter blocks nobody); the bureau verifies only one of them.
  const twin = await register(await h.citizen(), { creditCode: FIRM_CODE.toLowerCase(), name: '另一个名字' });
  expect([twin.status, (twin.body as any).data.creditCode, (twin.body as any).data.status]).toEqual([200, FIRM_CODE, 'pending']);
  const twinId = (twin.body as any).data.orgId;
  expect(twinId).not.toBe(orgId);
  // One account, one organisation.
  expect((await register(lin, { creditCode: OTHER_CODE })).status).toBe(409);

  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full() }, lin);
  const refused = await h.call('declarations', 'submit', { declarationId }, lin);
  expect(refused.status).toBe(409);
  expect((refused.body as any).error.message).toBe('贵单位还在等待市司法局核验，核验通过后才能提交申报。草稿已保存，可以继续完善');

  const pending = await h.ok('orgs', 'list', { status: 'pending' }, ADMIN_TOKEN);
  expect(pending.orgs.map((o: any) => o.orgId).sort()).toEqual([orgId, twinId].sort());
  expect((await h.call('orgs', 'list', {}, lin)).status).toBe(403);
  expect((await h.call('orgs', 'verify', { orgId, approve: true }, lin)).status).toBe(403);
  const noReason = await h.call('orgs', 'verify', { orgId, approve: false }, ADMIN_TOKEN);
  expect((noReason.body as any).error.issues).toEqual([{ path: 'reason', message: '不通过核验时请写明理由，单位会看到它' }]);
  expect((await h.call('orgs', 'verify', { orgId: 'nobody', approve: true }, ADMIN_TOKEN)).status).toBe(404);
  expect(await h.ok('orgs', 'verify', { orgId, approve: true, reason: '与营业执照一致' }, ADMIN_TOKEN)).toMatchObject({ status: 'verified' });
  expect((await h.call('orgs', 'verify', { orgId, approve: true }, ADMIN_TOKEN)).status).toBe(409);
  expect((await h.ok('declarations', 'submit', { declarationId }, lin)).status).toBe('submitted');
  // The code is held now: its twin cannot be verified too, and a new registration of it is refused.
  const second = await h.call('orgs', 'verify', { orgId: twinId, approve: true, reason: '核对' }, ADMIN_TOKEN);
  expect([second.status, (second.body as any).error.message]).toEqual([409, `统一社会信用代码 ${FIRM_CODE} 已由“杭州西溪律师事务所”通过核验，不能再核验通过另一家。请核对证照后不予通过`]);
  expect((await h.app.store.get<any>('orgs', twinId)).status).toBe('pending');
  const late = await register(await h.citizen(), { creditCode: FIRM_CODE, name: '又一个名字' });
  expect([late.status, (late.body as any).error.message]).toEqual([409, '这个统一社会信用代码已经登记过。请向本单位已登记的同事索取邀请码加入，或联系市司法局']);
  await h.ok('orgs', 'verify', { orgId: twinId, approve: false, reason: '与登记证书不符' }, ADMIN_TOKEN);

  expect((await h.ok('orgs', 'list', { kind: 'law-firm', district: '西湖区', status: 'verified' }, ADMIN_TOKEN)).orgs.map((o: any) => o.orgId)).toEqual([orgId]);
  expect((await h.ok('orgs', 'list', { district: '滨江区' }, ADMIN_TOKEN)).orgs).toEqual([]);
});

test('a member invites a colleague with a one-time code bound to the same organisation, once it is verified; a refused organisation cannot submit', async () => {
  const founder = await h.citizen();
  const { orgId } = ((await register(founder, { name: '杭州城西调解中心', creditCode: OTHER_CODE, kind: 'mediation', district: '余杭区' })).body as any).data;
  // Pending: nobody joins through it yet (a registration of someone else's credit code gains nobody).
  const early = await h.call('orgs', 'addMember', {}, founder);
  expect([early.status, (early.body as any).error.code, (early.body as any).error.message]).toEqual([409, 'CONFLICT', '您的单位还在等待市司法局核验，核验通过后才能邀请同事加入']);
  expect(await h.app.store.count('invites', { orgId })).toBe(0);
  await h.ok('orgs', 'verify', { orgId, approve: true, reason: '与登记证书一致' }, ADMIN_TOKEN);
  const { inviteCode, orgId: bound } = await h.ok('orgs', 'addMember', {}, founder);
  expect(bound).toBe(orgId);
  const colleague = await h.citizen();
  const me = await h.ok('auth', 'redeemInvite', { code: inviteCode }, colleague);
  expect(me).toMatchObject({ roles: expect.arrayContaining(['applicant']), org: { orgId, name: '杭州城西调解中心' } });
  // A used code answers like an unknown one (issue 10: guessing learns nothing).
  expect((await h.call('auth', 'redeemInvite', { code: inviteCode }, await h.citizen())).status).toBe(404);
  expect((await h.ok('orgs', 'mine', {}, colleague)).org).toMatchObject({ orgId, status: 'verified', contactName: '林晓' });
  expect((await h.ok('orgs', 'mine', {}, await h.citizen())).org).toBeNull();
  expect((await h.call('orgs', 'addMember', {}, await h.citizen())).status).toBe(403);

  const other = await h.citizen();
  const refusedOrg = ((await register(other, { name: '杭州城东调解中心', creditCode: ASSOCIATION_CODE, kind: 'mediation', district: '上城区' })).body as any).data;
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full() }, other);
  await h.ok('orgs', 'verify', { orgId: refusedOrg.orgId, approve: false, reason: '登记证书已过期' }, ADMIN_TOKEN);
  const refused = await h.call('declarations', 'submit', { declarationId }, other);
  expect((refused.body as any).error.message).toBe('贵单位未通过市司法局核验（登记证书已过期），不能提交申报');
  expect((await h.call('orgs', 'addMember', {}, other)).status).toBe(409);
});

test('bureau invites keep working: their organisations count as verified', async () => {
  const old = await h.applicant('杭州老字号律师事务所');
  expect((await h.ok('orgs', 'mine', {}, old.token)).org).toMatchObject({ orgId: old.orgId, status: 'verified', creditCode: null });
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full() }, old.token);
  expect((await h.ok('declarations', 'submit', { declarationId }, old.token)).status).toBe('submitted');
});

test('an association recommends a member’s declaration and endorses it; unendorsed it cannot be submitted', async () => {
  const assoc = await h.citizen();
  const association = ((await register(assoc, { name: '杭州市律师协会', creditCode: ASSOCIATION_CODE, kind: 'association', district: '市本级' })).body as any).data;
  const member = await h.applicant('杭州钱塘律师事务所');
  const rival = await h.applicant('杭州富春律师事务所');

  // Not verified yet: it cannot be named.
  const early = await h.call('declarations', 'saveDraft', { spec: full(), declarationMode: 'recommended', recommenderOrgId: association.orgId }, member.token);
  expect((early.body as any).error.issues).toEqual([{ path: 'recommenderOrgId', message: '“杭州市律师协会”尚未通过市司法局核验，暂不能推荐' }]);
  expect((await h.ok('orgs', 'associations', {}, member.token)).associations).toEqual([]);
  await h.ok('orgs', 'verify', { orgId: association.orgId, approve: true }, ADMIN_TOKEN);
  const listed = await h.ok('orgs', 'associations', {}, member.token);
  expect(listed.associations).toEqual([{ orgId: association.orgId, name: '杭州市律师协会' }]);
  // The contact is personal: not in what other organisations read.
  expect(JSON.stringify(listed)).not.toMatch(/林晓|13905710001|51330100MJ8800011B/);

  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full(), declarationMode: 'recommended', recommenderOrgId: association.orgId }, member.token);
  const d = await h.ok('declarations', 'get', { declarationId }, member.token);
  expect(d).toMatchObject({ recommender: '杭州市律师协会', recommenderOrgId: association.orgId, endorsement: null });

  const unendorsed = await h.call('declarations', 'submit', { declarationId }, member.token);
  expect(unendorsed.status).toBe(409);
  expect((unendorsed.body as any).error.message).toBe('组织推荐的申报需先由“杭州市律师协会”确认推荐，才能提交。请联系该协会在“待推荐的申报”中确认');

  // The association sees what it is asked to recommend, reads it, and endorses it; nobody else may.
  expect((await h.ok('declarations', 'recommendedToMe', {}, assoc)).items.map((i: any) => [i.declarationId, i.endorsed])).toEqual([[declarationId, false]]);
  expect((await h.ok('declarations', 'get', { declarationId }, assoc)).name).toBe(full().name);
  expect((await h.call('declarations', 'endorse', { declarationId }, rival.token)).status).toBe(404);
  expect((await h.call('declarations', 'endorse', { declarationId }, member.token)).status).toBe(404);
  expect((await h.call('declarations', 'endorse', { declarationId }, await h.citizen())).status).toBe(403);
  expect((await h.call('declarations', 'endorse', { declarationId }, ADMIN_TOKEN)).status).toBe(403);
  expect((await h.call('declarations', 'endorse', {}, assoc)).status).toBe(400);
  const endorsed = await h.ok('declarations', 'endorse', { declarationId }, assoc);
  expect(endorsed.endorsement).toMatchObject({ orgId: association.orgId, version: d.version });
  expect((await h.call('declarations', 'endorse', { declarationId }, assoc)).status).toBe(409);

  // A change of content after the endorsement asks the association to look again.
  await h.ok('declarations', 'saveDraft', { declarationId, spec: { ...full(), summary: `${full().summary}（修订）` } }, member.token);
  expect((await h.call('declarations', 'submit', { declarationId }, member.token)).status).toBe(409);
  await h.ok('declarations', 'endorse', { declarationId }, assoc);
  // Saving the same content again keeps it.
  await h.ok('declarations', 'saveDraft', { declarationId, spec: { ...full(), summary: `${full().summary}（修订）` } }, member.token);
  const submitted = await h.ok('declarations', 'submit', { declarationId }, member.token);
  expect(submitted).toMatchObject({ status: 'submitted', recommender: '杭州市律师协会' });
  expect(((await h.app.store.get('orgs', member.orgId)) as any).associationIds).toEqual([association.orgId]);

  const sheet = await h.ok('declarations', 'printable', { declarationId }, member.token);
  expect(sheet.html).toContain('推荐单位：杭州市律师协会，2026-03-10 确认推荐');
  // The association cannot name itself as its own recommender.
  const self = await h.call('declarations', 'saveDraft', { spec: full(), declarationMode: 'recommended', recommenderOrgId: association.orgId }, assoc);
  expect((self.body as any).error.issues).toEqual([{ path: 'recommenderOrgId', message: '不能推荐本单位自己的申报，请选择“自行申报”' }]);
});

test('an association the bureau invited (issue 12’s association role) is listed, named, and endorses', async () => {
  const { inviteCode, orgId } = await h.ok('admin', 'createInvite', { role: 'association', orgName: '杭州市人民调解协会' }, ADMIN_TOKEN);
  const staff = await h.citizen();
  await h.ok('auth', 'redeemInvite', { code: inviteCode }, staff);
  const member = await h.applicant('杭州东站调解工作室');
  expect((await h.ok('orgs', 'associations', {}, member.token)).associations).toContainEqual({ orgId, name: '杭州市人民调解协会' });
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: full(), declarationMode: 'recommended', recommenderOrgId: orgId }, member.token);
  expect((await h.ok('declarations', 'recommendedToMe', {}, staff)).items.map((i: any) => i.declarationId)).toEqual([declarationId]);
  await h.ok('declarations', 'endorse', { declarationId }, staff);
  expect(await h.ok('declarations', 'submit', { declarationId }, member.token)).toMatchObject({ status: 'submitted', recommender: '杭州市人民调解协会' });
  expect(((await h.app.store.get('orgs', member.orgId)) as any).associationIds).toEqual([orgId]);
});
