/** Printing exists on H5 only (see print.h5.ts); in WeChat the poster is saved by a long press. */
export const canPrint = false;
export function printPage(): void {}
/** Opens a print-ready HTML document (H5 only). */
export function openPrintable(_html: string): boolean {
  return false;
}
