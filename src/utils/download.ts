/** Opening an exported file is platform code: download.h5.ts (the browser saves it) and download.weapp.ts (openDocument). */
export async function openDownload(_url: string, _name: string): Promise<boolean> {
  return false;
}
