/**
 * The demo year (issue 23, item 3): `npm start`'s first start on a fresh DATA_DIR, seeded on the real clock through
 * the use cases, shows every stage — checked here by counting each kind of record, by the dates around today, by what
 * the public reads show, by each demo sign-in, and by the invariants.
 */
import { creditCodeProblem } from '../../types/creditCode';
import type { DeclarationDoc } from '../../types/declaration';
import type { OrgDoc } from '../../types/org';
import type { ProductDoc } from '../../types/product';
import type { CaseDoc, RatingDoc, SummaryDoc } from '../../types/rating';
import type { AppealDoc, AssessmentResultDoc, CampaignDoc, FindingDoc, SelfReportDoc } from '../../types/assessment';
import type { CreditEventDoc } from '../../types/credit';
import type { PublicityDoc } from '../../types/publicity';
import { shanghaiDate } from '../../types/time';
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import { MAX_PAGE, type HasId } from '../../cloudfunctions/_lib/store/port';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { CATALOGUE, STORY } from '../../server/demo/cast';
import { readAccounts, seedDemoYear } from '../../server/demo/seedYear';
import { NEW_DECLARATIONS, NEEDS } from '../../server/demo/thisYear';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

jest.setTimeout(240_000);

let h: Harness;
let today: string;
let year: number;
const lastYear = () => year - 1;

async function all<T extends HasId>(collection: string): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await h.app.store.find<T>(collection, { orderBy: [['_id', 'asc']], skip, limit: MAX_PAGE });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
  }
}
const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
const stageCount = (stage: string) => NEW_DECLARATIONS.filter((n) => n.stage === stage).length;
const account = (role: string) => readAccounts(h.dataDir).find((a) => a.role === role)!.token;

beforeAll(async () => {
  h = await startHarness({ demoYear: true, allowTestClock: false });
  today = shanghaiDate(new Date());
  year = Number(today.slice(0, 4));
});
afterAll(() => h?.close());

test('the providers are verified organisations with valid credit codes, and every product names its own', async () => {
  const orgs = new Map((await all<OrgDoc>(COLLECTIONS.orgs)).map((o) => [o._id, o]));
  const products = await all<ProductDoc>(COLLECTIONS.products);
  expect(products).toHaveLength(DEMO_PRODUCTS.length + stageCount('published'));
  for (const p of products) {
    const org = orgs.get(p.orgId!);
    expect({ product: p.name, org: org?.name, status: org?.status, code: org?.creditCode && creditCodeProblem(org.creditCode) }).toEqual({ product: p.name, org: p.providerName, status: 'verified', code: null });
    expect(p.declarationId).toBeTruthy();
  }
  // One registration still waits for the bureau.
  expect(count([...orgs.values()], (o) => o.status === 'pending')).toBe(1);
});

test("this year's call has declarations at every stage", async () => {
  const ds = (await all<DeclarationDoc>(COLLECTIONS.declarations)).filter((d) => d.callId === `call-${year}`);
  const byStatus = (s: string) => count(ds, (d) => d.status === s);
  expect({
    draft: byStatus('draft'),
    submitted: byStatus('submitted'),
    'in-review': byStatus('in-review'),
    proposed: byStatus('proposed'),
    'in-publicity': byStatus('in-publicity'),
    published: byStatus('published'),
    'not-passed': byStatus('not-passed'),
  }).toEqual({
    draft: stageCount('draft') + stageCount('awaiting-endorsement'),
    submitted: stageCount('submitted'),
    'in-review': stageCount('in-review'),
    proposed: stageCount('proposed'),
    'in-publicity': stageCount('in-publicity'),
    published: stageCount('published'),
    'not-passed': stageCount('not-passed'),
  });
  expect(stageCount('in-publicity')).toBeGreaterThanOrEqual(2);
  // The one in review: a panel of five, four sheets in, one member's still a draft.
  const inReview = ds.find((d) => d.status === 'in-review')!;
  const panel = await h.ok('reviews', 'panel', { declarationId: inReview._id }, ADMIN_TOKEN);
  expect(panel.members.map((m: { sheet: string }) => m.sheet).sort()).toEqual(['draft', 'submitted', 'submitted', 'submitted', 'submitted']);
  // The calls of the two years before, and this year's open today.
  const { calls } = await h.ok('declarations', 'listCalls');
  expect(calls.map((c: { year: number; state: string }) => [c.year, c.state])).toEqual([
    [year, 'open'],
    [lastYear(), 'closed'],
    [lastYear() - 1, 'closed'],
  ]);
});

