// Measures the weapp build: the main package and each subpackage, as WeChat counts them (files, no source maps).
import fs from 'fs';
import path from 'path';

export const WECHAT_PACKAGE_LIMIT = 2 * 1024 * 1024;

function filesUnder(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (!e.name.endsWith('.map') && !e.name.endsWith('.LICENSE.txt')) out.push(p);
  }
  return out;
}

/** { main, subpackages: { root: bytes }, total } for dist/weapp. */
export function weappSizes(root = 'dist/weapp') {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const subpackages = Object.fromEntries(subRoots.map((r) => [r, 0]));
  let main = 0;
  for (const f of filesUnder(root)) {
    const rel = path.relative(root, f).split(path.sep).join('/');
    if (rel === 'project.config.json') continue;
    const size = fs.statSync(f).size;
    const sub = subRoots.find((r) => rel.startsWith(r + '/'));
    if (sub) subpackages[sub] += size;
    else main += size;
  }
  return { main, subpackages, total: main + Object.values(subpackages).reduce((a, b) => a + b, 0) };
}
