/**
 * Issue 16: the needs board through the real server — a need posted, supported by two people (a second support by the
 * same person refused), answered by the bureau, shown for the yearly call, and linked to the product whose declaration
 * said it answers it; content check, daily limit, merging duplicates, no personal data on the board.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { NEED_LIMITS } from '../../types/needs';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { startPipeline, type Pipeline } from '../support/pipeline';

let h: Harness;
let pipe: Pipeline;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const err = (res: { body: any }) => res.body.error;
const TEXT = '希望有针对网约车司机的劳动权益咨询，晚上也能打电话';
let needId: string;
let dupId: string;
let c1: string;
let c2: string;

beforeAll(async () => {
  h = await startHarness();
  await at('2026-09-25T09:00:00+08:00');
  pipe = await startPipeline(h);
  c1 = await h.citizen();
  c2 = await h.citizen();
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('a need is posted under a pseudonym and supported once each by two people', async () => {
  const posted = await h.ok('needs', 'submit', { text: TEXT, category: 'legal-service', district: '西湖区', audience: '网约车司机' }, c1);
  expect(posted).toMatchObject({ visibility: 'shown', pseudonym: '市民N1' });
  needId = posted.needId;
  expect((await h.call('needs', 'submit', { text: TEXT })).status).toBe(401);
  const c3 = await h.citizen();
  expect(await h.ok('needs', 'support', { needId }, c2)).toEqual({ needId, supports: 1 });
  expect(await h.ok('needs', 'support', { needId }, c3)).toEqual({ needId, supports: 2 });
  const twice = await h.call('needs', 'support', { needId }, c2);
  expect([twice.status, err(twice).message]).toEqual([409, '您已经支持过这条需求了']);
  expect(err(await h.call('needs', 'support', { needId }, c1)).message).toBe('这是您自己提出的需求，已经算作一人次');
  expect((await h.call('needs', 'support', { needId: 'nd-none' }, c2)).status).toBe(404);
  const board = await h.ok('needs', 'list', { sort: 'supported' }, c2);
  expect(board.items.map((n: any) => [n.needId, n.supports, n.pseudonym, n.status])).toEqual([[needId, 2, '市民N1', 'open']]);
  expect(board.supported).toEqual([needId]);
  // No account ids on the public board.
  const text = JSON.stringify(await h.ok('needs', 'list', { sort: 'newest' }));
  expect(text).not.toContain('userId');
  for (const t of [c1, c2, c3]) expect(text).not.toContain((await h.ok('auth', 'me', {}, t)).userId);
});

test('bad inputs, the content check, one text once, and the daily limit', async () => {
  const issues = async (p: Record<string, unknown>) => err(await h.call('needs', 'submit', p, c2)).issues;
  expect(await issues({ text: '太短了' })).toEqual([{ path: 'text', message: '请把需求写具体一些（至少 10 个字）' }]);
  expect(await issues({ text: TEXT, district: '朝阳区' })).toEqual([{ path: 'district', message: '请选择杭州市的区、县（市）' }]);
  expect(await issues({ text: TEXT, category: 'tax' })).toEqual([{ path: 'category', message: '没有这个类别' }]);
  expect(err(await h.call('needs', 'list', { sort: 'random' })).issues[0].path).toBe('sort');
  const held = await h.ok('needs', 'submit', { text: '想咨询离婚财产分割，请加微信详聊' }, c2);
  expect([held.visibility, held.pseudonym]).toEqual(['pending', '市民N2']);
  expect((await h.ok('needs', 'list', { sort: 'newest' })).items.map((n: any) => n.needId)).not.toContain(held.needId);
  expect((await h.ok('needs', 'review', {}, ADMIN_TOKEN)).items.find((n: any) => n.needId === held.needId).visibility).toBe('pending');
  expect(err(await h.call('needs', 'moderate', { needId: held.needId, decision: 'hide' }, ADMIN_TOKEN)).issues).toEqual([{ path: 'reason', message: '不予显示时，请写明理由' }]);
  expect((await h.call('needs', 'moderate', { needId: held.needId, decision: 'show' }, c1)).status).toBe(403);
  expect(await h.ok('needs', 'moderate', { needId: held.needId, decision: 'hide', reason: '含联系方式' }, ADMIN_TOKEN)).toEqual({ needId: held.needId, visibility: 'hidden' });
  expect((await h.ok('needs', 'list', { sort: 'newest' })).items.map((n: any) => n.needId)).not.toContain(held.needId);
  expect((await h.call('needs', 'support', { needId: held.needId }, c1)).status).toBe(404);
  dupId = (await h.ok('needs', 'submit', { text: '网约车司机被平台扣钱，想找律师咨询劳动关系', category: 'legal-service' }, c2)).needId;
  expect((await h.call('needs', 'submit', { text: '网约车司机被平台扣钱，想找律师咨询劳动关系' }, c2)).status).toBe(409);
  // Issue 21: the same text dressed in invisible characters or written in traditional characters is the same need.
  for (const text of ['网约车司机\u200b被平台扣钱，想找律师\u2060咨询劳动关系', '網約車司機被平臺扣錢，想找律師諮詢勞動關係']) {
    const again = await h.call('needs', 'submit', { text }, c2);
    expect([again.status, err(again).message]).toEqual([409, '您已经提过相同的需求']);
  }
  const c4 = await h.citizen();
  for (let i = 0; i < NEED_LIMITS.submitPerDay; i++) await h.ok('needs', 'submit', { text: `第 ${i + 1} 条：希望社区有免费的遗嘱咨询服务` }, c4);
  const limited = await h.call('needs', 'submit', { text: '第 4 条：希望社区有免费的遗嘱咨询服务' }, c4);
  expect([limited.status, err(limited).message]).toEqual([429, `每人每天最多提 ${NEED_LIMITS.submitPerDay} 条需求，请明天再来`]);
  await at('2026-09-26T09:00:00+08:00');
  await h.ok('needs', 'submit', { text: '第 4 条：希望社区有免费的遗嘱咨询服务' }, c4);
  // Filters.
  expect((await h.ok('needs', 'list', { sort: 'supported', district: '西湖区' })).items.map((n: any) => n.needId)).toEqual([needId]);
  expect((await h.ok('needs', 'list', { sort: 'supported', category: 'legal-service' })).items.map((n: any) => n.needId)).toEqual([needId, dupId]);
});

test('the bureau tags, merges a duplicate and answers; only the bureau', async () => {
  for (const t of [c1, pipe.applicant.token]) expect((await h.call('needs', 'answer', { needId, status: 'planned', reply: '将列入下一年度申报方向' }, t)).status).toBe(403);
  expect(err(await h.call('needs', 'answer', { needId, status: 'existing-product', reply: '已有相关产品可以使用' }, ADMIN_TOKEN)).issues).toEqual([{ path: 'productId', message: '请选择可以满足这个需求的产品' }]);
  expect(err(await h.call('needs', 'merge', { needId: dupId, intoId: dupId, reason: '重复的需求' }, ADMIN_TOKEN)).issues).toEqual([{ path: 'intoId', message: '不能合并到它自己' }]);
  expect(err(await h.call('needs', 'merge', { needId: dupId, intoId: needId, reason: '重复' }, ADMIN_TOKEN)).issues[0].path).toBe('reason');
  const merged = await h.ok('needs', 'merge', { needId: dupId, intoId: needId, reason: '同为网约车司机劳动权益咨询' }, ADMIN_TOKEN);
  expect(merged.status).toBe('merged');
  expect((await h.call('needs', 'merge', { needId: dupId, intoId: needId, reason: '同为网约车司机劳动权益咨询' }, ADMIN_TOKEN)).status).toBe(409);
  expect(err(await h.call('needs', 'support', { needId: dupId }, c1)).message).toBe('这条需求已合并到相同的需求，请到那条需求下支持');
  expect(await h.app.store.get<any>('needs', dupId)).toMatchObject({ mergedInto: needId, mergeReason: '同为网约车司机劳动权益咨询' });
  expect((await h.ok('needs', 'tag', { needId, tags: ['新就业形态', '劳动权益', '劳动权益'] }, ADMIN_TOKEN)).tags).toEqual(['新就业形态', '劳动权益']);
  const answered = await h.ok('needs', 'answer', { needId, status: 'planned', reply: '已列入 2027 年度产品申报方向，欢迎服务机构申报' }, ADMIN_TOKEN);
  expect(answered).toMatchObject({ status: 'planned', reply: '已列入 2027 年度产品申报方向，欢迎服务机构申报' });
  const board = await h.ok('needs', 'list', { sort: 'supported' });
  expect(board.items[0]).toMatchObject({ needId, status: 'planned', tags: ['新就业形态', '劳动权益'] });
  expect(board.items.map((n: any) => n.needId)).not.toContain(dupId);
});

test('the call shows the most supported needs; a declaration answering them links them to its product once published', async () => {
  const call = await h.ok('needs', 'forCall', { callId: 'call-2026' });
  expect(call.needs[0]).toMatchObject({ needId, supports: 2, status: 'planned' });
  expect(call.needs.length).toBeLessThanOrEqual(10);
  expect((await h.call('needs', 'forCall', { callId: 'call-1999' })).status).toBe(404);

  // saveDraft takes the needs a declaration answers.
  const draft = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[1], 1), answersNeeds: [needId] }, pipe.applicant.token);
  expect((await h.app.store.get<any>('declarations', draft.declarationId)).answersNeeds).toEqual([needId]);
  expect(err(await h.call('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[1], 1), answersNeeds: 'x' }, pipe.applicant.token)).issues[0].path).toBe('answersNeeds');

  // A declaration through review, publicity and publication (the pipeline saves its own draft; the answered needs are
  // set on it as saveDraft would have: the merged duplicate resolves to the need it joined).
  await at('2026-09-25T09:00:00+08:00');
  const d = await pipe.proposed(1);
  await h.app.store.update('declarations', d, { answersNeeds: [needId, dupId] });
  await h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-16T09:00:00+08:00');
  await h.ok('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN);
  const { published } = await h.ok('catalogue', 'publish', { declarationIds: [d], documentNumber: '杭司〔2026〕130号', publishedOn: '2026-10-20' }, ADMIN_TOKEN);
  const board = await h.ok('needs', 'list', { sort: 'supported' });
  expect(board.items.find((n: any) => n.needId === needId).linkedProductIds).toEqual([published[0].productId]);
  expect((await h.app.store.get<any>('needs', dupId)).linkedProductIds).toEqual([]);
});
