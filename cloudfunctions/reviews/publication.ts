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

/** Statuses a declaration reaches only through a confirmed review. */
const REVIEWED = ['proposed', 'not-passed', 'in-publicity', 'recognised', 'rejected', 'published'];

async function confirmedResult(ctx: Ctx, declarationId: string): Promise<(ReviewResult & { _id: string }) | null> {
  const r = await ctx.store.get<ReviewResult & { _id: string }>(COLLECTIONS.results, declarationId);
  return r && r.confirmedAt ? r : null;
}

export async function publicResults(input: { year: number }, ctx: Ctx): Promise<PublicResults> {
  const ds = await ctx.store.find<DeclarationDoc>(COLLECTIONS.declarations, { where: { callId: callIdForYear(input.year), status: { $in: REVIEWED } }, orderBy: [['_id', 'asc']], limit: 1000 });
  const proposed: PublicResultItem[] = [];
  let notPassed = 0;
  for (const d of ds) {
    const r = await confirmedResult(ctx, d._id);
    if (!r) continue;
    if (!r.passed) {
      notPassed++;
      continue;
    }
    const panel = await ctx.store.get<PanelDoc>(COLLECTIONS.panels, d._id);
    const experts: string[] = [];
    for (const id of panel?.members ?? []) experts.push((await ctx.store.get<ExpertDoc>(COLLECTIONS.experts, id))?.name ?? '');
    const org = await ctx.store.get<OrgDoc>(COLLECTIONS.orgs, d.orgId);
    proposed.push({
      declarationId: d._id,
      name: d.name,
      applicant: d.spec.cover?.applicantName ?? org?.name ?? '',
      recommender: d.recommenderOrgId ? d.recommender : null,
      average: r.average,
      attributes: r.attributes,
      experts: experts.sort((a, b) => a.localeCompare(b, 'zh-CN')),
      confirmedAt: r.confirmedAt!,
    });
  }
  proposed.sort((a, b) => b.average - a.average || a.declarationId.localeCompare(b.declarationId));
  return { year: input.year, proposed, notPassed };
}

export async function myResult(input: { declarationId: string }, ctx: Ctx): Promise<MyResult> {
  const d = await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
  if (!d || !actsForOrg(ctx.caller) || d.orgId !== ctx.caller.orgId) throw notFound('没有找到这份申报');
  const r = await confirmedResult(ctx, d._id);
  if (!r) throw conflict('评审结果经评审组确认后才能查看。评审还在进行中，请耐心等待');
  const panel = (await ctx.store.get<PanelDoc>(COLLECTIONS.panels, d._id))!;
  const comments: string[] = [];
  for (const m of panel.members) {
    const sheet = await ctx.store.get<ScoresheetDoc>(COLLECTIONS.scoresheets, sheetId(d._id, m));
    if (sheet?.comment.trim()) comments.push(sheet.comment.trim());
  }
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
