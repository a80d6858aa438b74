// Bundles each CloudBase function (cloudfunctions/<name>/index.ts) into one deployable
// dist/cloudfunctions/<name>/index.js with the SDKs inside, plus a package.json without dependencies, and for the functions
// that check citizens' text with WeChat (their index.ts uses _lib/wechatContent) a config.json granting that openapi.
import { build } from 'esbuild';
import fs from 'fs';
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
      metafile,
      logLevel: 'warning',
    });
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
