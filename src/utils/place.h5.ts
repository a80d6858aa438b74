/**
 * H5: the browser's geolocation (WGS-84, after the browser asks the person); no map to pick on (this machine has no map
 * service: providers type the numbers, with a plain explanation on the form); 导航 opens a map site's page with a
 * marker (AMap's URI API, no key needed).
 */
import { mapLink, type Point } from '@shared/geo';
import type { Located } from './place';

export type { Located } from './place';

export function whereAmI(): Promise<Located> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve({ ok: false, reason: 'unavailable' });
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ ok: true, point: { latitude: p.coords.latitude, longitude: p.coords.longitude } }),
      (e) => resolve({ ok: false, reason: e.code === e.PERMISSION_DENIED ? 'refused' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  });
}

export const canPickOnMap = false;

export async function pickOnMap(_near: Point | null): Promise<Point | null> {
  return null;
}

export async function openInMap(point: Point, name: string, _address: string): Promise<void> {
  window.open(mapLink(point, name), '_blank', 'noopener');
}