test('publicity is open now, with comments, some answered and some not', async () => {
  const { items } = await h.ok('publicity', 'list');
  const open = items.filter((i: { state: string }) => i.state === 'open');
  expect(open).toHaveLength(stageCount('in-publicity'));
  for (const n of open) {
    expect(n.startsOn <= today && today <= n.endsOn).toBe(true);
    expect(n.workingDaysLeft).toBeGreaterThan(0);
  }
  let answered = 0;
  let unanswered = 0;
  for (const n of open) {
    const m = await h.ok('publicity', 'moderation', { declarationId: n.declarationId }, ADMIN_TOKEN);
    answered += m.comments.filter((c: { disposition: string | null }) => c.disposition).length;
    unanswered += m.unanswered;
    // The public sees the comments, not yet the answers (shown once the window closes).
    const pub = await h.ok('publicity', 'comments', { declarationId: n.declarationId });
    expect(pub.comments.every((c: { reply: string | null }) => c.reply === null)).toBe(true);
  }
  expect(answered).toBeGreaterThanOrEqual(1);
  expect(unanswered).toBeGreaterThanOrEqual(1);
  // Earlier notices closed in recognition, their comments answered in public.
  const ended = items.filter((i: { state: string }) => i.state === 'ended');
  expect(ended.every((i: { outcome: string }) => i.outcome === 'recognised')).toBe(true);
  const withComments = ended.find((i: { comments: number }) => i.comments > 0);
  const closed = await h.ok('publicity', 'comments', { declarationId: withComments.declarationId });
  expect(closed.comments.every((c: { reply: string | null }) => c.reply)).toBe(true);
});

test('ratings: most products rated forty times or more last year, with distributions that differ', async () => {
  const summaries = new Map((await all<SummaryDoc>(COLLECTIONS.ratingSummaries)).map((s) => [s._id, s]));
  const products = new Map((await all<ProductDoc>(COLLECTIONS.products)).map((p) => [p.name, p._id]));
  const counts = CATALOGUE.map((e) => summaries.get(`${products.get(DEMO_PRODUCTS[e.index].name)}:${lastYear()}`)?.count ?? 0);
  expect(count(counts, (n) => n >= 40)).toBeGreaterThanOrEqual(CATALOGUE.length - 3);
  expect(count(counts, (n) => n > 0 && n < 20)).toBe(count(CATALOGUE, (e) => e.profile === 'thin'));
  const rates = CATALOGUE.filter((e) => e.profile !== 'thin').map((e) => {
    const s = summaries.get(`${products.get(DEMO_PRODUCTS[e.index].name)}:${lastYear()}`)!;
    return (s.levels[3] + s.levels[4]) / s.count;
  });
  expect(Math.min(...rates)).toBeLessThan(0.5);
  expect(Math.max(...rates)).toBeGreaterThan(0.9);
  // Every rating was given on or before today.
  const ratings = await all<RatingDoc>(COLLECTIONS.ratings);
  expect(ratings.every((r) => r.ratedOn <= today && r.counted !== false)).toBe(true);
});

test('bad ratings: answered with a call-back, closed by the person rating, and one still open', async () => {
  const cases = await all<CaseDoc>(COLLECTIONS.ratingCases);
  expect(count(cases, (c) => c.status === 'closed' && c.raterSatisfied === true && !!c.response?.callbackNote)).toBeGreaterThanOrEqual(1);
  const open = cases.filter((c) => c.status === 'open' && c.dueOn >= today);
  expect(open.length).toBeGreaterThanOrEqual(1);
  // The demo applicant sees its open case with the number to call back; the demo citizen sees it in progress.
  const mine = await h.ok('ratings', 'cases', {}, account('申报单位'));
  const waiting = mine.cases.find((c: { status: string }) => c.status === 'open');
  expect(waiting.contactPhone).toMatch(/^1\d{10}$/);
  expect(waiting.dueOn >= today).toBe(true);
  const activity = await h.ok('auth', 'myActivity', {}, account('市民'));
  expect(activity.openCases).toBe(1);
  expect(activity.comments.length).toBeGreaterThanOrEqual(1);
});

