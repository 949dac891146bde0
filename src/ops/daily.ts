import {weight} from "../metrics/computeKpi.js";
import {toDay} from "./range.js";

/**
 * Daily series of the ops pages, with every date present (days without rows count zero), so that
 * lines do not skip days and rolling windows count calendar days. A row counts as the flags it stands
 * for: 1 for an item row, its `n` for a flag cube's row.
 */
export interface DailyCount {
  date: string;
  key: string;
  count: number;
}

/** Rows per date, and per key when `key` is given, on every date of `dates` x every key of `keys`. */
export function countByDay<T extends {date: Date | string}>(rows: Iterable<T>, dates: readonly string[], key?: (row: T) => string, keys?: readonly string[]): DailyCount[] {
  const index = new Map(dates.map((d, i) => [d, i]));
  const counts = new Map<string, number[]>();
  for (const k of keys ?? []) counts.set(k, new Array(dates.length).fill(0));
  for (const row of rows) {
    const i = index.get(toDay(row.date));
    if (i === undefined) continue;
    const k = key ? key(row) : "all";
    let series = counts.get(k);
    if (!series) counts.set(k, (series = new Array(dates.length).fill(0)));
    series[i] += weight(row);
  }
  if (counts.size === 0 && !key) counts.set("all", new Array(dates.length).fill(0));
  const out: DailyCount[] = [];
  for (const [k, series] of counts) series.forEach((count, i) => out.push({date: dates[i], key: k, count}));
  return out;
}

export interface DailyShare {
  date: string;
  /** Flags that day. */
  total: number;
  /** Flags that day matching the predicate. */
  matching: number;
  /** matching / total; NaN on a day without rows. */
  share: number;
}

/** Share of each day's rows that match `predicate`, on every date of `dates`. */
export function shareByDay<T extends {date: Date | string}>(rows: Iterable<T>, dates: readonly string[], predicate: (row: T) => boolean): DailyShare[] {
  const index = new Map(dates.map((d, i) => [d, i]));
  const total = new Array(dates.length).fill(0);
  const matching = new Array(dates.length).fill(0);
  for (const row of rows) {
    const i = index.get(toDay(row.date));
    if (i === undefined) continue;
    total[i] += weight(row);
    if (predicate(row)) matching[i] += weight(row);
  }
  return dates.map((date, i) => ({date, total: total[i], matching: matching[i], share: total[i] > 0 ? matching[i] / total[i] : NaN}));
}

/** Counts of each value of `key`, in the order of `domain` (values outside it follow, by count). */
export function countBy<T>(rows: Iterable<T>, key: (row: T) => string, domain: readonly string[] = []): {key: string; count: number; share: number}[] {
  const counts = new Map<string, number>(domain.map((k) => [k, 0]));
  let total = 0;
  for (const row of rows) {
    const k = key(row);
    const w = weight(row as Record<string, unknown>);
    counts.set(k, (counts.get(k) ?? 0) + w);
    total += w;
  }
  const known = domain.map((k) => [k, counts.get(k)!] as const);
  const extra = [...counts].filter(([k]) => !domain.includes(k)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return [...known, ...extra].map(([k, count]) => ({key: k, count, share: total > 0 ? count / total : NaN}));
}
