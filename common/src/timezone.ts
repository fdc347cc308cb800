/**
 * Time-zone arithmetic for reminders and display, on Intl alone (no library). A user's zone is `users.timezone`
 * (IANA, default Asia/Shanghai). Typical use on the server:
 *
 *   const due = atLocalTime(now, user.timezone, { addDays: 1, hour: 9 });   // "tomorrow 09:00" for that user
 *   formatInZone(due, user.timezone, user.locale);                            // "2026/11/24 09:00"
 *
 * Wall-clock times that do not exist (spring-forward gap) move forward by the gap; ambiguous ones (fall-back)
 * take the earlier instant.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

let zones: Set<string> | undefined;

/** True for a zone in Intl's IANA list (plus "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  zones ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  return tz === 'UTC' || zones.has(tz);
}

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    FORMATTERS.set(tz, f);
  }
  return f;
}

/** The wall-clock time of an instant in a zone. */
export function wallClockIn(date: Date, tz: string): WallClock {
  const p = Object.fromEntries(partsFormatter(tz).formatToParts(date).map((x) => [x.type, x.value]));
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour! % 24, minute: +p.minute!, second: +p.second! };
}

/** The zone's offset from UTC at an instant, in minutes (Asia/Shanghai: 480). */
export function offsetMinutes(date: Date, tz: string): number {
  const w = wallClockIn(date, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which the zone's clocks show this wall-clock time. */
export function fromWallClock(w: Pick<WallClock, 'year' | 'month' | 'day'> & Partial<WallClock>, tz: string): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour ?? 0, w.minute ?? 0, w.second ?? 0);
  const day = 24 * 3600_000;
  // The offsets a day before and after cover any DST change around this time.
  const before = offsetMinutes(new Date(naive - day), tz);
  const after = offsetMinutes(new Date(naive + day), tz);
  const shows = (t: number) => {
    const c = wallClockIn(new Date(t), tz);
    return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) === naive;
  };
  const valid = [naive - before * 60_000, naive - after * 60_000].filter(shows).sort((a, b) => a - b);
  // Ambiguous (fall back): the earlier instant. In a gap (spring forward): the old offset, i.e. later by the gap.
  return new Date(valid[0] ?? naive - before * 60_000);
}

/**
 * A time of day in the user's zone, some days from the local date of `now`: `{ addDays: 1, hour: 9 }` is
 * "tomorrow 09:00", `{ addDays: 0, hour: 18 }` "today 18:00".
 */
export function atLocalTime(now: Date, tz: string, at: { addDays?: number; hour: number; minute?: number }): Date {
  const today = wallClockIn(now, tz);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + (at.addDays ?? 0)));
  return fromWallClock({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: at.hour, minute: at.minute ?? 0 }, tz);
}

/** Midnight at the start of the local day of `date` in the zone. */
export function startOfLocalDay(date: Date, tz: string): Date {
  const w = wallClockIn(date, tz);
  return fromWallClock({ year: w.year, month: w.month, day: w.day }, tz);
}

/** An instant as the user reads it: "2026/11/24 09:00" (zh-CN) or "11/24/2026, 09:00" (en), in their zone. */
export function formatInZone(date: Date, tz: string, locale: string, style: 'datetime' | 'date' | 'time' = 'datetime'): string {
  const opts: Intl.DateTimeFormatOptions = { timeZone: tz, hourCycle: 'h23' };
  if (style !== 'time') Object.assign(opts, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (style !== 'date') Object.assign(opts, { hour: '2-digit', minute: '2-digit' });
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'zh-CN', opts).format(date);
}
