import type { BulkResult } from '../../types/bulk';
import type { DeclarationDoc } from '../../types/declaration';
import type { Spec } from '../../types/spec';
import { appendAudit } from '../_lib/audit';
import { eachRecord } from '../_lib/bulk';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { linkNeedsToProduct } from '../needs/linkNeeds';
import { recordCatalogueChanges } from './catalogueChanges';
import { buildProductDoc } from './productDoc';

export const productIdFor = (declarationId: string) => `p${declarationId}`;

interface Publication {
  documentNumber: string;
  publishedOn: string;
}

/**
 * One recognised declaration enters the catalogue: the product, the declaration's status, the catalogue's new version
 * and the needs it answers, with its audit entry, in one transaction. A declaration is published once.
 */
async function publishOne(ctx: Ctx, id: string, p: Publication): Promise<{ declarationId: string; productId: string }> {
  return ctx.store.transaction(async (tx) => {
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, id);
    if (!d) throw notFound('没有找到这份申报');
    if (d.status === 'published') throw conflict(`“${d.name}”已经公布过了`);
    if (d.status !== 'recognised') throw conflict(`“${d.name}”尚未通过公示，不能公布`);
    const productId = productIdFor(id);
    const doc = buildProductDoc(d.spec as Spec, { productId, declarationId: id, orgId: d.orgId, documentNumber: p.documentNumber, publishedOn: p.publishedOn });
    await tx.insert(COLLECTIONS.products, { ...doc, recommendedBy: d.recommenderOrgId && d.endorsement ? d.recommender : null });
    await tx.update(COLLECTIONS.declarations, id, { status: 'published', updatedAt: ctx.clock.now().toISOString() });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: productId, change: { published: true, declarationId: id, documentNumber: p.documentNumber, publishedOn: p.publishedOn } });
    await linkNeedsToProduct(tx, ctx, d, productId);
    await recordCatalogueChanges(tx, [{ on: p.publishedOn, productId, productName: doc.name, change: 'added', documentNumber: p.documentNumber }]);
    return { declarationId: id, productId };
  });
}

/**
 * 公布: recognised declarations enter the catalogue by an official document (文号). Each declaration is published in its
 * own transaction (issue 22), so each is its own catalogue version under the same document number; one that is not
 * recognised (or already published) is refused and listed in `results` while the others are published.
 */
export async function publishProducts(input: { declarationIds: string[]; documentNumber: string; publishedOn: string }, ctx: Ctx): Promise<{ published: { declarationId: string; productId: string }[] } & BulkResult> {
  const published: { declarationId: string; productId: string }[] = [];
  const results = await eachRecord(ctx, input.declarationIds, (id) => publishOne(ctx, id, input), (_id, p) => published.push(p));
  return { published, results };
}
