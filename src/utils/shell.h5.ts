/**
 * The H5 shell (src/index.html) paints the skeleton, or the server's pre-rendered first page of the catalogue
 * (server/prerender.ts), before any script runs; CSS hides it once the app has put a page into #app. Hidden is not
 * gone: its product names would stay in the document under every page (a second copy for find-in-page, for tests and
 * for any tool that ignores CSS). So once the app has drawn, the shell is removed.
 */
export function retireShell(): void {
  if (typeof document === 'undefined') return;
  const app = document.getElementById('app');
  const remove = () => document.getElementById('sk')?.remove();
  if (!app || !document.getElementById('sk')) return;
  if (app.childElementCount > 0) return remove();
  const watch = new MutationObserver(() => {
    if (app.childElementCount === 0) return;
    watch.disconnect();
    remove();
  });
  watch.observe(app, { childList: true });
}
