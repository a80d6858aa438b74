/**
 * The mini-program build (dist/weapp, made by `npm test` before this runs): within WeChat's package limits,
 * citizen pages in the main package, role pages in subpackages, and the cloud transport compiled in.
 */
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '../../dist/weapp');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

let sizes: { main: number; subpackages: Record<string, number> };
let limit: number;
beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'app.json'))) throw new Error('dist/weapp is missing: run `npm run build:weapp` (npm test does it first)');
  const mod = require('../../scripts/sizes.mjs');
  sizes = mod.weappSizes(root);
  limit = mod.WECHAT_PACKAGE_LIMIT;
});

test('the main package and every subpackage are under 2 MB', () => {
  expect(sizes.main).toBeGreaterThan(0);
  expect(sizes.main).toBeLessThan(limit);
  for (const [root, size] of Object.entries(sizes.subpackages)) expect({ root, under: size < limit }).toEqual({ root, under: true });
});

test('citizen pages are in the main package; account pages in a subpackage', () => {
  const app = JSON.parse(read('app.json'));
  expect(app.pages).toEqual(expect.arrayContaining(['pages/catalogue/index', 'pages/product/index']));
  expect(app.pages[0]).toBe('pages/catalogue/index');
  expect(app.subPackages.map((s: { root: string }) => s.root)).toContain('packages/account');
  for (const p of app.pages) expect(fs.existsSync(path.join(root, `${p}.wxml`))).toBe(true);
});

test('the weapp build calls cloud functions, never the local HTTP API', () => {
  const js = fs.readdirSync(root).filter((f) => f.endsWith('.js')).map(read).join('\n');
  expect(js).toContain('callFunction');
  expect(js).not.toMatch(/["'`]\/api\//);
});
