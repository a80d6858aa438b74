/** Score sheets for tests: items adding up to a total, every value one attachment 2 allows (rubric.ts allowedValues). */
import type { PurchaseMethod } from '../../types/domain';
import { RUBRIC, allowedValues } from '../../types/rubric';

/** Every item at its highest allowed value. */
export function maxItems(pm: PurchaseMethod): Record<string, number> {
  return Object.fromEntries(RUBRIC.map((i) => [i.key, Math.max(...allowedValues(i, pm))]));
}

/**
 * Items adding up to `total` (whole or half points): from the maxima, each item in turn is lowered as far as the rest
 * needs, to the lowest allowed value that still leaves nothing between bands. Throws when `total` cannot be reached.
 */
export function itemsFor(total: number, pm: PurchaseMethod): Record<string, number> {
  const items = maxItems(pm);
  let excess = Object.values(items).reduce((a, b) => a + b, 0) - total;
  for (const i of RUBRIC) {
    if (excess <= 0) break;
    const floor = items[i.key] - excess;
    const to = allowedValues(i, pm).find((v) => v >= floor)!;
    excess -= items[i.key] - to;
    items[i.key] = to;
  }
  if (excess !== 0) throw new Error(`cannot reach ${total}`);
  return items;
}
