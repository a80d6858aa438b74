/**
 * The assessment invariants catch what they claim: a grade off its score, thresholds or evidence, a missing input, a
 * broken correction chain (superseded twice, by another author, two in force for one author), 证据不足 confirmed
 * without a decision, a 不合格 without its evidence, a product not showing its grade; findings cannot be changed.
 */
import { SqliteStore } from '../../server/sqliteStore';
import { checkInvariants } from '../../server/invariants';
import { APPEND_ONLY, INDEXES } from '../../cloudfunctions/_lib/collections';
import { buildProductDoc, gradeKeyOf } from '../../cloudfunctions/catalogue/productDoc';
import { buildResult } from '../../cloudfunctions/assessments/compute';
import { cityLevels } from '../../cloudfunctions/assessments/computeResult';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { defaultScheme, findingHeadId, productGradeOf, type AssessmentResultDoc, type CampaignDoc, type FindingDoc } from '../../types/assessment';

let store: SqliteStore;
let campaign: CampaignDoc;
const finding = (id: string, score: number, supersedes: string | null = null, by: Partial<FindingDoc> = {}): FindingDoc => ({
  _id: id, year: 2026, productId: 'p1', method: 'ledger', on: '2026-06-01', score, notes: '台帐检查', checked: [], evidence: [], supersedes, reason: supersedes ? '更正录入错误' : null, appealId: null, recordedBy: 'u', recordedByOrgId: 'o', recordedByRole: 'assessor', recordedAt: '2026-06-01T00:00:00Z', ...by,
});

beforeEach(async () => {
  store = new SqliteStore({ filename: ':memory:', indexes: INDEXES, appendOnly: APPEND_ONLY });
  const p = buildProductDoc(demoSpec(DEMO_PRODUCTS[0], 0), { productId: 'p1', declarationId: null, orgId: null, documentNumber: '杭司〔2025〕1号', publishedOn: '2025-01-01' });
  await store.insert('products', p);
  campaign = { _id: '2026', year: 2026, title: '2026 年度测评', startsOn: '2026-02-01', endsOn: '2026-09-30', status: 'published', scheme: defaultScheme(2026), scope: [{ productId: 'p1', orgId: null, name: p.name, category: p.category }], openedAt: '', computedOn: '2026-10-01', appealBy: '2026-10-12', cityRate: 0.9, confirmedAt: '', publishedAt: '', documentNumber: '杭司〔2026〕1号' };
  await store.insert('assessmentCampaigns', campaign);
  const fs = [finding('f1', 40), finding('f2', 92, 'f1')];
  for (const f of fs) await store.insert('assessmentFindings', f);
  await store.insert('counters', { _id: findingHeadId(fs[1]), findingId: 'f2' });
  // One ledger finding of 92: the score reaches 优秀, the evidence earns 合格.
  const r = buildResult(campaign, campaign.scope[0], { summary: null, findings: fs, selfReport: null, city: cityLevels(campaign.scheme, [], fs, []) }, '');
  expect([r.score, r.scoreGrade, r.grade]).toEqual([92, 'excellent', 'pass']);
  await store.insert('assessmentResults', { ...r, status: 'published', documentNumber: '杭司〔2026〕1号', publishedAt: '2026-10-20T00:00:00Z' });
  const grade = productGradeOf(r)!;
  await store.update('products', 'p1', { grade, gradeKey: gradeKeyOf(grade, p.sortKey) });
});
afterEach(() => store.close());

test('a consistent campaign is clean', async () => {
  expect(await checkInvariants(store)).toEqual([]);
});

test('catches a grade its score and evidence do not give, a missing finding, a product without its grade', async () => {
  const r = (await store.get<AssessmentResultDoc>('assessmentResults', '2026:p1'))!;
  await store.update('assessmentResults', '2026:p1', { grade: 'excellent', components: r.components.map((c) => (c.key === 'inspection.ledger' ? { ...c, inputs: { findingIds: ['nope'] } } : c)) });
  await store.update('products', 'p1', { 'grade.score': 1 });
  expect(await checkInvariants(store)).toEqual([
    'product p1: gradeKey does not match its grade',
    'assessment result 2026:p1: grade excellent where its score, evidence and decision give pass',
    'assessment result 2026:p1 rests on a missing finding nope',
    'product p1 does not show its latest published grade',
  ]);
});

