/**
 * Issue 16: purchasing units through the real server — a purchase recorded, confirmed by the provider, shown on the
 * product page (units; the amount only for public money); the purchaser's opinion as the product's `purchaser` finding
 * during the assessment; a tailoring request answered and accepted into a procurement record; value for money;
 * who may not, and bad inputs.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let a: { token: string; orgId: string };
let b: { token: string; orgId: string };
let p1: { token: string; orgId: string };
let p2: { token: string; orgId: string };
const Y = 2026;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]); // a whole JPEG: start and end markers (issue 10)
const err = (res: { body: any }) => res.body.error;
let ids: Record<string, string> = {};

async function purchaser(orgName: string, unitKind: string) {
  const { inviteCode, orgId } = await h.ok('admin', 'createInvite', { role: 'purchaser', orgName, unitKind }, ADMIN_TOKEN);
  const token = await h.citizen();
  const me = await h.ok('auth', 'redeemInvite', { code: inviteCode }, token);
  expect(me.roles).toEqual(['citizen', 'purchaser']);
  return { token, orgId };
}
async function evidence(token: string) {
  const up = await h.upload(JPG, token);
  expect(up.status).toBe(200);
  const f = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '采购合同.jpg' }, token);
  return [{ fileId: f.fileId, name: f.name }];
}

beforeAll(async () => {
  h = await startHarness();
  a = await h.applicant('上城区普法志愿者协会');
  b = await h.applicant('杭州之江律师事务所');
  // pGov: 政府购买 (index 3); pFee: 按标准付费 (index 4); pSub: 政府补贴 (index 2).
  for (const [productId, orgId, i] of [['pGov', a.orgId, 3], ['pFee', a.orgId, 4], ['pSub', b.orgId, 2]] as const)
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[i], i), { productId, declarationId: null, orgId, documentNumber: `杭司〔2025〕${20 + i}号`, publishedOn: '2025-03-01' }));
  await at('2026-03-10T09:00:00+08:00');
  p1 = await purchaser('杭州市上城区湖滨街道办事处', 'sub-district-office');
  p2 = await purchaser('杭州某科技有限公司', 'enterprise');
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('the bureau invites a purchasing unit of a kind; a kind is required and from the list', async () => {
  const org = await h.app.store.get<any>('orgs', p1.orgId);
  expect(org.unitKind).toBe('sub-district-office');
  expect(err(await h.call('admin', 'createInvite', { role: 'purchaser', orgName: '某单位' }, ADMIN_TOKEN)).issues).toEqual([
    { path: 'unitKind', message: '请选择采购单位类型：政府部门、街道（乡镇）、企业或社会组织' },
  ]);
  expect(err(await h.call('admin', 'createInvite', { role: 'purchaser', orgName: '某单位', unitKind: 'school' }, ADMIN_TOKEN)).issues[0].path).toBe('unitKind');
  // Issue 21: an invite naming an existing organisation in traditional characters or with invisible characters joins it.
  for (const orgName of ['杭州之江律師事務所', '杭州之江\u200b律师事务所', '杭州之江律师事务所\u3164'])
    expect([orgName, (await h.ok('admin', 'createInvite', { role: 'applicant', orgName }, ADMIN_TOKEN)).orgId]).toEqual([orgName, b.orgId]);
});

test('a purchase recorded, confirmed by the provider: the product page shows one unit, and the amount only for public money', async () => {
  const ev = await evidence(p1.token);
  const rec = await h.ok('procurement', 'record', { productId: 'pGov', from: '2026-03-01', to: '2026-12-31', quantity: 12, amount: 36000.5, contractNumber: 'HB-2026-003', evidence: ev }, p1.token);
  expect(rec).toMatchObject({ status: 'pending', amount: 36000.5, purchaserName: '杭州市上城区湖滨街道办事处', purchaseMethod: 'government-purchase', year: 2026 });
  ids.gov = rec.procurementId;
  // Not counted before the provider confirms.
  expect(await h.ok('procurement', 'productSummary', { productId: 'pGov' })).toEqual({ year: 2026, units: 0, purchaseMethod: 'government-purchase', amount: 0 });
  // Another provider may not confirm it; the product's own organisation does.
  const other = await h.call('procurement', 'confirm', { procurementId: rec.procurementId, agree: true }, b.token);
  expect([other.status, err(other).message]).toEqual([403, '只有提供这个产品的单位可以确认这条采购记录']);
  expect((await h.ok('procurement', 'confirm', { procurementId: rec.procurementId, agree: true }, a.token)).status).toBe('confirmed');
  expect((await h.call('procurement', 'confirm', { procurementId: rec.procurementId, agree: true }, a.token)).status).toBe(409);
  expect(await h.ok('procurement', 'productSummary', { productId: 'pGov' })).toEqual({ year: 2026, units: 1, purchaseMethod: 'government-purchase', amount: 36000.5 });

  // 按标准付费: the unit is counted, the amount never shown.
  const fee = await h.ok('procurement', 'record', { productId: 'pFee', from: '2026-03-02', to: '2026-03-02', quantity: 1, amount: 800, evidence: ev }, p1.token);
  await h.ok('procurement', 'confirm', { procurementId: fee.procurementId, agree: true }, a.token);
  const feeSummary = await h.ok('procurement', 'productSummary', { productId: 'pFee' });
  expect(feeSummary).toEqual({ year: 2026, units: 1, purchaseMethod: 'standard-fee' });
  expect(JSON.stringify(feeSummary)).not.toContain('800');

  // A second unit's purchase, disputed with a reason: not counted.
  const r2 = await h.ok('procurement', 'record', { productId: 'pGov', from: '2026-03-05', to: '2026-06-30', quantity: 2, amount: 1200, evidence: await evidence(p2.token) }, p2.token);
  expect(err(await h.call('procurement', 'confirm', { procurementId: r2.procurementId, agree: false }, a.token)).issues).toEqual([{ path: 'note', message: '提出异议时，请写明理由（至少 5 个字）' }]);
  expect((await h.ok('procurement', 'confirm', { procurementId: r2.procurementId, agree: false, note: '本单位没有为该企业提供过这项服务' }, a.token)).status).toBe('disputed');
  expect(await h.ok('procurement', 'productSummary', { productId: 'pGov' })).toMatchObject({ units: 1, amount: 36000.5 });
  expect(await h.app.store.get('procurementCounters', '2026:pGov')).toMatchObject({ recorded: 2, confirmed: 1, confirmedAmountFen: 3600050 });

  // Who sees what.
  expect((await h.ok('procurement', 'mine', {}, p1.token)).purchases.map((r: any) => r.productId)).toEqual(['pFee', 'pGov']);
  expect((await h.ok('procurement', 'mine', {}, p2.token)).purchases.map((r: any) => [r.productId, r.status])).toEqual([['pGov', 'disputed']]);
  expect((await h.ok('procurement', 'mine', {}, a.token)).toConfirm).toHaveLength(3);
  expect((await h.ok('procurement', 'mine', {}, b.token)).toConfirm).toHaveLength(0);
  expect((await h.ok('procurement', 'list', { year: Y, productId: 'pGov' }, ADMIN_TOKEN)).items.map((r: any) => r.status)).toEqual(['disputed', 'confirmed']);
  for (const t of [p1.token, a.token, await h.citizen()]) expect((await h.call('procurement', 'list', { year: Y }, t)).status).toBe(403);
});

test('refusals: a provider or a citizen recording, another unit named, bad amounts and dates, evidence of another unit', async () => {
  const ev = await evidence(p1.token);
  const base = { productId: 'pGov', from: '2026-03-01', to: '2026-03-31', quantity: 1, amount: 100, evidence: ev };
  for (const t of [a.token, await h.citizen()]) expect((await h.call('procurement', 'record', base, t)).status).toBe(403);
  expect((await h.call('procurement', 'record', base)).status).toBe(401);
  const forOther = await h.call('procurement', 'record', { ...base, purchaserOrgId: p2.orgId }, p1.token);
  expect(forOther.status).toBe(400);
  const issue = async (patch: Record<string, unknown>) => err(await h.call('procurement', 'record', { ...base, ...patch }, p1.token)).issues;
  expect(await issue({ amount: -5 })).toEqual([{ path: 'amount', message: '采购金额应大于 0 元' }]);
  expect(await issue({ amount: 0 })).toEqual([{ path: 'amount', message: '采购金额应大于 0 元' }]);
  expect(await issue({ amount: 10.005 })).toEqual([{ path: 'amount', message: '采购金额最多保留两位小数（分）' }]);
  expect(await issue({ from: '2026-02-30' })).toEqual([{ path: 'from', message: '服务开始日期不是真实存在的日期（2026-02-30），请核对月份和日' }]);
  expect(await issue({ to: '2026-02-01' })).toEqual([{ path: 'to', message: '服务结束日期不能早于开始日期' }]);
  expect(await issue({ evidence: [] })).toEqual([{ path: 'evidence', message: '请上传合同或发票等采购凭证（至少 1 个文件）' }]);
  expect(await issue({ productId: 'nope' })).toEqual([{ path: 'productId', message: '没有找到这个目录内的产品' }]);
  expect(await issue({ from: '2026-04-01', to: '2026-04-02' })).toEqual([{ path: 'from', message: '服务开始日期不能晚于今天' }]);
  // Issue 21: the same purchase again with its contract number in traditional characters, full width or invisible characters is a duplicate.
  const contract = { ...base, from: '2026-03-03', to: '2026-03-03', amount: 300, contractNumber: '采购合同第12号' };
  await h.ok('procurement', 'record', contract, p1.token);
  for (const contractNumber of ['採購合同第１２號', '采购合同\u200b第12\u00ad号', ' 采购 合同－第12号 ']) {
    const twice = await h.call('procurement', 'record', { ...contract, contractNumber }, p1.token);
    expect([contractNumber, twice.status]).toEqual([contractNumber, 409]);
  }
  // p2 may not attach p1's contract.
  const stolen = await h.call('procurement', 'record', base, p2.token);
  expect(err(stolen).issues).toEqual([{ path: 'evidence.0.fileId', message: '附件“采购合同.jpg”没有上传成功，请重新上传' }]);
});

test('an opinion outside a campaign is refused; during one it becomes the product’s purchaser finding, with its source', async () => {
  const outside = await h.call('procurement', 'opinion', { year: Y, productId: 'pGov', score: 86, notes: '服务及时，群众反映良好' }, p1.token);
  expect([outside.status, err(outside).message]).toEqual([409, '2026 年度的测评现在没有在进行，测评期间才能提交采购单位意见']);
  await h.ok('assessments', 'open', { year: Y, title: '2026 年度产品测评', startsOn: '2026-04-01', endsOn: '2026-09-25' }, ADMIN_TOKEN);
  expect((await h.call('procurement', 'opinion', { year: Y, productId: 'pGov', score: 86, notes: '服务及时，群众反映良好' }, p1.token)).status).toBe(409); // not started yet
  await at('2026-04-10T10:00:00+08:00');
  const none = await h.call('procurement', 'opinion', { year: Y, productId: 'pSub', score: 70, notes: '没有采购过也来评价' }, p1.token);
  expect([none.status, err(none).message]).toEqual([403, '您的单位没有这个产品的采购记录（经服务单位确认，或服务单位有异议、待市司法局裁定的），不能提交采购单位意见']);
  // Issue 21 (this line used to expect 403: a provider's dispute silenced the purchaser): a disputed purchase's unit is
  // heard; its opinion is kept, held until the bureau rules, and is no finding meanwhile.
  expect(await h.ok('procurement', 'opinion', { year: Y, productId: 'pGov', score: 60, notes: '服务单位不认账，但服务确实提供了' }, p2.token)).toEqual({ opinionId: `${Y}:pGov:${p2.orgId}`, findingId: null, status: 'held' });
  expect(err(await h.call('procurement', 'opinion', { year: Y, productId: 'pGov', score: 101, notes: '满分以上' }, p1.token)).issues[0]).toEqual({ path: 'score', message: '评分应在 0 到 100 之间' });
  const op = await h.ok('procurement', 'opinion', { year: Y, productId: 'pGov', score: 86, notes: '服务及时，群众反映良好' }, p1.token);
  const { findings } = await h.ok('assessments', 'findings', { year: Y, productId: 'pGov' }, ADMIN_TOKEN);
  expect(findings.map((f: any) => [f.findingId, f.method, f.score, f.notes, f.on])).toEqual([[op.findingId, 'purchaser', 86, '服务及时，群众反映良好', '2026-04-10']]);
  expect((await h.app.store.get<any>('assessmentFindings', op.findingId)).source).toEqual({ kind: 'procurement', id: op.opinionId });
  // A second opinion corrects the first.
  const again = await h.ok('procurement', 'opinion', { year: Y, productId: 'pGov', score: 90, notes: '补充：下半年服务更好' }, p1.token);
  const after = (await h.ok('assessments', 'findings', { year: Y, productId: 'pGov' }, ADMIN_TOKEN)).findings;
  expect(after.map((f: any) => [f.score, f.supersededBy])).toEqual([[86, again.findingId], [90, null]]);
  const row = (await h.ok('assessments', 'progress', { year: Y }, ADMIN_TOKEN)).rows.find((r: any) => r.productId === 'pGov');
  expect(row.findings.purchaser).toBe(1);
});

test('a tailoring request answered beside the declared standard, accepted into a confirmed procurement record', async () => {
  const asked = await h.ok('procurement', 'requestCustom', { productId: 'pSub', need: '为辖区 40 家餐饮小店做用工合同体检', audience: '湖滨街道餐饮个体户', schedule: '2026 年 5 月至 6 月', budget: 5000 }, p1.token);
  expect(asked).toMatchObject({ status: 'asked', budget: 5000, purchaserName: '杭州市上城区湖滨街道办事处' });
  expect(err(await h.call('procurement', 'requestCustom', { productId: 'pSub', need: '短', audience: '某', schedule: '五月' }, p1.token)).issues.map((i: any) => i.path)).toEqual(['need', 'audience']);
  expect((await h.call('procurement', 'requestCustom', { productId: 'pSub', need: '为企业做合同体检服务', audience: '小微企业', schedule: '五月' }, a.token)).status).toBe(403);
  expect((await h.call('procurement', 'acceptCustom', { requestId: asked.requestId, offerVersion: 1 }, p1.token)).status).toBe(409); // not answered yet
  const wrong = await h.call('procurement', 'answerCustom', { requestId: asked.requestId, terms: '按餐饮行业定制体检清单，两轮上门', price: 4800 }, a.token);
  expect([wrong.status, err(wrong).message]).toEqual([403, '只有提供这个产品的单位可以答复定制请求']);
  expect((await h.ok('procurement', 'customRequests', {}, b.token)).received.map((r: any) => r.status)).toEqual(['asked']);
  const answered = await h.ok('procurement', 'answerCustom', { requestId: asked.requestId, terms: '按餐饮行业定制体检清单，两轮上门，每家出具体检报告', price: 4800 }, b.token);
  expect(answered).toMatchObject({ status: 'answered', price: 4800, standard: { price: '政府补贴后每家企业 300 元/次' } });
  expect(answered.standard.serviceStandard).toContain('受理后 1 个工作日内联系服务对象');
  expect([answered.offerVersion, answered.offers.map((o: any) => o.price)]).toEqual([1, [4800]]);
  const stranger = await h.call('procurement', 'acceptCustom', { requestId: asked.requestId, offerVersion: 1 }, p2.token);
  expect([stranger.status, err(stranger).message]).toEqual([403, '这条定制请求不是您的单位提出的']);
  const { request, procurement } = await h.ok('procurement', 'acceptCustom', { requestId: asked.requestId, offerVersion: 1 }, p1.token);
  expect(request).toMatchObject({ status: 'accepted', procurementId: procurement.procurementId });
  expect(procurement).toMatchObject({ productId: 'pSub', status: 'confirmed', amount: 4800, customTerms: '按餐饮行业定制体检清单，两轮上门，每家出具体检报告', from: '2026-04-10', to: '2026-12-31' });
  expect((await h.call('procurement', 'acceptCustom', { requestId: asked.requestId, offerVersion: 1 }, p1.token)).status).toBe(409);
  expect(await h.ok('procurement', 'productSummary', { productId: 'pSub' })).toEqual({ year: 2026, units: 1, purchaseMethod: 'subsidy', amount: 4800 });
  expect((await h.ok('procurement', 'customRequests', {}, p1.token)).asked.map((r: any) => r.status)).toEqual(['accepted']);
});

test('value for money: amount ÷ services, from the self-report or else the rating codes issued that year', async () => {
  await h.ok('assessments', 'selfReport', { year: Y, productId: 'pSub', servedCount: 16, summary: '全年为十六家小微企业完成法律体检并出具报告。' }, b.token);
  for (let i = 0; i < 3; i++) await h.ok('ratings', 'issueToken', { productId: 'pGov', servedOn: '2026-04-10', channel: 'counter' }, a.token);
  const { rows } = await h.ok('procurement', 'valueForMoney', { year: Y }, ADMIN_TOKEN);
  expect(rows.map((r: any) => [r.productId, r.units, r.amount, r.services, r.servicesFrom, r.costPerService])).toEqual([
    ['pFee', 1, 800, null, null, null],
    ['pGov', 1, 36000.5, 3, 'rating-codes', 12000.17],
    ['pSub', 1, 4800, 16, 'self-report', 300],
  ]);
  expect((await h.call('procurement', 'valueForMoney', { year: Y }, p1.token)).status).toBe(403);

  // The same figures reach the bureau's exports (csv here: BOM, then a quoted header row and a row per product).
  const file = await h.ok('admin', 'export', { dataset: 'valueForMoney', format: 'csv', year: Y }, ADMIN_TOKEN);
  const lines = (await (await h.raw(file.url)).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('"年度","产品编号","产品名称","采购单位数","确认采购金额（元）","服务人次","人次来源","每次服务成本（元）"');
  const cells = lines.slice(1).map((l) => l.split('","').map((c) => c.replace(/^"|"$/g, '')));
  expect(cells.map((c) => [c[1], c[3], c[4], c[5], c[6], c[7]])).toEqual([
    ['pFee', '1', '800', '', '', ''],
    ['pGov', '1', '36000.5', '3', '评价码发放数', '12000.17'],
    ['pSub', '1', '4800', '16', '单位自报', '300'],
  ]);
});

test('issue 21: an offer is bound — accepting the version the unit read is refused (CONFLICT, with the new price) once the provider re-answers, and no unaccepted price is ever public', async () => {
  const publicText = async () => JSON.stringify([await h.ok('procurement', 'productSummary', { productId: 'pSub' }), await h.ok('catalogue', 'get', { productId: 'pSub' })]);
  const before = await h.ok('procurement', 'productSummary', { productId: 'pSub' });
  const { requestId } = await h.ok('procurement', 'requestCustom', { productId: 'pSub', need: '为辖区 12 家养老机构做合同合规体检', audience: '湖滨街道养老机构', schedule: '2026 年 6 月' }, p1.token);
  expect((await h.ok('procurement', 'answerCustom', { requestId, terms: '逐家审查服务合同与收费协议，出具体检报告', price: 2800 }, b.token)).offerVersion).toBe(1);
  // The unit reads the offer: version 1, 2,800 yuan.
  const read = (await h.ok('procurement', 'customRequests', {}, p1.token)).asked.find((r: any) => r.requestId === requestId);
  expect([read.offerVersion, read.price, read.status]).toEqual([1, 2800, 'answered']);
  // The provider answers again, with another price.
  const again = await h.ok('procurement', 'answerCustom', { requestId, terms: '逐家审查服务合同与收费协议，出具体检报告', price: 99_999_999 }, b.token);
  expect([again.offerVersion, again.offers.map((o: any) => [o.version, o.price])]).toEqual([2, [[1, 2800], [2, 99_999_999]]]);
  const records = await h.app.store.count('procurements');
  const refused = await h.call('procurement', 'acceptCustom', { requestId, offerVersion: read.offerVersion, price: read.price }, p1.token);
  const message = '服务单位已修改方案：现在是第 2 版，报价 99999999 元（您看到的是第 1 版，报价 2800 元）。请查看新方案后再决定是否接受';
  expect([refused.status, err(refused).code, err(refused).message, err(refused).issues]).toEqual([409, 'CONFLICT', message, [{ path: 'offerVersion', message }]]);
  // Nothing was written; nothing public shows the unaccepted price.
  expect(await h.app.store.count('procurements')).toBe(records);
  expect((await h.app.store.get<any>('customRequests', requestId)).status).toBe('answered');
  expect(await h.ok('procurement', 'productSummary', { productId: 'pSub' })).toEqual(before);
  expect(await publicText()).not.toMatch(/99999999|99,999,999/);
  // Naming the new version with the old price is refused too; a version that never existed is bad input.
  const mismatch = await h.call('procurement', 'acceptCustom', { requestId, offerVersion: 2, price: 2800 }, p1.token);
  expect([mismatch.status, err(mismatch).issues]).toEqual([409, [{ path: 'price', message: '第 2 版方案的报价是 99999999 元，与您填写的 2800 元不符，请核对' }]]);
  expect(err(await h.call('procurement', 'acceptCustom', { requestId, offerVersion: 3 }, p1.token)).issues).toEqual([{ path: 'offerVersion', message: '没有这一版方案，请刷新后查看' }]);
  expect(err(await h.call('procurement', 'acceptCustom', { requestId }, p1.token)).issues).toEqual([{ path: 'offerVersion', message: '请说明接受的是第几版方案' }]);
  expect(err(await h.call('procurement', 'acceptCustom', { requestId, offerVersion: 1.5 }, p1.token)).issues).toEqual([{ path: 'offerVersion', message: '方案版本应为整数' }]);
  expect(await publicText()).not.toMatch(/99999999|99,999,999/);
  // The provider corrects its offer; the unit reads it and accepts that version: only that price becomes public.
  await h.ok('procurement', 'answerCustom', { requestId, terms: '逐家审查服务合同与收费协议，出具体检报告', price: 3000 }, b.token);
  const third = (await h.ok('procurement', 'customRequests', {}, p1.token)).asked.find((r: any) => r.requestId === requestId);
  const { procurement } = await h.ok('procurement', 'acceptCustom', { requestId, offerVersion: third.offerVersion, price: third.price }, p1.token);
  expect([third.offerVersion, procurement.amount, procurement.status]).toEqual([3, 3000, 'confirmed']);
  expect(await h.ok('procurement', 'productSummary', { productId: 'pSub' })).toEqual({ ...before, amount: before.amount + 3000 });
  expect(await publicText()).not.toMatch(/99999999|99,999,999/);
  // Accepted: the provider cannot answer again.
  expect((await h.call('procurement', 'answerCustom', { requestId, terms: '逐家审查服务合同与收费协议，出具体检报告', price: 1 }, b.token)).status).toBe(409);
});

test('issue 21: a dispute is settled by the bureau — the purchase stands (counted, the unit\'s held opinion becomes its finding) or is void (not counted, the opinion with it)', async () => {
  const [r2] = (await h.ok('procurement', 'list', { year: Y, productId: 'pGov', status: 'disputed' }, ADMIN_TOKEN)).items;
  expect([r2.purchaserName, r2.status, r2.note, r2.settlement]).toEqual(['杭州某科技有限公司', 'disputed', '本单位没有为该企业提供过这项服务', null]);
  const counterBefore = await h.app.store.get<any>('procurementCounters', '2026:pGov');
  const findingsBefore = await h.app.store.count('assessmentFindings');
  // Who may not settle: the unit, the provider, a citizen; nobody signed out.
  const ruling = { procurementId: r2.procurementId, decision: 'stands', reason: '合同与付款凭证齐全，服务单位未能提供反证' };
  for (const t of [p2.token, a.token, await h.citizen()]) expect((await h.call('procurement', 'settle', ruling, t)).status).toBe(403);
  expect((await h.call('procurement', 'settle', ruling)).status).toBe(401);
  // Bad input: the decision from the list, a reason of at least 5 characters, a record that exists.
  expect(err(await h.call('procurement', 'settle', { ...ruling, decision: 'maybe' }, ADMIN_TOKEN)).issues).toEqual([{ path: 'decision', message: '请选择裁定结果：采购成立或采购不成立' }]);
  expect(err(await h.call('procurement', 'settle', { ...ruling, reason: '成立' }, ADMIN_TOKEN)).issues).toEqual([{ path: 'reason', message: '请填写裁定理由（至少 5 个字）' }]);
  expect(err(await h.call('procurement', 'settle', { procurementId: r2.procurementId, decision: 'void' }, ADMIN_TOKEN)).issues).toEqual([{ path: 'reason', message: '请填写裁定理由' }]);
  expect((await h.call('procurement', 'settle', { ...ruling, procurementId: 'pr-none' }, ADMIN_TOKEN)).status).toBe(404);
  // A confirmed record has no dispute to settle.
  const confirmed = (await h.ok('procurement', 'list', { year: Y, productId: 'pGov', status: 'confirmed' }, ADMIN_TOKEN)).items[0];
  expect(err(await h.call('procurement', 'settle', { ...ruling, procurementId: confirmed.procurementId }, ADMIN_TOKEN)).message).toBe('这条采购记录已经由服务单位确认，没有争议');
  expect(await h.app.store.count('assessmentFindings')).toBe(findingsBefore);

  // The purchase stands: counted in the same transaction, and the held opinion is now the unit's purchaser finding.
  const settled = await h.ok('procurement', 'settle', ruling, ADMIN_TOKEN);
  expect(settled.procurement).toMatchObject({ status: 'confirmed', settlement: { decision: 'stands', reason: ruling.reason } });
  expect(settled.opinions).toEqual([{ opinionId: `${Y}:pGov:${p2.orgId}`, year: Y, status: 'counted' }]);
  expect(await h.app.store.get<any>('procurementCounters', '2026:pGov')).toMatchObject({ recorded: counterBefore.recorded, confirmed: counterBefore.confirmed + 1, confirmedAmountFen: counterBefore.confirmedAmountFen + 120000 });
  expect((await h.ok('procurement', 'productSummary', { productId: 'pGov' })).units).toBe(2);
  const opinion = await h.app.store.get<any>('procurementOpinions', `${Y}:pGov:${p2.orgId}`);
  const finding = await h.app.store.get<any>('assessmentFindings', opinion.findingId);
  expect([opinion.status, finding.method, finding.score, finding.recordedByOrgId, finding.source]).toEqual(['counted', 'purchaser', 60, p2.orgId, { kind: 'procurement', id: opinion._id }]);
  const row = (await h.ok('assessments', 'progress', { year: Y }, ADMIN_TOKEN)).rows.find((r: any) => r.productId === 'pGov');
  expect(row.findings.purchaser).toBe(2);
  const trail = (await h.ok('admin', 'auditTrail', { recordId: r2.procurementId }, ADMIN_TOKEN)).entries;
  expect(trail.map((e: any) => e.change.settled).filter(Boolean)).toEqual(['stands']);
  expect((await h.call('procurement', 'settle', ruling, ADMIN_TOKEN)).status).toBe(409);
  // The unit sees the ruling on its desk.
  expect((await h.ok('procurement', 'mine', {}, p2.token)).purchases.find((r: any) => r.procurementId === r2.procurementId)).toMatchObject({ status: 'confirmed', settlement: { decision: 'stands' } });

  // Another dispute, ruled void: not counted, and the opinion resting on it is void; the unit has no purchase to speak from.
  const fee = await h.ok('procurement', 'record', { productId: 'pFee', from: '2026-04-01', to: '2026-04-01', quantity: 1, amount: 500, evidence: await evidence(p2.token) }, p2.token);
  expect((await h.call('procurement', 'settle', { ...ruling, procurementId: fee.procurementId }, ADMIN_TOKEN)).status).toBe(409); // not disputed yet
  await h.ok('procurement', 'confirm', { procurementId: fee.procurementId, agree: false, note: '该企业没有按标准付费购买过本服务' }, a.token);
  expect((await h.ok('procurement', 'opinion', { year: Y, productId: 'pFee', score: 40, notes: '服务很差，收费不透明' }, p2.token)).status).toBe('held');
  const feeCounter = await h.app.store.get<any>('procurementCounters', '2026:pFee');
  const voided = await h.ok('procurement', 'settle', { procurementId: fee.procurementId, decision: 'void', reason: '企业提供的发票与本服务无关' }, ADMIN_TOKEN);
  expect([voided.procurement.status, voided.opinions]).toEqual(['void', [{ opinionId: `${Y}:pFee:${p2.orgId}`, year: Y, status: 'void' }]]);
  expect(await h.app.store.get<any>('procurementCounters', '2026:pFee')).toEqual(feeCounter);
  expect((await h.ok('assessments', 'findings', { year: Y, productId: 'pFee' }, ADMIN_TOKEN)).findings).toEqual([]);
  expect((await h.call('procurement', 'opinion', { year: Y, productId: 'pFee', score: 40, notes: '再提一次意见' }, p2.token)).status).toBe(403);
});
