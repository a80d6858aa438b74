/**
 * Issue 12: a year of supervision (监管) and adjustment (调整). Credit events (one by an association), a statement, an
 * event that expires, the proposal from published grades, a rectification met and one overdue, a suspension and
 * reinstatement, an exit by document; the exited product out of search, its page and its void codes; the public list
 * and the catalogue's versions. And the refusals, each leaving nothing half-written.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import type { ProductDoc } from '../../types/product';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { insertGrades } from '../support/gradeFixture';
import { startPipeline, type Pipeline } from '../support/pipeline';

let h: Harness;
let pipe: Pipeline;
/** Organisation A (the pipeline's applicant) with three published products; B and C with one each. */
let A: { token: string; orgId: string };
let B: { token: string; orgId: string };
let C: { token: string; orgId: string };
let assoc: { token: string; orgId: string };
let P0: string;
let P1: string;
let P2: string;
const PB = 'pwestlake01';
const PC = 'pbinjiang01';
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const count = async (collection: string) => h.app.store.count(collection);
const err = (res: { status: number; body: any }) => [res.status, res.body.error?.message, res.body.error?.issues];
const ids = (items: { productId: string }[]) => items.map((i) => i.productId);

beforeAll(async () => {
  h = await startHarness();
  await at('2026-01-05T09:00:00+08:00');
  pipe = await startPipeline(h);
  A = pipe.applicant;
  const declarations = [await pipe.proposed(0), await pipe.proposed(1), await pipe.proposed(2)];
  await h.ok('publicity', 'start', { declarationIds: declarations, startsOn: '2026-01-12', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-01-22T09:00:00+08:00');
  for (const d of declarations) await h.ok('publicity', 'close', { declarationId: d, outcome: 'recognised' }, ADMIN_TOKEN);
  const { published } = await h.ok('catalogue', 'publish', { declarationIds: declarations, documentNumber: '杭司〔2026〕3号', publishedOn: '2026-01-23' }, ADMIN_TOKEN);
  [P0, P1, P2] = published.map((p: { productId: string }) => p.productId);

  B = await h.applicant('西湖区之江律师事务所');
  C = await h.applicant('滨江区公证处');
  // Products published before catalogue versions were kept (no recorded change): they count from their publication date.
  await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[5], 5), { productId: PB, declarationId: null, orgId: B.orgId, documentNumber: '杭司〔2025〕9号', publishedOn: '2025-06-01' }));
  await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[6], 6), { productId: PC, declarationId: null, orgId: C.orgId, documentNumber: '杭司〔2025〕9号', publishedOn: '2025-06-01' }));

  const invite = await h.ok('admin', 'createInvite', { role: 'association', orgName: '杭州市律师协会' }, ADMIN_TOKEN);
  const token = await h.citizen();
  const me = await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, token);
  expect(me.roles).toEqual(['citizen', 'association']);
  assoc = { token, orgId: invite.orgId };
  await at('2026-03-02T09:00:00+08:00');
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('an association is invited as one; the bureau links its members; it records events for its members only', async () => {
  expect((await h.ok('supervision', 'orgs', {}, ADMIN_TOKEN)).orgs.find((o: any) => o.orgId === assoc.orgId)).toMatchObject({ name: '杭州市律师协会', kind: 'association' });
  const expert = await h.call('admin', 'createInvite', { role: 'expert', orgName: '浙江大学' }, ADMIN_TOKEN);
  expect(err(expert)).toEqual([400, expect.any(String), [{ path: 'role', message: '这里只能邀请申报单位、测评机构、行业协会或采购单位；评审专家请在专家库中添加' }]]);

  expect((await h.call('supervision', 'linkMember', { associationOrgId: assoc.orgId, orgId: A.orgId }, assoc.token)).status).toBe(403);
  expect((await h.call('supervision', 'linkMember', { associationOrgId: B.orgId, orgId: A.orgId }, ADMIN_TOKEN)).status).toBe(404);
  expect((await h.call('supervision', 'linkMember', { associationOrgId: assoc.orgId, orgId: assoc.orgId }, ADMIN_TOKEN)).body).toMatchObject({ ok: false, error: { issues: [{ path: 'orgId', message: '协会不能是自己的会员' }] } });
  expect(await h.ok('supervision', 'linkMember', { associationOrgId: assoc.orgId, orgId: A.orgId }, ADMIN_TOKEN)).toEqual({ orgId: A.orgId, associationIds: [assoc.orgId] });
  expect((await h.call('supervision', 'linkMember', { associationOrgId: assoc.orgId, orgId: A.orgId }, ADMIN_TOKEN)).status).toBe(409);
  const { members } = await h.ok('supervision', 'members', {}, assoc.token);
  expect(members.map((m: any) => m.orgId)).toEqual([A.orgId]);
  expect((await h.call('supervision', 'members', {}, A.token)).status).toBe(403);

  const event = { kind: 'criticism', occurredOn: '2026-02-20', title: '未按规定公示服务收费标准', evidence: '协会 2 月巡查记录' };
  const ok = await h.ok('supervision', 'recordEvent', { ...event, orgId: A.orgId }, assoc.token);
  expect(ok).toMatchObject({ orgId: A.orgId, kindLabel: '通报批评', recordedByName: '杭州市律师协会', publicUntil: '2027-02-19', isPublic: true });

  // Outside its members: refused, nothing written.
  const before = await count('creditEvents');
  const outside = await h.call('supervision', 'recordEvent', { ...event, orgId: B.orgId }, assoc.token);
  expect(err(outside)).toEqual([403, '“西湖区之江律师事务所”不是本协会的会员单位，协会只能为本会会员记录信用信息', undefined]);
  // A provider is not an association.
  expect(err(await h.call('supervision', 'recordEvent', { ...event, orgId: B.orgId }, A.token))).toEqual([403, '只有市司法局或行业协会可以记录信用信息', undefined]);
  expect((await h.call('supervision', 'recordEvent', { ...event, orgId: B.orgId }, await h.citizen())).status).toBe(403);
  expect((await h.call('supervision', 'recordEvent', { ...event, orgId: B.orgId })).status).toBe(401);
  expect(await count('creditEvents')).toBe(before);

  // Issue 13's way in: an applicant of an organisation registered as an association acts for it, for its members only.
  const other = await h.applicant('杭州市公证协会');
  await h.app.store.update('orgs', other.orgId, { kind: 'association' });
  const member = await h.applicant('上城区公证处');
  await h.ok('supervision', 'linkMember', { associationOrgId: other.orgId, orgId: member.orgId }, ADMIN_TOKEN);
  expect((await h.ok('supervision', 'recordEvent', { ...event, kind: 'commendation', orgId: member.orgId }, other.token)).recordedByName).toBe('杭州市公证协会');
  expect((await h.call('supervision', 'recordEvent', { ...event, orgId: A.orgId }, other.token)).status).toBe(403);

  // An administrative penalty is the authorities' alone: an association may not record one, even for a member.
  const beforePenalty = await count('creditEvents');
  const penalty = await h.call('supervision', 'recordEvent', { ...event, kind: 'penalty', practitionerName: '王小五', documentNumber: '杭律协〔2026〕1号', orgId: A.orgId }, assoc.token);
  expect(err(penalty)).toEqual([403, '行政处罚由市司法局依法作出和记录，行业协会可以记录表彰、通报批评、行业处分、查实的投诉', undefined]);
  // A sanction, which an association may impose, must name its decision document.
  const noDocument = await h.call('supervision', 'recordEvent', { ...event, kind: 'sanction', practitionerName: '王小五', orgId: A.orgId }, assoc.token);
  expect(err(noDocument)).toEqual([400, '行业处分须依据处理决定，请填写决定书文号', [{ path: 'documentNumber', message: '行业处分须依据处理决定，请填写决定书文号' }]]);
  expect(await count('creditEvents')).toBe(beforePenalty);
});

