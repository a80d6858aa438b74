/** What citizens may see of a product. Built by listing public fields, never by removing private ones. */
import type { CatalogueStanding, ProductDoc, ProductListItem, PublicProduct } from '../../types/product';
import { PUBLIC_SPEC_FIELDS, readField } from '../../types/spec';
import { pointOf } from '../../types/geo';

export function toListItem(p: ProductDoc): ProductListItem {
  return {
    productId: p._id,
    name: p.name,
    category: p.category,
    purchaseMethod: p.purchaseMethod,
    price: p.spec.price,
    summary: p.spec.summary,
    providerName: p.providerName,
    district: p.district,
    publishedOn: p.publishedOn,
    audienceGroups: p.audienceGroups,
    rating: p.rating,
    ...(p.grade ? { grade: p.grade } : {}),
  };
}

export function toPublicProduct(p: ProductDoc): PublicProduct {
  const details: Record<string, string> = {};
  for (const f of PUBLIC_SPEC_FIELDS) {
    const v = readField(p.spec, f.key);
    if (typeof v === 'string') details[f.key] = v;
  }
  const info = p.spec.publicInfo;
  return {
    ...toListItem(p),
    provider: { name: p.providerName, district: info.district, address: info.address, phone: info.servicePhone, hours: info.hours },
    documentNumber: p.documentNumber,
    details,
    recommendedBy: p.recommendedBy ?? null,
    place: pointOf(info),
    ...standingOf(p),
  };
}

/** Issue 12: listed, suspended or exited, with the public facts of the suspension or exit. */
export function standingOf(p: ProductDoc): CatalogueStanding {
  return {
    status: p.status,
    exit: p.status === 'exited' && p.exit ? { documentNumber: p.exit.documentNumber, on: p.exit.on, reason: p.exit.reason } : null,
    suspension: p.status === 'suspended' && p.suspension ? { since: p.suspension.since, reason: p.suspension.reason } : null,
  };
}
