/**
 * Published assessment grades for supervision tests (issue 12), written straight into the store in the shape issue 11's
 * `assessmentResults` contract and its invariants require — a campaign, one result per product whose single component
 * carries the whole score, two findings in force that are its evidence (issue 21: a grade rests on evidence; the
 * fixture's scheme asks two methods of every grade and nothing more), and the product's `grade` — so the tests need not
 * walk a whole assessment campaign. `satisfaction.rate` stands for the year's 满意率: the satisfied count is rate × n.
 */
import { GRADES, defaultScheme, type AssessmentResultDoc, type CampaignDoc, type FindingDoc, type Grade } from '../../types/assessment';
import type { ProductDoc } from '../../types/product';
import type { Store } from '../../cloudfunctions/_lib/store/port';
import { gradeKeyOf } from '../../cloudfunctions/catalogue/productDoc';

export interface GradeRow {
  productId: string;
  orgId: string | null;
  grade: Grade;
  score: number;
  satisfaction: { rate: number | null; n: number };
}

/** A campaign of `year` in state `status` with these results (published ones carry the document and the product's grade). */
export async function insertGrades(store: Store, year: number, rows: GradeRow[], status: 'published' | 'computed' = 'published', documentNumber = `杭司〔${year}〕77号`): Promise<void> {
  const products = new Map<string, ProductDoc>();
  for (const r of rows) products.set(r.productId, (await store.get<ProductDoc>('products', r.productId))!);
  const campaign: CampaignDoc = {
    _id: String(year),
    year,
    title: `${year} 年度产品测评`,
    startsOn: `${year}-02-01`,
    endsOn: `${year}-08-31`,
    status,
    scheme: { ...defaultScheme(year), evidence: { ...defaultScheme(year).evidence, grades: Object.fromEntries(GRADES.map((g) => [g, { minRatings: 0, minMethods: 2, acceptedUse: false }])) as CampaignDoc['scheme']['evidence']['grades'] } },
    scope: rows.map((r) => ({ productId: r.productId, orgId: r.orgId, name: products.get(r.productId)!.name, category: products.get(r.productId)!.category })),
    openedAt: `${year}-02-01T01:00:00.000Z`,
    computedOn: `${year}-09-01`,
    appealBy: `${year}-09-08`,
  } as CampaignDoc;
  await store.insert('assessmentCampaigns', campaign);
  for (const r of rows) {
    const p = products.get(r.productId)!;
    const findings = (['ledger', 'mystery'] as const).map(
      (method): FindingDoc => ({ _id: `fx:${year}:${r.productId}:${method}`, year, productId: r.productId, method, on: `${year}-06-01`, score: r.score, notes: '检查记录', checked: [], evidence: [], supersedes: null, reason: null, appealId: null, recordedBy: 'admin-local', recordedByOrgId: null, recordedByRole: 'admin', recordedAt: `${year}-06-01T01:00:00.000Z` }),
    );
    for (const f of findings) await store.insert('assessmentFindings', f);
    const doc: AssessmentResultDoc = {
      _id: `${year}:${r.productId}`,
      year,
      productId: r.productId,
      orgId: r.orgId,
      productName: p.name,
      category: p.category,
      score: r.score,
      grade: r.grade,
      scoreGrade: r.grade,
      insufficient: false,
      evidence: { ratings: r.satisfaction.n, findings: 2, methods: ['ledger', 'mystery'], use: 'none' },
      shortfalls: [],
      decision: null,
      status: status === 'published' ? 'published' : 'confirmed',
      ...(status === 'published' ? { documentNumber, publishedAt: `${year}-09-01T01:00:00.000Z` } : {}),
      satisfaction: { ...r.satisfaction, satisfied: r.satisfaction.rate === null ? 0 : Math.round(r.satisfaction.rate * r.satisfaction.n) },
      components: [
        { key: 'satisfaction', label: '满意度', weight: 100, effectiveWeight: 100, score: r.score, missing: false, inputs: {} },
        ...findings.map((f) => ({ key: `inspection.${f.method}` as const, label: f.method, weight: 0, effectiveWeight: 0, score: f.score, missing: false, inputs: { findingIds: [f._id] } })),
      ],
      methodsUsed: ['ledger', 'mystery'],
      computedAt: `${year}-09-01T01:00:00.000Z`,
    };
    await store.insert('assessmentResults', doc);
    if (status === 'published') {
      const grade = { year, grade: r.grade, score: r.score };
      await store.update('products', r.productId, { grade, gradeKey: gradeKeyOf(grade, p.sortKey) });
    }
  }
}