test('events: bad input names the field; the organisation is told and answers; only it may; personal data stays private', async () => {
  const bad = await h.call('supervision', 'recordEvent', { orgId: A.orgId, kind: 'fine', occurredOn: '2026-13-01', title: '短', evidence: '' }, ADMIN_TOKEN);
  expect((bad.body as any).error.issues.map((i: any) => i.path).sort()).toEqual(['evidence', 'kind', 'occurredOn', 'title']);
  const future = await h.call('supervision', 'recordEvent', { orgId: A.orgId, kind: 'warning', occurredOn: '2026-03-10', title: '未来的事件', evidence: '无' + '依据材料' }, ADMIN_TOKEN);
  expect(err(future)).toEqual([400, '发生日期不能晚于今天', [{ path: 'occurredOn', message: '发生日期不能晚于今天' }]]);
  const undocumented = await h.call('supervision', 'recordEvent', { orgId: A.orgId, practitionerName: '张三', kind: 'penalty', occurredOn: '2026-03-01', title: '律师违规收取当事人费用', evidence: '行政处罚决定书' }, ADMIN_TOKEN);
  expect(err(undocumented)).toEqual([400, '行政处罚须依据处理决定，请填写决定书文号', [{ path: 'documentNumber', message: '行政处罚须依据处理决定，请填写决定书文号' }]]);

  const penalty = await h.ok('supervision', 'recordEvent', { orgId: A.orgId, practitionerName: '张三', kind: 'penalty', occurredOn: '2026-03-01', title: '律师违规收取当事人费用', documentNumber: '杭司罚决字〔2026〕5号', evidence: '行政处罚决定书' }, ADMIN_TOKEN);
  expect(penalty).toMatchObject({ kindLabel: '行政处罚', polarity: 'negative', publicUntil: '2029-02-28', practitionerName: '张三', recordedByName: '杭州市司法局' });
  const warning = await h.ok('supervision', 'recordEvent', { orgId: B.orgId, practitionerName: '李四', kind: 'warning', occurredOn: '2026-02-01', title: '未按约定时限回复咨询', evidence: '投诉调查报告' }, ADMIN_TOKEN);
  expect(warning.publicUntil).toBe('2027-01-31');
  const complaint = await h.ok('supervision', 'recordEvent', { orgId: B.orgId, kind: 'complaint', occurredOn: '2026-01-10', title: '窗口服务态度差', evidence: '12345 工单调查' }, ADMIN_TOKEN);
  expect(complaint.publicUntil).toBe('2026-07-09');
  const commendation = await h.ok('supervision', 'recordEvent', { orgId: C.orgId, kind: 'commendation', occurredOn: '2026-02-15', title: '公证服务进社区成效突出', evidence: '表彰通报' }, ADMIN_TOKEN);
  const overturned = await h.ok('supervision', 'recordEvent', { orgId: C.orgId, kind: 'warning', occurredOn: '2026-02-16', title: '被撤销的警告', evidence: '原处理决定书' }, ADMIN_TOKEN);

  // A is told: its own list has both events about it (the association's and the bureau's), not B's.
  const mine = (await h.ok('supervision', 'myEvents', {}, A.token)).events;
  expect(mine.map((e: any) => e.kindLabel).sort()).toEqual(['行政处罚', '通报批评']);
  expect(mine.every((e: any) => e.canRespond)).toBe(true);
  expect((await h.call('supervision', 'myEvents', { orgId: B.orgId }, A.token)).status).toBe(403);
  // The association sees its member's events; the bureau sees all.
  expect((await h.ok('supervision', 'myEvents', {}, assoc.token)).events.map((e: any) => e.orgId)).toEqual([A.orgId, A.orgId]);

  const phone = await h.call('supervision', 'respond', { eventId: penalty.eventId, statement: '请联系 13912345678 了解情况' }, A.token);
  expect((phone.body as any).error.issues[0].path).toBe('statement');
  const answered = await h.ok('supervision', 'respond', { eventId: penalty.eventId, statement: '已退还多收费用并对该律师停止派案' }, A.token);
  expect(answered.statement).toBe('已退还多收费用并对该律师停止派案');
  const beforeAudit = await count('audit');
  expect(err(await h.call('supervision', 'respond', { eventId: penalty.eventId, statement: '这不是我们单位的事件说明' }, B.token))).toEqual([403, '只有信用信息所涉及的单位可以作出情况说明', undefined]);
  expect((await h.call('supervision', 'respond', { eventId: 'ce-nothing', statement: '没有这条信用信息' }, B.token)).status).toBe(404);
  expect(await count('audit')).toBe(beforeAudit);

  await h.ok('supervision', 'revokeEvent', { eventId: overturned.eventId, reason: '法院判决撤销该处理决定' }, ADMIN_TOKEN);
  expect((await h.call('supervision', 'revokeEvent', { eventId: overturned.eventId, reason: '再次撤销' }, ADMIN_TOKEN)).status).toBe(409);
  expect((await h.call('supervision', 'revokeEvent', { eventId: penalty.eventId, reason: '协会无权撤销' }, assoc.token)).status).toBe(403);

  // The public page: A's penalty names the practitioner (penalties do), B's warning never names its practitioner.
  const pageA = await h.ok('supervision', 'provider', { orgId: A.orgId });
  expect(pageA.events.map((e: any) => [e.kindLabel, e.practitionerName, e.statement])).toEqual([
    ['行政处罚', '张三', '已退还多收费用并对该律师停止派案'],
    ['通报批评', null, null],
  ]);
  const pageB = await h.ok('supervision', 'provider', { orgId: B.orgId });
  expect(pageB.events.map((e: any) => e.kindLabel)).toEqual(['警告', '查实的投诉']);
  expect(JSON.stringify(pageB)).not.toContain('李四');
  expect(JSON.stringify(pageB)).not.toContain('evidence');
  // The revoked warning is not public; the commendation is.
  expect((await h.ok('supervision', 'provider', { orgId: C.orgId })).events.map((e: any) => e.eventId)).toEqual([commendation.eventId]);
  // The product page's notice carries B's public negative events.
  expect((await h.ok('supervision', 'productNotice', { productId: PB })).negativeEvents.map((e: any) => e.kindLabel)).toEqual(['警告', '查实的投诉']);
});

