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

/** Every .js file under dist/weapp. */
function weappScripts(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? weappScripts(p) : e.name.endsWith('.js') ? [p] : [];
  });
}

test('every script WeChat loads is ES5 (dependencies that ship newer syntax are transpiled)', () => {
  // acorn comes with webpack; ecmaVersion 5 refuses spread, arrow functions, classes, optional catch binding…
  const acorn = require('acorn');
  const scripts = weappScripts();
  expect(scripts.length).toBeGreaterThan(10);
  const notEs5 = scripts.flatMap((file) => {
    try {
      acorn.parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 5 });
      return [];
    } catch (e) {
      return [`${path.relative(root, file)}: ${(e as Error).message}`];
    }
  });
  expect(notEs5).toEqual([]);
});

test('no script WeChat loads carries opencc-js (the name normaliser\'s traditional→simplified dictionaries are server-side only)', () => {
  const carrying = weappScripts().filter((file) => /ConverterFactory|HKVariantsRev|TSCharacters/.test(fs.readFileSync(file, 'utf8')));
  expect(carrying.map((file) => path.relative(root, file))).toEqual([]);
});

test('the chart library (ECharts) ships only in the admin subpackage: the main package and other subpackages carry none of it', () => {
  // Names ECharts keeps through minification (its public API and its instance key).
  const isECharts = (js: string) => /registerPreprocessor|__ec_inner_/.test(js);
  const withCharts = weappScripts()
    .filter((file) => isECharts(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file).split(path.sep).join('/'));
  expect(withCharts.length).toBeGreaterThan(0);
  for (const file of withCharts) expect({ file, inAdmin: file.startsWith('packages/admin/') }).toEqual({ file, inAdmin: true });
  // The admin subpackage holds it and stays well under WeChat's 2 MB (measured: about 670 KB with the charts).
  expect(sizes.subpackages['packages/admin']).toBeGreaterThan(400 * 1024);
  expect(sizes.subpackages['packages/admin']).toBeLessThan(limit);
});

test('components are injected lazily and WeChat may index only the public pages (catalogue, products, providers, the call, the adjustment list)', () => {
  const app = JSON.parse(read('app.json'));
  expect(app.lazyCodeLoading).toBe('requiredComponents');
  expect(app.sitemapLocation).toBe('sitemap.json');
  const sitemap = JSON.parse(read('sitemap.json'));
  const allowed = sitemap.rules.filter((r: { action: string }) => r.action === 'allow').map((r: { page: string }) => r.page);
  expect(allowed.sort()).toEqual(['pages/adjustment/index', 'pages/call/index', 'pages/catalogue/index', 'pages/product/index', 'pages/provider/index']);
  // 我的, the needs board (citizens' posts) and every other page stay out of WeChat's search.
  for (const page of ['pages/me/index', 'pages/needs/index', 'pages/rate/index', 'pages/notice/index']) expect({ page, allowed: allowed.includes(page) }).toEqual({ page, allowed: false });
  // The last rule closes everything else, role pages included.
  expect(sitemap.rules[sitemap.rules.length - 1]).toEqual({ action: 'disallow', page: '*' });
  const rolePages = app.subPackages.flatMap((s: { root: string; pages: string[] }) => s.pages.map((p) => `${s.root}/${p}`));
  for (const page of rolePages) expect({ page, allowed: allowed.includes(page) }).toEqual({ page, allowed: false });
});

test('WXML is minified and the project asks WeChat to keep JS, WXML and WXSS minified (code-quality items)', () => {
  const base = read('base.wxml');
  expect(base.length).toBeGreaterThan(1000);
  expect(base).not.toMatch(/>\n\s+</);
  const project = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../project.config.json'), 'utf8'));
  expect(project.setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
});
