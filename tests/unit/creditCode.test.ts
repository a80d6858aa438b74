/** GB 32100-2015's check character, on codes published by real organisations and on single-character changes. */
import { CREDIT_CODE_ALPHABET, CREDIT_CODE_WEIGHTS, creditCodeCheckChar, creditCodeProblem } from '../../types/creditCode';

/** Codes printed on real business licences (the standard's own example first); each check character verified by hand. */
const REAL = ['91350100M000100Y43', '91330000142916567N', '91110000802100433B', '91110108551385082Q'];

test('the alphabet has 31 characters without I, O, S, V, Z; the weights are 3^i mod 31', () => {
  expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
  for (const c of 'IOSVZ') expect(CREDIT_CODE_ALPHABET).not.toContain(c);
  expect(CREDIT_CODE_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
});

test('real codes pass', () => {
  for (const code of REAL) expect({ code, problem: creditCodeProblem(code) }).toEqual({ code, problem: null });
  // 91350100M000100Y4: Σ value×weight = 1640 = 52×31 + 28, so the check is 31 − 28 = 3.
  expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
});

test('a changed check character is refused, naming the right one', () => {
  expect(creditCodeProblem('91330000142916567M')).toBe('统一社会信用代码校验位不正确（最后一位应为“N”），请对照营业执照或登记证书核对');
  // Every single-character change of the body is caught (the weights are invertible mod 31).
  const code = REAL[1];
  for (let i = 8; i < 17; i++) {
    const changed = code.slice(0, i) + (code[i] === '1' ? '2' : '1') + code.slice(i + 1);
    expect(creditCodeProblem(changed)).toMatch(/校验位不正确/);
  }
});

test('length, alphabet and division code are checked first, in words a person can act on', () => {
  expect(creditCodeProblem('9133000014291656')).toBe('统一社会信用代码应为 18 位，您填写了 16 位');
  expect(creditCodeProblem('91330000142916567O')).toBe('统一社会信用代码中不应出现“O”（只含数字和除 I、O、S、V、Z 外的大写字母）');
  expect(creditCodeProblem('91A30000142916567N')).toBe('统一社会信用代码第 3–8 位应为登记管理机关的行政区划代码（6 位数字）');
});