test('an event expires at the end of its period and is never public again; the record stays', async () => {
  await at('2026-07-09T18:00:00+08:00');
  expect((await h.ok('supervision', 'provider', { orgId: B.orgId })).events.map((e: any) => e.kindLabel)).toEqual(['警告', '查实的投诉']);
  await at('2026-07-10T09:00:00+08:00');
  expect((await h.ok('supervision', 'provider', { orgId: B.orgId })).events.map((e: any) => e.kindLabel)).toEqual(['警告']);
  const kept = (await h.ok('supervision', 'myEvents', { orgId: B.orgId }, ADMIN_TOKEN)).events.find((e: any) => e.kindLabel === '查实的投诉');
  expect(kept).toMatchObject({ isPublic: false, expired: true, title: '窗口服务态度差' });
});

test('the rules are data: the bureau changes a period, a new version is audited, recorded events keep theirs', async () => {
  const rules = await h.ok('supervision', 'rules', {});
  expect([rules.version, rules.kinds.warning.publicityMonths, rules.adjustment.reentryBanYears]).toEqual([1, 12, 2]);
  expect((await h.call('supervision', 'setRules', { kinds: { warning: { publicityMonths: 24 } }, reason: '测试' }, assoc.token)).status).toBe(403);
  const bad = await h.call('supervision', 'setRules', { kinds: { warning: { publicityMonths: 0 } }, satisfactionBelow: 80, reason: '' }, ADMIN_TOKEN);
  expect((bad.body as any).error.issues.map((i: any) => [i.path, i.message])).toEqual([
    ['kinds.warning.publicityMonths', '公示期至少 1 个月'],
    ['satisfactionBelow', '满意率线应在 0 到 1 之间'],
    ['reason', '请写明修改理由（至少 4 个字）'],
  ]);
  expect((await h.ok('supervision', 'rules', {})).version).toBe(1);
  const next = await h.ok('supervision', 'setRules', { kinds: { warning: { publicityMonths: 18 } }, reason: '依据新的行业信用规定' }, ADMIN_TOKEN);
  expect([next.version, next.kinds.warning.publicityMonths, next.kinds.penalty.publicityMonths]).toEqual([2, 18, 36]);
  const trail = await h.ok('admin', 'auditTrail', { recordId: 'supervisionRules' }, ADMIN_TOKEN);
  expect(trail.entries.map((e: any) => e.change.version)).toEqual([2]);
  // B's warning was recorded under version 1: still public until 2027-01-31.
  expect((await h.ok('supervision', 'provider', { orgId: B.orgId })).events[0]).toMatchObject({ kindLabel: '警告', publicUntil: '2027-01-31' });
  await h.ok('supervision', 'setRules', { kinds: { warning: { publicityMonths: 12 } }, reason: '恢复原规定' }, ADMIN_TOKEN);
});

