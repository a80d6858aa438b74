import type { BulkResult } from '../../types/bulk';
import type { DeclarationDoc } from '../../types/declaration';
import { lastNoticeDay, type PublicityDoc } from '../../types/publicity';
import type { Spec } from '../../types/spec';
import { appendAudit } from '../_lib/audit';
import { eachRecord } from '../_lib/bulk';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { CODE_PAGES, pendingMiniCode } from '../_lib/miniCode';
import { linkNeedsToProduct } from '../needs/linkNeeds';
import { recordCatalogueChanges } from './catalogueChanges';
import { buildProductDoc } from './productDoc';

export const productIdFor = (declarationId: string) => `p${declarationId}`;

interface Publication {
  documentNumber: string;
  publishedOn: string;
}

/**
 * One recognised declaration enters the catalogue: the product, the declaration's status and the needs it answers,
 * with its audit entry, in one transaction. A declaration is published once.
 */
async function publishOne(ctx: Ctx, id: string, p: Publication): Promise<{ declarationId: string; productId: string; name: string }> {
  return ctx.store.transaction(async (tx) => {
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, id);
    if (!d) throw notFound('没有找到这份申报');
    if (d.status === 'published') throw conflict(`“${d.name}”已经公布过了`);
    if (d.status !== 'recognised') throw conflict(`“${d.name}”${d.status === 'in-publicity' ? '还在公示中' : '尚未通过公示'}，不能公布`);
    // 正式被认定……由市司法局正式发文公布: after a publicity that ended in recognition, dated after its last day of notice.
    const pub = await tx.get<PublicityDoc>(COLLECTIONS.publicity, id);
    if (!pub || pub.outcome !== 'recognised') throw conflict(`“${d.name}”的公示没有以予以认定结束，不能公布`);
    const last = lastNoticeDay(pub);
    if (p.publishedOn <= last) throw invalid(`公布日期应晚于公示期满日 ${last}`, [{ path: 'publishedOn', message: `“${d.name}”公示到 ${last} 为止，公布日期应在此之后` }]);
    const productId = productIdFor(id);
    const doc = buildProductDoc(d.spec as Spec, { productId, declarationId: id, orgId: d.orgId, documentNumber: p.documentNumber, publishedOn: p.publishedOn });
    await tx.insert(COLLECTIONS.products, { ...doc, recommendedBy: d.recommenderOrgId && d.endorsement ? d.recommender : null });
    await tx.update(COLLECTIONS.declarations, id, { status: 'published', updatedAt: ctx.clock.now().toISOString() });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: productId, change: { published: true, declarationId: id, documentNumber: p.documentNumber, publishedOn: p.publishedOn } });
    await linkNeedsToProduct(tx, ctx, d, productId);
    // Its mini-program code, drawn ahead by the catalogue's timer (drawPendingCodes.ts) so its first poster only reads it.
    const code = pendingMiniCode(ctx, CODE_PAGES.product, productId);
    if (code) await tx.set(COLLECTIONS.miniCodes, code._id, code);
    return { declarationId: id, productId, name: doc.name };
  });
}

/**
 * 公布: recognised declarations enter the catalogue by an official document (文号). Each declaration is published in its
 * own transaction (issue 22); one that is not recognised (or already published) is refused and listed in `results`
 * while the others are published. The publication is then one new catalogue version listing every product it added.
 * Should that last write fail, the products are listed all the same and the catalogue's replay counts them from their
 * publication date, as it does for products published before versions were kept.
 */
export async function publishProducts(input: { declarationIds: string[]; documentNumber: string; publishedOn: string }, ctx: Ctx): Promise<{ published: { declarationId: string; productId: string }[] } & BulkResult> {
  const published: { declarationId: string; productId: string; name: string }[] = [];
  const results = await eachRecord(ctx, input.declarationIds, (id) => publishOne(ctx, id, input), (_id, p) => published.push(p));
  if (published.length)
    await ctx.store
      .transaction((tx) => recordCatalogueChanges(tx, published.map((p) => ({ on: input.publishedOn, productId: p.productId, productName: p.name, change: 'added' as const, documentNumber: input.documentNumber })), ctx.clock.now()))
      .catch((error) => console.error(`[${ctx.fn}.${ctx.action}] catalogue version`, error));
  return { published: published.map(({ declarationId, productId }) => ({ declarationId, productId })), results };
}
