/**
 * A page's parameters in its address (address.h5.ts in the browser), so that a reload or a copied link opens the
 * same record or the same view of a list. A mini-program page has no address bar and is not reloaded: nothing to do
 * here, and the parameters are the ones the page was opened with.
 */
export function rememberParam(_name: string, _value: string): void {}

export function rememberParams(_changes: Record<string, string | null>): void {}

export function currentParams(): Record<string, string> {
  return {};
}
