/** The assessment invariants catch what they claim: a grade off its thresholds, a missing input, a broken correction chain, a product not showing its grade; findings cannot be changed. */
import { SqliteStore } from '../../server/sqliteStore';
import { checkInvariants } from '../../server/invariants';
import { APPEND_ONLY, INDEXES } from '../../cloudfunctions/_lib/collections';
import { buildProductDoc, gradeKeyOf } from '../../cloudfunctions/catalogue/productDoc';
import { computeProductResult } from '../../cloudfunctions/assessments/computeResult';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { defaultScheme, type CampaignDoc, type FindingDoc } from '../../types/assessment';

let store: SqliteStore;
const finding = (id: string, score: number, supersedes: string | null = null): FindingDoc => ({
  _id: id, year: 2026, productId: 'p1', method: 'ledger', on: '2026-06-01', score, notes: '台帐检查', checked: [], evidence: [], supersedes, reason: supersedes ? '更正录入错误' : null, appealId: null, recordedBy: 'u', recordedByOrgId: 'o', recordedAt: '2026-06-01T00:00:00Z',
});

beforeEach(async () => {
  store = new SqliteStore({ filename: ':memory:', indexes: INDEXES, appendOnly: APPEND_ONLY });
  const p = buildProductDoc(demoSpec(DEMO_PRODUCTS[0], 0), { productId: 'p1', declarationId: null, orgId: null, documentNumber: '杭司〔2025〕1号', publishedOn: '2025-01-01' });
  await store.insert('products', p);
  const campaign: CampaignDoc = { _id: '2026', year: 2026, title: '2026 年度测评', startsOn: '2026-02-01', endsOn: '2026-09-30', status: 'published', scheme: defaultScheme(2026), scope: [{ productId: 'p1', orgId: null, name: p.name, category: p.category }], openedAt: '', computedOn: '2026-10-01', appealBy: '2026-10-12', cityRate: 0.9, confirmedAt: '', publishedAt: '', documentNumber: '杭司〔2026〕1号' };
  await store.insert('assessmentCampaigns', campaign);
  await store.insert('assessmentFindings', finding('f1', 40));
  await store.insert('assessmentFindings', finding('f2', 92, 'f1'));
  const r = computeProductResult({ scheme: campaign.scheme, summary: null, findings: [finding('f1', 40), finding('f2', 92, 'f1')], selfReport: null, cityRate: 0.9 });
  await store.insert('assessmentResults', { _id: '2026:p1', year: 2026, productId: 'p1', orgId: null, productName: p.name, category: p.category, ...r, status: 'published', documentNumber: '杭司〔2026〕1号', publishedAt: '2026-10-20T00:00:00Z', computedAt: '' });
  const grade = { year: 2026, grade: r.grade, score: r.score };
  await store.update('products', 'p1', { grade, gradeKey: gradeKeyOf(grade, p.sortKey) });
});
afterEach(() => store.close());

test('a consistent campaign is clean', async () => {
  expect(await checkInvariants(store)).toEqual([]);
});

test('catches a grade that does not match its score, a missing finding, a product without its grade', async () => {
  const r = (await store.get<any>('assessmentResults', '2026:p1'))!;
  await store.update('assessmentResults', '2026:p1', { grade: 'excellent', components: r.components.map((c: any) => (c.key === 'inspection.ledger' ? { ...c, inputs: { findingIds: ['nope'] } } : c)) });
  await store.update('products', 'p1', { 'grade.score': 1 });
  expect(await checkInvariants(store)).toEqual([
    'product p1: gradeKey does not match its grade',
    `assessment result 2026:p1: grade excellent does not match score ${r.score} under the 2026 thresholds`,
    'assessment result 2026:p1 rests on a missing finding nope',
    'product p1 does not show its latest published grade',
  ]);
});

test('catches a finding superseded twice; findings cannot be updated', async () => {
  await store.insert('assessmentFindings', finding('f3', 50, 'f1'));
  expect(await checkInvariants(store)).toContain('finding f1 is superseded twice');
  await expect(store.update('assessmentFindings', 'f1', { score: 100 })).rejects.toThrow(/append-only/);
});
