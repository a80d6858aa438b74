/**
 * Links to this system's own pages, built on the server from configuration: `H5_BASE_URL` (or `PUBLIC_BASE_URL`),
 * the public H5 site, when set to a plain http(s) origin and path; otherwise the mini-program path. Nothing a caller
 * sends ever becomes part of such a link.
 */
export const productPath = (productId: string) => `/pages/product/index?id=${encodeURIComponent(productId)}`;

/** The configured H5 base, or null when unset or not a plain http(s) URL (no query, no fragment, no credentials). */
export function h5Base(env: Record<string, string | undefined> = process.env): string | null {
  const raw = (env.H5_BASE_URL || env.PUBLIC_BASE_URL || '').trim();
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.search || u.hash || u.username || u.password) return null;
    return u.toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

export function productLink(productId: string, env?: Record<string, string | undefined>): string {
  const base = h5Base(env);
  return base ? `${base}/#${productPath(productId)}` : productPath(productId);
}
