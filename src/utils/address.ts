/**
 * Records a page's new parameter in its address (address.h5.ts in the browser), so that a reload or a copied link
 * opens the same record. A mini-program page has no address bar and is not reloaded: nothing to do here.
 */
export function rememberParam(_name: string, _value: string): void {}
