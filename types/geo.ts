/**
 * Places (issue 24, nearest first): a service point's coordinates (WGS-84, as GPS and WeChat's `getLocation` with type
 * 'wgs84' give them), the distance between two points, the centre of each district (for a citizen who picks a district
 * instead of sharing a location, and for a product declared without coordinates), and how a distance is said.
 * No citizen's location is ever stored: it travels with one search request and is gone with it.
 */
import { DISTRICTS, type District } from './domain';

export interface Point {
  latitude: number;
  longitude: number;
}

/**
 * Hangzhou's extent with a small margin (the city spans about 29.19–30.57 N and 118.35–120.72 E): a service point of
 * the catalogue lies inside it, so numbers outside are a typing slip (often latitude and longitude swapped).
 */
export const HANGZHOU_BOUNDS = { latitude: { min: 29.0, max: 30.8 }, longitude: { min: 118.2, max: 120.9 } } as const;

/**
 * Each district's seat of government (市本级: the city's civic centre), WGS-84, to four decimals (about 10 m). Where a
 * citizen chooses a district instead of sharing where they are, distances are counted from here.
 */
export const DISTRICT_CENTRES: Record<District, Point> = {
  市本级: { latitude: 30.2455, longitude: 120.2089 },
  上城区: { latitude: 30.2422, longitude: 120.1695 },
  拱墅区: { latitude: 30.3195, longitude: 120.1418 },
  西湖区: { latitude: 30.2741, longitude: 120.1302 },
  滨江区: { latitude: 30.2084, longitude: 120.2117 },
  萧山区: { latitude: 30.1838, longitude: 120.2643 },
  余杭区: { latitude: 30.2737, longitude: 120.0125 },
  临平区: { latitude: 30.4192, longitude: 120.2995 },
  钱塘区: { latitude: 30.3035, longitude: 120.3497 },
  富阳区: { latitude: 30.0489, longitude: 119.9603 },
  临安区: { latitude: 30.2339, longitude: 119.7248 },
  桐庐县: { latitude: 29.7971, longitude: 119.6912 },
  淳安县: { latitude: 29.6089, longitude: 119.0421 },
  建德市: { latitude: 29.4747, longitude: 119.2817 },
};

export const isDistrict = (d: string): d is District => (DISTRICTS as readonly string[]).includes(d);

/** Whether a point lies inside HANGZHOU_BOUNDS. */
export function inHangzhou(p: Point): boolean {
  const b = HANGZHOU_BOUNDS;
  return p.latitude >= b.latitude.min && p.latitude <= b.latitude.max && p.longitude >= b.longitude.min && p.longitude <= b.longitude.max;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine): exact enough for "which is nearer" within a city. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A distance as people say it: 约 300 米, 约 2.4 公里, 约 35 公里. */
export function distanceText(km: number): string {
  if (km < 0.95) return `约 ${Math.max(100, Math.round((km * 1000) / 100) * 100)} 米`;
  if (km < 10) return `约 ${(Math.round(km * 10) / 10).toFixed(1).replace(/\.0$/, '')} 公里`;
  return `约 ${Math.round(km)} 公里`;
}

/** A service point's coordinates from its specification's public info, when both were declared. */
export function pointOf(info: { latitude?: unknown; longitude?: unknown } | null | undefined): Point | null {
  return info && typeof info.latitude === 'number' && typeof info.longitude === 'number' ? { latitude: info.latitude, longitude: info.longitude } : null;
}

/**
 * A map site's page with a marker at the point, for the H5 build's 导航 (AMap's URI API needs no key: longitude first;
 * `coordinate=wgs84` says the point is GPS's, the map converts it; `callnative=1` opens the AMap app where installed).
 */
export function mapLink(p: Point, name: string): string {
  return `https://uri.amap.com/marker?position=${p.longitude.toFixed(6)},${p.latitude.toFixed(6)}&name=${encodeURIComponent(name)}&coordinate=wgs84&callnative=1`;
}

// ---- WGS-84 ⇄ GCJ-02 -------------------------------------------------------------------------------------------------
// Maps in mainland China (WeChat's chooseLocation and openLocation among them) use GCJ-02, a deliberately shifted
// WGS-84 (a few hundred metres in Hangzhou). The catalogue keeps WGS-84 (what HSDS and GPS mean), so the weapp converts
// a picked point to WGS-84 before storing it and back to GCJ-02 before opening the map. The published forward formula,
// and its inverse by fixed-point iteration (to well under a metre).

const A = 6378245.0;
const EE = 0.00669342162296594323;
function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function shiftLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** GPS (WGS-84) to the mainland's map coordinates (GCJ-02). */
export function wgs84ToGcj02(p: Point): Point {
  const radLat = rad(p.latitude);
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(p.longitude - 105, p.latitude - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (shiftLon(p.longitude - 105, p.latitude - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { latitude: p.latitude + dLat, longitude: p.longitude + dLon };
}

/** The mainland's map coordinates (GCJ-02) back to GPS (WGS-84). */
export function gcj02ToWgs84(g: Point): Point {
  let w = { ...g };
  for (let i = 0; i < 6; i++) {
    const back = wgs84ToGcj02(w);
    w = { latitude: w.latitude - (back.latitude - g.latitude), longitude: w.longitude - (back.longitude - g.longitude) };
  }
  return { latitude: Math.round(w.latitude * 1e6) / 1e6, longitude: Math.round(w.longitude * 1e6) / 1e6 };
}
