/**
 * The paths CloudBase's HTTP access gives the `openData` function (云接入 / HTTP 访问服务): the HSDS API under `/hsds`
 * and the Atom feed at `/feed.atom`, the same paths the local server answers (./handleRequest.ts). `npm run cloud:setup`
 * creates them (scripts/cloud/plan.ts), public (no CloudBase login), as the open data is.
 */
export const HTTP_ACCESS: readonly { path: string; fn: 'openData' }[] = [
  { path: '/hsds', fn: 'openData' },
  { path: '/feed.atom', fn: 'openData' },
];
