import type { NeedDoc } from '../../types/needs';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import type { Tx } from '../_lib/store/port';

/**
 * Called by catalogue.publish inside its transaction: the needs a declaration said it answers (and, for a merged one,
 * the need it joined) link to the new product. Unknown ids are skipped.
 */
export async function linkNeedsToProduct(tx: Tx, ctx: Ctx, declaration: { answersNeeds?: string[] }, productId: string): Promise<void> {
  const seen = new Set<string>();
  for (const id of declaration.answersNeeds ?? []) {
    let n = await tx.get<NeedDoc>(COLLECTIONS.needs, id);
    if (n?.mergedInto) n = await tx.get<NeedDoc>(COLLECTIONS.needs, n.mergedInto);
    if (!n || seen.has(n._id) || n.linkedProductIds.includes(productId)) continue;
    seen.add(n._id);
    await tx.update(COLLECTIONS.needs, n._id, { linkedProductIds: [...n.linkedProductIds, productId] });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.needs, recordId: n._id, change: { linkedProductId: productId } });
  }
}
