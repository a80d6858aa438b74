/** Issue 14: a call-back that can happen — a number left with consent, seen only by the provider for that case, erased when it closes. */
import type { ProductDoc } from '../../types/product';
import { CALLBACK_RETENTION_DAYS } from '../../types/callback';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let provider: { token: string; orgId: string };
const productId = 'pcall0001';
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const issue = async () => (await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-09-30', channel: 'counter' }, provider.token)).token as string;
const phone = '13905711234';
const providerCase = async (caseId: string) => (await h.ok('ratings', 'cases', {}, provider.token)).cases.find((c: { caseId: string }) => c.caseId === caseId);

beforeAll(async () => {
  h = await startHarness({ seed: true });
  provider = await h.applicant('钱塘区法律援助中心');
  const template = (await h.app.store.get<ProductDoc>('products', 'p0002demo'))!;
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId, declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2026〕9号', publishedOn: '2026-01-10' }));
  await at('2026-09-30T10:00:00+08:00');
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('the retention period is data: 30 days', () => {
  expect(CALLBACK_RETENTION_DAYS).toBe(30);
});

test('a number left with consent reaches the provider for that case only, and goes when the case closes', async () => {
  const rater = await h.citizen();
  const { caseId } = await h.ok('ratings', 'rate', { token: await issue(), level: 1, text: '没人接电话', callback: { phone, consent: true } }, rater);
  expect((await providerCase(caseId)).contactPhone).toBe(phone);
  // Nobody else: not the bureau, not another organisation, not the rater's own screens, not the public summary.
  const bureau = (await h.ok('ratings', 'cases', {}, ADMIN_TOKEN)).cases.find((c: { caseId: string }) => c.caseId === caseId);
  expect(bureau.contactPhone).toBeNull();
  const other = await h.applicant('另一家律师事务所');
  expect(JSON.stringify(await h.ok('ratings', 'cases', {}, other.token))).not.toContain(phone);
  expect(JSON.stringify(await h.ok('ratings', 'myCases', {}, rater))).not.toContain(phone);
  expect(JSON.stringify(await h.ok('ratings', 'summary', { productId }))).not.toContain(phone);
  expect(JSON.stringify(await h.ok('catalogue', 'get', { productId }))).not.toContain(phone);

  // The number is there to be called: the answer must log the call.
  const noCall = await h.call('ratings', 'respondCase', { caseId, fix: '增加值班人员，公布备用电话' }, provider.token);
  expect([noCall.status, (noCall.body as any).error.message]).toEqual([400, '对方留了电话，请先回访并记录回访情况']);
  await h.ok('ratings', 'respondCase', { caseId, callbackOn: '2026-09-30', callbackNote: '已电话联系，说明了情况并致歉', fix: '增加值班人员，公布备用电话' }, provider.token);
  expect(await h.app.store.get('ratingContacts', caseId)).not.toBeNull();
  await h.ok('ratings', 'confirmCase', { caseId, satisfied: true }, rater);
  expect(await h.app.store.get('ratingContacts', caseId)).toBeNull();
  expect((await providerCase(caseId)).contactPhone).toBeNull();
});

test('without a number the case is still recorded, and nobody is asked to log a call that could not be made', async () => {
  const { caseId } = await h.ok('ratings', 'rate', { token: await issue(), level: 2 }, await h.citizen());
  const c = await providerCase(caseId);
  expect(c).toMatchObject({ status: 'open', contactPhone: null, callbackWanted: false });
  const answered = await h.ok('ratings', 'respondCase', { caseId, fix: '窗口增加引导员' }, provider.token);
  expect(answered.response).toMatchObject({ callbackOn: null, callbackNote: null, fix: '窗口增加引导员' });
  expect(await h.app.store.get('ratingContacts', caseId)).toBeNull();
});

test('after the retention period the number is no longer shown or required', async () => {
  const { caseId } = await h.ok('ratings', 'rate', { token: await issue(), level: 1, callback: { phone: '0571-86901234', consent: true } }, await h.citizen());
  expect((await providerCase(caseId)).contactPhone).toBe('0571-86901234');
  await at('2026-11-01T10:00:00+08:00');
  try {
    expect((await providerCase(caseId)).contactPhone).toBeNull();
    expect((await h.ok('ratings', 'respondCase', { caseId, fix: '逾期答复：已改进排班' }, provider.token)).response.callbackOn).toBeNull();
  } finally {
    await at('2026-09-30T10:00:00+08:00');
  }
});

test('a number needs a bad rating, explicit consent and a callable number', async () => {
  const rater = await h.citizen();
  const bad = async (body: Record<string, unknown>) => {
    const res = await h.call('ratings', 'rate', { token: await issue(), ...body }, rater);
    return [res.status, (res.body as any).error?.issues?.[0]?.path, (res.body as any).error?.issues?.[0]?.message];
  };
  expect(await bad({ level: 5, callback: { phone, consent: true } })).toEqual([400, 'callback', '只有不满意的评价才需要留电话回访']);
  expect(await bad({ level: 1, callback: { phone, consent: false } })).toEqual([400, 'callback.consent', '请勾选同意后再留电话']);
  expect(await bad({ level: 1, callback: { phone } })).toEqual([400, 'callback.consent', '请勾选同意后再留电话']);
  expect(await bad({ level: 1, callback: { phone: '12345', consent: true } })).toEqual([400, 'callback.phone', '请填写手机号或带区号的固定电话，如 13905711234']);
});
