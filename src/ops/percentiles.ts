import {quantileSorted} from "../core/quantile.js";

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
