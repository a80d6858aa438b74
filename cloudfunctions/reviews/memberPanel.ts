/** The panel a calling expert sits on, and the declaration it is reviewing: the check every member's action starts with. */
import type { DeclarationDoc } from '../../types/declaration';
import type { PanelDoc } from '../../types/review';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, notFound } from '../_lib/errors';
import type { Tx } from '../_lib/store/port';
import { isPanelMember } from './permissions';

export async function memberPanel(ctx: Ctx, declarationId: string, tx?: Tx): Promise<PanelDoc> {
  const p = tx ? await tx.get<PanelDoc>(COLLECTIONS.panels, declarationId) : await ctx.store.get<PanelDoc>(COLLECTIONS.panels, declarationId);
  if (!p) throw notFound('这份申报还没有评审组');
  if (!isPanelMember(ctx.caller, p)) throw forbidden('您不是这份申报的评审组成员');
  return p;
}

/** The member's panel and its declaration, which must still be in review (`closed` says why not, in the action's words). */
export async function memberReview(ctx: Ctx, tx: Tx, declarationId: string, closed: string): Promise<{ panel: PanelDoc; d: DeclarationDoc }> {
  const panel = await memberPanel(ctx, declarationId, tx);
  const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, declarationId);
  if (!d || d.status !== 'in-review') throw conflict(closed);
  return { panel, d };
}
