/**
 * The rows of each export dataset (columns in types/exports.ts), read a page of at most 1000 at a time and joined with
 * batched `$in` reads, never one read per row. `year` narrows each dataset by its own date.
 */
import { evidenceOf, evidenceText, gradeText, resultSatisfaction, type AssessmentResultDoc } from '../../types/assessment';
import { DEFAULT_CREDIT_KINDS, type CreditEventDoc } from '../../types/credit';
import type { DeclarationDoc } from '../../types/declaration';
import { DECLARATION_MODE_LABELS, DECLARATION_STATUS_LABELS } from '../../types/declaration';
import { CATEGORY_LABELS, PURCHASE_METHOD_LABELS } from '../../types/domain';
import type { ExportDataset, ExportRow } from '../../types/exports';
import type { ProductDoc } from '../../types/product';
import { COMMENT_STATUS_LABELS, DISPOSITION_LABELS, type CommentDoc } from '../../types/publicity';
import { CASE_STATUS_LABELS, LEVEL_LABELS, type CaseDoc, type RatingDoc } from '../../types/rating';
import type { ExpertDoc, ReviewResult, ScoresheetDoc } from '../../types/review';
import { ATTRIBUTE_LABELS } from '../../types/rubric';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findAll, findByIds } from '../_lib/store/pages';
import type { Where } from '../_lib/store/port';
import { valueForMoney } from '../procurement/valueForMoney';

const yes = (b: boolean | null | undefined) => (b === null || b === undefined ? '' : b ? '是' : '否');

/** `field` within the year: ISO instants and plain dates alike sort as strings. */
function inYear(field: string, year: number | undefined): Where {
  return year === undefined ? {} : { [field]: { $gte: `${year}-01-01`, $lt: `${year + 1}-01-01` } };
}

async function namesOf(ctx: Ctx, declarationIds: string[]): Promise<Map<string, string>> {
  const docs = await findByIds<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, declarationIds);
  return new Map(docs.map((d) => [d._id, d.name]));
}
async function productNamesOf(ctx: Ctx, productIds: string[]): Promise<Map<string, string>> {
  const docs = await findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, productIds);
  return new Map(docs.map((p) => [p._id, p.name]));
}

type Reader = (ctx: Ctx, year: number | undefined) => Promise<ExportRow[]>;

const RESULT_STATUS_LABELS: Record<AssessmentResultDoc['status'], string> = { draft: '草稿', confirmed: '已确认', published: '已公布' };

