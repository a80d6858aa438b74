/**
 * Code in src/ runs inside WeChat: no DOM, window, document or Node APIs. Platform-specific code lives in
 * `*.weapp.ts` / `*.h5.ts` files, or in the H5 default transport (src/api/transport.ts), which may use fetch.
 */
import fs from 'fs';
import path from 'path';

const SRC = path.resolve(__dirname, '../../src');
const files: string[] = [];
(function walk(dir: string) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(tsx?|jsx?)$/.test(e.name)) files.push(p);
  }
})(SRC);

const FORBIDDEN: [RegExp, string][] = [
  [/\bwindow\./, 'window'],
  [/\bdocument\./, 'document'],
  [/\blocalStorage\b|\bsessionStorage\b/, 'web storage (use Taro.setStorageSync)'],
  [/\bnavigator\./, 'navigator'],
  [/from ['"](fs|path|os|crypto|http|child_process|better-sqlite3|@cloudbase\/node-sdk)['"]/, 'a Node module'],
  [/\brequire\(/, 'require'],
  [/\bprocess\.env\.(?!TARO_ENV\b|NODE_ENV\b)/, 'process.env other than TARO_ENV'],
  [/\{[^}]*\}\s*=\s*process\.env/, 'destructuring process.env (TARO_ENV is replaced only when written out)'],
];

const platformFile = (f: string) => /\.(h5|weapp)\.tsx?$/.test(f);

test('src/ has files to check', () => {
  expect(files.length).toBeGreaterThan(5);
});

test.each(files.map((f) => [path.relative(SRC, f), f]))('%s uses no browser or Node API', (_rel, file) => {
  if (platformFile(file)) return;
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  for (const [pattern, what] of FORBIDDEN) expect({ file: _rel, uses: pattern.test(text) ? what : null }).toEqual({ file: _rel, uses: null });
  const isH5Transport = file.endsWith(path.join('api', 'transport.ts'));
  if (!isH5Transport) expect(/\bfetch\(/.test(text)).toBe(false);
});

test('Taro.cloud is used only in WeChat code', () => {
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    if (!/Taro\.cloud\./.test(text)) continue;
    const guarded = f.endsWith('.weapp.ts') || /process\.env\.TARO_ENV === 'weapp'/.test(text);
    expect({ file: path.relative(SRC, f), guarded }).toEqual({ file: path.relative(SRC, f), guarded: true });
  }
});

test('the traditional→simplified dictionaries (opencc-js) stay server-side: nothing in src/ or types/ imports them or the normaliser', () => {
  const TYPES = path.resolve(__dirname, '../../types');
  const shared = fs.readdirSync(TYPES, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(TYPES, f));
  expect(shared.length).toBeGreaterThan(10);
  const importers = [...files, ...shared].filter((f) => /from ['"][^'"]*(opencc-js|_lib\/normalizeText)['"]|require\(['"]opencc-js/.test(fs.readFileSync(f, 'utf8')));
  expect(importers.map((f) => path.relative(path.resolve(__dirname, '../..'), f))).toEqual([]);
});