test('the proposal: 不合格 → exit, a serious event → suspension, low satisfaction → rectification; each line decided with a reason', async () => {
  await at('2026-09-20T09:00:00+08:00');
  // The published grades, written in the `assessmentResults` contract's shape (tests/support/gradeFixture.ts) rather
  // than walked through a whole assessment campaign (issue 11's own tests do that).
  await insertGrades(h.app.store, 2026, [
    { productId: P0, orgId: A.orgId, grade: 'fail', score: 55.5, satisfaction: { rate: 0.9, n: 30 } },
    { productId: P1, orgId: A.orgId, grade: 'pass', score: 78, satisfaction: { rate: 0.92, n: 40 } },
    { productId: PB, orgId: B.orgId, grade: 'pass', score: 72, satisfaction: { rate: 0.7, n: 20 } },
    { productId: PC, orgId: C.orgId, grade: 'good', score: 86, satisfaction: { rate: 0.95, n: 12 } },
  ]);
  // Confirmed but not published (2027): never read.
  await insertGrades(h.app.store, 2027, [{ productId: P2, orgId: A.orgId, grade: 'fail', score: 40, satisfaction: { rate: 0.5, n: 50 } }], 'computed');
  expect((await h.ok('supervision', 'propose', { year: 2027 }, ADMIN_TOKEN)).lines).toEqual([]);
  expect(await h.ok('supervision', 'publicList', { year: 2027 })).toMatchObject({ failed: [], lowSatisfaction: [] });

  const p = await h.ok('supervision', 'propose', { year: 2026 }, ADMIN_TOKEN);
  expect(p.lines.map((l: any) => [l.productId, l.action])).toEqual([
    [P0, 'exit'],
    ...[[P1, 'suspend'], [P2, 'suspend']].sort((a, b) => (p.lines.find((l: any) => l.productId === a[0]).productName < p.lines.find((l: any) => l.productId === b[0]).productName ? -1 : 1)),
    [PB, 'rectify'],
  ]);
  const line = (id: string) => p.lines.find((l: any) => l.productId === id);
  expect(line(P0).reasons).toEqual(['2026 年度测评等次为不合格（55.5 分，杭司〔2026〕77号）', '提供单位受到行政处罚：律师违规收取当事人费用（2026-03-01，杭司罚决字〔2026〕5号）']);
  expect(line(PB).reasons).toEqual(['机构满意率 70%，低于 80%']);
  expect(line(PC)).toBeUndefined();

  const bad = await h.call('supervision', 'decideLine', { proposalId: p.proposalId, lineId: P2, decision: 'change', reason: '情节较轻' }, ADMIN_TOKEN);
  expect((bad.body as any).error.issues).toEqual([{ path: 'changeTo', message: '改为其他处理时，请选择新的处理方式' }]);
  expect((await h.call('supervision', 'decideLine', { proposalId: p.proposalId, lineId: P0, decision: 'accept' }, ADMIN_TOKEN)).status).toBe(400);
  await h.ok('supervision', 'decideLine', { proposalId: p.proposalId, lineId: P0, decision: 'accept', reason: '测评不合格，依规退出' }, ADMIN_TOKEN);
  await h.ok('supervision', 'decideLine', { proposalId: p.proposalId, lineId: P2, decision: 'change', changeTo: 'rectify', reason: '该产品本身未涉事，限期整改' }, ADMIN_TOKEN);
  const decided = await h.ok('supervision', 'decideLine', { proposalId: p.proposalId, lineId: P1, decision: 'reject', reason: '已对涉事律师停止派案' }, ADMIN_TOKEN);
  expect(decided.lines.map((l: any) => [l.productId, l.decision?.decision ?? null, l.decision?.action ?? null])).toEqual(
    p.lines.map((l: any) => [l.productId, ...({ [P0]: ['accept', 'exit'], [P2]: ['change', 'rectify'], [P1]: ['reject', null] } as Record<string, unknown[]>)[l.productId] ?? [null, null]]),
  );
  expect((await h.call('supervision', 'decideLine', { proposalId: p.proposalId, lineId: P0, decision: 'reject', reason: '改变主意' }, ADMIN_TOKEN)).status).toBe(409);
  expect((await h.call('supervision', 'propose', { year: 2026 }, ADMIN_TOKEN)).status).toBe(409);
  expect((await h.call('supervision', 'propose', { year: 2026 }, assoc.token)).status).toBe(403);
  expect((await h.ok('supervision', 'proposal', { year: 2026 }, ADMIN_TOKEN)).lines).toHaveLength(4);
});

