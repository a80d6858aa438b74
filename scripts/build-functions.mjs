// Bundles each CloudBase function (cloudfunctions/<name>/index.ts) into one deployable
// dist/cloudfunctions/<name>/index.js with the SDKs inside, plus a package.json without dependencies, and for the functions
// that check citizens' text with WeChat (their index.ts uses _lib/wechatContent) a config.json granting that openapi.
import { build } from 'esbuild';
import fs from 'fs';
import { createRequire } from 'module';
import path from 'path';

export const FUNCTION_NAMES = ['auth', 'admin', 'declarations', 'reviews', 'publicity', 'catalogue', 'ratings', 'assessments', 'supervision', 'orgs', 'procurement', 'needs', 'notify', 'openData'];
/** cloudbaserc.json's runtime, Nodejs24.11 (https://docs.cloudbase.net/cloud-function/runtime-support): bundles target it. */
export const NODE_TARGET = 'node24';
/** wx-server-sdk calls an openapi only when the function's config.json permits it (WeChat's cloud-function openapi docs). */
export const CONTENT_CHECK_CONFIG = { permissions: { openapi: ['security.msgSecCheck'] } };

/** The notify function sends subscription messages from its timer (_lib/wechatSubscribe). */
export const SUBSCRIBE_OPENAPI = 'subscribeMessage.send';

/** The functions that draw posters and rating codes ask WeChat for mini-program codes (_lib/wechatMiniCode). */
export const MINI_CODE_OPENAPI = 'wxacode.getUnlimited';

/** Whether the function draws mini-program codes (wires _lib/wechatMiniCode into its cloud entry). */
export function drawsMiniCodes(name) {
  return /_lib\/wechatMiniCode/.test(fs.readFileSync(path.join('cloudfunctions', name, 'index.ts'), 'utf8'));
}
/** Whether the function checks citizens' text with WeChat (wires _lib/wechatContent into its cloud entry). */
export function checksContent(name) {
  return /_lib\/wechatContent/.test(fs.readFileSync(path.join('cloudfunctions', name, 'index.ts'), 'utf8'));
}
/** Whether the function sends WeChat subscription messages (wires _lib/wechatSubscribe into its cloud entry). */
export function sendsSubscriptions(name) {
  return /_lib\/wechatSubscribe/.test(fs.readFileSync(path.join('cloudfunctions', name, 'index.ts'), 'utf8'));
}
/**
 * The function's config.json: the openapi it may call and, as WeChat's own tools read it, its timer trigger (the same one
 * cloudbaserc.json declares for the CloudBase CLI). Null when it needs none.
 */
export function functionConfig(name) {
  const openapi = [...(checksContent(name) ? ['security.msgSecCheck'] : []), ...(sendsSubscriptions(name) ? [SUBSCRIBE_OPENAPI] : []), ...(drawsMiniCodes(name) ? [MINI_CODE_OPENAPI] : [])];
  const rc = JSON.parse(fs.readFileSync('cloudbaserc.json', 'utf8')).functions.find((f) => f.name === name);
  const triggers = rc?.triggers ?? [];
  if (!openapi.length && !triggers.length) return null;
  return { ...(openapi.length ? { permissions: { openapi } } : {}), ...(triggers.length ? { triggers } : {}) };
}

/**
 * Heavy packages a function needs rarely (exports as .xlsx, pinyin when a product is stored): left out of index.js and
 * bundled on their own into the function's node_modules/<pkg>/index.js, where the runtime's `require` finds them the
 * first time the code asks (issue 25: lean bundles, quicker cold loads).
 */
export const LAZY_PACKAGES = ['exceljs', 'pinyin-pro'];

/**
 * What the SDKs bundle but the functions never use (issue 25), replaced at build time:
 * - node-sdk's AI module (`app.ai()`: @cloudbase/ai, @cloudbase/app, the mini-program adapter, a web-streams polyfill
 *   that Node 24 has built in) — a stub that says so if ever called;
 * - @cloudbase/wx-cloud-client-sdk (data models and MySQL, set up inside a try/catch at init) — a stub that throws there;
 * - mime-db (two copies, ~280 KB, for a file name's content type) — the entries of the types this system stores or
 *   sends (types/files.ts, exports, codes), taken from the real mime-db at build time.
 */
const MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/json', 'text/plain', 'text/html', 'application/zip', 'application/octet-stream', 'video/mp4', 'audio/mpeg'];
function leanPlugin() {
  const require = createRequire(import.meta.url);
  const db = require('mime-db');
  const reduced = Object.fromEntries(MIME_TYPES.filter((t) => db[t]).map((t) => [t, db[t]]));
  const stubs = {
    ai: `exports.createAI = () => { throw new Error('app.ai() is not bundled in this function (scripts/build-functions.mjs)'); };`,
    'wx-cloud-client-sdk': `const no = () => { throw new Error('data models are not bundled in this function (scripts/build-functions.mjs)'); }; exports.default = { generateHTTPClient: no, generateMySQLClient: no }; exports.__esModule = true;`,
    'mime-db': `module.exports = ${JSON.stringify(reduced)};`,
  };
  return {
    name: 'lean',
    setup(b) {
      b.onResolve({ filter: /^\.\/ai$/ }, (args) => (args.importer.includes(`${path.sep}@cloudbase${path.sep}node-sdk${path.sep}`) ? { path: 'ai', namespace: 'lean' } : undefined));
      b.onResolve({ filter: /^@cloudbase\/wx-cloud-client-sdk$/ }, () => ({ path: 'wx-cloud-client-sdk', namespace: 'lean' }));
      b.onResolve({ filter: /^mime-db$/ }, () => ({ path: 'mime-db', namespace: 'lean' }));
      b.onLoad({ filter: /.*/, namespace: 'lean' }, (args) => ({ contents: stubs[args.path], loader: 'js' }));
    },
  };
}

/** Bundles a lazy package on its own into `outdir`/node_modules/<pkg>/ (index.js and a package.json naming it). */
async function buildLazyPackage(pkg, outdir) {
  const dir = path.join(outdir, 'node_modules', pkg);
  fs.mkdirSync(dir, { recursive: true });
  await build({ stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: process.cwd() }, bundle: true, platform: 'node', target: NODE_TARGET, format: 'cjs', outfile: path.join(dir, 'index.js'), minify: true, legalComments: 'none', logLevel: 'warning', plugins: [leanPlugin()] });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: pkg, private: true, main: 'index.js' }) + '\n');
}

export async function buildFunctions({ metafile = false } = {}) {
  const sizes = {};
  for (const name of FUNCTION_NAMES) {
    const outdir = path.join('dist', 'cloudfunctions', name);
    fs.mkdirSync(outdir, { recursive: true });
    const result = await build({
      entryPoints: [path.join('cloudfunctions', name, 'index.ts')],
      bundle: true,
      platform: 'node',
      target: NODE_TARGET,
      format: 'cjs',
      outfile: path.join(outdir, 'index.js'),
      minify: true,
      legalComments: 'none',
      // wx-server-sdk 4.0.2 pins its own node-sdk 3.17.2; one copy (ours, 3.18.3, which has the same
      // callCompatibleWxOpenApi) keeps one SDK state per bundle and ~70 KB off (tests/build/bundles.smoke.test.ts runs it).
      alias: { '@cloudbase/node-sdk': path.resolve('node_modules/@cloudbase/node-sdk') },
      external: LAZY_PACKAGES,
      plugins: [leanPlugin()],
      metafile: true,
      logLevel: 'warning',
    });
    // The lazy packages this function's code asks for, beside it; none left over from an earlier build.
    fs.rmSync(path.join(outdir, 'node_modules'), { recursive: true, force: true });
    const asked = new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)));
    for (const pkg of LAZY_PACKAGES) if (asked.has(pkg)) await buildLazyPackage(pkg, outdir);
    fs.writeFileSync(
      path.join(outdir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n',
    );
    const config = path.join(outdir, 'config.json');
    const configJson = functionConfig(name);
    if (configJson) fs.writeFileSync(config, JSON.stringify(configJson, null, 2) + '\n');
    else fs.rmSync(config, { force: true });
    sizes[name] = fs.statSync(path.join(outdir, 'index.js')).size;
    if (metafile) sizes[`${name}:meta`] = result.metafile;
  }
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await buildFunctions();
  for (const [name, size] of Object.entries(sizes)) console.log(`${name.padEnd(14)} ${(size / 1024).toFixed(0).padStart(6)} KB`);
}
