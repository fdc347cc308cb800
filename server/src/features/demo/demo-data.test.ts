import { DEFAULT_COMPLETENESS_WEIGHTS } from '@guanxi/common/completeness';
import { SEED_DICTIONARIES, type DictionaryType } from '@guanxi/common/dictionaries';
import { normalizeMobile } from '@guanxi/common/phone';
import { describe, expect, it } from 'vitest';
import { addressMismatch } from '../../lib/regions';
import { dayInZone } from '../../lib/sequences';
import { buildSearchText, normalizeCompanyName } from '../customers/customer-text';
import { generateDemoCustomer } from './demo-customers';
import { DAY_MS, SPAN_DAYS, createdAtOf, demoPlan, shanghaiDay } from './demo-plan';
import { uniqueMobile } from './demo-random';
import { dayCounts, numbersFor } from './demo-rows';
import { demoStaff } from './demo-staff';
import { DEMO_TAGS } from './demo-tags';

const codes = (t: DictionaryType) => new Set(SEED_DICTIONARIES[t].map((e) => e.code));
const owner = (name: string) => [{ id: `user-${name}`, name }];
const plan = (over: { seed?: number; total?: number } = {}) => demoPlan({
  tenantId: 'tenant-1', seed: over.seed ?? 7, total: over.total ?? 10_000, now: new Date('2026-11-23T02:00:00.000Z'),
  ownersByRegion: { 华东: owner('east'), 华南: owner('south'), 西南: owner('south'), 华北: owner('north'), 东北: owner('north'), 西北: owner('north'), 华中: owner('north') },
  keyAccounts: owner('key'), tagIds: new Map(DEMO_TAGS.map((t) => [t.name, `tag-${t.name}`])), weights: DEFAULT_COMPLETENESS_WEIGHTS,
  codes: { industry: codes('industry'), source: codes('source'), size: codes('size'), contactRole: codes('contact_role') },
});
const withoutIds = (r: ReturnType<typeof generateDemoCustomer>) => JSON.stringify(r, (k, v) => (k === 'id' ? undefined : v));

describe('demo data generators', () => {
  it('puts customer numbers on the same Shanghai day as createCustomer does', () => {
    for (let ms = Date.parse('2023-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 7 * 3_600_000 + 13 * 60_000) {
      expect(shanghaiDay(ms)).toBe(dayInZone(new Date(ms), 'Asia/Shanghai'));
    }
  });

  it('spreads creation over three years, in index order, never in the future', () => {
    const p = plan();
    let last = -Infinity;
    for (let i = 0; i < p.total; i++) {
      const at = createdAtOf(p, i);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
    expect(last).toBeLessThanOrEqual(p.now);
    expect(p.now - createdAtOf(p, 0)).toBeLessThanOrEqual(SPAN_DAYS * DAY_MS);
    expect(p.now - createdAtOf(p, 0)).toBeGreaterThan((SPAN_DAYS - 2) * DAY_MS);
    // Growth: the last year has more new customers than the first.
    const firstYear = [...Array(p.total).keys()].filter((i) => createdAtOf(p, i) < createdAtOf(p, 0) + 365 * DAY_MS).length;
    expect(firstYear).toBeLessThan(p.total / 3);
  });

  it('numbers each day in index order from the reserved sequence values', () => {
    const p = plan();
    const days = dayCounts(p, 0, 2000);
    expect(days.reduce((s, [, n]) => s + n, 0)).toBe(2000);
    const numbers = numbersFor(days, days.map(([, n]) => n + 5));
    expect(new Set(numbers).size).toBe(2000);
    expect(numbers[0]).toBe(`CUST${days[0]![0]}0006`);
    expect(() => numbersFor([['20261123', 2]], [10_000])).toThrow(/9999/);
  });

  it('makes distinct valid mobiles', () => {
    const mobiles = Array.from({ length: 300_000 }, (_, n) => uniqueMobile(n, 7));
    expect(mobiles.filter((m) => normalizeMobile(m) !== m)).toEqual([]);
    expect(new Set(mobiles).size).toBe(300_000);
    // The last four digits are spread out: a search by them hits few contacts.
    const lastFour = new Map<string, number>();
    for (let n = 0; n < 20_000; n++) lastFour.set(uniqueMobile(n, 7).slice(-4), (lastFour.get(uniqueMobile(n, 7).slice(-4)) ?? 0) + 1);
    expect(Math.max(...lastFour.values())).toBeLessThan(12);
  });

  it('generates the same customer for the same seed and index, whatever else was generated', () => {
    const a = plan({ seed: 3 });
    const b = plan({ seed: 3 });
    expect(withoutIds(generateDemoCustomer(a, 123, 'CUST202611230001'))).toBe(withoutIds(generateDemoCustomer(b, 123, 'CUST202611230001')));
    expect(withoutIds(generateDemoCustomer(a, 124, 'CUST202611230001'))).not.toBe(withoutIds(generateDemoCustomer(plan({ seed: 4 }), 124, 'CUST202611230001')));
  });

  it('fills customers the way the customer services would', () => {
    const p = plan();
    let contacts = 0;
    for (let i = 0; i < 2000; i++) {
      const { customer: c, contacts: cs, tagIds } = generateDemoCustomer(p, i, `CUST20261123${String(i).padStart(4, '0')}`);
      contacts += cs.length;
      expect(c.name_norm).toBe(normalizeCompanyName(c.name));
      expect(c.search_text).toBe(buildSearchText({ name: c.name, number: c.number, contacts: cs }));
      expect(addressMismatch(c)).toBeNull();
      expect(codes('industry').has(c.industry) && codes('source').has(c.source)).toBe(true);
      expect(c.industry !== 'other' || c.industry_note).toBeTruthy();
      expect(cs.filter((x) => x.is_primary)).toHaveLength(1);
      expect(cs[0]!.is_primary).toBe(true);
      for (const x of cs) expect(normalizeMobile(x.mobile)).toBe(x.mobile);
      expect(tagIds.length).toBeLessThanOrEqual(4);
      expect(c.completeness).toBeGreaterThan(0);
      expect(c.completeness).toBeLessThanOrEqual(100);
      if (c.last_follow_up_at) expect(c.last_follow_up_at >= c.created_at).toBe(true);
      expect(Date.parse(c.updated_at)).toBeLessThanOrEqual(p.now);
    }
    expect(contacts / 2000).toBeGreaterThan(1.4);
    expect(contacts / 2000).toBeLessThan(1.6);
  });

  it('plans 50 staff with unique mailboxes, superiors listed before their reports', () => {
    const staff = demoStaff(1);
    expect(staff).toHaveLength(50);
    expect(new Set(staff.map((s) => s.mailbox)).size).toBe(50);
    const seen = new Set<string>();
    for (const s of staff) {
      if (s.superior) expect(seen.has(s.superior)).toBe(true);
      seen.add(s.key);
    }
    expect(staff.filter((s) => s.role === 'sales').length).toBeGreaterThan(25);
  });
});
