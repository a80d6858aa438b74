/** Builds the stored catalogue entry from a specification and its publication. */
import type { ProductDoc } from '../../types/product';
import type { Spec } from '../../types/spec';

export interface Publication {
  productId: string;
  declarationId: string | null;
  orgId: string | null;
  documentNumber: string;
  publishedOn: string;
}

export function buildProductDoc(spec: Spec, pub: Publication): ProductDoc {
  return {
    _id: pub.productId,
    declarationId: pub.declarationId,
    orgId: pub.orgId,
    status: 'listed',
    spec,
    name: spec.name,
    category: spec.category,
    purchaseMethod: spec.purchaseMethod,
    district: spec.publicInfo.district,
    providerName: spec.cover.applicantName,
    searchText: [spec.name, spec.summary, spec.cover.applicantName, spec.content.audience].join('\n'),
    documentNumber: pub.documentNumber,
    publishedOn: pub.publishedOn,
    sortKey: `${pub.publishedOn}|${pub.productId}`,
    rating: { count: 0, satisfactionRate: null },
  };
}
