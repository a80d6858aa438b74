/**
 * What a page was opened for: its own query parameter (a link, another page), or — when WeChat launched it from a
 * mini-program code (小程序码, cloudfunctions/_lib/miniCode.ts) — the code's `scene`, which WeChat passes URL-encoded
 * and which holds the target's id itself (a product id on the product page, a rating token on the rating page).
 * Anything that is not such an id yields '' and the page shows its not-found state.
 */
const ID = /^[A-Za-z0-9_-]{1,32}$/;

export function launchParam(params: Partial<Record<string, string>>, key: string): string {
  const own = params[key];
  if (own) return own;
  const scene = params.scene;
  if (!scene) return '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return '';
  }
  return ID.test(decoded) ? decoded : '';
}
