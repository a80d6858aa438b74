/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation category (1), the
 * administrative division of registration (6 digits), the organisation code (9), and a check character computed from
 * the first 17 with weights 3^i mod 31 over an alphabet of 31 characters (no I, O, S, V, Z).
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null when one of them is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a code is not a valid unified social credit code (a sentence a person can act on), or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为 18 位，您填写了 ${code.length} 位`;
  const bad = [...code].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad) return `统一社会信用代码中不应出现“${bad}”（只含数字和除 I、O、S、V、Z 外的大写字母）`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第 3–8 位应为登记管理机关的行政区划代码（6 位数字）';
  const check = creditCodeCheckChar(code.slice(0, 17));
  if (check !== code[17]) return `统一社会信用代码校验位不正确（最后一位应为“${check}”），请对照营业执照或登记证书核对`;
  return null;
}
