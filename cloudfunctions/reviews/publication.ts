/**
 * 主动公开评审标准、评审结果: the year's confirmed results, published to anyone (the panel named with them, never
 * before), and the declaring organisation's own result after confirmation — averages and comments, no names.
 */
import type { DeclarationDoc } from '../../types/declaration';
import type { ExpertDoc, MyResult, PanelDoc, PublicResultItem, PublicResults, ReviewResult, ScoresheetDoc } from '../../types/review';
import { RUBRIC } from '../../types/rubric';
import type { OrgDoc } from '../../types/org';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { callIdForYear } from '../declarations/calls';
import { actsForOrg } from '../orgs/permissions';
import { sheetId } from './panels';
import { findByIds } from '../_lib/store/pages';

/** Statuses a declaration reaches only through a confirmed review. */
const REVIEWED = ['proposed', 'not-passed', 'in-publicity', 'recognised', 'rejected', 'published'];

const confirmed = (r: (ReviewResult & { _id: string }) | null) => (r && r.confirmedAt ? r : null);

/**
 * The year's confirmed results in three round trips whatever their number (issue 25): the declarations, then their
 * results, panels and organisations by id, then the panels' experts by id.
 */
export async function publicResults(input: { year: number }, ctx: Ctx): Promise<PublicResults> {
  const ds = await ctx.store.find<DeclarationDoc>(COLLECTIONS.declarations, { where: { callId: callIdForYear(input.year), status: { $in: REVIEWED } }, orderBy: [['_id', 'asc']], limit: 1000 });
  const [results, panels, orgs] = await Promise.all([
    findByIds<ReviewResult & { _id: string }>(ctx.store, COLLECTIONS.results, ds.map((d) => d._id)),
    findByIds<PanelDoc>(ctx.store, COLLECTIONS.panels, ds.map((d) => d._id)),
    findByIds<OrgDoc>(ctx.store, COLLECTIONS.orgs, ds.map((d) => d.orgId)),
  ]);
  const resultOf = new Map(results.map((r) => [r._id, confirmed(r)]));
  const passed = ds.filter((d) => resultOf.get(d._id)?.passed);
  const panelOf = new Map(panels.map((p) => [p._id, p]));
  const orgOf = new Map(orgs.map((o) => [o._id, o]));
  const experts = new Map((await findByIds<ExpertDoc>(ctx.store, COLLECTIONS.experts, passed.flatMap((d) => panelOf.get(d._id)?.members ?? []))).map((e) => [e._id, e]));
  const proposed: PublicResultItem[] = passed.map((d) => {
    const r = resultOf.get(d._id)!;
    return {
      declarationId: d._id,
      name: d.name,
      applicant: d.spec.cover?.applicantName ?? orgOf.get(d.orgId)?.name ?? '',
      recommender: d.recommenderOrgId ? d.recommender : null,
      average: r.average,
      attributes: r.attributes,
      experts: (panelOf.get(d._id)?.members ?? []).map((id) => experts.get(id)?.name ?? '').sort((a, b) => a.localeCompare(b, 'zh-CN')),
      confirmedAt: r.confirmedAt!,
    };
  });
  const notPassed = ds.filter((d) => resultOf.get(d._id) && !resultOf.get(d._id)!.passed).length;
  proposed.sort((a, b) => b.average - a.average || a.declarationId.localeCompare(b.declarationId));
  return { year: input.year, proposed, notPassed };
}

/** Two round trips (issue 25): the declaration, its result and its panel together (nothing is shown before the owner check), then the sheets by id. */
export async function myResult(input: { declarationId: string }, ctx: Ctx): Promise<MyResult> {
  const [d, result, panel] = await Promise.all([
    ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId),
    ctx.store.get<ReviewResult & { _id: string }>(COLLECTIONS.results, input.declarationId),
    ctx.store.get<PanelDoc>(COLLECTIONS.panels, input.declarationId),
  ]);
  if (!d || !actsForOrg(ctx.caller) || d.orgId !== ctx.caller.orgId) throw notFound('没有找到这份申报');
  const r = confirmed(result);
  if (!r) throw conflict('评审结果经评审组确认后才能查看。评审还在进行中，请耐心等待');
  const ids = panel!.members.map((m) => sheetId(d._id, m));
  const sheets = new Map((await findByIds<ScoresheetDoc>(ctx.store, COLLECTIONS.scoresheets, ids)).map((x) => [x._id, x]));
  // In the panel's order, as before (a query by ids answers in its own order).
  const comments = ids.map((id) => sheets.get(id)?.comment.trim() ?? '').filter(Boolean);
  return {
    declarationId: d._id,
    passed: r.passed,
    average: r.average,
    itemAverages: RUBRIC.map((i) => ({ key: i.key, label: i.label, max: i.max, average: r.itemAverages[i.key] ?? 0 })),
    attributes: r.attributes,
    // Sorted, so the order says nothing about which member wrote which.
    comments: comments.sort((a, b) => a.localeCompare(b, 'zh-CN')),
    confirmedAt: r.confirmedAt!,
  };
}
