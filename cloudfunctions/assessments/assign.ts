import type { AssignmentDoc } from '../../types/assessment';
import type { InviteDoc, OrgDoc } from '../admin/createInvite';
import type { AssessorView } from '../../types/actions/assessments';
import type { BulkResult } from '../../types/bulk';
import { eachRecord } from '../_lib/bulk';
import { findAll, findByIds } from '../_lib/store/pages';
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

/**
 * Issue 22: selected products assigned to one assessing organisation, each by `assign` in its own transaction and
 * audit entry; a product outside the year's scope (or a campaign already computed) is refused and listed, the others
 * assigned.
 */
export async function assignMany(input: { year: number; assessorOrgId: string; productIds: string[] }, ctx: Ctx): Promise<BulkResult> {
  return { results: await eachRecord(ctx, input.productIds, (productId) => assign({ year: input.year, assessorOrgId: input.assessorOrgId, productIds: [productId] }, ctx)) };
}

/**
 * The assessing organisations the bureau invited (an invite with role 测评机构), by name, so the bureau picks one by
 * name and never types an id; with a year, how many products each holds. Reads: the invites, then the organisations,
 * users and assignments together.
 */
export async function listAssessors(input: { year?: number }, ctx: Ctx): Promise<{ assessors: AssessorView[] }> {
  const invites = await findAll<InviteDoc>(ctx.store, COLLECTIONS.invites, { where: { role: 'assessor' } });
  const orgIds = [...new Set(invites.map((i) => i.orgId).filter((o): o is string => !!o))];
  const [orgs, assignments] = await Promise.all([
    findByIds<OrgDoc>(ctx.store, COLLECTIONS.orgs, orgIds),
    input.year ? findByIds<AssignmentDoc>(ctx.store, COLLECTIONS.assessmentAssignments, orgIds.map((o) => assignmentId(input.year!, o))) : Promise.resolve([] as AssignmentDoc[]),
  ]);
  const held = new Map(assignments.map((a) => [a.assessorOrgId, a.productIds.length]));
  const accounts = new Map<string, number>();
  for (const i of invites) if (i.orgId && i.usedBy) accounts.set(i.orgId, (accounts.get(i.orgId) ?? 0) + 1);
  const assessors = orgs
    .map((o) => ({ orgId: o._id, name: o.name, accounts: accounts.get(o._id) ?? 0, assigned: input.year ? (held.get(o._id) ?? 0) : null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || (a.orgId < b.orgId ? -1 : 1));
  return { assessors };
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
