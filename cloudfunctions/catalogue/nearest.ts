/**
 * Nearest first (issue 24): where a product's service point is — its declared coordinates, or its district's centre
 * when it has none (`approximate`) — and how far that is from the search's `near` point. The point a search carries is
 * used for that one answer and kept nowhere: not in the store, not in the index, not in a log.
 */
import { DISTRICT_CENTRES, distanceKm, isDistrict, pointOf, type Point } from '../../types/geo';

export interface Place {
  point: Point;
  /** No coordinates were declared: the district's centre stands in. */
  approximate: boolean;
}

/** What a product document (or an index projection of one) says about its place. */
export interface Placed {
  district: string;
  spec?: { publicInfo?: { latitude?: unknown; longitude?: unknown } };
}

export function placeOf(d: Placed): Place {
  const point = pointOf(d.spec?.publicInfo);
  if (point) return { point, approximate: false };
  return { point: isDistrict(d.district) ? DISTRICT_CENTRES[d.district] : DISTRICT_CENTRES.市本级, approximate: true };
}

/** The distance shown on a card: kilometres to the metre, and whether it is the district's estimate. */
export function distanceFrom(near: Point, place: Place): { km: number; approximate: boolean } {
  return { km: Math.round(distanceKm(near, place.point) * 1000) / 1000, approximate: place.approximate };
}

/** The nearest-first paging key: the distance in metres (fixed width, so keys compare as text), then the sort key. */
export const distanceKey = (km: number, sortKey: string) => `${String(Math.round(km * 1000)).padStart(9, '0')}|${sortKey}`;
