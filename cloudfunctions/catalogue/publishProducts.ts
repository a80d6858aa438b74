import type { DeclarationDoc } from '../../types/declaration';
import { lastNoticeDay, type PublicityDoc } from '../../types/publicity';
import type { Spec } from '../../types/spec';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { linkNeedsToProduct } from '../needs/linkNeeds';
import { recordCatalogueChanges } from './catalogueChanges';
import { buildProductDoc } from './productDoc';

export const productIdFor = (declarationId: string) => `p${declarationId}`;

/**
 * 公布: recognised declarations enter the catalogue by an official document (文号). All of them, or none;
 * a declaration is published once.
 */
export async function publishProducts(input: { declarationIds: string[]; documentNumber: string; publishedOn: string }, ctx: Ctx) {
  const ids = [...new Set(input.declarationIds)];
  return ctx.store.transaction(async (tx) => {
    const published: { declarationId: string; productId: string; name: string }[] = [];
    for (const id of ids) {
      const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, id);
      if (!d) throw notFound(`没有找到申报 ${id}`);
      if (d.status === 'published') throw conflict(`“${d.name}”已经公布过了`);
      if (d.status !== 'recognised') throw conflict(`“${d.name}”${d.status === 'in-publicity' ? '还在公示中' : '尚未通过公示'}，不能公布`);
      // 正式被认定……由市司法局正式发文公布: after a publicity that ended in recognition, dated after its last day of notice.
      const pub = await tx.get<PublicityDoc>(COLLECTIONS.publicity, id);
      if (!pub || pub.outcome !== 'recognised') throw conflict(`“${d.name}”的公示没有以予以认定结束，不能公布`);
      const last = lastNoticeDay(pub);
      if (input.publishedOn <= last) throw invalid(`公布日期应晚于公示期满日 ${last}`, [{ path: 'publishedOn', message: `“${d.name}”公示到 ${last} 为止，公布日期应在此之后` }]);
      const productId = productIdFor(id);
      const doc = buildProductDoc(d.spec as Spec, { productId, declarationId: id, orgId: d.orgId, documentNumber: input.documentNumber, publishedOn: input.publishedOn });
      await tx.insert(COLLECTIONS.products, { ...doc, recommendedBy: d.recommenderOrgId && d.endorsement ? d.recommender : null });
      await tx.update(COLLECTIONS.declarations, id, { status: 'published', updatedAt: ctx.clock.now().toISOString() });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: productId, change: { published: true, declarationId: id, documentNumber: input.documentNumber, publishedOn: input.publishedOn } });
      await linkNeedsToProduct(tx, ctx, d, productId);
      published.push({ declarationId: id, productId, name: doc.name });
    }
    await recordCatalogueChanges(tx, published.map((p) => ({ on: input.publishedOn, productId: p.productId, productName: p.name, change: 'added' as const, documentNumber: input.documentNumber })));
    return { published: published.map(({ declarationId, productId }) => ({ declarationId, productId })) };
  });
}
