/**
 * Places on a map (issue 24, nearest first), platform code: place.weapp.ts (WeChat's location APIs) and place.h5.ts
 * (the browser's geolocation, a map site's link). Points are WGS-84 (types/geo.ts) wherever they leave these files.
 * Where the person is goes with one search request and nowhere else: nothing here stores it.
 */
import type { Point } from '@shared/geo';

export type Located = { ok: true; point: Point } | { ok: false; reason: 'refused' | 'unavailable' };

/** Where the person is now, once they allow it. */
export async function whereAmI(): Promise<Located> {
  return { ok: false, reason: 'unavailable' };
}

/** Whether this platform can pick a place on a map (WeChat can; this H5 build has no map service). */
export const canPickOnMap = false;

/** The provider picks its service point on a map; null when cancelled or not possible. */
export async function pickOnMap(_near: Point | null): Promise<Point | null> {
  return null;
}

/** Opens the point in a map, for 导航. */
export async function openInMap(_point: Point, _name: string, _address: string): Promise<void> {}
