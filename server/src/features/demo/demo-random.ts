import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Seeded randomness for demo data. Every customer draws from its own stream (seed, index), so customer #i is the
 * same whatever the batch size, and a resumed run produces what the uninterrupted one would have.
 * Not for anything secret.
 */

/** A 32-bit integer hash (splitmix/murmur finaliser): spreads neighbouring inputs over the whole range. */
export function hash32(a: number, b = 0): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
};

/** mulberry32: tiny, fast and good enough for test data. */
export function createRng(seed: number, stream = 0): Rng {
  let s = hash32(seed, stream) || 1;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)]!,
  };
}

/** A picker over weighted values, with the cumulative table built once (it is called millions of times). */
export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  if (!(total > 0)) throw new Error('weighted: no positive weight');
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of entries) cumulative.push((acc += w / total));
  return (rng) => {
    const x = rng.next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return entries[lo]![0];
  };
}

// Mobile prefixes in use on the mainland (China Mobile, Unicom, Telecom, Broadnet).
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188',
  '189', '191', '198', '199',
] as const;

/**
 * The n-th mobile number of a key: distinct for distinct n (below 3.8 billion), yet random-looking. The last eight
 * digits are a four-round Feistel permutation of n mod 10^8, a bijection, so below 10^8 no two numbers share them
 * (a search by the last four digits finds as few customers as real data would); above, the prefix differs.
 */
export function uniqueMobile(n: number, key: number): string {
  const k = n % 100_000_000;
  let left = Math.floor(k / 10_000);
  let right = k % 10_000;
  for (let round = 0; round < 4; round++) {
    const next = (left + (hash32(right, key + round) % 10_000)) % 10_000;
    left = right;
    right = next;
  }
  const suffix = left * 10_000 + right;
  const prefix = MOBILE_PREFIXES[(Math.floor(n / 100_000_000) + hash32(suffix, key)) % MOBILE_PREFIXES.length]!;
  return `${prefix}${String(suffix).padStart(8, '0')}`;
}

/**
 * UUIDv7 ids (the format of lib/ids newId) stamped with the record's own creation time, so demo ids sort like real
 * ones would. Their random bits come from a pooled crypto buffer: unseeded on purpose, so two runs with one seed
 * never collide, and pooled because a syscall per id is a measurable share of a million-customer run.
 */
export function demoIdFactory(): (msecs: number) => string {
  const pool = new Uint8Array(16 * 4096);
  let at = pool.length;
  return (msecs) => {
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    return v7({ msecs, random: pool.subarray(at, (at += 16)) });
  };
}
