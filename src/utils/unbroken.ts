/** Splits text into runs that must stay on one line (numbers with their separators and units) and the rest. */
const UNIT = '(?:个工作日|工作日|小时|年|月|日|号|时|分|点|元|个|天|%|％)';
const RUN = new RegExp(`(?:\\d+(?:[-:：.\\/~～－—]\\d+)*(?:\\s?${UNIT})?)+`, 'g');

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
