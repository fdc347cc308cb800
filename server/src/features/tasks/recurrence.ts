import type { TRecurrenceRule } from '@guanxi/common/tasks';

const DAY_MS = 86_400_000;

/** The offset of a time zone from UTC at an instant, in milliseconds (Asia/Shanghai → +8 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant of a wall-clock day and time in a time zone.
 * @example localToUtc('2026-11-25', '14:00', 'Asia/Shanghai') // 2026-11-25T06:00:00.000Z
 */
export function localToUtc(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  // Around a daylight-saving change the offset at the result may differ from the guess's; one correction settles it.
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10);
}

function matches(rule: TRecurrenceRule, day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  if (rule.freq === 'daily') return true;
  if (rule.freq === 'weekly') return ((d.getUTCDay() + 6) % 7) + 1 === rule.weekday;
  // Monthly on day 29–31 falls on the month's last day in shorter months.
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return d.getUTCDate() === Math.min(rule.monthDay ?? 1, lastDay);
}

/**
 * Occurrence instants of a rule within [from, to), read in the assignee's time zone, limited to the series' days.
 * @example occurrencesBetween({ freq: 'weekly', weekday: 3, time: '14:00' }, { startsOn: '2026-11-01', endsOn: null, timeZone: 'Asia/Shanghai' }, from, to)
 */
export function occurrencesBetween(
  rule: TRecurrenceRule,
  series: { startsOn: string; endsOn: string | null; timeZone: string },
  from: Date,
  to: Date,
): Date[] {
  const out: Date[] = [];
  const first = localDay(from, series.timeZone);
  const last = localDay(to, series.timeZone);
  let day = first < series.startsOn ? series.startsOn : first;
  while (day <= last && (!series.endsOn || day <= series.endsOn)) {
    if (matches(rule, day)) {
      const at = localToUtc(day, rule.time, series.timeZone);
      if (at >= from && at < to) out.push(at);
    }
    day = new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
  }
  return out;
}
