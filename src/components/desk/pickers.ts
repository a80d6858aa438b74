/**
 * What the searchable selects search (SearchSelect): products by name (the catalogue's own search: name, pinyin,
 * everyday words) or by their number, with provider, district and standing beside each name, so two similar names are
 * told apart before anything is done to one of them.
 */
import { PRODUCT_STATUS_LABELS } from '@shared/domain';
import { api, ApiError } from '../../api/client';
import type { PickOption } from './SearchSelect';

/** A product number as the catalogue writes them (p0001demo, p + letters and digits). */
const PRODUCT_ID = /^p[0-9a-z]{4,40}$/i;

/** One product by its number, any standing (a suspended product is not in the catalogue's search). */
export async function productOption(productId: string): Promise<(PickOption & { status: string }) | null> {
  try {
    const p = await api('catalogue', 'get', { productId });
    return { value: p.productId, label: p.name, detail: `${p.providerName} · ${p.district} · ${PRODUCT_STATUS_LABELS[p.status]}`, status: p.status };
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

export async function findProducts(q: string): Promise<PickOption[]> {
  const [found, byId] = await Promise.all([api('catalogue', 'search', { q, limit: 12 }), PRODUCT_ID.test(q.trim()) ? productOption(q.trim()) : Promise.resolve(null)]);
  const options = found.items.map((p) => ({ value: p.productId, label: p.name, detail: `${p.providerName} · ${p.district} · ${PRODUCT_STATUS_LABELS.listed}` }));
  return byId && !options.some((o) => o.value === byId.value) ? [byId, ...options] : options;
}
