/** H5: the browser saves the file (the link answers with Content-Disposition: attachment). */
export async function openDownload(url: string, name: string): Promise<boolean> {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return true;
}
