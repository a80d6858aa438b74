/**
 * Splits text into runs that must stay on one line and the rest: numbers with their separators and units ("7 分",
 * "不少于 7 个工作日", "5–7 分", "2026-12-09", "0571-85256615") and district names ("拱墅区").
 */
import { DISTRICTS } from '@shared/domain';

const UNIT = '(?:个工作日|工作日|小时|年|月|日|号|时|分|点|元|个|天|项|条|人|%|％)';
const NUMBER = `(?:\\d+(?:[-:：.\\/~～－—–]\\d+)*(?:\\s?${UNIT})?)+`;
const PLACE = DISTRICTS.filter((d) => d !== '市本级').join('|');
const RUN = new RegExp(`${NUMBER}|${PLACE}`, 'g');

export function splitUnbroken(text: string): { text: string; keep: boolean }[] {
  const out: { text: string; keep: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    if (m.index! > at) out.push({ text: text.slice(at, m.index), keep: false });
    out.push({ text: m[0], keep: true });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), keep: false });
  return out;
}
