/**
 * Records a page's new parameter in its address: a draft created by its first autosave gets `?id=` in the address
 * bar, so a reload, or the address opened on another device, opens that draft instead of an empty form (new-user walk).
 * The router's own history state is kept (Taro's H5 router is hash-based and reads it on back and forward).
 */
export function rememberParam(name: string, value: string): void {
  if (typeof window === 'undefined') return;
  const hash = window.location.hash || '#/';
  const [route, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  if (params.get(name) === value) return;
  params.set(name, value);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${route}?${params.toString()}`);
}
