import { draftProblems } from '../../types/spec';
import type { Category } from '../../types/domain';
import type { DeclarationDoc, DeclarationListItem, DeclarationStatus, DeclarationView } from '../../types/declaration';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import type { Where } from '../_lib/store/port';
import { loadReadable } from './loadDeclaration';
import { toDeclarationListItem, toDeclarationView } from './view';

export async function getDeclaration(input: { declarationId: string }, ctx: Ctx): Promise<DeclarationView> {
  const d = await loadReadable(ctx, input.declarationId);
  // A draft may hold half-typed values: whoever opens it (on any device) sees what still needs fixing.
  return d.status === 'draft' ? { ...toDeclarationView(d), problems: draftProblems(d.spec) } : toDeclarationView(d);
}

/** The applicant's own organisation's declarations, most recently changed first. */
export async function listMyDeclarations(_input: unknown, ctx: Ctx): Promise<{ items: DeclarationListItem[] }> {
  const docs = await ctx.store.find<DeclarationDoc>(COLLECTIONS.declarations, { where: { orgId: ctx.caller.orgId! }, orderBy: [['updatedAt', 'desc']], limit: 200 });
  return { items: docs.map(toDeclarationListItem) };
}

/** The bureau's view of all declarations, filtered by call and status, newest first. */
export async function listAllDeclarations(input: { callId?: string; status?: DeclarationStatus; category?: Category; limit?: number; cursor?: string }, ctx: Ctx) {
  const limit = input.limit ?? 50;
  const where: Where = {};
  if (input.callId) where.callId = input.callId;
  if (input.status) where.status = input.status;
  if (input.category) where['spec.category'] = input.category;
  if (input.cursor) where._id = { $lt: input.cursor };
  const docs = await ctx.store.find<DeclarationDoc>(COLLECTIONS.declarations, { where, orderBy: [['_id', 'desc']], limit: limit + 1 });
  const page = docs.slice(0, limit);
  return { items: page.map(toDeclarationListItem), nextCursor: docs.length > limit ? page[page.length - 1]._id : null };
}
