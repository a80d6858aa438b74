/**
 * Keyboard and screen-reader reach for the tappable Views (platform code): a11y.h5.ts in the browser. In WeChat the
 * mini-program's own accessibility layer reads `role`/`aria-*` from the components; nothing to do here.
 */
export function enableKeyboardReach(): void {}
