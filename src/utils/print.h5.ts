export const canPrint = true;
export function printPage(): void {
  window.print();
}