test("last year's assessment is published in the spring (or, early in the year, before today) with plausible grades and their evidence", async () => {
  const campaign = (await h.app.store.get<CampaignDoc>(COLLECTIONS.assessmentCampaigns, String(lastYear())))!;
  expect(campaign.status).toBe('published');
  const publishedOn = shanghaiDate(campaign.publishedAt!);
  expect(publishedOn < today && publishedOn <= `${year}-04-15`).toBe(true);
  const results = (await all<AssessmentResultDoc>(COLLECTIONS.assessmentResults)).filter((r) => r.year === lastYear());
  expect(results).toHaveLength(DEMO_PRODUCTS.length);
  const grades = new Set(results.map((r) => r.grade));
  expect(grades.size).toBeGreaterThanOrEqual(3);
  const fails = count(results, (r) => r.grade === 'fail');
  expect(fails).toBeGreaterThanOrEqual(1);
  expect(fails).toBeLessThanOrEqual(2);
  // 不合格 for real reasons only: ample ratings and several methods behind each (issue 21); the product whose evidence
  // is insufficient carries the bureau's recorded decision instead of a grade.
  for (const r of results.filter((x) => x.grade === 'fail')) expect({ product: r.productName, ratings: r.evidence.ratings >= 40, methods: r.evidence.methods.length >= 2 }).toEqual({ product: r.productName, ratings: true, methods: true });
  const insufficient = results.filter((r) => r.insufficient);
  expect(insufficient.map((r) => r.productName)).toEqual([DEMO_PRODUCTS[STORY.uninspected].name]);
  expect(insufficient[0]).toMatchObject({ grade: null, decision: { decision: 'no-grade' } });
  // Usage counted against capacities the bureau accepted (one set lower than reported).
  const accepted = [...(await all<SelfReportDoc>(COLLECTIONS.assessmentSelfReports))].filter((r) => r.accepted);
  expect(accepted.length).toBeGreaterThanOrEqual(CATALOGUE.length - 3);
  expect(accepted.some((r) => r.accepted!.capacity < r.capacity!)).toBe(true);
  // Evidence: findings by at least two methods for every product with ample ratings, and a self-report with capacity.
  const findings = await all<FindingDoc>(COLLECTIONS.assessmentFindings);
  const reports = new Map((await all<SelfReportDoc>(COLLECTIONS.assessmentSelfReports)).map((r) => [r.productId, r]));
  for (const r of results.filter((x) => x.satisfaction.n >= 40)) {
    const methods = new Set(findings.filter((f) => f.productId === r.productId).map((f) => f.method));
    expect({ product: r.productName, methods: methods.size >= 2, capacity: (reports.get(r.productId)?.capacity ?? 0) > 0 }).toEqual({ product: r.productName, methods: true, capacity: true });
  }
  expect(new Set(findings.map((f) => f.recordedByOrgId)).size).toBeGreaterThanOrEqual(3);
  // Two appeals decided: one accepted (the bureau's re-check recorded as its own finding), one not.
  const appeals = await all<AppealDoc>(COLLECTIONS.assessmentAppeals);
  expect(appeals.map((a) => a.status).sort()).toEqual(['accepted', 'rejected']);
  const upheld = appeals.find((a) => a.status === 'accepted')!;
  expect(findings.some((f) => f.appealId === upheld._id && f.recordedByRole === 'admin')).toBe(true);
  // The public read: the published results and the public 不合格 list.
  const pub = await h.ok('assessments', 'results', { year: lastYear() });
  expect(pub.items).toHaveLength(DEMO_PRODUCTS.length);
  const list = await h.ok('supervision', 'publicList', { year: lastYear() });
  expect(list.failed.map((f: { name: string }) => f.name)).toContain(DEMO_PRODUCTS[STORY.failing].name);
  expect(list.failed).toHaveLength(fails);
});

test('credit records, a suspension and an exit by document; the catalogue versions show them', async () => {
  const events = await all<CreditEventDoc>(COLLECTIONS.creditEvents);
  expect(events.map((e) => e.kind).sort()).toEqual(['commendation', 'complaint', 'criticism']);
  expect(events.find((e) => e.kind === 'criticism')!.statement?.text).toBeTruthy();
  const products = await all<ProductDoc>(COLLECTIONS.products);
  const suspended = products.filter((p) => p.status === 'suspended');
  const exited = products.filter((p) => p.status === 'exited');
  expect(suspended.map((p) => p.name)).toEqual([DEMO_PRODUCTS[STORY.suspended].name]);
  expect(exited.map((p) => p.name)).toContain(DEMO_PRODUCTS[STORY.failing].name);
  expect(exited[0].exit!.documentNumber).toMatch(/^杭司〔\d{4}〕\d+号$/);
  const { versions } = await h.ok('catalogue', 'versions');
  expect(versions.some((v: { left: unknown[] }) => v.left.length > 0)).toBe(true);
  expect(versions.some((v: { changed: { change: string }[] }) => v.changed.some((c) => c.change === 'suspended'))).toBe(true);
  // The catalogue as it stood the day before the exit still lists the product; today's does not.
  const exitOn = exited[0].exit!.on;
  const before = await h.ok('catalogue', 'version', { on: shanghaiDate(Date.parse(`${exitOn}T12:00:00+08:00`) - 86_400_000) });
  const searchBefore = async (): Promise<string[]> => {
    const names: string[] = before.items.map((i: { name: string }) => i.name);
    for (let cursor = before.nextCursor; cursor; ) {
      const page = await h.ok('catalogue', 'version', { on: before.on, cursor });
      names.push(...page.items.map((i: { name: string }) => i.name));
      cursor = page.nextCursor;
    }
    return names;
  };
  expect(await searchBefore()).toContain(exited[0].name);
  const listed = await h.searchAll();
  expect(listed.map((p) => p.name)).not.toContain(exited[0].name);
  expect(listed).toHaveLength(count(products, (p) => p.status === 'listed'));
  // The exited product's page stays, saying so.
  const page = await h.ok('catalogue', 'get', { productId: exited[0]._id });
  expect(page.status).toBe('exited');
});

