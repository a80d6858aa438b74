/**
 * npm now asks a project to approve each dependency's install script (package.json "allowScripts"); an unapproved
 * script is skipped. The build needs exactly these: better-sqlite3's native module (node-gyp), esbuild's binary check,
 * swc's and Taro's native bindings. Every other package with an install script is reviewed and denied (e.g. Taro's
 * CLI postinstall phones a vendor's server and installs a global plugin from its registry).
 */
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NEEDED = ['better-sqlite3', 'esbuild', '@swc/core', '@tarojs/binding'];

test('the install scripts the build needs are approved', () => {
  for (const name of NEEDED) expect({ name, approved: pkg.allowScripts?.[name] }).toEqual({ name, approved: true });
});

test('the vendor CLI postinstall that reaches out to the network is denied', () => {
  expect(pkg.allowScripts['@tarojs/cli']).toBe(false);
});

test('every installed package with an install script has been reviewed (approved or denied)', () => {
  const unreviewed: string[] = [];
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.name.startsWith('@')) {
        visit(p);
        continue;
      }
      const manifest = path.join(p, 'package.json');
      if (fs.existsSync(manifest)) {
        const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        const s = m.scripts ?? {};
        // node-gyp's implicit install for a binding.gyp without scripts counts too.
        const hasScript = s.preinstall || s.install || s.postinstall || (fs.existsSync(path.join(p, 'binding.gyp')) && !s.install);
        if (hasScript && !(m.name in (pkg.allowScripts ?? {}))) unreviewed.push(m.name);
      }
      visit(path.join(p, 'node_modules'));
    }
  };
  visit(path.join(ROOT, 'node_modules'));
  expect([...new Set(unreviewed)].sort()).toEqual([]);
});

test('better-sqlite3 was built (its install script ran)', () => {
  const Database = require('better-sqlite3');
  const db = new Database(':memory:');
  expect(db.prepare('select 6 * 7 as n').get()).toEqual({ n: 42 });
  db.close();
});
