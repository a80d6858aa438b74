/**
 * Issue 22's small staff defects, through the real server: the confirm button's data (canConfirm) on the panel and the
 * result; the expert reads the result before agreeing, and never before every sheet is in; an upcoming publicity's end
 * day, kept right when the bureau enters its calendar; the outbox names recipients; a new draft's cover from the
 * registration; material replies with files, owner-checked.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { PDF } from '../support/fileFixtures';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { deskScene, MEETS as meets, proposed, submitted as submittedBy, type Expert } from '../support/reviewSteps';

let h: Harness;
let zhang: { token: string; orgId: string };
let experts: Expert[];
const at = (day: string) => h.ok('admin', 'setClock', { now: `${day}T10:00:00+08:00` }, ADMIN_TOKEN);
/** Full marks, less `minus` points on the first item with room for them. */
const items = (i: number, minus = 0) => {
  const pm = DEMO_PRODUCTS[i].purchaseMethod;
  const roomy = RUBRIC.find((r) => allowedRange(r, pm).max - allowedRange(r, pm).min >= 3)!;
  return Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, pm).max - (r === roomy ? minus : 0)]));
};

const submitted = (i: number) => submittedBy(h, zhang.token, i);

beforeAll(async () => {
  h = await startHarness();
  ({ applicant: zhang, experts } = await deskScene(h, '杭州西湖律师事务所', '2026-03-10'));
}, 60_000);
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('评审组确认结果 is offered only when it can succeed: the panel and the result say why not and how many agreed; the expert sees the result before agreeing, and nothing before every sheet is in', async () => {
  const id = await submitted(0);
  await h.ok('reviews', 'drawPanel', { declarationId: id, size: 5 }, ADMIN_TOKEN);
  const canConfirm = async () => (await h.ok('reviews', 'panel', { declarationId: id }, ADMIN_TOKEN)).canConfirm;
  expect(await canConfirm()).toEqual({ ok: false, reason: '评分尚未全部提交（0/5），全部提交后评审组才能确认结果', agreed: 0, needed: 3 });

  // Four sheets in, with different totals: nobody — the four who submitted included — reads any number yet.
  for (const [k, e] of experts.slice(0, 4).entries()) await h.ok('reviews', 'submitScoresheet', { declarationId: id, items: items(0, k), attributes: meets }, e.token);
  for (const e of experts.slice(0, 4)) {
    const res = await h.call('reviews', 'result', { declarationId: id }, e.token);
    expect([res.status, (res.body as any).error.message]).toEqual([409, '评分尚未全部提交（4/5），提交完成前任何人都看不到分数']);
    expect(JSON.stringify(res.body)).not.toMatch(/average|totals/);
  }
  expect((await h.call('reviews', 'result', { declarationId: id }, ADMIN_TOKEN)).status).toBe(409);
  expect((await h.call('reviews', 'panelConfirm', { declarationId: id, agree: true }, experts[0].token)).status).toBe(409);
  expect(await canConfirm()).toMatchObject({ ok: false, reason: '评分尚未全部提交（4/5），全部提交后评审组才能确认结果' });

  await h.ok('reviews', 'submitScoresheet', { declarationId: id, items: items(0), attributes: meets }, experts[4].token);
  // The expert reads what they are asked to agree with: anonymous totals, the average, the attribute judgements.
  const seen = await h.ok('reviews', 'result', { declarationId: id }, experts[0].token);
  const max = RUBRIC.reduce((s, r) => s + allowedRange(r, DEMO_PRODUCTS[0].purchaseMethod).max, 0);
  expect([...seen.totals].sort((a: number, b: number) => a - b)).toEqual([max - 3, max - 2, max - 1, max, max]);
  expect(seen.average).toBe(Math.round(((5 * max - 6) / 5) * 100) / 100);
  expect(seen.attributes.public).toEqual({ meets: 5, doubtful: 0, fails: 0 });
  expect(seen).toMatchObject({ members: 5, disagreed: 0, mine: null, canConfirm: { ok: false, agreed: 0, needed: 3 } });
  expect(JSON.stringify(seen)).not.toContain(experts[1].expertId);

  await h.ok('reviews', 'panelConfirm', { declarationId: id, agree: true }, experts[0].token);
  await h.ok('reviews', 'panelConfirm', { declarationId: id, agree: false, note: '第一项分数偏高' }, experts[1].token);
  await h.ok('reviews', 'panelConfirm', { declarationId: id, agree: true }, experts[2].token);
  const waiting = await canConfirm();
  expect(waiting).toEqual({ ok: false, reason: '评审组过半数同意后才能确认（目前 2/5 位同意），请等待评审组成员确认', agreed: 2, needed: 3 });
  // The confirmation itself refuses with the same words: one rule.
  const refused = await h.call('reviews', 'confirm', { declarationId: id, reason: '评审组已讨论' }, ADMIN_TOKEN);
  expect([refused.status, (refused.body as any).error.message]).toEqual([409, waiting.reason]);
  expect((await h.ok('reviews', 'result', { declarationId: id }, experts[1].token))).toMatchObject({ mine: { agree: false, note: '第一项分数偏高' }, disagreed: 1 });

  await h.ok('reviews', 'panelConfirm', { declarationId: id, agree: true }, experts[3].token);
  expect(await canConfirm()).toEqual({ ok: true, agreed: 3, needed: 3 });
  expect((await h.ok('reviews', 'result', { declarationId: id }, ADMIN_TOKEN)).canConfirm).toEqual({ ok: true, agreed: 3, needed: 3 });
  await h.ok('reviews', 'confirm', { declarationId: id, reason: '评审组已讨论，维持结果' }, ADMIN_TOKEN);
  expect(await canConfirm()).toMatchObject({ ok: false, reason: '这份申报的评审已经确认过了', agreed: 3 });
  expect((await h.ok('reviews', 'result', { declarationId: id }, experts[4].token)).confirmedAt).not.toBeNull();
});

