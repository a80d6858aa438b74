/**
 * Issue 15: notifications written with the events that need someone, read in each person's inbox and the bureau's
 * outbox; the deadline jobs walk a bad-rating case to its reminder and overdue flag and a scoring deadline to its
 * reminder, and running them twice writes nothing more.
 */
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import type { ProductDoc } from '../../types/product';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { addExperts, FIVE_ORGANISATIONS } from '../support/experts';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let zhang: { token: string; orgId: string };
let other: { token: string; orgId: string };
const experts: { expertId: string; token: string }[] = [];
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const jobs = () => h.ok('admin', 'runJobs', {}, ADMIN_TOKEN);
const outbox = async (filter: Record<string, unknown>) => (await h.ok('notify', 'outbox', filter, ADMIN_TOKEN)).messages as any[];
const inbox = (token: string, payload: Record<string, unknown> = {}) => h.ok('notify', 'inbox', payload, token);
const items = Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, DEMO_PRODUCTS[0].purchaseMethod).max]));
const meets = { public: 'meets', legal: 'meets', service: 'meets' };

async function submitted(i: number): Promise<string> {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[i], i) }, zhang.token);
  await h.ok('declarations', 'submit', { declarationId }, zhang.token);
  return declarationId;
}

beforeAll(async () => {
  h = await startHarness({ seed: true });
  zhang = await h.applicant('杭州萧然律师事务所');
  other = await h.applicant('杭州另一家律师事务所');
  await at('2026-03-10T09:00:00+08:00');
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  experts.push(...(await addExperts(h, FIVE_ORGANISATIONS)));
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('a material request reaches the applicant’s inbox only; read marks stay the reader’s; past its due day, one reminder however often the jobs run', async () => {
  const id = await submitted(0);
  await h.ok('declarations', 'requestMaterials', { declarationId: id, note: '请补充近三年服务台账', dueOn: '2026-03-13' }, ADMIN_TOKEN);
  const mine = await inbox(zhang.token);
  expect(mine.unread).toBe(1);
  expect(mine.messages).toHaveLength(1);
  expect(mine.messages[0]).toMatchObject({ kind: 'materialRequested', title: '请补充申报材料', read: false });
  expect(mine.messages[0].body).toContain('2026-03-13');
  expect(mine.messages[0].body).toContain('请补充近三年服务台账');
  const theirs = await inbox(other.token);
  expect([theirs.unread, theirs.messages.length]).toEqual([0, 0]);
  // Someone else cannot mark it read.
  expect(await h.ok('notify', 'markRead', { ids: [mine.messages[0].id] }, other.token)).toEqual({ marked: 0, unread: 0 });
  expect(await h.ok('notify', 'markRead', { ids: [mine.messages[0].id] }, zhang.token)).toEqual({ marked: 1, unread: 0 });
  expect((await inbox(zhang.token)).messages[0].read).toBe(true);

  await at('2026-03-13T18:00:00+08:00');
  expect((await jobs()).materialReminders).toBe(0);
  await at('2026-03-16T09:00:00+08:00');
  expect((await jobs()).materialReminders).toBe(1);
  expect((await jobs()).materialReminders).toBe(0);
  const reminders = await outbox({ kind: 'materialOverdue', recordId: id });
  expect(reminders).toHaveLength(1);
  expect(reminders[0]).toMatchObject({ recipient: `o:${zhang.orgId}`, sendStatus: 'pending' });
  expect((await inbox(zhang.token, { unreadOnly: true })).messages.map((m: any) => m.kind)).toEqual(['materialOverdue']);
  await at('2026-03-10T09:00:00+08:00');
});

test('a drawn panel tells each expert; scoring due in two working days reminds only those who have not submitted, once', async () => {
  await at('2026-03-10T09:00:00+08:00');
  const id = await submitted(1);
  await h.ok('reviews', 'drawPanel', { declarationId: id, size: 5 }, ADMIN_TOKEN);
  for (const e of experts) {
    const box = await inbox(e.token);
    expect(box.messages.filter((m: any) => m.kind === 'panelAssigned')).toHaveLength(1);
    // Ten working days from the day after the draw: 11–13, 16–20, 23, 24 March.
    expect(box.messages[0].body).toContain('2026-03-24');
  }
  for (const e of experts.slice(0, 3)) await h.ok('reviews', 'submitScoresheet', { declarationId: id, items, attributes: meets }, e.token);

  await at('2026-03-19T09:00:00+08:00'); // three working days left (20, 23, 24)
  expect((await jobs()).scoringReminders).toBe(0);
  await at('2026-03-20T09:00:00+08:00'); // two left (23, 24)
  expect((await jobs()).scoringReminders).toBe(2);
  expect((await jobs()).scoringReminders).toBe(0);
  await at('2026-03-23T09:00:00+08:00');
  expect((await jobs()).scoringReminders).toBe(0);
  const reminders = await outbox({ kind: 'scoringDueSoon', recordId: id });
  expect(reminders.map((m) => m.recipient).sort()).toEqual(experts.slice(3).map((e) => `e:${e.expertId}`).sort());
  for (const e of experts.slice(0, 3)) expect((await inbox(e.token)).messages.some((m: any) => m.kind === 'scoringDueSoon')).toBe(false);

  // The result confirmed, then the publicity start and end: the applicant hears of each; the bureau is reminded of the end.
  for (const e of experts.slice(3)) await h.ok('reviews', 'submitScoresheet', { declarationId: id, items, attributes: meets }, e.token);
  for (const e of experts) await h.ok('reviews', 'panelConfirm', { declarationId: id, agree: true }, e.token);
  await h.ok('reviews', 'confirm', { declarationId: id }, ADMIN_TOKEN);
  await h.ok('publicity', 'start', { declarationIds: [id], startsOn: '2026-03-23', workingDays: 7 }, ADMIN_TOKEN); // to 31 March
  await at('2026-03-30T09:00:00+08:00');
  expect((await jobs()).publicityReminders).toBe(1);
  expect((await jobs()).publicityReminders).toBe(0);
  await at('2026-04-01T09:00:00+08:00');
  await h.ok('publicity', 'close', { declarationId: id, outcome: 'recognised' }, ADMIN_TOKEN);
  const kinds = (await inbox(zhang.token)).messages.filter((m: any) => m.link?.includes(id) || m.body.includes(DEMO_PRODUCTS[1].name)).map((m: any) => m.kind);
  expect(kinds.sort()).toEqual(['publicityEnded', 'publicityStarted', 'resultConfirmed']);
  expect((await outbox({ kind: 'publicityEndingSoon', recordId: id })).map((m) => m.recipient)).toEqual(['admin']);
  expect((await inbox(ADMIN_TOKEN)).messages.some((m: any) => m.kind === 'publicityEndingSoon')).toBe(true);
  await at('2026-03-10T09:00:00+08:00');
});

test('a bad rating opens a case the provider hears of; a working day before its due day a reminder; after it, the overdue flag and the bureau told — once each', async () => {
  const productId = 'pnotify01';
  const template = (await h.app.store.get<ProductDoc>('products', 'p0002demo'))!;
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId, declarationId: null, orgId: other.orgId, documentNumber: '杭司〔2026〕9号', publishedOn: '2026-01-10' }));
  await at('2026-09-30T10:00:00+08:00');
  const { token } = await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-09-30', channel: 'counter' }, other.token);
  const { caseId } = await h.ok('ratings', 'rate', { token, level: 1 }, await h.citizen());
  expect((await outbox({ kind: 'caseOpened', recordId: caseId })).map((m) => m.recipient)).toEqual([`o:${other.orgId}`]);

  // Due 13 October (1–7 off; 8, 9, 10 make-up Saturday, 12, 13).
  await at('2026-10-09T09:00:00+08:00');
  expect(await jobs()).toMatchObject({ caseReminders: 0, casesFlagged: 0 });
  await at('2026-10-12T09:00:00+08:00');
  expect(await jobs()).toMatchObject({ caseReminders: 1, casesFlagged: 0 });
  expect(await jobs()).toMatchObject({ caseReminders: 0, casesFlagged: 0 });
  await at('2026-10-13T17:00:00+08:00');
  expect(await jobs()).toMatchObject({ caseReminders: 0, casesFlagged: 0 });
  await at('2026-10-14T09:00:00+08:00');
  expect(await jobs()).toMatchObject({ casesFlagged: 1 });
  expect(await jobs()).toMatchObject({ casesFlagged: 0 });

  expect(await outbox({ kind: 'caseDueSoon', recordId: caseId })).toHaveLength(1);
  const overdue = await outbox({ kind: 'caseOverdue', recordId: caseId });
  expect(overdue.map((m) => m.recipient)).toEqual(['admin']);
  expect((await h.app.store.get<any>('ratingCases', caseId)).overdue).toBe(true);
  const trail = (await h.ok('admin', 'auditTrail', { recordId: caseId }, ADMIN_TOKEN)).entries.filter((e: any) => e.change?.overdue);
  expect(trail).toHaveLength(1);
  expect((await inbox(other.token)).messages.map((m: any) => m.kind).filter((k: string) => k.startsWith('case')).sort()).toEqual(['caseDueSoon', 'caseOpened']);
  // The provider answers late: the flag stays, the invariant holds (checked after each test).
  await h.ok('ratings', 'respondCase', { caseId, callbackOn: '2026-10-14', callbackNote: '已电话回访当事人', fix: '调整窗口排班安排' }, other.token);
  expect((await jobs()).casesFlagged).toBe(0);
  await at('2026-03-10T09:00:00+08:00');
});