test("the provider page shows a provider's products, grades, satisfaction and its public credit events", async () => {
  const orgs = await all<OrgDoc>(COLLECTIONS.orgs);
  const firm = orgs.find((o) => o.name === DEMO_PRODUCTS[STORY.demoApplicant].provider)!;
  const page = await h.ok('supervision', 'provider', { orgId: firm._id });
  expect(page.products.length).toBeGreaterThanOrEqual(1);
  expect(page.products[0].grades[0].year).toBe(lastYear());
  expect(page.satisfaction.count).toBeGreaterThan(40);
  expect(page.events.map((e: { kind: string }) => e.kind)).toEqual(['commendation']);
});

test('needs on the board, supported; one answered and linked to the product that answers it', async () => {
  const { items } = await h.ok('needs', 'list', {});
  expect(items).toHaveLength(NEEDS.length);
  expect(items.every((n: { supports: number }) => n.supports > 0)).toBe(true);
  const linked = items.find((n: { linkedProductIds: string[] }) => n.linkedProductIds.length > 0);
  expect(linked.status).toBe('existing-product');
  expect(linked.linkedProductIds).toContain(linked.productId);
});

test('review results are published for the earlier round, and the year before', async () => {
  const now = await h.ok('reviews', 'publicResults', { year });
  const names = now.proposed.map((p: { name: string }) => p.name);
  for (const n of NEW_DECLARATIONS.filter((x) => ['published', 'in-publicity', 'proposed'].includes(x.stage))) expect(names).toContain(n.name);
  expect(now.notPassed).toBe(stageCount('not-passed'));
  const before = await h.ok('reviews', 'publicResults', { year: lastYear() });
  expect(before.proposed.length).toBe(count(CATALOGUE, (e) => e.round === 1));
});

test('purchases: one confirmed, one awaiting the provider', async () => {
  const { purchases } = await h.ok('procurement', 'mine', {}, account('采购单位'));
  expect(purchases.map((p: { status: string }) => p.status).sort()).toEqual(['confirmed', 'confirmed', 'pending']);
  const { toConfirm } = await h.ok('procurement', 'mine', {}, account('申报单位'));
  expect(toConfirm.map((p: { status: string }) => p.status)).toEqual(['pending']);
});

test('each demo sign-in acts as its role, with something waiting', async () => {
  const roles = Object.fromEntries(await Promise.all(readAccounts(h.dataDir).map(async (a) => [a.role, (await h.ok('auth', 'me', {}, a.token)).roles.filter((r: string) => r !== 'citizen').sort()])));
  expect(roles).toEqual({ 申报单位: ['applicant'], 行业协会: ['applicant', 'association'], 测评机构: ['assessor'], 采购单位: ['purchaser'], 市民: [], 评审专家: ['expert'] });
  const { items } = await h.ok('reviews', 'myAssignments', {}, account('评审专家'));
  expect(items.some((i: { sheet: string }) => i.sheet === 'draft')).toBe(true);
  const recommended = await h.ok('declarations', 'recommendedToMe', {}, account('行业协会'));
  expect(recommended.items.some((d: { status: string; endorsed?: boolean }) => d.status === 'draft' && !d.endorsed)).toBe(true);
  const mine = await h.ok('declarations', 'listMine', {}, account('申报单位'));
  expect(mine.items.map((d: { status: string }) => d.status)).toEqual(expect.arrayContaining(['draft', 'in-publicity']));
  const assessor = await h.ok('assessments', 'myProducts', { year: lastYear() }, account('测评机构'));
  expect(assessor.products.length).toBeGreaterThan(20);
});

test('everything happened on or before today, and the stored records keep every invariant', async () => {
  const audit = await all<{ _id: string; at: string }>(COLLECTIONS.audit);
  expect(audit.length).toBeGreaterThan(1000);
  expect(audit.filter((a) => a.at > new Date().toISOString())).toEqual([]);
  const publicity = await all<PublicityDoc>(COLLECTIONS.publicity);
  expect(publicity.every((p) => p.windows[0].startsOn <= today)).toBe(true);
  expect(await h.invariants()).toEqual([]);
});

test('a second start keeps the data and seeds nothing', async () => {
  const before = await h.app.store.count(COLLECTIONS.audit);
  expect(await seedDemoYear(h.dataDir)).toBeNull();
  expect(await h.app.store.count(COLLECTIONS.audit)).toBe(before);
});
