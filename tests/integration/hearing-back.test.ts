/**
 * Issue 24, hearing back: the citizen is told when their comment is answered and when their bad rating gets an answer,
 * a call-back or the bureau's decision; 仍不满意 sends the case to the bureau for review (好差评's 复核) with a
 * working-day deadline; providers are told of credit records and case openings. Every message opens its record: a
 * page of src/app.config.ts, with the record's id. The provider sees what the citizen wrote, never who, and their
 * phone only with their consent. Through the real server over SQLite.
 */
import fs from 'fs';
import path from 'path';
import type { ProductDoc } from '../../types/product';
import type { MessageView } from '../../types/notify';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { startPipeline } from '../support/pipeline';

let h: Harness;
let provider: { token: string; orgId: string };
const productId = 'phear0001';
const PRODUCT_NAME = '劳动争议法律援助快速通道';
const at = (day: string) => h.ok('admin', 'setClock', { now: `${day}T10:00:00+08:00` }, ADMIN_TOKEN);
const issue = async () => (await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-09-28', channel: 'counter' }, provider.token)).token as string;
const inbox = async (token: string): Promise<MessageView[]> => (await h.ok('notify', 'inbox', {}, token)).messages;
const caseOf = async (token: string, caseId: string, action = 'cases') => (await h.ok('ratings', action, {}, token)).cases.find((c: { caseId: string }) => c.caseId === caseId);

/** Every page the app has (main package and subpackages), from src/app.config.ts. */
const APP_PAGES = (() => {
  const src = fs.readFileSync(path.resolve(__dirname, '../../src/app.config.ts'), 'utf8');
  const main = JSON.parse(src.match(/pages:\s*(\[[^\]]*\])/)![1].replace(/'/g, '"')) as string[];
  const subs = [...src.matchAll(/root:\s*'([^']+)',\s*pages:\s*(\[[^\]]*\])/g)].flatMap((m) => (JSON.parse(m[2].replace(/'/g, '"')) as string[]).map((p) => `${m[1]}/${p}`));
  return new Set([...main, ...subs]);
})();
/** A message's link: an app page, with the record's id in its query. */
function expectOpens(m: MessageView, page: string, query: Record<string, string>) {
  const [p, q] = (m.link ?? '').split('?');
  expect(APP_PAGES.has(p.replace(/^\//, ''))).toBe(true);
  expect(p).toBe(page);
  expect(Object.fromEntries(new URLSearchParams(q))).toEqual(query);
}

beforeAll(async () => {
  h = await startHarness({ seed: true });
  provider = await h.applicant('钱塘区法律援助中心');
  const template = (await h.app.store.get<ProductDoc>('products', 'p0002demo'))!;
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId, declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2026〕9号', publishedOn: '2026-01-10' }));
  await at('2026-09-30');
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

describe('a comment answered', () => {
  let declarationId: string;
  let wang: string;
  let li: string;
  beforeAll(async () => {
    await at('2026-09-25');
    const pipe = await startPipeline(h);
    declarationId = await pipe.proposed(1);
    await h.ok('publicity', 'start', { declarationIds: [declarationId], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
    await at('2026-10-12');
    [wang, li] = [await h.citizen(), await h.citizen()];
  });
  afterAll(() => at('2026-09-30'));

  test('dispose: the author is told, with the answer and a link to the notice at the comment; nobody else is', async () => {
    const { commentId } = await h.ok('publicity', 'comment', { declarationId, text: '建议写明夜间能否预约', anchor: 'publicInfo' }, wang);
    await h.ok('publicity', 'comment', { declarationId, text: '服务地点离地铁站远不远？' }, li);
    expect(await inbox(wang)).toEqual([]);
    await h.ok('publicity', 'dispose', { commentId, disposition: 'adopted', reply: '已要求写明夜间预约电话' }, ADMIN_TOKEN);
    const [m] = await inbox(wang);
    expect(m).toMatchObject({ kind: 'commentAnswered', title: '您的意见有了答复', read: false });
    expect(m.body).toBe(`您对“${PRODUCT_NAME}”的意见：采纳。已要求写明夜间预约电话`);
    expectOpens(m, '/pages/notice/index', { id: declarationId, comment: commentId });
    expect(await inbox(li)).toEqual([]);
    // The author sees the answer on the notice at once; the public sees answers once the window closes.
    const seen = await h.ok('publicity', 'comments', { declarationId }, wang);
    expect(seen.mine.find((c: any) => c.commentId === commentId)).toMatchObject({ disposition: 'adopted', reply: '已要求写明夜间预约电话' });
    expect(seen.comments.find((c: any) => c.commentId === commentId)).toMatchObject({ disposition: null, reply: null });
    // The same answer stored twice (a retried request) is not a second message; a changed answer is told again.
    await h.ok('publicity', 'dispose', { commentId, disposition: 'adopted', reply: '已要求写明夜间预约电话' }, ADMIN_TOKEN);
    expect(await inbox(wang)).toHaveLength(1);
    await h.ok('publicity', 'dispose', { commentId, disposition: 'partly-adopted', reply: '已要求写明夜间预约方式' }, ADMIN_TOKEN);
    expect((await inbox(wang)).map((x) => x.body).sort()).toEqual([`您对“${PRODUCT_NAME}”的意见：部分采纳。已要求写明夜间预约方式`, m.body].sort());
  });

  test('disposeGroup and disposeMany: each author hears once for each of their comments answered', async () => {
    const [a, b, c] = [await h.citizen(), await h.citizen(), await h.citizen()];
    const same = '希望公布收费标准的具体依据';
    const ids: string[] = [];
    for (const t of [a, b]) ids.push((await h.ok('publicity', 'comment', { declarationId, text: same }, t)).commentId);
    const { groupId } = (await h.ok('publicity', 'moderation', { declarationId }, ADMIN_TOKEN)).comments.find((x: any) => x.commentId === ids[0]);
    expect((await h.ok('publicity', 'disposeGroup', { declarationId, groupId, disposition: 'adopted', reply: '已补充收费依据' }, ADMIN_TOKEN)).answered).toBe(2);
    for (const [t, id] of [[a, ids[0]], [b, ids[1]]]) {
      const got = await inbox(t);
      expect(got.map((x) => [x.kind, x.body])).toEqual([['commentAnswered', `您对“${PRODUCT_NAME}”的意见：采纳。已补充收费依据`]]);
      expectOpens(got[0], '/pages/notice/index', { id: declarationId, comment: id });
    }
    const one = (await h.ok('publicity', 'comment', { declarationId, text: '窗口周六开不开？' }, c)).commentId;
    const two = (await h.ok('publicity', 'comment', { declarationId, text: '能否增加手语服务？' }, c)).commentId;
    const res = await h.ok('publicity', 'disposeMany', { commentIds: [one, 'c-missing', two], disposition: 'not-adopted', reply: '按现有安排执行' }, ADMIN_TOKEN);
    expect(res.results.map((r: any) => r.ok)).toEqual([true, false, true]);
    expect((await inbox(c)).map((x) => x.link).sort()).toEqual([`/pages/notice/index?id=${declarationId}&comment=${one}`, `/pages/notice/index?id=${declarationId}&comment=${two}`].sort());
  });
});

describe('a bad rating', () => {
  test('the provider sees the words, never who; the phone only when the person consented; the opening is in its inbox', async () => {
    const rater = await h.citizen();
    const words = '窗口说要等三天才能见律师，太慢了';
    const { caseId } = await h.ok('ratings', 'rate', { token: await issue(), level: 1, text: words }, rater);
    const c = await caseOf(provider.token, caseId);
    expect(c).toMatchObject({ text: words, textHeld: false, contactPhone: null, callbackWanted: false });
    expect(JSON.stringify(c)).not.toContain(await userIdOf(rater));
    const opened = (await inbox(provider.token)).find((m) => m.kind === 'caseOpened' && m.link?.includes(caseId))!;
    expect(opened.body).toBe(`一位群众对“${PRODUCT_NAME}”给出“非常不满意”评价：“${words}”，请在 2026-10-13 前整改`);
    expectOpens(opened, '/packages/applicant/pages/ratings/index', { open: caseId });

    // With consent the number is the provider's (issue 14); words with a number in them wait for a person's check and
    // are withheld from the provider, while the person still sees their own.
    const consenting = await h.citizen();
    const held = '请打 13905719876 找我';
    const second = (await h.ok('ratings', 'rate', { token: await issue(), level: 2, text: held, callback: { phone: '13905711234', consent: true } }, consenting)).caseId;
    expect(await caseOf(provider.token, second)).toMatchObject({ text: null, textHeld: true, contactPhone: '13905711234', callbackWanted: true });
    expect(await caseOf(consenting, second, 'myCases')).toMatchObject({ text: held, textHeld: false });
    expect(JSON.stringify(await h.ok('ratings', 'cases', {}, provider.token))).not.toContain('13905719876');
    // Another organisation sees neither case.
    const other = await h.applicant('另一家律师事务所');
    expect(JSON.stringify(await h.ok('ratings', 'cases', {}, other.token))).not.toContain(words);
  });

  test('answer, 仍不满意, the bureau’s review with its deadline, redo, a second answer: each step told to whom it concerns', async () => {
    await at('2026-09-29');
    const rater = await h.citizen();
    const { caseId } = await h.ok('ratings', 'rate', { token: await issue(), level: 1, text: '电话总是打不通', callback: { phone: '13905710000', consent: true } }, rater);
    await at('2026-09-30');
    await h.ok('ratings', 'respondCase', { caseId, callbackOn: '2026-09-30', callbackNote: '已回电致歉，说明了值班安排', fix: '增加一条值班电话' }, provider.token);
    const answered = (await inbox(rater)).find((m) => m.kind === 'caseResponded')!;
    expect(answered.body).toBe(`您对“${PRODUCT_NAME}”的评价，服务单位已于 2026-09-30 给您回电；整改措施：增加一条值班电话。满意吗？请告诉我们。`);
    expectOpens(answered, '/packages/account/pages/cases/index', { open: caseId });

    // 仍不满意: a review by the bureau, due 5 working days after the request — 8, 9, 10 (make-up Saturday), 12, 13 October
    // after the National Day holiday.
    const review = await h.ok('ratings', 'confirmCase', { caseId, satisfied: false, reason: '新电话也没人接' }, rater);
    expect(review).toMatchObject({ status: 'review', review: { requestedOn: '2026-09-30', dueOn: '2026-10-13', reason: '新电话也没人接', decision: null } });
    expect((await h.call('ratings', 'confirmCase', { caseId, satisfied: true }, rater)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '市司法局正在复核，请等待复核结果' } });
    const toBureau = (await inbox(ADMIN_TOKEN)).find((m) => m.kind === 'caseReviewRequested' && m.link?.includes(caseId))!;
    expect(toBureau.body).toBe(`“${PRODUCT_NAME}”的差评整改，评价人仍不满意，请于 2026-10-13 前复核`);
    expectOpens(toBureau, '/packages/applicant/pages/ratings/index', { open: caseId });
    expect((await inbox(provider.token)).some((m) => m.kind === 'caseReviewRequested' && m.link?.includes(caseId))).toBe(true);
    // What the person told the bureau is for the bureau (and the person), not the provider.
    expect((await caseOf(ADMIN_TOKEN, caseId)).review.reason).toBe('新电话也没人接');
    expect((await caseOf(provider.token, caseId)).review.reason).toBeNull();
    // On the bureau's to-do list, by that deadline, and in the cases the bureau is asked to review.
    const todo = (await h.ok('admin', 'todo', {}, ADMIN_TOKEN)).items.find((i: any) => i.kind === 'caseReview' && i.recordId === caseId);
    expect(todo).toMatchObject({ dueOn: '2026-10-13', workingDaysLeft: 5, overdue: false, query: { open: caseId } });
    expect((await h.ok('ratings', 'cases', { reviewOnly: true }, ADMIN_TOKEN)).cases.map((x: any) => x.caseId)).toContain(caseId);

    // Only the bureau decides, with a reason.
    expect((await h.call('ratings', 'decideReview', { caseId, outcome: 'redo', reason: '值班电话仍无人接听' }, provider.token)).status).toBe(403);
    expect((await h.call('ratings', 'decideReview', { caseId, outcome: 'redo', reason: '' }, ADMIN_TOKEN)).body).toMatchObject({ ok: false, error: { issues: [{ path: 'reason', message: '请写明复核理由（至少 4 个字）' }] } });
    const summaryBefore = await h.ok('ratings', 'summary', { productId });
    const redo = await h.ok('ratings', 'decideReview', { caseId, outcome: 'redo', reason: '值班电话仍无人接听' }, ADMIN_TOKEN);
    // Reopened for the provider: 5 working days from 1 October — 8, 9, 10, 12, 13 October.
    expect(redo).toMatchObject({ status: 'open', dueOn: '2026-10-13', response: null, onTime: null, earlier: [{ fix: '增加一条值班电话' }], review: { decision: { outcome: 'redo', reason: '值班电话仍无人接听', decidedOn: '2026-09-30' } } });
    // The answer set aside no longer counts as answered on time.
    const summaryAfter = await h.ok('ratings', 'summary', { productId });
    expect(summaryAfter.cases.respondedOnTime).toBe(summaryBefore.cases.respondedOnTime - 1);
    const decided = (await inbox(rater)).find((m) => m.kind === 'caseReviewDecided')!;
    expect(decided.body).toBe(`您对“${PRODUCT_NAME}”的评价，市司法局复核后责令服务单位重新整改（2026-10-13 前），理由：值班电话仍无人接听`);
    expectOpens(decided, '/packages/account/pages/cases/index', { open: caseId });
    const reopened = (await inbox(provider.token)).find((m) => m.kind === 'caseReopened')!;
    expect(reopened.body).toBe(`“${PRODUCT_NAME}”的差评经市司法局复核，请于 2026-10-13 前重新整改：值班电话仍无人接听`);
    // The number stays for the new call.
    expect((await caseOf(provider.token, caseId)).contactPhone).toBe('13905710000');
    expect((await h.call('ratings', 'decideReview', { caseId, outcome: 'upheld', reason: '再次复核' }, ADMIN_TOKEN)).status).toBe(409);

    await h.ok('ratings', 'respondCase', { caseId, callbackOn: '2026-09-30', callbackNote: '再次回电，留了负责人手机', fix: '值班电话转接到负责人手机' }, provider.token);
    expect((await inbox(rater)).filter((m) => m.kind === 'caseResponded')).toHaveLength(2);
    // No second review: the person's word closes the case, and the number goes.
    expect(await h.ok('ratings', 'confirmCase', { caseId, satisfied: false }, rater)).toMatchObject({ status: 'closed', raterSatisfied: false });
    expect(await h.app.store.get('ratingContacts', caseId)).toBeNull();
  });

  test('upheld: the case closes, the number goes, the person and the provider are told', async () => {
    const rater = await h.citizen();
    const { caseId } = await h.ok('ratings', 'rate', { token: await issue(), level: 2, callback: { phone: '13905710001', consent: true } }, rater);
    await h.ok('ratings', 'respondCase', { caseId, callbackOn: '2026-09-30', callbackNote: '已电话说明收费依据', fix: '在窗口公示收费依据' }, provider.token);
    await h.ok('ratings', 'confirmCase', { caseId, satisfied: false }, rater);
    expect(await h.ok('ratings', 'decideReview', { caseId, outcome: 'upheld', reason: '收费符合标准，已公示依据' }, ADMIN_TOKEN)).toMatchObject({ status: 'closed', raterSatisfied: false });
    expect(await h.app.store.get('ratingContacts', caseId)).toBeNull();
    expect((await inbox(rater)).find((m) => m.kind === 'caseReviewDecided')!.body).toBe(`您对“${PRODUCT_NAME}”的评价，市司法局复核后维持服务单位的答复，理由：收费符合标准，已公示依据`);
    expect((await inbox(provider.token)).some((m) => m.kind === 'caseReviewDecided' && m.link?.includes(caseId))).toBe(true);
    expect((await h.ok('admin', 'todo', {}, ADMIN_TOKEN)).items.some((i: any) => i.recordId === caseId)).toBe(false);
  });
});

test('a credit record reaches the organisation’s inbox, opening its credit page', async () => {
  const event = await h.ok('supervision', 'recordEvent', { orgId: provider.orgId, kind: 'commendation', occurredOn: '2026-09-01', title: '农民工讨薪专项行动成绩突出', evidence: '市司法局通报' }, ADMIN_TOKEN);
  const m = (await inbox(provider.token)).find((x) => x.kind === 'creditRecorded')!;
  expect(m.body).toBe(`杭州市司法局记录了一条表彰：农民工讨薪专项行动成绩突出（2026-09-01）。公示至 ${event.publicUntil}，单位可以在“本单位信用信息”中说明情况`);
  expectOpens(m, '/packages/supervision/pages/mine/index', { event: event.eventId });
});

async function userIdOf(token: string): Promise<string> {
  return (await h.ok('auth', 'me', {}, token)).userId;
}
