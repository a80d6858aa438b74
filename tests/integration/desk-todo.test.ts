/**
 * Issue 22: the bureau's to-do list (admin.todo), computed from the records through the real server, with working-day
 * due days across the 2026 Mid-Autumn and National Day holidays (the published calendar: 20 September and 10 October
 * are make-up working days, 25 September and 1–7 October are off), then with the bureau's own calendar entry; and the
 * to-do list and the reminder jobs agreeing on the same records.
 */
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { TODO_KINDS } from '../../types/todo';
import { insertGrades } from '../support/gradeFixture';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { deskScene, proposed as proposedBy, scored as scoredBy, submitted as submittedBy, type Expert } from '../support/reviewSteps';

let h: Harness;
let zhang: { token: string; orgId: string };
let experts: Expert[];
const at = (day: string) => h.ok('admin', 'setClock', { now: `${day}T10:00:00+08:00` }, ADMIN_TOKEN);
const ids: Record<string, string> = {};

const submitted = (i: number) => submittedBy(h, zhang.token, i);
const scored = (id: string, i: number, by = experts) => scoredBy(h, id, i, by);
const proposed = (i: number) => proposedBy(h, zhang.token, i, experts);
async function drawn(i: number): Promise<string> {
  const id = await submitted(i);
  await h.ok('reviews', 'drawPanel', { declarationId: id, size: 5 }, ADMIN_TOKEN);
  return id;
}

beforeAll(async () => {
  h = await startHarness();
  ({ applicant: zhang, experts } = await deskScene(h, '杭州之江律师事务所', '2026-08-20'));
  // A listed product of 之江所 (for the rating cases and the rectifications) and one in a computed 2026 assessment (the appeal).
  for (const [productId, i] of [['ptodo1', 10], ['ptodo2', 11]] as const)
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[i], i), { productId, declarationId: null, orgId: zhang.orgId, documentNumber: '杭司〔2025〕9号', publishedOn: '2025-03-01' }));
  await insertGrades(h.app.store, 2026, [{ productId: 'ptodo2', orgId: zhang.orgId, grade: 'pass', score: 70, satisfaction: { rate: 0.9, n: 10 } }], 'computed');

  await at('2026-09-01');
  ids.D = await drawn(0); // scoring due 15 September, nobody submits
  await at('2026-09-02');
  ids.F = await proposed(1);
  ids.G = await proposed(2);
  ids.H = await proposed(3);
  await at('2026-09-07');
  await h.ok('assessments', 'appeal', { year: 2026, productId: 'ptodo2', reason: '满意度样本偏少，请复核评分' }, zhang.token);
  ids.appeal = '2026:ptodo2';
  await at('2026-09-14');
  ids.B = await submitted(4); // no panel yet
  ids.case2 = await rate('ptodo1', '2026-09-14');
  await at('2026-09-16');
  ids.C = await drawn(5);
  await scored(ids.C, 5, experts.slice(0, 2)); // 3 of 5 outstanding
  ids.E = await drawn(6);
  await scored(ids.E, 6);
  await at('2026-09-21');
  ids.R2 = (await h.ok('supervision', 'rectify', { productId: 'ptodo1', reason: '服务流程不规范，限期整改', dueWorkingDays: 2 }, ADMIN_TOKEN)).rectificationId;
  await h.ok('publicity', 'start', { declarationIds: [ids.F], startsOn: '2026-09-21', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-09-22');
  await h.ok('publicity', 'start', { declarationIds: [ids.H], startsOn: '2026-09-22', workingDays: 7 }, ADMIN_TOKEN);
  await h.ok('declarations', 'requestMaterials', { declarationId: ids.B, note: '请补充近三年服务台账样本', dueOn: '2026-09-24' }, ADMIN_TOKEN);
  // Issue 24: a case answered, and its rater still not satisfied on 28 Sep: the bureau's review (复核) is due.
  const rater = await h.citizen();
  ids.case3 = await rate('ptodo1', '2026-09-22', rater);
  await h.ok('ratings', 'respondCase', { caseId: ids.case3, fix: '已对窗口人员重新培训并通报' }, zhang.token);
  await at('2026-09-23');
  ids.case1 = await rate('ptodo1', '2026-09-23');
  await at('2026-09-28');
  await h.ok('publicity', 'start', { declarationIds: [ids.G], startsOn: '2026-09-28', workingDays: 7 }, ADMIN_TOKEN);
  await h.ok('ratings', 'confirmCase', { caseId: ids.case3, satisfied: false, reason: '窗口的态度还是很冷淡' }, rater);
  await at('2026-09-29');
  for (const e of experts.slice(0, 3)) await h.ok('reviews', 'panelConfirm', { declarationId: ids.E, agree: true }, e.token);
  ids.R1 = (await h.ok('supervision', 'rectify', { productId: 'ptodo1', reason: '差评整改未落实，限期整改', dueWorkingDays: 1 }, ADMIN_TOKEN)).rectificationId;
  await h.ok('publicity', 'comment', { declarationId: ids.F, text: '建议写明服务时间和预约方式' }, await h.citizen());
  const registrant = await h.citizen();
  ids.org = (await h.ok('orgs', 'register', { name: '杭州西溪律师事务所', creditCode: '91330000142916567N', kind: 'law-firm', district: '西湖区', contactName: '林晓', contactPhone: '13905710001' }, registrant)).orgId;
  await at('2026-09-30');
}, 180_000);
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

