import {quantileBinned, quantileSorted} from "../core/quantile.js";
import {quantileBins, type Row, type Scope} from "../metrics/computeKpi.js";
import type {Filter} from "../metrics/definitions.js";

/**
 * Percentiles of a value per group, e.g. time to action P50/P90 by severity. Quantiles are the
 * workbook's one quantile (src/core/quantile.ts, R-7); NaN values are skipped.
 */
export interface GroupPercentiles {
  key: string;
  n: number;
  /** One value per requested p, in order. */
  values: number[];
}

export function percentilesBy<T>(rows: Iterable<T>, key: (row: T) => string, value: (row: T) => number, ps: readonly number[] = [0.5, 0.9], keys: readonly string[] = []): GroupPercentiles[] {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new Error(`invalid percentile: ${p}`);
  const groups = new Map<string, number[]>(keys.map((k) => [k, []]));
  for (const row of rows) {
    const v = value(row);
    if (!Number.isFinite(v)) continue;
    const k = key(row);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(v);
  }
  return [...groups].map(([k, list]) => {
    list.sort((a, b) => a - b);
    return {key: k, n: list.length, values: ps.map((p) => quantileSorted(list, p))};
  });
}

/**
 * The same percentiles from a binned cube (tta_bins): per value of `by`, the bins matching `where` in
 * scope, read by the one quantile's binned form. Exact counts at any scale; values to the bins' width.
 */
export function binnedPercentilesBy(rows: readonly Row[], field: string, by: string, keys: readonly string[], {where = {}, scope = {}, ps = [0.5, 0.9]}: {where?: Filter; scope?: Scope; ps?: readonly number[]} = {}): GroupPercentiles[] {
  return keys.map((key) => {
    const bins = quantileBins({field, where: {...where, [by]: key}}, rows, scope);
    return {key, n: bins.reduce((s, b) => s + b.n, 0), values: ps.map((p) => quantileBinned(bins, p))};
  });
}
