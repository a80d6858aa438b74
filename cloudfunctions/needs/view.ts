import type { NeedDoc, PublicNeed } from '../../types/needs';
import { COLLECTIONS } from '../_lib/collections';
import { notFound } from '../_lib/errors';
import type { Tx } from '../_lib/store/port';

/** What anyone may read of a need: the pseudonym, never the account. */
export function publicNeed(n: NeedDoc): PublicNeed {
  return {
    needId: n._id,
    text: n.text,
    category: n.category,
    district: n.district,
    audience: n.audience,
    pseudonym: n.pseudonym,
    status: n.status,
    reply: n.reply,
    productId: n.productId,
    tags: n.tags,
    supports: n.supports,
    linkedProductIds: n.linkedProductIds,
    createdAt: n.createdAt,
  };
}

export async function loadNeed(tx: Tx, id: string): Promise<NeedDoc> {
  const n = await tx.get<NeedDoc>(COLLECTIONS.needs, id);
  if (!n) throw notFound('没有找到这条需求');
  return n;
}