test('rectifications: due in working days across National Day; one met, one overdue and listed; only the provider answers', async () => {
  await at('2026-09-25T10:00:00+08:00');
  // From Saturday 26 September: 28, 29, 30 September, (1–7 October off), 8, 9 October.
  const rb = await h.ok('supervision', 'rectify', { productId: PB, reason: '机构满意率低于 80%', dueWorkingDays: 5 }, ADMIN_TOKEN);
  expect(rb).toMatchObject({ dueOn: '2026-10-09', status: 'open', overdue: false });
  const r2 = await h.ok('supervision', 'rectify', { productId: P2, reason: '提供单位受行政处罚，限期整改', dueWorkingDays: 3 }, ADMIN_TOKEN);
  expect(r2.dueOn).toBe('2026-09-30');
  expect((await h.call('supervision', 'rectify', { productId: PB, reason: '短', dueWorkingDays: 0 }, ADMIN_TOKEN)).status).toBe(400);

  await at('2026-10-08T10:00:00+08:00');
  expect(err(await h.call('supervision', 'answerRectification', { rectificationId: rb.rectificationId, measures: '代为整改的措施说明', evidence: '材料' + '清单' }, A.token))).toEqual([403, '只有被要求整改的单位可以答复', undefined]);
  const met = await h.ok('supervision', 'answerRectification', { rectificationId: rb.rectificationId, measures: '增设咨询回访专员，每周抽查服务记录', evidence: '回访记录 20 份' }, B.token);
  expect(met).toMatchObject({ status: 'answered', overdue: false, answer: { onTime: true, answeredOn: '2026-10-08' } });
  const overdue = (await h.ok('supervision', 'rectifications', { overdueOnly: true }, ADMIN_TOKEN)).rectifications;
  expect(overdue.map((r: any) => r.rectificationId)).toEqual([r2.rectificationId]);
  expect((await h.ok('supervision', 'rectifications', {}, B.token)).rectifications.map((r: any) => r.rectificationId)).toEqual([rb.rectificationId]);
  expect((await h.call('supervision', 'answerRectification', { rectificationId: rb.rectificationId, measures: '再次答复的措施', evidence: '材料清单' }, B.token)).status).toBe(409);
});

