import type { AssignmentDoc } from '../../types/assessment';
import type { OrgDoc } from '../admin/createInvite';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { isAdmin } from '../_lib/rules';
import { currentFindings } from './computeResult';
import { assignmentId, campaignView, findingsOfYear, loadAssignment, loadCampaign, methodCounts } from './load';

/** The bureau assigns products to an assessing organisation (its own inspectors or a third-party evaluator). */
export async function assign(input: { year: number; assessorOrgId: string; productIds: string[] }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  if (c.status !== 'open') throw conflict('测评已经计算结果，不能再分配');
  const inScope = new Set(c.scope.map((s) => s.productId));
  const issues = input.productIds.flatMap((id, i) => (inScope.has(id) ? [] : [{ path: `productIds.${i}`, message: '这个产品不在本年度测评范围内' }]));
  if (issues.length) throw invalid(issues[0].message, issues);
  const id = assignmentId(input.year, input.assessorOrgId);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.get<OrgDoc>(COLLECTIONS.orgs, input.assessorOrgId))) throw notFound('没有找到这个测评机构');
    const before = await tx.get<AssignmentDoc>(COLLECTIONS.assessmentAssignments, id);
    const productIds = [...new Set([...(before?.productIds ?? []), ...input.productIds])];
    const doc: AssignmentDoc = { _id: id, year: input.year, assessorOrgId: input.assessorOrgId, productIds, updatedAt: ctx.clock.now().toISOString() };
    await tx.set(COLLECTIONS.assessmentAssignments, id, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentAssignments, recordId: id, change: { added: input.productIds } });
    return { assessorOrgId: input.assessorOrgId, productIds };
  });
}

/** An assessor's products for the year (the bureau: every product), with how many findings each method has. */
export async function myProducts(input: { year: number }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  const assignment = isAdmin(ctx.caller) ? null : await loadAssignment(ctx, input.year);
  const mine = isAdmin(ctx.caller) ? c.scope : c.scope.filter((s) => assignment?.productIds.includes(s.productId));
  const findings = currentFindings(await findingsOfYear(ctx.store, input.year));
  return {
    campaign: campaignView(c),
    products: mine.map((s) => ({
      ...s,
      findings: methodCounts(findings, s.productId),
    })),
  };
}
