// Bundles each CloudBase function (cloudfunctions/<name>/index.ts) into one deployable
// dist/cloudfunctions/<name>/index.js with the SDK inside, plus a package.json without dependencies.
import { build } from 'esbuild';
import fs from 'fs';
import path from 'path';

export const FUNCTION_NAMES = ['auth', 'admin', 'declarations', 'reviews', 'publicity', 'catalogue', 'ratings', 'orgs'];

export async function buildFunctions({ metafile = false } = {}) {
  const sizes = {};
  for (const name of FUNCTION_NAMES) {
    const outdir = path.join('dist', 'cloudfunctions', name);
    fs.mkdirSync(outdir, { recursive: true });
    const result = await build({
      entryPoints: [path.join('cloudfunctions', name, 'index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      outfile: path.join(outdir, 'index.js'),
      minify: true,
      legalComments: 'none',
      metafile,
      logLevel: 'warning',
    });
    fs.writeFileSync(
      path.join(outdir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n',
    );
    sizes[name] = fs.statSync(path.join(outdir, 'index.js')).size;
    if (metafile) sizes[`${name}:meta`] = result.metafile;
  }
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await buildFunctions();
  for (const [name, size] of Object.entries(sizes)) console.log(`${name.padEnd(14)} ${(size / 1024).toFixed(0).padStart(6)} KB`);
}
