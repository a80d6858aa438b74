/** H5: the product's page on this very site. */
export function productPath(productId: string): string {
  return `/pages/product/index?id=${productId}`;
}

export function productLink(productId: string): string {
  return `${window.location.origin}/#${productPath(productId)}`;
}
