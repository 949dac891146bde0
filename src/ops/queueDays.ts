import {binTop} from "../core/hourBins.js";
import type {Bin} from "../core/quantile.js";
import {HOUR_MS as HOUR} from "../core/constants.js";
import type {BacklogAge} from "./backlog.js";
import type {DateRange} from "./range.js";
import {toDay} from "./range.js";
import type {ReviewerLoad} from "./utilisation.js";

/**
 * The review queue page's figures from the build's aggregates of every case (backlog_days,
 * reviewer_days, wait_bins): the same shapes as backlogAt, backlogByDay, reviewerUtilisation and
 * observeQueue compute from item rows, exact at any scale.
 */

type Day = Date | string;
export interface BacklogDayRow {date: Day; severity: string; open: number; over_sla: number; oldest_hours: number | null; median_age_hours: number | null}
export interface ReviewerDayRow {date: Day; reviewer_id: string | null; scheduled_hours: number; productive_hours: number; busy_hours: number; overtime_hours: number; cases: number}
export interface WaitBinRow {date: Day; wait_hours_lo: number; n: number; wait_hours_sum: number; service_hours_sum: number}

const inRange = (date: Day, {from, to}: DateRange) => toDay(date) >= from && toDay(date) <= to;

/** The backlog at the end of `date` per severity, in the order of `keys`. */
export function backlogOn(rows: readonly BacklogDayRow[], date: string, keys: readonly string[]): BacklogAge[] {
  const on = new Map(rows.filter((r) => toDay(r.date) === date).map((r) => [r.severity, r]));
  return keys.map((key) => {
    const r = on.get(key);
    return {key, open: r?.open ?? 0, overSla: r?.over_sla ?? 0, oldestHours: r?.oldest_hours ?? NaN, medianAgeHours: r?.median_age_hours ?? NaN};
  });
}

/** Open cases at the end of each day of the range, per severity (backlogByDay's rows). */
export function backlogSeries(rows: readonly BacklogDayRow[], range: DateRange, keys: readonly string[]): {date: string; key: string; open: number}[] {
  const kept = rows.filter((r) => inRange(r.date, range) && keys.includes(r.severity));
  return keys.flatMap((key) => kept.filter((r) => r.severity === key).map((r) => ({date: toDay(r.date), key, open: r.open})));
}

/** Each listed reviewer's load over the range, and the team's (every reviewer), from reviewer_days. */
export function utilisationOver(rows: readonly ReviewerDayRow[], range: DateRange): {reviewers: ReviewerLoad[]; team: ReviewerLoad} {
  const sums = new Map<string | null, ReviewerLoad>();
  for (const r of rows) {
    if (!inRange(r.date, range)) continue;
    const s = sums.get(r.reviewer_id) ?? sums.set(r.reviewer_id, {reviewer_id: r.reviewer_id ?? "team", cases: 0, scheduledHours: 0, productiveHours: 0, busyHours: 0, overtimeHours: 0, utilisation: NaN, casesPerHour: NaN}).get(r.reviewer_id)!;
    s.cases += r.cases;
    s.scheduledHours += r.scheduled_hours;
    s.productiveHours += r.productive_hours;
    s.busyHours += r.busy_hours;
    s.overtimeHours += r.overtime_hours;
  }
  for (const s of sums.values()) {
    s.utilisation = s.productiveHours > 0 ? (s.busyHours - s.overtimeHours) / s.productiveHours : NaN;
    s.casesPerHour = s.productiveHours > 0 ? s.cases / s.productiveHours : NaN;
  }
  const team = sums.get(null) ?? {reviewer_id: "team", cases: 0, scheduledHours: 0, productiveHours: 0, busyHours: 0, overtimeHours: 0, utilisation: NaN, casesPerHour: NaN};
  return {reviewers: [...sums.values()].filter((s) => s !== team), team};
}

export interface BinnedQueue {
  cases: number;
  arrivalRate: number;
  serviceHours: number;
  meanWaitHours: number;
  /** Waits binned, ascending. */
  waits: Bin[];
}

/** The queue over the range in Erlang C's terms (observeQueue's), from wait_bins. */
export function observeBins(rows: readonly WaitBinRow[], range: DateRange): BinnedQueue {
  const bins = new Map<number, Bin>();
  let cases = 0, wait = 0, service = 0;
  for (const r of rows) {
    if (!inRange(r.date, range)) continue;
    cases += r.n;
    wait += r.wait_hours_sum;
    service += r.service_hours_sum;
    const b = bins.get(r.wait_hours_lo) ?? bins.set(r.wait_hours_lo, {lo: r.wait_hours_lo, hi: binTop(r.wait_hours_lo), n: 0}).get(r.wait_hours_lo)!;
    b.n += r.n;
  }
  const hours = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / HOUR + 24;
  return {cases, arrivalRate: cases / hours, serviceHours: cases ? service / cases : NaN, meanWaitHours: cases ? wait / cases : NaN, waits: [...bins.values()].sort((a, b) => a.lo - b.lo)};
}

/** Share of binned waits at most `hours` (exact when `hours` is a bin edge, as the TTA targets are). */
export function shareWithinBins(bins: readonly Bin[], hours: number): number {
  let total = 0, within = 0;
  for (const b of bins) {
    total += b.n;
    if (b.hi <= hours) within += b.n;
    else if (b.lo < hours) within += (b.n * (hours - b.lo)) / (b.hi - b.lo);
  }
  return total > 0 ? within / total : NaN;
}

