import type { DeclarationView, MaterialRequest } from '../../types/declaration';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { loadEditable, loadReadable } from './loadDeclaration';
import { checkAttachments } from './registerFile';
import { toDeclarationView } from './view';

/** 根据评审组的要求，进一步提供其他相关材料: the bureau asks, on the panel's behalf, by a date. */
export async function requestMaterials(input: { declarationId: string; note: string; dueOn: string }, ctx: Ctx): Promise<DeclarationView> {
  if (input.dueOn < ctx.clock.today()) throw invalid('补充期限不能早于今天', [{ path: 'dueOn', message: '补充期限不能早于今天' }]);
  return ctx.store.transaction(async (tx) => {
    const d = await loadReadable(ctx, input.declarationId, tx);
    // 根据评审组的要求: before the panel sits and while it reviews.
    if (d.status !== 'submitted' && d.status !== 'in-review') throw conflict('只能对已提交或评审中的申报要求补充材料');
    const request: MaterialRequest = { requestId: newId('m'), note: input.note, dueOn: input.dueOn, requestedAt: ctx.clock.now().toISOString(), response: null };
    const materialRequests = [...d.materialRequests, request];
    await tx.update(COLLECTIONS.declarations, d._id, { materialRequests });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { materialRequest: request.requestId, dueOn: input.dueOn } });
    return toDeclarationView({ ...d, materialRequests });
  });
}

/** The applicant answers a material request with text and files; both stay in the record. */
export async function supplyMaterials(
  input: { declarationId: string; requestId: string; text: string; attachments?: { name: string; fileId: string }[] },
  ctx: Ctx,
): Promise<DeclarationView> {
  return ctx.store.transaction(async (tx) => {
    const d = await loadEditable(ctx, tx, input.declarationId);
    const request = d.materialRequests.find((r) => r.requestId === input.requestId);
    if (!request) throw notFound('没有找到这项补充材料要求');
    if (request.response) throw conflict('这项材料已经补充过了');
    await checkAttachments(tx, ctx, input.attachments, 'attachments');
    const response = { text: input.text, attachments: input.attachments ?? [], suppliedAt: ctx.clock.now().toISOString() };
    const materialRequests = d.materialRequests.map((r) => (r.requestId === input.requestId ? { ...r, response } : r));
    await tx.update(COLLECTIONS.declarations, d._id, { materialRequests });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { materialSupplied: input.requestId, attachments: response.attachments.length } });
    return toDeclarationView({ ...d, materialRequests });
  });
}
