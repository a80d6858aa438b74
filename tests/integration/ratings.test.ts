/** Issue 7: one service, one rating; bad ratings open cases due in five working days; summaries kept as running aggregates. */
import type { ProductDoc } from '../../types/product';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let provider: { token: string; orgId: string };
const productId = 'prate0001';
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const issue = async (servedOn = '2026-09-30') => (await h.ok('ratings', 'issueToken', { productId, servedOn, channel: 'counter' }, provider.token)).token as string;

beforeAll(async () => {
  h = await startHarness({ seed: true });
  provider = await h.applicant('钱塘区法律援助中心');
  const template = (await h.app.store.get<ProductDoc>('products', 'p0002demo'))!;
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId, declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2026〕9号', publishedOn: '2026-01-10' }));
  await at('2026-09-30T10:00:00+08:00');
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('the provider’s staff issue a code with a link and a QR; others cannot', async () => {
  process.env.H5_BASE_URL = 'https://fw.example.gov.cn';
  const res = await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-09-30', channel: 'counter' }, provider.token).finally(() => delete process.env.H5_BASE_URL);
  expect(res.url).toBe(`https://fw.example.gov.cn/#/pages/rate/index?t=${res.token}`);
  // The link is the system's own: a caller cannot choose another.
  expect((await h.call('ratings', 'issueToken', { productId, servedOn: '2026-09-30', channel: 'counter', linkBase: 'https://evil.example.com' }, provider.token)).status).toBe(400);
  expect(res.qrCode).toMatch(/^<svg/);
  expect(res.expiresOn).toBe('2026-10-30');
  const other = await h.applicant('另一家律师事务所');
  expect((await h.call('ratings', 'issueToken', { productId, servedOn: '2026-09-30', channel: 'counter' }, other.token)).status).toBe(403);
  expect((await h.call('ratings', 'issueToken', { productId, servedOn: '2026-09-30', channel: 'counter' }, await h.citizen())).status).toBe(403);
  expect((await h.call('ratings', 'issueToken', { productId, servedOn: '2026-10-05', channel: 'counter' }, provider.token)).status).toBe(400);
  expect((await h.ok('ratings', 'issueToken', { productId: 'p0001demo', servedOn: '2026-09-30', channel: 'phone' }, ADMIN_TOKEN)).token).toBeTruthy();
});

test('a code rates once; a second use, an expired or unknown code is refused; levels stay within 1–5', async () => {
  const token = await issue();
  const xiaoli = await h.citizen();
  expect((await h.call('ratings', 'rate', { token, level: 6 }, xiaoli)).status).toBe(400);
  expect((await h.call('ratings', 'rate', { token, level: 0 }, xiaoli)).status).toBe(400);
  expect((await h.call('ratings', 'rate', { token, level: 4.5 }, xiaoli)).status).toBe(400);
  expect((await h.call('ratings', 'rate', { token, level: 5 })).status).toBe(401);
  const first = await h.ok('ratings', 'rate', { token, level: 5, dimensions: { efficiency: 5, attitude: 4 }, text: '律师很耐心' }, xiaoli);
  expect(first.caseId).toBeNull();
  const again = await h.call('ratings', 'rate', { token, level: 1 }, xiaoli);
  expect([again.status, (again.body as any).error.message]).toEqual([409, '这个评价码已经用过了，每次服务只能评价一次']);
  expect((await h.call('ratings', 'rate', { token: 'nosuchtoken000', level: 3 }, xiaoli)).status).toBe(404);

  const old = await issue();
  await at('2026-11-05T10:00:00+08:00');
  try {
    expect((await h.call('ratings', 'rate', { token: old, level: 3 }, xiaoli)).status).toBe(409);
    expect((await h.ok('ratings', 'tokenInfo', { token: old })).reason).toBe('评价码已过期（有效期 30 天）');
  } finally {
    await at('2026-09-30T10:00:00+08:00');
  }
});

test('a bad rating opens a case due five working days later, across the National Day holiday', async () => {
  const rater = await h.citizen();
  const { caseId } = await h.ok('ratings', 'rate', { token: await issue(), level: 2, text: '等了很久没人接待' }, rater);
  // 1–7 October are off; 8, 9, 10 (make-up Saturday), 12, 13 October.
  const { cases } = await h.ok('ratings', 'cases', {}, provider.token);
  const c = cases.find((x: any) => x.caseId === caseId);
  expect(c).toMatchObject({ dueOn: '2026-10-13', status: 'open', overdue: false, level: 2 });
  expect(JSON.stringify(cases)).not.toContain(rater);
  expect(Object.keys(c)).not.toContain('raterId');

  await at('2026-10-14T09:00:00+08:00');
  expect((await h.ok('ratings', 'cases', { overdueOnly: true }, ADMIN_TOKEN)).cases.map((x: any) => x.caseId)).toContain(caseId);
  const responded = await h.ok('ratings', 'respondCase', { caseId, callbackOn: '2026-10-14', callbackNote: '已电话回访，当事人说明了等待情况', fix: '增加午间值班人员' }, provider.token);
  expect(responded).toMatchObject({ status: 'responded', onTime: false });
  expect((await h.call('ratings', 'confirmCase', { caseId, satisfied: true }, await h.citizen())).status).toBe(404);
  expect((await h.ok('ratings', 'confirmCase', { caseId, satisfied: true }, rater)).raterSatisfied).toBe(true);
  expect((await h.ok('ratings', 'summary', { productId })).cases).toMatchObject({ opened: 1, late: 1 });
  await at('2026-09-30T10:00:00+08:00');
});

test('concurrent ratings: the summary equals the ratings, and the product shows it', async () => {
  const before = await h.ok('ratings', 'summary', { productId });
  // Three members of staff issue ten codes each (one issuer's codes rated in a burst would be held for review).
  const staff = [provider, await h.applicant('钱塘区法律援助中心'), await h.applicant('钱塘区法律援助中心')];
  const tokens = await Promise.all(Array.from({ length: 30 }, async (_, i) => (await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-09-30', channel: 'counter' }, staff[i % 3].token)).token as string));
  const raters = await Promise.all(tokens.map(() => h.citizen()));
  const levels = tokens.map((_, i) => 3 + (i % 3)); // 3, 4, 5
  const results = await Promise.all(tokens.map((token, i) => h.call('ratings', 'rate', { token, level: levels[i], dimensions: { competence: levels[i] } }, raters[i])));
  expect(results.every((r) => r.status === 200)).toBe(true);
  const after = await h.ok('ratings', 'summary', { productId });
  expect(after.count).toBe(before.count + 30);
  expect(after.distribution.find((d: any) => d.level === 4).count - before.distribution.find((d: any) => d.level === 4).count).toBe(10);
  expect((await h.ok('ratings', 'summary', { productId, year: 2026 })).count).toBe(after.count);
  const product = await h.ok('catalogue', 'get', { productId });
  expect(product.rating).toEqual({ count: after.count, satisfactionRate: after.satisfactionRate });
});