test('a rectification (限期整改): the provider hears of it, a working day before its due day a reminder, after it the bureau is told — once each', async () => {
  await at('2026-11-02T09:00:00+08:00'); // Monday; three working days: 3, 4, 5 November
  const r = await h.ok('supervision', 'rectify', { productId: 'pnotify01', reason: '服务电话长期无人接听，请整改', dueWorkingDays: 3 }, ADMIN_TOKEN);
  expect(r.dueOn).toBe('2026-11-05');
  expect((await outbox({ kind: 'rectificationOpened', recordId: r.rectificationId })).map((m) => m.recipient)).toEqual([`o:${other.orgId}`]);
  await at('2026-11-03T09:00:00+08:00');
  expect(await jobs()).toMatchObject({ rectificationReminders: 0, rectificationsOverdue: 0 });
  await at('2026-11-04T09:00:00+08:00');
  expect(await jobs()).toMatchObject({ rectificationReminders: 1, rectificationsOverdue: 0 });
  expect(await jobs()).toMatchObject({ rectificationReminders: 0, rectificationsOverdue: 0 });
  await at('2026-11-06T09:00:00+08:00');
  expect(await jobs()).toMatchObject({ rectificationsOverdue: 1 });
  expect(await jobs()).toMatchObject({ rectificationsOverdue: 0 });
  expect(await outbox({ kind: 'rectificationDueSoon', recordId: r.rectificationId })).toHaveLength(1);
  expect((await outbox({ kind: 'rectificationOverdue', recordId: r.rectificationId })).map((m) => m.recipient)).toEqual(['admin']);
  await at('2026-03-10T09:00:00+08:00');
});