test('a publicity not yet started shows its end day; the bureau’s calendar entry recounts it before the start, not a window already running', async () => {
  await at('2026-04-01');
  const running = await proposed(h, zhang.token, 1, experts);
  const upcoming = await proposed(h, zhang.token, 2, experts);
  // Running from 1 April; upcoming from Monday 11 May for 7 working days: 11–15, 18, 19 May.
  await h.ok('publicity', 'start', { declarationIds: [running], startsOn: '2026-04-01', workingDays: 7 }, ADMIN_TOKEN);
  await h.ok('publicity', 'start', { declarationIds: [upcoming], startsOn: '2026-05-11', workingDays: 7 }, ADMIN_TOKEN);
  const before = await h.ok('publicity', 'get', { declarationId: upcoming });
  expect(before).toMatchObject({ state: 'upcoming', startsOn: '2026-05-11', endsOn: '2026-05-19', workingDaysLeft: 7 });
  const runningEnd = (await h.ok('publicity', 'get', { declarationId: running })).endsOn;
  expect((await h.ok('publicity', 'list')).items.find((i: any) => i.declarationId === upcoming)).toMatchObject({ state: 'upcoming', endsOn: '2026-05-19' });

  // The bureau enters 2026 with 13 May as an extra day off (and 7 April, inside the running window).
  await h.ok('publicity', 'setCalendar', { year: 2026, holidays: ['2026-04-07', '2026-05-13'], workdays: [] }, ADMIN_TOKEN);
  const after = await h.ok('publicity', 'get', { declarationId: upcoming });
  // 11, 12, 14, 15, 18, 19, 20 May.
  expect(after).toMatchObject({ state: 'upcoming', startsOn: '2026-05-11', endsOn: '2026-05-20', windows: [{ startsOn: '2026-05-11', endsOn: '2026-05-20', workingDays: 7 }] });
  expect((await h.ok('publicity', 'get', { declarationId: running })).endsOn).toBe(runningEnd);
  const trail = (await h.ok('admin', 'auditTrail', { recordId: upcoming }, ADMIN_TOKEN)).entries.filter((e: any) => e.change?.publicityRecounted);
  expect(trail.map((e: any) => e.change.publicityRecounted)).toEqual([{ startsOn: '2026-05-11', endsOn: '2026-05-20', was: '2026-05-19' }]);
  // Entering the same calendar again changes nothing more.
  await h.ok('publicity', 'setCalendar', { year: 2026, holidays: ['2026-04-07', '2026-05-13'], workdays: [] }, ADMIN_TOKEN);
  expect((await h.ok('admin', 'auditTrail', { recordId: upcoming }, ADMIN_TOKEN)).entries.filter((e: any) => e.change?.publicityRecounted)).toHaveLength(1);
  await h.ok('publicity', 'setCalendar', { year: 2026, holidays: [], workdays: [] }, ADMIN_TOKEN);
});