/** A bad rating of `productId` for a service on `servedOn` (today): the case it opens. */
async function rate(productId: string, servedOn: string, rater?: string): Promise<string> {
  const { token } = await h.ok('ratings', 'issueToken', { productId, servedOn, channel: 'counter' }, zhang.token);
  return (await h.ok('ratings', 'rate', { token, level: 1 }, rater ?? (await h.citizen()))).caseId;
}

const row = (i: any) => [i.kind, i.recordId, i.dueOn, i.workingDaysLeft, i.overdue];

test('bad input and the wrong callers are refused; only the bureau reads it', async () => {
  expect((await h.call('admin', 'todo', { kind: 'caseDue' }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('admin', 'todo', {}, zhang.token)).status).toBe(403);
  expect((await h.call('admin', 'todo', {}, experts[0].token)).status).toBe(403);
  expect((await h.call('admin', 'todo', {}, await h.citizen())).status).toBe(403);
  expect((await h.call('admin', 'todo', {})).status).toBe(401);
});

test('every kind, each due on its working day across the holidays, overdue first, then by due day', async () => {
  const todo = await h.ok('admin', 'todo', {}, ADMIN_TOKEN);
  expect(todo.asOf).toBe('2026-09-30');
  expect(todo.warnings).toEqual([]);
  expect(todo.items.map(row)).toEqual([
    // Filed 7 Sep; 5 working days: 8–11, 14 Sep. Overdue by 15–18, 20 (make-up Sunday), 21–24, 28–30 = 12.
    ['appealPending', ids.appeal, '2026-09-14', -12, true],
    // Drawn 1 Sep; 10 working days from 2 Sep: 2–4, 7–11, 14, 15. Overdue by 16–18, 20–24, 28–30 = 11.
    ['scoringDue', ids.D, '2026-09-15', -11, true],
    // Rated 14 Sep; 5 working days: 15–18 and Sunday 20 (make-up). Overdue by 21–24, 28–30 = 7.
    ['caseDue', ids.case2, '2026-09-20', -7, true],
    // Ordered 21 Sep, 2 working days: 22, 23. Overdue by 24, 28, 29, 30 (25 is Mid-Autumn).
    ['rectificationDue', ids.R2, '2026-09-23', -4, true],
    ['materialOverdue', ids.B, '2026-09-24', -3, true],
    // Submitted 14 Sep; the bureau's 10 working days: 15–18, 20–24, 28.
    ['awaitingPanel', ids.B, '2026-09-28', -2, true],
    // Drawn 16 Sep: 17, 18, 20–24, 28–30: due today.
    ['scoringDue', ids.C, '2026-09-30', 0, false],
    // From 21 Sep for 7 working days: 21–24, 28–30.
    ['publicityEnding', ids.F, '2026-09-30', 0, false],
    ['rectificationDue', ids.R1, '2026-09-30', 0, false],
    // From 22 Sep: 22–24, 28–30, then 8 October after the National Day holiday: 1 working day left.
    ['publicityEnding', ids.H, '2026-10-08', 1, false],
    // Rated 23 Sep: 24, 28, 29, 30, 8 Oct.
    ['caseDue', ids.case1, '2026-10-08', 1, false],
    // The majority reached 29 Sep; 3 working days: 30 Sep, 8, 9 Oct.
    ['panelConfirmed', ids.E, '2026-10-09', 2, false],
    // F's window ends 30 Sep; answers within 2 working days: 8, 9 Oct.
    ['commentsUnanswered', ids.F, '2026-10-09', 2, false],
    // Review asked for on 28 Sep; 5 working days: 29, 30 Sep, 8, 9, 10 (make-up Saturday) Oct.
    ['caseReview', ids.case3, '2026-10-10', 3, false],
    // Registered 29 Sep; 5 working days: 30 Sep, 8, 9, 10 (make-up Saturday), 12 Oct.
    ['registrationPending', ids.org, '2026-10-12', 4, false],
  ]);
  // G's window (28 Sep to 12 Oct) has 4 working days left: not yet on the list.
  expect(todo.items.some((i: any) => i.recordId === ids.G)).toBe(false);
  expect(todo.counts).toEqual({ awaitingPanel: 1, scoringDue: 2, panelConfirmed: 1, publicityEnding: 2, commentsUnanswered: 1, materialOverdue: 1, caseDue: 2, caseReview: 1, appealPending: 1, rectificationDue: 2, registrationPending: 1 });
  expect(Object.keys(todo.counts).sort()).toEqual([...TODO_KINDS].sort());
  // Each item opens its record.
  const find = (kind: string, id: string) => todo.items.find((i: any) => i.kind === kind && i.recordId === id);
  expect(find('awaitingPanel', ids.B)).toMatchObject({ title: DEMO_PRODUCTS[4].name, page: 'packages/admin/pages/declaration/index', query: { id: ids.B }, detail: '2026-09-14 提交' });
  expect(find('scoringDue', ids.C)).toMatchObject({ detail: '3/5 份评分未提交' });
  expect(find('panelConfirmed', ids.E)).toMatchObject({ detail: '评审组 3/5 位同意评审结果' });
  expect(find('commentsUnanswered', ids.F)).toMatchObject({ detail: '1 条意见待答复' });
  expect(find('rectificationDue', ids.R1)).toMatchObject({ page: 'packages/supervision/pages/rectifications/index', query: { productId: 'ptodo1' } });
  expect(find('registrationPending', ids.org)).toMatchObject({ title: '杭州西溪律师事务所', page: 'packages/admin/pages/orgs/index' });
  expect(find('appealPending', ids.appeal)).toMatchObject({ title: DEMO_PRODUCTS[11].name, query: { year: '2026' } });
  // Issue 24: cases open at the case itself, on the page where the bureau answers or reviews it.
  expect(find('caseReview', ids.case3)).toMatchObject({ page: 'packages/applicant/pages/ratings/index', query: { open: ids.case3 }, detail: '非常不满意，2026-09-28 评价人仍不满意：窗口的态度还是很冷淡' });
  expect(find('caseDue', ids.case1)).toMatchObject({ page: 'packages/applicant/pages/ratings/index', query: { open: ids.case1 } });
});

test('one source: the reminders the jobs send today are for exactly the records the to-do list shows as due soon, and the overdue flags for those it shows overdue', async () => {
  const todo = await h.ok('admin', 'todo', {}, ADMIN_TOKEN);
  const of = (kind: string, overdue: boolean) => todo.items.filter((i: any) => i.kind === kind && i.overdue === overdue).map((i: any) => i.recordId).sort();
  const jobs = await h.ok('admin', 'runJobs', {}, ADMIN_TOKEN);
  const sent = async (kind: string) => [...new Set(((await h.ok('notify', 'outbox', { kind }, ADMIN_TOKEN)).messages as any[]).map((m) => m.recordId))].sort();
  expect(await sent('caseDueSoon')).toEqual(of('caseDue', false));
  expect(await sent('caseOverdue')).toEqual(of('caseDue', true));
  expect(jobs.casesFlagged).toBe(of('caseDue', true).length);
  expect(await sent('scoringDueSoon')).toEqual(of('scoringDue', false));
  expect(await sent('publicityEndingSoon')).toEqual(of('publicityEnding', false));
  expect(await sent('materialOverdue')).toEqual(of('materialOverdue', true));
  expect(await sent('rectificationDueSoon')).toEqual(of('rectificationDue', false));
  expect(await sent('rectificationOverdue')).toEqual(of('rectificationDue', true));
  // Not vacuous: each kind has records on both sides where the data has them.
  expect([of('caseDue', false).length, of('caseDue', true).length, of('scoringDue', false).length, of('publicityEnding', false).length, of('rectificationDue', true).length]).toEqual([1, 1, 1, 2, 1]);
  // The scoring reminder went to the three members who have not submitted, not to the two who have.
  const scoring = ((await h.ok('notify', 'outbox', { kind: 'scoringDueSoon' }, ADMIN_TOKEN)).messages as any[]).map((m) => m.recipient).sort();
  expect(scoring).toEqual(experts.slice(2).map((e) => `e:${e.expertId}`).sort());
  // The flag changes nothing on the list: the case is still open and overdue.
  expect((await h.ok('admin', 'todo', {}, ADMIN_TOKEN)).items.map(row)).toEqual(todo.items.map(row));
});

test('the bureau’s own calendar entry moves the due days: an extra day off on 9 October', async () => {
  await h.ok('publicity', 'setCalendar', { year: 2026, holidays: ['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-09'], workdays: ['2026-09-20', '2026-10-10'] }, ADMIN_TOKEN);
  const todo = await h.ok('admin', 'todo', {}, ADMIN_TOKEN);
  const find = (kind: string, id: string) => row(todo.items.find((i: any) => i.kind === kind && i.recordId === id));
  // 30 Sep, 8, 10 (make-up Saturday), 12, 13 October.
  expect(find('registrationPending', ids.org)).toEqual(['registrationPending', ids.org, '2026-10-13', 4, false]);
  // 30 Sep, 8, 10 October; 2 working days left (8, 10).
  expect(find('panelConfirmed', ids.E)).toEqual(['panelConfirmed', ids.E, '2026-10-10', 2, false]);
  expect(find('commentsUnanswered', ids.F)).toEqual(['commentsUnanswered', ids.F, '2026-10-10', 2, false]);
  // A due day already fixed (the announced publicity end, the case's) stays; only the count to it changes.
  expect(find('publicityEnding', ids.H)).toEqual(['publicityEnding', ids.H, '2026-10-08', 1, false]);
});
