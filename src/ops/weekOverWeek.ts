import {addDays, dateRange} from "../core/calendar.js";
import type {DailyCount} from "./daily.js";

/**
 * Week-over-week change per key. Weeks are 7-day blocks ending on the last date of the series (so
 * the latest week is always complete), going back as far as whole weeks fit. A week's change
 * compares it with the week before it.
 */
export interface WeekChange {
  key: string;
  /** First and last date of the week. */
  start: string;
  end: string;
  count: number;
  /** Count in the week before (NaN for the first week of the series). */
  previous: number;
  /** (count − previous) / previous; NaN when there is no previous week or it was zero. */
  change: number;
}

export function weekOverWeek(daily: readonly DailyCount[]): WeekChange[] {
  if (daily.length === 0) return [];
  const dates = [...new Set(daily.map((d) => d.date))].sort();
  const last = dates[dates.length - 1];
  const weeks = Math.floor(dates.length / 7);
  if (weeks === 0) return [];
  const first = addDays(last, -7 * weeks + 1);
  const weekOf = (date: string) => weeks - 1 - Math.floor((Date.parse(last) - Date.parse(date)) / (7 * 86_400_000));
  const sums = new Map<string, number[]>();
  for (const d of daily) {
    if (d.date < first) continue;
    let s = sums.get(d.key);
    if (!s) sums.set(d.key, (s = new Array(weeks).fill(0)));
    s[weekOf(d.date)] += d.count;
  }
  const out: WeekChange[] = [];
  for (const [key, s] of sums) {
    s.forEach((count, w) => {
      const previous = w > 0 ? s[w - 1] : NaN;
      const end = addDays(last, -7 * (weeks - 1 - w));
      out.push({key, start: addDays(end, -6), end, count, previous, change: previous > 0 ? (count - previous) / previous : NaN});
    });
  }
  return out;
}

/**
 * The dates of the latest week ending on `end` and the week before it (14 days, fewer when they run
 * into the start of the calendar). The latest-week card needs the week before even when the page's
 * range is only 7 days long: a week-over-week figure read off the range alone would have no previous
 * week and print zeros.
 */
export function twoWeekDates(end: string, start: string): string[] {
  const from = addDays(end, -13);
  return dateRange(from < start ? start : from, end);
}

/** The latest week of a weekOverWeek result, summed over keys, and the key that rose most. */
export interface LatestWeek {
  start: string;
  end: string;
  count: number;
  /** NaN when the week before is not in the data. */
  previous: number;
  /** (count − previous) / previous; NaN without a previous week or when it was zero. */
  change: number;
  /** The key with the largest rise in flags; null without a previous week. */
  riser: WeekChange | null;
}

export function latestWeek(weeks: readonly WeekChange[]): LatestWeek | null {
  if (weeks.length === 0) return null;
  const end = weeks.reduce((a, b) => (b.end > a.end ? b : a)).end;
  const latest = weeks.filter((w) => w.end === end);
  const count = latest.reduce((s, w) => s + w.count, 0);
  const hasPrevious = latest.every((w) => Number.isFinite(w.previous));
  const previous = hasPrevious ? latest.reduce((s, w) => s + w.previous, 0) : NaN;
  const riser = hasPrevious ? latest.reduce((a, b) => (b.count - b.previous > a.count - a.previous ? b : a)) : null;
  return {start: latest[0].start, end, count, previous, change: previous > 0 ? (count - previous) / previous : NaN, riser};
}
