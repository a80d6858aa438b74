import type { DeclarationDoc } from '../../types/declaration';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import type { Tx } from '../_lib/store/port';
import { canEditDeclaration, canReadDeclaration } from './permissions';

const NOT_FOUND = '没有找到这份申报';

/** Loads a declaration the caller may read; anyone else is told it does not exist (no existence leak). */
export async function loadReadable(ctx: Ctx, declarationId: string, tx?: Tx): Promise<DeclarationDoc> {
  const d = tx ? await tx.get<DeclarationDoc>(COLLECTIONS.declarations, declarationId) : await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, declarationId);
  if (!d || !canReadDeclaration(ctx.caller, d)) throw notFound(NOT_FOUND);
  return d;
}

/** Loads, inside a transaction, a declaration the caller's organisation owns. */
export async function loadEditable(ctx: Ctx, tx: Tx, declarationId: string): Promise<DeclarationDoc> {
  const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, declarationId);
  if (!d || !canEditDeclaration(ctx.caller, d)) throw notFound(NOT_FOUND);
  return d;
}
