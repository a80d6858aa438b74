/**
 * The H5 shell's pre-rendered first page (src/index.html, server/prerender.ts) leaves once the app has drawn a page:
 * shell.h5.ts in the browser. A mini-program has no shell; nothing to do here.
 */
export function retireShell(): void {}
