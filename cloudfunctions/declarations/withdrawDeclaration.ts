import type { DeclarationView } from '../../types/declaration';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { loadEditable } from './loadDeclaration';
import { toDeclarationView } from './view';

/** An organisation withdraws its declaration before review begins. */
export async function withdrawDeclaration(input: { declarationId: string; reason?: string }, ctx: Ctx): Promise<DeclarationView> {
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const d = await loadEditable(ctx, tx, input.declarationId);
    if (d.status === 'withdrawn') throw conflict('这份申报已经撤回');
    if (d.status !== 'draft' && d.status !== 'submitted') throw conflict('评审已经开始，不能撤回');
    await tx.update(COLLECTIONS.declarations, d._id, { status: 'withdrawn', withdrawnAt: now, updatedAt: now });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { status: 'withdrawn', reason: input.reason ?? null } });
    return toDeclarationView({ ...d, status: 'withdrawn', withdrawnAt: now, updatedAt: now });
  });
}