test('the inbox pages newest first and “all read” clears the count', async () => {
  const before = await inbox(zhang.token);
  expect(before.unread).toBeGreaterThan(0);
  expect(await h.ok('notify', 'markRead', { all: true }, zhang.token)).toEqual({ marked: before.unread, unread: 0 });
  const page = await inbox(zhang.token, { page: 0 });
  const times = page.messages.map((m: any) => m.createdAt);
  expect([...times].sort().reverse()).toEqual(times);
  expect((await inbox(zhang.token, { page: 5 })).messages).toEqual([]);
});

test('bad inputs are refused with a Chinese message on the field', async () => {
  const citizen = await h.citizen();
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['notify', 'inbox', { page: -1 }, 'page'],
    ['notify', 'inbox', { page: 1.5 }, 'page'],
    ['notify', 'inbox', { unreadOnly: 'yes' }, 'unreadOnly'],
    ['notify', 'markRead', {}, 'ids'],
    ['notify', 'markRead', { ids: [] }, 'ids'],
    ['notify', 'markRead', { ids: Array.from({ length: 51 }, (_, i) => `m${i}`) }, 'ids'],
    ['notify', 'outbox', { kind: 'nonsense' }, 'kind'],
    ['notify', 'outbox', { status: 'lost' }, 'status'],
  ];
  for (const [fn, action, payload, path] of cases) {
    const res = await h.call(fn, action, payload, fn === 'notify' && action === 'outbox' ? ADMIN_TOKEN : citizen);
    expect({ action, payload, status: res.status }).toEqual({ action, payload, status: 400 });
    expect((res.body as any).error.issues.map((i: any) => i.path)).toContain(path);
    expect((res.body as any).error.message).toMatch(/[\u4e00-\u9fff]/);
  }
  expect((await h.call('admin', 'runJobs', { now: 'x' }, ADMIN_TOKEN)).status).toBe(400);
});

test('who may not: the outbox and the jobs are the bureau’s; an inbox needs a signed-in person', async () => {
  expect((await h.call('notify', 'outbox', {}, zhang.token)).status).toBe(403);
  expect((await h.call('notify', 'outbox', {}, experts[0].token)).status).toBe(403);
  expect((await h.call('notify', 'outbox', {})).status).toBe(401);
  expect((await h.call('notify', 'inbox', {})).status).toBe(401);
  expect((await h.call('notify', 'markRead', { all: true })).status).toBe(401);
  expect((await h.call('admin', 'runJobs', {}, zhang.token)).status).toBe(403);
  expect((await h.call('admin', 'runJobs', {}, await h.citizen())).status).toBe(403);
});