test('catches evidence that does not match the inputs, 证据不足 published undecided, a 不合格 without its evidence', async () => {
  const r = (await store.get<AssessmentResultDoc>('assessmentResults', '2026:p1'))!;
  await store.update('assessmentResults', '2026:p1', { evidence: { ...r.evidence, ratings: 40 } });
  expect(await checkInvariants(store)).toContain('assessment result 2026:p1: its evidence (40 ratings, 1 findings) does not match its inputs (0, 1)');
  // Marked insufficient with no decision, in a published campaign (the evidence says 合格 is earned: both are caught).
  await store.update('assessmentResults', '2026:p1', { evidence: r.evidence, insufficient: true, grade: null });
  expect(await checkInvariants(store)).toEqual([
    'assessment result 2026:p1: marked insufficient, its evidence says otherwise',
    'assessment result 2026:p1: grade null where its score, evidence and decision give pass',
    'assessment result 2026:p1 is published while its insufficient evidence awaits a decision',
  ]);
  // A 不合格 score on one method, graded 不合格 by a "decision": 不合格 needs two methods.
  const decision = { decision: 'grade', reason: '按现有证据', decidedOn: '2026-10-05', decidedAt: '', basis: { score: 30, scoreGrade: 'fail', evidence: r.evidence } };
  await store.update('assessmentResults', '2026:p1', { score: 30, scoreGrade: 'fail', insufficient: true, grade: 'fail', decision, components: r.components.map((c) => (c.key === 'inspection' ? { ...c, score: 30 } : c)) });
  expect(await checkInvariants(store)).toEqual(
    expect.arrayContaining(['assessment result 2026:p1: grade fail where its score, evidence and decision give null', "assessment result 2026:p1: 不合格 without 不合格's evidence"]),
  );
});

test('catches a finding superseded twice, by another author, two in force for one author, a stale chain head; findings cannot be updated', async () => {
  await store.insert('assessmentFindings', finding('f3', 50, 'f1'));
  expect(await checkInvariants(store)).toContain('finding f1 is superseded twice');
  store.close();
  store = new SqliteStore({ filename: ':memory:', indexes: INDEXES, appendOnly: APPEND_ONLY });
  await store.insert('assessmentCampaigns', { ...campaign, status: 'open' });
  // A purchasing unit's opinion, "corrected" by an assessor; then the unit corrects its own as well: the fork.
  const opinion = finding('o1', 80, null, { method: 'purchaser', recordedByOrgId: 'unit', recordedByRole: 'purchaser', source: { kind: 'procurement', id: 'op' } });
  await store.insert('assessmentFindings', opinion);
  await store.insert('assessmentFindings', finding('x2', 55, 'o1', { method: 'purchaser', recordedByOrgId: 'assessorOrg' }));
  expect(await checkInvariants(store)).toEqual(['finding x2 (assessor:assessorOrg) supersedes o1 of another author (purchaser:unit)']);
  // Two ledger findings in force from one assessing organisation.
  await store.insert('assessmentFindings', finding('a1', 70));
  await store.insert('assessmentFindings', finding('a2', 75));
  expect(await checkInvariants(store)).toContain('2 findings in force for one author\'s chain findingHead:2026:p1:ledger:assessor:o: a1, a2');
  await store.insert('counters', { _id: 'findingHead:2026:p1:mystery:assessor:o', findingId: 'a1' });
  expect(await checkInvariants(store)).toContain('finding chain head findingHead:2026:p1:mystery:assessor:o does not name its finding in force');
  await expect(store.update('assessmentFindings', 'a1', { score: 100 })).rejects.toThrow(/append-only/);
});
