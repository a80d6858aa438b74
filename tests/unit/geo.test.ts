/** Issue 24, nearest first: distances, how they are said, the map datum conversion, and the demo catalogue's places. */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { NEW_DECLARATIONS } from '../../server/demo/thisYear';
import { DISTRICTS } from '../../types/domain';
import { DISTRICT_CENTRES, HANGZHOU_BOUNDS, distanceKm, distanceText, gcj02ToWgs84, inHangzhou, mapLink, pointOf, wgs84ToGcj02 } from '../../types/geo';

test('distance: a degree of latitude is 111.19 km; of longitude at 30° N, 96.30 km; symmetric, zero at the same point', () => {
  expect(distanceKm({ latitude: 30, longitude: 120 }, { latitude: 31, longitude: 120 })).toBeCloseTo(111.195, 2);
  expect(distanceKm({ latitude: 30, longitude: 120 }, { latitude: 30, longitude: 121 })).toBeCloseTo(96.297, 1);
  const [a, b] = [DISTRICT_CENTRES.西湖区, DISTRICT_CENTRES.淳安县];
  expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
  expect(distanceKm(a, a)).toBe(0);
  // West Lake district to Chun'an county seat (Qiandao Lake): about 128 km as the crow flies.
  expect(distanceKm(a, b)).toBeGreaterThan(120);
  expect(distanceKm(a, b)).toBeLessThan(135);
});

test('distances are said the way people say them', () => {
  expect([0, 0.04, 0.149, 0.151, 0.94, 0.96, 1.04, 2.46, 9.94, 9.96, 35.4].map(distanceText)).toEqual([
    '约 100 米',
    '约 100 米',
    '约 100 米',
    '约 200 米',
    '约 900 米',
    '约 1 公里',
    '约 1 公里',
    '约 2.5 公里',
    '约 9.9 公里',
    '约 10 公里',
    '约 35 公里',
  ]);
});

test('WGS-84 ⇄ GCJ-02: the shift in Hangzhou is a few hundred metres, and the inverse gives the point back', () => {
  for (const d of DISTRICTS) {
    const w = DISTRICT_CENTRES[d];
    const g = wgs84ToGcj02(w);
    const shift = distanceKm(w, g) * 1000;
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
    // GCJ-02 lies south-east of GPS in Hangzhou.
    expect(g.latitude).toBeLessThan(w.latitude);
    expect(g.longitude).toBeGreaterThan(w.longitude);
    const back = gcj02ToWgs84(g);
    expect(distanceKm(w, back) * 1000).toBeLessThan(0.5);
  }
});

test('bounds: the city’s edges are in, a swapped pair is out', () => {
  expect(inHangzhou({ latitude: HANGZHOU_BOUNDS.latitude.min, longitude: HANGZHOU_BOUNDS.longitude.max })).toBe(true);
  expect(inHangzhou({ latitude: 120.13, longitude: 30.27 })).toBe(false);
  expect(pointOf({ latitude: 30.1, longitude: 120.2 })).toEqual({ latitude: 30.1, longitude: 120.2 });
  expect(pointOf({ latitude: 30.1 })).toBeNull();
  expect(pointOf({ latitude: '30.1', longitude: 120.2 })).toBeNull();
  expect(mapLink({ latitude: 30.2741, longitude: 120.1302 }, '西湖区 A&B')).toBe('https://uri.amap.com/marker?position=120.130200,30.274100&name=%E8%A5%BF%E6%B9%96%E5%8C%BA%20A%26B&coordinate=wgs84&callnative=1');
});

test('every district centre is inside the city, and every demo service point (the catalogue’s and the demo year’s declarations) near the centre of its address’s district', () => {
  for (const d of DISTRICTS) expect({ d, inside: inHangzhou(DISTRICT_CENTRES[d]) }).toEqual({ d, inside: true });
  for (const p of [...DEMO_PRODUCTS, ...NEW_DECLARATIONS]) {
    expect({ name: p.name, placed: typeof p.latitude === 'number' && typeof p.longitude === 'number' }).toEqual({ name: p.name, placed: true });
    const place = { latitude: p.latitude!, longitude: p.longitude! };
    expect({ name: p.name, inside: inHangzhou(place) }).toEqual({ name: p.name, inside: true });
    // The address names its district (市本级 services sit in the city's central districts).
    const district = DISTRICTS.find((d) => d !== '市本级' && p.address.startsWith(d))!;
    expect({ name: p.name, district: !!district }).toEqual({ name: p.name, district: true });
    if (p.district !== '市本级') expect(district).toBe(p.district);
    // Within 12 km of that district's seat (the largest counties are much larger; these addresses are in their towns).
    const km = distanceKm(place, DISTRICT_CENTRES[district]);
    expect({ name: p.name, near: km < 12 }).toEqual({ name: p.name, near: true });
  }
  // And no two of them share a point.
  expect(new Set(DEMO_PRODUCTS.map((p) => `${p.latitude},${p.longitude}`)).size).toBe(DEMO_PRODUCTS.length);
});