test('suspension hides a product from search with a notice on its page; reinstatement restores it', async () => {
  expect((await h.call('supervision', 'suspend', { productId: P1 }, ADMIN_TOKEN)).body).toMatchObject({ ok: false, error: { issues: [{ path: 'reason' }] } });
  const s = await h.ok('supervision', 'suspend', { productId: P1, reason: '提供单位受行政处罚，暂停待复核' }, ADMIN_TOKEN);
  expect(s.status).toBe('suspended');
  expect(ids(await h.searchAll())).not.toContain(P1);
  expect(await h.ok('catalogue', 'get', { productId: P1 })).toMatchObject({ status: 'suspended', suspension: { since: '2026-10-08', reason: '提供单位受行政处罚，暂停待复核' }, exit: null });
  expect((await h.call('supervision', 'suspend', { productId: P1, reason: '再次暂停' }, ADMIN_TOKEN)).status).toBe(409);
  const r = await h.ok('supervision', 'reinstate', { productId: P1, reason: '复核后恢复' }, ADMIN_TOKEN);
  expect([r.status, r.version]).toEqual(['listed', s.version + 1]);
  expect(ids(await h.searchAll())).toContain(P1);
});

test('an exit needs a document number; by document the product leaves search, keeps its page, and its codes are void', async () => {
  const code = (await h.ok('ratings', 'issueToken', { productId: P0, servedOn: '2026-10-08', channel: 'counter' }, A.token)).token;
  const versionsBefore = (await h.ok('catalogue', 'versions')).current;
  const changesBefore = await count('catalogueChanges');
  const noDoc = await h.call('supervision', 'exit', { productIds: [P0], on: '2026-10-08', reason: '测评不合格' }, ADMIN_TOKEN);
  expect(err(noDoc)).toEqual([400, expect.any(String), [{ path: 'documentNumber', message: '请填写文号' }]]);
  const badDoc = await h.call('supervision', 'exit', { productIds: [P0], documentNumber: '88号', on: '2026-10-08', reason: '测评不合格' }, ADMIN_TOKEN);
  expect((badDoc.body as any).error.issues).toEqual([{ path: 'documentNumber', message: '文号格式应为 杭司〔2026〕125号' }]);
  // One unknown product: none of them leaves.
  expect((await h.call('supervision', 'exit', { productIds: [P0, 'pnothing'], documentNumber: '杭司〔2026〕88号', on: '2026-10-08', reason: '测评不合格' }, ADMIN_TOKEN)).status).toBe(404);
  expect([(await h.app.store.get<ProductDoc>('products', P0))!.status, await count('catalogueChanges'), (await h.ok('catalogue', 'versions')).current]).toEqual(['listed', changesBefore, versionsBefore]);

  // A draft with the same name, saved before the exit.
  const spec0 = demoSpec(DEMO_PRODUCTS[0], 0);
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: spec0 }, A.token);

  const res = await h.ok('supervision', 'exit', { productIds: [P0], documentNumber: '杭司〔2026〕88号', on: '2026-10-08', reason: '2026 年度测评不合格' }, ADMIN_TOKEN);
  expect(res).toEqual({ productIds: [P0], version: versionsBefore + 1 });
  expect(ids(await h.searchAll())).not.toContain(P0);
  expect(ids(await h.searchAll({ q: spec0.name }))).not.toContain(P0);
  expect(await h.ok('catalogue', 'get', { productId: P0 })).toMatchObject({ status: 'exited', exit: { documentNumber: '杭司〔2026〕88号', on: '2026-10-08', reason: '2026 年度测评不合格' } });
  const info = await h.ok('ratings', 'tokenInfo', { token: code });
  expect([info.usable, info.reason]).toEqual([false, '这个产品已于 2026-10-08 退出目录（杭司〔2026〕88号），评价码已作废']);
  const rated = await h.call('ratings', 'rate', { token: code, level: 5 }, await h.citizen());
  expect([rated.status, (rated.body as any).error.message]).toEqual([409, '这个产品已于 2026-10-08 退出目录（杭司〔2026〕88号），评价码已作废']);
  expect((await h.call('ratings', 'issueToken', { productId: P0, servedOn: '2026-10-08', channel: 'counter' }, A.token)).status).toBe(404);
  expect((await h.call('supervision', 'exit', { productIds: [P0], documentNumber: '杭司〔2026〕89号', on: '2026-10-08', reason: '重复退出' }, ADMIN_TOKEN)).status).toBe(409);
  expect((await h.call('supervision', 'rectify', { productId: P0, reason: '已退出的产品', dueWorkingDays: 5 }, ADMIN_TOKEN)).status).toBe(409);

  // Re-entry: the same product (same name, spaces and punctuation aside) cannot be declared again for two years.
  const message = `同名产品“${spec0.name}”已于 2026-10-08 退出目录（杭司〔2026〕88号），2028-10-08 前不能再次申报`;
  const again = await h.call('declarations', 'saveDraft', { spec: { ...spec0, name: ` ${spec0.name.replace('人民调解', '人民 调解')} ` } }, A.token);
  expect((again.body as any).error.issues).toEqual([{ path: 'spec.name', message }]);
  const submit = await h.call('declarations', 'submit', { declarationId }, A.token);
  expect((submit.body as any).error.issues).toEqual([{ path: 'name', message }]);
  // Issue 21: nor with invisible or filler characters inside the name, nor in traditional characters (one normaliser).
  for (const ch of ['\u200b', '\u2060', '\u00ad', '\u3164', '\u200d', '\ufeff', '\u115f', '\u202e']) {
    const dressed = await h.call('declarations', 'saveDraft', { spec: { ...spec0, name: spec0.name.replace('人民调解', `人民${ch}调解`) } }, A.token);
    expect([JSON.stringify(ch), (dressed.body as any).error?.issues]).toEqual([JSON.stringify(ch), [{ path: 'spec.name', message }]]);
  }
  const traditional = await h.call('declarations', 'saveDraft', { spec: { ...spec0, name: '「老孃舅」人民調解上門服務' } }, A.token);
  expect((traditional.body as any).error?.issues).toEqual([{ path: 'spec.name', message }]);
  // Another organisation, or another name, may.
  expect((await h.ok('declarations', 'saveDraft', { spec: spec0 }, B.token)).version).toBe(1);
  expect((await h.ok('declarations', 'saveDraft', { spec: { ...spec0, name: '邻里纠纷上门调解（新版）' } }, A.token)).version).toBe(1);
  await at('2028-10-07T09:00:00+08:00');
  expect((await h.call('declarations', 'saveDraft', { spec: spec0 }, A.token)).status).toBe(400);
  // From 2028-10-08 the ban is over: what stops the draft now is only that no call is open.
  await at('2028-10-08T09:00:00+08:00');
  expect(err(await h.call('declarations', 'saveDraft', { spec: spec0 }, A.token))).toEqual([409, '当前不在申报期内，暂不能新建申报。请留意市司法局的申报公告', undefined]);
  await at('2026-10-09T09:00:00+08:00');
});

