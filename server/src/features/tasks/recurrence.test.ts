import { describe, expect, it } from 'vitest';
import { localDay, localToUtc, occurrencesBetween } from './recurrence';

describe('recurrence', () => {
  it('reads wall-clock times in the time zone', () => {
    expect(localToUtc('2026-11-25', '14:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-25T06:00:00.000Z');
    expect(localToUtc('2026-07-01', '09:30', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(localToUtc('2026-12-01', '09:30', 'Europe/Berlin').toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(localDay(new Date('2026-11-23T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-24');
  });

  it('lists every Wednesday 14:00 (Beijing time) in a window', () => {
    const at = occurrencesBetween({ freq: 'weekly', weekday: 3, time: '14:00' }, { startsOn: '2026-11-01', endsOn: null, timeZone: 'Asia/Shanghai' },
      new Date('2026-11-23T02:00:00Z'), new Date('2026-12-07T02:00:00Z'));
    expect(at.map((d) => d.toISOString())).toEqual(['2026-11-25T06:00:00.000Z', '2026-12-02T06:00:00.000Z']);
  });

  it('keeps daily rules within the series days and monthly rules on the last day of short months', () => {
    const daily = occurrencesBetween({ freq: 'daily', time: '09:00' }, { startsOn: '2026-11-24', endsOn: '2026-11-26', timeZone: 'Asia/Shanghai' },
      new Date('2026-11-20T00:00:00Z'), new Date('2026-12-20T00:00:00Z'));
    expect(daily.map((d) => d.toISOString())).toEqual(['2026-11-24T01:00:00.000Z', '2026-11-25T01:00:00.000Z', '2026-11-26T01:00:00.000Z']);
    const monthly = occurrencesBetween({ freq: 'monthly', monthDay: 31, time: '10:00' }, { startsOn: '2026-01-01', endsOn: null, timeZone: 'Asia/Shanghai' },
      new Date('2027-01-15T00:00:00Z'), new Date('2027-03-15T00:00:00Z'));
    expect(monthly.map((d) => d.toISOString())).toEqual(['2027-01-31T02:00:00.000Z', '2027-02-28T02:00:00.000Z']);
  });
});