test('the outbox names each recipient: the organisation, the expert, the bureau', async () => {
  // The upcoming notice of the test before ends 19 May: the bureau is reminded the working day before.
  await at('2026-05-18');
  expect((await h.ok('admin', 'runJobs', {}, ADMIN_TOKEN)).publicityReminders).toBe(1);
  const bureau = (await h.ok('notify', 'outbox', { kind: 'publicityEndingSoon' }, ADMIN_TOKEN)).messages as any[];
  expect(bureau.map((m) => [m.recipient, m.recipientName])).toEqual([['admin', '市司法局']]);
  await at('2026-06-01');
  const id = await submitted(3);
  await h.ok('declarations', 'requestMaterials', { declarationId: id, note: '请补充服务台账样本', dueOn: '2026-06-05' }, ADMIN_TOKEN);
  await h.ok('reviews', 'drawPanel', { declarationId: id, size: 5 }, ADMIN_TOKEN);
  const outbox = (await h.ok('notify', 'outbox', { recordId: id }, ADMIN_TOKEN)).messages as any[];
  const names = outbox.map((m) => [m.kind, m.recipient, m.recipientName]).sort();
  expect(names).toEqual(
    [['materialRequested', `o:${zhang.orgId}`, '杭州西湖律师事务所'], ...experts.map((e, i) => ['panelAssigned', `e:${e.expertId}`, `专家 专家${i}`])].sort(),
  );
  await at('2026-06-08');
  await h.ok('admin', 'runJobs', {}, ADMIN_TOKEN);
  const late = (await h.ok('notify', 'outbox', { kind: 'materialOverdue', recordId: id }, ADMIN_TOKEN)).messages as any[];
  expect(late.map((m) => m.recipientName)).toEqual(['杭州西湖律师事务所']);
});

test('a new draft’s cover starts from the registration: name, contact, phone and today; only the organisation’s own staff read it', async () => {
  await at('2026-06-10');
  const registrant = await h.citizen();
  await h.ok('orgs', 'register', { name: '杭州滨江公证处', creditCode: '91330000142916567N', kind: 'notary', district: '滨江区', contactName: '周敏', contactPhone: '0571-85256615' }, registrant);
  expect(await h.ok('declarations', 'draftDefaults', {}, registrant)).toEqual({ cover: { applicantName: '杭州滨江公证处', contactName: '周敏', contactPhone: '0571-85256615', declaredOn: '2026-06-10' } });
  // An organisation the bureau invited has only its name.
  expect(await h.ok('declarations', 'draftDefaults', {}, zhang.token)).toEqual({ cover: { applicantName: '杭州西湖律师事务所', declaredOn: '2026-06-10' } });
  expect((await h.call('declarations', 'draftDefaults', { orgId: 'x' }, zhang.token)).status).toBe(400);
  expect((await h.call('declarations', 'draftDefaults', {}, await h.citizen())).status).toBe(403);
  expect((await h.call('declarations', 'draftDefaults', {}, ADMIN_TOKEN)).status).toBe(403);
  expect((await h.call('declarations', 'draftDefaults', {}, experts[0].token)).status).toBe(403);
  expect((await h.call('declarations', 'draftDefaults', {})).status).toBe(401);
  // What it returns is a valid cover: saved as a draft, it raises no problem for those fields.
  const { cover } = await h.ok('declarations', 'draftDefaults', {}, registrant);
  const saved = await h.ok('declarations', 'saveDraft', { spec: { cover } }, registrant);
  expect(saved.problems.filter((p: any) => p.path.startsWith('cover.') && p.path !== 'cover.principal')).toEqual([]);
});

test('a material reply carries the organisation’s own files; another organisation’s file is refused and nothing is written', async () => {
  await at('2026-06-15');
  const other = await h.applicant('杭州上城律师事务所');
  const id = await submitted(5);
  const { materialRequests } = await h.ok('declarations', 'requestMaterials', { declarationId: id, note: '请补充服务协议范本', dueOn: '2026-06-22' }, ADMIN_TOKEN);
  const requestId = materialRequests[0].requestId;
  const theirs = await h.ok('declarations', 'registerFile', { fileId: (await h.upload(PDF, other.token)).body.data.fileId, name: '协议.pdf' }, other.token);
  const refused = await h.call('declarations', 'supplyMaterials', { declarationId: id, requestId, text: '附服务协议范本', attachments: [{ name: '协议.pdf', fileId: theirs.fileId }] }, zhang.token);
  expect([refused.status, (refused.body as any).error.issues]).toEqual([400, [{ path: 'attachments.0.fileId', message: '附件“协议.pdf”没有上传成功，请重新上传' }]]);
  expect((await h.ok('declarations', 'get', { declarationId: id }, zhang.token)).materialRequests[0].response).toBeNull();
  const mine = await h.ok('declarations', 'registerFile', { fileId: (await h.upload(PDF, zhang.token)).body.data.fileId, name: '服务协议范本.pdf' }, zhang.token);
  const supplied = await h.ok('declarations', 'supplyMaterials', { declarationId: id, requestId, text: '附服务协议范本', attachments: [{ name: '服务协议范本.pdf', fileId: mine.fileId }] }, zhang.token);
  expect(supplied.materialRequests[0].response).toMatchObject({ text: '附服务协议范本', attachments: [{ name: '服务协议范本.pdf', fileId: mine.fileId }] });
  // The bureau reads the reply with its file.
  expect((await h.ok('declarations', 'get', { declarationId: id }, ADMIN_TOKEN)).materialRequests[0].response.attachments).toEqual([{ name: '服务协议范本.pdf', fileId: mine.fileId }]);
});
