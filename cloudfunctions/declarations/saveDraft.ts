import type { DeclarationDoc, DeclarationMode, SpecDraft } from '../../types/declaration';
import { notDraft } from '../../types/declaration';
import { OPEN_DRAFTS_PER_ORG } from '../../types/limits';
import type { SaveDraftResult } from '../../types/actions/declarations';
import { SPEC_FIELDS, draftProblems, readField } from '../../types/spec';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { findOpenCall } from './calls';
import { loadEditable } from './loadDeclaration';
import { recommendingAssociation } from './recommendation';
import { refuseReentry } from './reentryBan';
import { checkAttachments } from './registerFile';

interface Input {
  declarationId?: string;
  baseVersion?: number;
  spec: SpecDraft;
  declarationMode?: DeclarationMode;
  recommender?: string;
  recommenderOrgId?: string;
  answersNeeds?: string[];
}

const changedKeys = (a: unknown, b: unknown) => SPEC_FIELDS.map((f) => f.key).filter((k) => readField(a, k) !== readField(b, k));

/**
 * Autosave: a draft is saved whatever its state — partial, or with half-typed values — so no edit stays on one device.
 * Its shape is bounded by the input schema (known fields, capped lengths); its values' problems come back as a list,
 * and only submission refuses them. A new draft joins the call open today.
 */
export async function saveDraft(input: Input, ctx: Ctx): Promise<SaveDraftResult> {
  const problems = draftProblems(input.spec);
  const now = ctx.clock.now().toISOString();
  await refuseReentry(ctx, input.spec.name, 'spec.name');
  if (!input.declarationId) {
    const call = await findOpenCall(ctx);
    if (!call) throw conflict('当前不在申报期内，暂不能新建申报。请留意市司法局的申报公告');
    const open = await ctx.store.count(COLLECTIONS.declarations, { callId: call._id, orgId: ctx.caller.orgId!, status: 'draft' });
    if (open >= OPEN_DRAFTS_PER_ORG) throw conflict(`本单位在本次申报中已有 ${open} 份草稿，最多 ${OPEN_DRAFTS_PER_ORG} 份。请先提交或撤回不用的草稿，再新建`);
    const d: DeclarationDoc = {
      _id: newId('d'),
      callId: call._id,
      orgId: ctx.caller.orgId!,
      createdBy: ctx.caller.userId!,
      status: 'draft',
      declarationMode: input.declarationMode ?? 'self',
      recommender: input.declarationMode === 'recommended' ? input.recommender ?? null : null,
      recommenderOrgId: null,
      endorsement: null,
      spec: input.spec,
      version: 1,
      name: input.spec.name ?? '',
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      withdrawnAt: null,
      materialRequests: [],
      ...(input.answersNeeds ? { answersNeeds: [...new Set(input.answersNeeds)] } : {}),
    };
    await ctx.store.transaction(async (tx) => {
      await checkAttachments(tx, ctx, input.spec.attachments, 'spec.attachments');
      if (d.declarationMode === 'recommended' && input.recommenderOrgId) {
        const association = await recommendingAssociation(tx, input.recommenderOrgId, d.orgId);
        Object.assign(d, { recommenderOrgId: association._id, recommender: association.name });
      }
      await tx.insert(COLLECTIONS.declarations, { ...d });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { created: true, callId: d.callId, fields: changedKeys({}, d.spec) } });
    });
    return { declarationId: d._id, version: 1, problems };
  }

  return ctx.store.transaction(async (tx) => {
    const d = await loadEditable(ctx, tx, input.declarationId!);
    if (d.status !== 'draft') throw conflict(notDraft(d.status, '不能再修改'));
    if (input.baseVersion !== undefined && input.baseVersion !== d.version)
      throw conflict('这份申报已在其他设备上保存过新的内容，请刷新后再编辑，以免覆盖');
    await checkAttachments(tx, ctx, input.spec.attachments, 'spec.attachments');
    const mode = input.declarationMode ?? d.declarationMode;
    const version = d.version + 1;
    let recommenderOrgId = mode === 'recommended' ? d.recommenderOrgId ?? null : null;
    let recommender = mode === 'recommended' ? input.recommender ?? d.recommender : null;
    if (mode === 'recommended' && input.recommenderOrgId) {
      const association = await recommendingAssociation(tx, input.recommenderOrgId, d.orgId);
      recommenderOrgId = association._id;
      recommender = association.name;
    } else if (recommenderOrgId) recommender = d.recommender;
    // An endorsement is of what the association read: a change of content or recommender asks it to look again.
    const changed = JSON.stringify(d.spec) !== JSON.stringify(input.spec) || mode !== d.declarationMode || recommenderOrgId !== (d.recommenderOrgId ?? null);
    await tx.update(COLLECTIONS.declarations, d._id, {
      spec: input.spec,
      declarationMode: mode,
      recommender,
      recommenderOrgId,
      endorsement: changed ? null : d.endorsement ?? null,
      name: input.spec.name ?? '',
      ...(input.answersNeeds ? { answersNeeds: [...new Set(input.answersNeeds)] } : {}),
      version,
      updatedAt: now,
    });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { version, fields: changedKeys(d.spec, input.spec) } });
    return { declarationId: d._id, version, problems };
  });
}
