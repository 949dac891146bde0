/**
 * Feature drift: the PSI of every detector feature, recent days against the reference period (the
 * model's training period), with bins fixed on the reference; and the same week by week, so a chart
 * can show when a shift began.
 */
import {binShares, psiOfShares, referenceEdges, type PsiBand, type PsiBin} from "../detect/psi.js";
import {USER_DAY_FEATURES, type UserDayCounts} from "./features.js";
import {addDays} from "../core/calendar.js";

export interface DriftOptions {
  /** First day after the reference period (the training cut-off). */
  splitDate: string;
  /** Days at the end of the data that form the recent period; default 28. */
  recentDays?: number;
}

export interface FeatureDrift {
  feature: string;
  label: string;
  psi: number;
  band: PsiBand;
  reference_mean: number;
  recent_mean: number;
  bins: PsiBin[];
}

export interface Drift {
  reference: {from: string; to: string; rows: number};
  recent: {from: string; to: string; rows: number};
  features: FeatureDrift[];
  /** PSI of each 7-day week (from the first date) against the reference, per feature. */
  weekly: {week_start: string; feature: string; psi: number; rows: number}[];
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

export function featureDrift(rows: readonly (UserDayCounts & {date: string})[], {splitDate, recentDays = 28}: DriftOptions): Drift {
  if (rows.length === 0) throw new Error("invalid rows: no user-days");
  if (!Number.isInteger(recentDays) || recentDays < 1) throw new Error(`invalid recentDays: ${recentDays}`);
  let first = rows[0].date;
  let last = rows[0].date;
  for (const r of rows) {
    if (r.date < first) first = r.date;
    if (r.date > last) last = r.date;
  }
  const recentFrom = addDays(last, 1 - recentDays);
  if (recentFrom < splitDate) throw new Error(`invalid recentDays: ${recentDays} reaches into the reference period (before ${splitDate})`);
  const refRows: number[] = [];
  const recentRows: number[] = [];
  rows.forEach((r, i) => {
    if (r.date < splitDate) refRows.push(i);
    if (r.date >= recentFrom) recentRows.push(i);
  });
  if (refRows.length === 0) throw new Error(`invalid splitDate: ${splitDate} leaves no reference rows`);
  // Feature by feature (a column of numbers each, the values of featureVector), not a vector per row:
  // a hundred thousand small arrays would only keep the garbage collector busy.
  const columns = USER_DAY_FEATURES.map((f) => rows.map((r) => f.value(r)));
  const pick = (column: readonly number[], at: readonly number[]) => at.map((i) => column[i]);
  const refColumns = columns.map((c) => pick(c, refRows));
  const edges = refColumns.map((e) => referenceEdges(e));
  const refShares = refColumns.map((e, j) => binShares(e, edges[j]));
  const features = USER_DAY_FEATURES.map((f, j) => {
    const e = refColumns[j];
    const a = pick(columns[j], recentRows);
    const r = psiOfShares(refShares[j], a, edges[j]);
    return {feature: f.name, label: f.label, psi: r.psi, band: r.band, reference_mean: mean(e), recent_mean: mean(a), bins: r.bins};
  });
  // Each row's week, counted in whole days from the first date (one date parse per distinct date).
  const weekOfDate = new Map<string, number>();
  const firstMs = Date.parse(`${first}T00:00:00Z`);
  const weeks: number[][] = [];
  rows.forEach((r, i) => {
    let w = weekOfDate.get(r.date);
    if (w === undefined) weekOfDate.set(r.date, (w = Math.floor(Math.round((Date.parse(`${r.date}T00:00:00Z`) - firstMs) / 86_400_000) / 7)));
    (weeks[w] ??= []).push(i);
  });
  const weekly: Drift["weekly"] = [];
  for (let start = first, w = 0; start <= last; start = addDays(start, 7), w++) {
    const week = weeks[w] ?? [];
    if (week.length === 0) continue;
    USER_DAY_FEATURES.forEach((f, j) => weekly.push({week_start: start, feature: f.name, psi: psiOfShares(refShares[j], pick(columns[j], week), edges[j]).psi, rows: week.length}));
  }
  return {
    reference: {from: first, to: addDays(splitDate, -1), rows: refRows.length},
    recent: {from: recentFrom, to: last, rows: recentRows.length},
    features,
    weekly
  };
}
