/**
 * WeChat refuses a privacy-relevant API that the console's privacy guide does not declare. Every such API src/ calls
 * must be in types/privacy.ts (with its console item), its item listed in the README's deploy steps, and its call site
 * must not swallow a refusal.
 */
import fs from 'fs';
import path from 'path';
import { PRIVACY_APIS, WECHAT_PRIVACY_API_LIST } from '../../types/privacy';

const SRC = path.resolve(__dirname, '../../src');
const sources: { file: string; text: string }[] = [];
(function walk(dir: string) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(tsx?|jsx?)$/.test(e.name)) sources.push({ file: path.relative(SRC, p), text: fs.readFileSync(p, 'utf8') });
  }
})(SRC);

const privacyApis = Object.values(WECHAT_PRIVACY_API_LIST).flat();
const called = new Set(sources.flatMap(({ text }) => privacyApis.filter((api) => new RegExp(`\\b(?:Taro|wx)\\.${api}\\(`).test(text))));

test('src/ calls privacy APIs (the check below has something to check)', () => {
  expect(called.size).toBeGreaterThan(0);
});

test('every privacy API src/ calls is declared, with the item the console names for it', () => {
  for (const api of called) {
    const declared = (PRIVACY_APIS as Record<string, { item: string }>)[api];
    expect({ api, declared: !!declared }).toEqual({ api, declared: true });
    const item = Object.entries(WECHAT_PRIVACY_API_LIST).find(([, apis]) => apis.includes(api))![0];
    expect({ api, item: declared.item }).toEqual({ api, item });
  }
  // Nothing declared that the app no longer uses (the console's guide would then over-claim).
  expect(Object.keys(PRIVACY_APIS).sort()).toEqual([...called].sort());
});

test("the README's deploy steps list every declared item", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## WeChat and CloudBase'));
  for (const { item } of Object.values(PRIVACY_APIS)) expect({ item, listed: section.includes(item) }).toEqual({ item, listed: true });
});

test('no privacy API call swallows a refusal silently', () => {
  for (const { file, text } of sources) {
    for (const api of called) {
      const silent = new RegExp(`${api}\\([^)]*\\)\\s*\\.catch\\(\\s*\\(\\)\\s*=>\\s*undefined\\s*\\)`).test(text);
      expect({ file, api, silent }).toEqual({ file, api, silent: false });
    }
  }
});

test('issue 24: the location APIs src/ calls are declared in the weapp app config (requiredPrivateInfos), with the reason getLocation asks with', () => {
  const config = fs.readFileSync(path.join(SRC, 'app.config.ts'), 'utf8');
  const required = JSON.parse((config.match(/requiredPrivateInfos:\s*(\[[^\]]*\])/)?.[1] ?? '[]').replace(/'/g, '"')) as string[];
  const location = [...called].filter((api) => WECHAT_PRIVACY_API_LIST['位置信息'].includes(api));
  expect(location.sort()).toEqual(['chooseLocation', 'getLocation']);
  expect(required.sort()).toEqual(location);
  expect(config).toMatch(/'scope\.userLocation':\s*\{\s*desc:\s*'[^']{5,30}'/);
});
