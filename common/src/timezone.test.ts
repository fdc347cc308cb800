import { describe, expect, it } from 'vitest';
import { atLocalTime, formatInZone, fromWallClock, isValidTimeZone, offsetMinutes, startOfLocalDay, wallClockIn } from './timezone';

describe('time zones', () => {
  it('validates against the IANA list', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('"tomorrow 09:00" in the user’s zone', () => {
    // 2026-11-23 18:30 UTC is already 2026-11-24 02:30 in Shanghai: tomorrow there is the 25th.
    const now = new Date('2026-11-23T18:30:00Z');
    expect(atLocalTime(now, 'Asia/Shanghai', { addDays: 1, hour: 9 }).toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(atLocalTime(now, 'Europe/Berlin', { addDays: 1, hour: 9 }).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(atLocalTime(now, 'America/New_York', { addDays: 1, hour: 9, minute: 30 }).toISOString()).toBe('2026-11-24T14:30:00.000Z');
    expect(atLocalTime(now, 'Asia/Shanghai', { hour: 18 }).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('handles daylight saving: a missing hour moves forward, a repeated hour takes the first', () => {
    // New York springs forward on 2026-03-08 at 02:00 → 03:00.
    expect(fromWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(wallClockIn(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toMatchObject({ hour: 3, minute: 30 });
    // … and falls back on 2026-11-01 at 02:00 → 01:00: 01:30 happens twice.
    expect(fromWallClock({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // The day after the change, 09:00 uses the new offset.
    expect(atLocalTime(new Date('2026-03-07T20:00:00Z'), 'America/New_York', { addDays: 1, hour: 9 }).toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
  });

  it('start of the local day and formatting in the zone', () => {
    expect(startOfLocalDay(new Date('2026-11-23T18:30:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(formatInZone(new Date('2026-11-25T01:00:00Z'), 'Asia/Shanghai', 'zh-CN')).toBe('2026/11/25 09:00');
    expect(formatInZone(new Date('2026-11-25T01:00:00Z'), 'America/New_York', 'en')).toBe('11/24/2026, 20:00');
    expect(formatInZone(new Date('2026-11-25T01:00:00Z'), 'Asia/Shanghai', 'zh-CN', 'time')).toBe('09:00');
  });
});
