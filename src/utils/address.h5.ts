/**
 * The page's parameters in the address bar (Taro's H5 router is hash-based: `#/packages/…/index?id=…`). Changes are
 * written with replaceState, keeping the router's own history state (it reads it on back and forward), so nothing is
 * navigated and no history entry is added: a reload, or the address opened on another device, opens the same thing.
 */
function split(): { route: string; params: URLSearchParams } {
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  return { route: at < 0 ? hash : hash.slice(0, at), params: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)) };
}

function write(route: string, params: URLSearchParams): void {
  const query = params.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${route}${query ? `?${query}` : ''}`);
}

/**
 * Records a page's new parameter in its address: a draft created by its first autosave gets `?id=` in the address
 * bar, so a reload opens that draft instead of an empty form (new-user walk).
 */
export function rememberParam(name: string, value: string): void {
  if (typeof window === 'undefined') return;
  const { route, params } = split();
  if (params.get(name) === value) return;
  params.set(name, value);
  write(route, params);
}

/**
 * Sets several parameters at once (null removes one): a table's view — search words, filters, sort, page — so a
 * reload or a shared link reopens the same view (components/desk/DataTable).
 */
export function rememberParams(changes: Record<string, string | null>): void {
  if (typeof window === 'undefined') return;
  const { route, params } = split();
  const before = params.toString();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  if (params.toString() !== before) write(route, params);
}

/** The parameters the address holds now (the router's own copy is the one the page opened with). */
export function currentParams(): Record<string, string> {
  if (typeof window === 'undefined') return {};
  return Object.fromEntries(split().params.entries());
}