const readers: Record<ExportDataset, Reader> = {
  async declarations(ctx, year) {
    const docs = await findAll<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, { where: inYear('createdAt', year) });
    return docs.map((d) => ({
      declarationId: d._id,
      name: d.name,
      applicant: d.spec.cover?.applicantName ?? '',
      category: d.spec.category ? CATEGORY_LABELS[d.spec.category] : '',
      purchaseMethod: d.spec.purchaseMethod ? PURCHASE_METHOD_LABELS[d.spec.purchaseMethod] : '',
      mode: DECLARATION_MODE_LABELS[d.declarationMode] ?? '',
      recommender: d.recommender ?? '',
      status: DECLARATION_STATUS_LABELS[d.status],
      submittedAt: d.submittedAt,
      materialRequests: d.materialRequests.length,
      openMaterialRequests: d.materialRequests.filter((r) => !r.response).length,
    }));
  },

  async scoresheets(ctx, year) {
    // Blind scoring: a result exists only once every member has submitted; before that no score leaves the panel.
    const results = await findAll<ReviewResult & { _id: string }>(ctx.store, COLLECTIONS.results, { where: inYear('computedAt', year) });
    const ids = results.map((r) => r._id);
    const sheets: ScoresheetDoc[] = [];
    for (let i = 0; i < ids.length; i += 100)
      sheets.push(...(await findAll<ScoresheetDoc>(ctx.store, COLLECTIONS.scoresheets, { where: { declarationId: { $in: ids.slice(i, i + 100) }, status: 'submitted' } })));
    const names = await namesOf(ctx, ids);
    const experts = new Map((await findByIds<ExpertDoc>(ctx.store, COLLECTIONS.experts, sheets.map((s) => s.expertId))).map((e) => [e._id, e]));
    return sheets
      .sort((a, b) => a._id.localeCompare(b._id))
      .map((s) => ({
        declarationId: s.declarationId,
        name: names.get(s.declarationId) ?? '',
        expert: experts.get(s.expertId)?.name ?? '',
        expertOrganisation: experts.get(s.expertId)?.organisation ?? '',
        total: s.total,
        ...Object.fromEntries(Object.entries(s.items).map(([k, v]) => [`item:${k}`, v])),
        comment: s.comment,
        submittedAt: s.submittedAt,
      }));
  },

  async results(ctx, year) {
    const results = await findAll<ReviewResult & { _id: string }>(ctx.store, COLLECTIONS.results, { where: inYear('computedAt', year) });
    const names = await namesOf(ctx, results.map((r) => r._id));
    return results.map((r) => ({
      declarationId: r._id,
      name: names.get(r._id) ?? '',
      sheets: r.sheets,
      average: r.average,
      median: r.median,
      stddev: r.stddev,
      passed: yes(r.passed),
      failedAttributes: r.failedAttributes.map((a) => ATTRIBUTE_LABELS[a].label).join('、'),
      computedAt: r.computedAt,
      confirmedAt: r.confirmedAt,
    }));
  },

  async comments(ctx, year) {
    const docs = await findAll<CommentDoc>(ctx.store, COLLECTIONS.comments, { where: inYear('createdAt', year) });
    const names = await namesOf(ctx, docs.map((c) => c.declarationId));
    return docs.map((c) => ({
      commentId: c._id,
      declarationId: c.declarationId,
      name: names.get(c.declarationId) ?? '',
      pseudonym: c.pseudonym,
      byApplicant: yes(c.byApplicant),
      text: c.text,
      status: COMMENT_STATUS_LABELS[c.status],
      disposition: c.disposition ? DISPOSITION_LABELS[c.disposition] : '',
      reply: c.reply ?? '',
      createdAt: c.createdAt,
      repliedAt: c.repliedAt,
    }));
  },

  async ratings(ctx, year) {
    // Never who rated: raterId and the token stay out.
    const docs = await findAll<RatingDoc>(ctx.store, COLLECTIONS.ratings, { where: year === undefined ? {} : { year } });
    const products = await productNamesOf(ctx, docs.map((r) => r.productId));
    return docs.map((r) => ({
      ratingId: r._id,
      productId: r.productId,
      product: products.get(r.productId) ?? '',
      level: r.level,
      levelLabel: LEVEL_LABELS[r.level],
      efficiency: r.dimensions.efficiency ?? null,
      competence: r.dimensions.competence ?? null,
      attitude: r.dimensions.attitude ?? null,
      text: r.text ?? '',
      ratedOn: r.ratedOn,
    }));
  },

  async cases(ctx, year) {
    const docs = await findAll<CaseDoc>(ctx.store, COLLECTIONS.ratingCases, { where: inYear('openedOn', year) });
    const products = await productNamesOf(ctx, docs.map((c) => c.productId));
    const today = ctx.clock.today();
    return docs.map((c) => ({
      caseId: c._id,
      productId: c.productId,
      product: products.get(c.productId) ?? '',
      level: c.level,
      openedOn: c.openedOn,
      dueOn: c.dueOn,
      status: CASE_STATUS_LABELS[c.status],
      overdue: yes(c.overdue === true || (c.status === 'open' && today > c.dueOn)),
      respondedOn: c.response?.respondedOn ?? null,
      onTime: yes(c.onTime),
      fix: c.response?.fix ?? '',
      raterSatisfied: yes(c.raterSatisfied),
    }));
  },
  async assessments(ctx, year) {
    const docs = await findAll<AssessmentResultDoc>(ctx.store, COLLECTIONS.assessmentResults, { where: year === undefined ? {} : { year } });
    return docs.map((r) => ({
      year: r.year,
      productId: r.productId,
      product: r.productName,
      category: CATEGORY_LABELS[r.category] ?? '',
      score: r.score,
      grade: gradeText(r),
      status: RESULT_STATUS_LABELS[r.status],
      satisfactionRate: resultSatisfaction(r).rate,
      satisfactionN: r.satisfaction.n,
      documentNumber: r.documentNumber ?? '',
      publishedAt: r.publishedAt ?? null,
      evidence: evidenceText(evidenceOf(r)),
    }));
  },

  async events(ctx, year) {
    const docs = await findAll<CreditEventDoc>(ctx.store, COLLECTIONS.creditEvents, { where: inYear('occurredOn', year) });
    return docs.map((e) => ({
      eventId: e._id,
      org: e.orgName,
      kind: DEFAULT_CREDIT_KINDS[e.kind]?.label ?? e.kind,
      polarity: e.polarity === 'positive' ? '正面' : '负面',
      severity: e.severity,
      title: e.title,
      practitioner: e.practitionerName ?? '',
      documentNumber: e.documentNumber ?? '',
      occurredOn: e.occurredOn,
      publicUntil: e.publicUntil,
      recordedBy: e.recordedByName,
      statement: e.statement?.text ?? '',
      revoked: yes(e.revoked !== null),
    }));
  },
  /** Issue 16's figures per product for one year (this year when none is asked for). */
  async valueForMoney(ctx, year) {
    const y = year ?? Number(ctx.clock.today().slice(0, 4));
    const { rows } = await valueForMoney({ year: y }, ctx);
    const from = { 'self-report': '单位自报', 'rating-codes': '评价码发放数' } as const;
    return rows.map((r) => ({ year: y, productId: r.productId, product: r.productName, units: r.units, amount: r.amount, services: r.services, servicesFrom: r.servicesFrom ? from[r.servicesFrom] : '', costPerService: r.costPerService }));
  },
};

export function exportRows(dataset: ExportDataset, ctx: Ctx, year?: number): Promise<ExportRow[]> {
  return readers[dataset](ctx, year);
}
