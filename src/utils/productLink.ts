/**
 * The link a product's share and QR poster point at. The weapp build has no page URL of its own:
 * it uses H5_BASE_URL (set at build time) or, failing that, the mini-program path.
 */
export function productPath(productId: string): string {
  return `/pages/product/index?id=${productId}`;
}

export function productLink(productId: string): string {
  return H5_BASE_URL ? `${H5_BASE_URL.replace(/\/$/, '')}/#${productPath(productId)}` : productPath(productId);
}
