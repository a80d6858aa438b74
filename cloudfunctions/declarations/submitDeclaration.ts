import type { CallDoc, DeclarationView } from '../../types/declaration';
import { notDraft } from '../../types/declaration';
import type { FieldIssue } from '../../types/envelope';
import { specSchema } from '../../types/spec';
import { issuesOf } from '../../types/validation';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { AppError, conflict } from '../_lib/errors';
import { orgStatusOf, type OrgDoc } from '../../types/org';
import { callState } from './calls';
import { loadEditable } from './loadDeclaration';
import { refuseReentryOf } from './reentryBan';
import { toDeclarationView } from './view';

/** Submission: only while the call is open, only once, and only complete — every missing field reported at once. */
export async function submitDeclaration(input: { declarationId: string }, ctx: Ctx): Promise<DeclarationView> {
  const now = ctx.clock.now().toISOString();
  await refuseReentryOf(ctx, input.declarationId, 'name');
  return ctx.store.transaction(async (tx) => {
    const d = await loadEditable(ctx, tx, input.declarationId);
    if (d.status === 'submitted') throw conflict('这份申报已经提交过了');
    if (d.status !== 'draft') throw conflict(notDraft(d.status, '不能再提交'));
    const org = await tx.get<OrgDoc>(COLLECTIONS.orgs, d.orgId);
    if (org && orgStatusOf(org) === 'pending') throw conflict('贵单位还在等待市司法局核验，核验通过后才能提交申报。草稿已保存，可以继续完善');
    if (org && orgStatusOf(org) === 'rejected') throw conflict(`贵单位未通过市司法局核验${org.verification?.reason ? `（${org.verification.reason}）` : ''}，不能提交申报`);
    const call = await tx.get<CallDoc>(COLLECTIONS.calls, d.callId);
    const state = call ? callState(call, ctx.clock.today()) : 'closed';
    if (state === 'closed') throw conflict(`申报已于 ${call?.closesOn ?? '此前'} 截止，不能再提交`);
    if (state === 'upcoming') throw conflict(`申报将于 ${call!.opensOn} 开始，届时才能提交`);

    const parsed = specSchema.safeParse({ attachments: [], ...d.spec });
    const issues: FieldIssue[] = parsed.success ? [] : issuesOf(parsed.error);
    if (d.declarationMode === 'recommended' && !d.recommenderOrgId) issues.push({ path: 'recommenderOrgId', message: '组织推荐的申报请选择推荐的行业协会' });
    if (issues.length) throw new AppError('INVALID_INPUT', `还有 ${issues.length} 处需要补充或修改，请按标出的栏目完善后再提交`, issues);

    if (d.declarationMode === 'recommended' && !d.endorsement)
      throw conflict(`组织推荐的申报需先由“${d.recommender}”确认推荐，才能提交。请联系该协会在“待推荐的申报”中确认`);
    const spec = parsed.data!;
    await tx.update(COLLECTIONS.declarations, d._id, { spec, status: 'submitted', submittedAt: now, updatedAt: now, version: d.version + 1 });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { status: 'submitted' } });
    return toDeclarationView({ ...d, spec: spec as typeof d.spec, status: 'submitted', submittedAt: now, updatedAt: now, version: d.version + 1 });
  });
}
