/** 我的: the caller's own public comments and ratings, newest first. Only ever the caller's own records. */
import type { MyActivity } from '../../types/actions/auth';
import type { DeclarationDoc } from '../../types/declaration';
import type { ProductDoc } from '../../types/product';
import type { CommentDoc } from '../../types/publicity';
import type { CaseDoc, RatingDoc } from '../../types/rating';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';

const SHOWN = 50;

export async function readMyActivity(_input: unknown, ctx: Ctx): Promise<MyActivity> {
  const userId = ctx.caller.userId;
  if (!userId) return { comments: [], ratings: [], openCases: 0 };
  const [comments, ratings, cases] = await Promise.all([
    ctx.store.find<CommentDoc>(COLLECTIONS.comments, { where: { userId }, orderBy: [['createdAt', 'desc']], limit: SHOWN }),
    ctx.store.find<RatingDoc>(COLLECTIONS.ratings, { where: { raterId: userId }, orderBy: [['createdAt', 'desc']], limit: SHOWN }),
    ctx.store.find<CaseDoc>(COLLECTIONS.ratingCases, { where: { raterId: userId }, orderBy: [['openedOn', 'desc']], limit: 100 }),
  ]);
  const names = new Map<string, string>();
  for (const id of new Set(comments.map((c) => c.declarationId))) {
    const d = await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, id);
    names.set(`d:${id}`, d?.name ?? '');
  }
  for (const id of new Set(ratings.map((r) => r.productId))) {
    const p = await ctx.store.get<ProductDoc>(COLLECTIONS.products, id);
    names.set(`p:${id}`, p?.name ?? '');
  }
  return {
    comments: comments.map((c) => ({
      commentId: c._id,
      declarationId: c.declarationId,
      productName: names.get(`d:${c.declarationId}`) ?? '',
      text: c.text,
      status: c.status,
      answered: c.disposition !== null,
      createdOn: c.day,
    })),
    ratings: ratings.map((r) => ({ ratingId: r._id, productId: r.productId, productName: names.get(`p:${r.productId}`) ?? '', level: r.level, ratedOn: r.ratedOn })),
    openCases: cases.filter((c) => c.status !== 'closed').length,
  };
}
