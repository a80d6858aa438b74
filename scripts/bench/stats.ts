/** Median and p99 of timings in milliseconds, to three decimals. */
export function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: +at(0.5).toFixed(3), p99: +at(0.99).toFixed(3) };
}
