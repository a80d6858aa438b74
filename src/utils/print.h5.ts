export const canPrint = true;
export function printPage(): void {
  window.print();
}
export function openPrintable(html: string): boolean {
  const w = window.open('', '_blank');
  if (!w) return false;
  w.document.open();
  w.document.write(html);
  w.document.close();
  return true;
}