test('the provider page, the public list and the catalogue’s versions show it all', async () => {
  const page = await h.ok('supervision', 'provider', { orgId: A.orgId });
  expect(page.products.map((p: any) => [p.productId, p.status]).sort()).toEqual([[P0, 'exited'], [P1, 'listed'], [P2, 'listed']].sort());
  expect(page.products.find((p: any) => p.productId === P0)).toMatchObject({
    exit: { documentNumber: '杭司〔2026〕88号', on: '2026-10-08' },
    grades: [{ year: 2026, grade: 'fail', gradeLabel: '不合格', score: 55.5, documentNumber: '杭司〔2026〕77号' }],
  });
  // P2's grade was never published.
  expect(page.products.find((p: any) => p.productId === P2).grades).toEqual([]);
  expect((await h.call('supervision', 'provider', { orgId: 'onothing' })).status).toBe(404);

  const list = await h.ok('supervision', 'publicList', { year: 2026 });
  expect(list.failed).toEqual([{ productId: P0, name: DEMO_PRODUCTS[0].name, providerName: expect.any(String), score: 55.5, evidence: '基于 30 条评价、2 次检查；没有自评报告', documentNumber: '杭司〔2026〕77号', publishedAt: '2026-09-01T01:00:00.000Z' }]);
  expect(list.lowSatisfaction).toEqual([{ orgId: B.orgId, name: '西湖区之江律师事务所', satisfactionRate: 0.7, ratings: 20, reason: '机构满意率 70%，低于 80%' }]);
  expect(list.left).toEqual([{ productId: P0, name: DEMO_PRODUCTS[0].name, on: '2026-10-08', documentNumber: '杭司〔2026〕88号', reason: '2026 年度测评不合格' }]);
  expect((await h.ok('supervision', 'publicList', { year: 2025 })).left).toEqual([]);

  const { current, versions } = await h.ok('catalogue', 'versions');
  expect(current).toBe(4);
  expect(versions.map((v: any) => [v.version, v.on, v.added.length, v.left.length, v.changed.map((c: any) => c.change)])).toEqual([
    [4, '2026-10-08', 0, 1, []],
    [3, '2026-10-08', 0, 0, ['reinstated']],
    [2, '2026-10-08', 0, 0, ['suspended']],
    [1, '2026-01-23', 3, 0, []],
  ]);
  expect(versions[0]).toMatchObject({ documentNumbers: ['杭司〔2026〕88号'], left: [{ productId: P0, documentNumber: '杭司〔2026〕88号' }] });

  const before = await h.ok('catalogue', 'version', { on: '2026-10-07' });
  const after = await h.ok('catalogue', 'version', { on: '2026-10-08' });
  const january = await h.ok('catalogue', 'version', { on: '2026-01-22' });
  expect([before.version, after.version, january.version]).toEqual([1, 4, 0]);
  expect(ids(before.items).sort()).toEqual([P0, P1, P2, PB, PC].sort());
  expect(ids(after.items).sort()).toEqual([P1, P2, PB, PC].sort());
  expect(ids(january.items).sort()).toEqual([PB, PC].sort());
  const exported = await h.ok('catalogue', 'export', { format: 'json', on: '2026-10-07' });
  expect(JSON.parse(exported.content).map((r: any) => r.productId).sort()).toEqual([P0, P1, P2, PB, PC].sort());
  expect((await h.call('catalogue', 'version', { on: '10月' })).status).toBe(400);
});
