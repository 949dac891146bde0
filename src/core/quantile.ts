/**
 * The workbook's one quantile: R-7 (Hyndman and Fan 1996, type 7), linear interpolation between the
 * order statistics at h = (n − 1)·p, as d3-array, NumPy's default and R's default compute it. Every
 * median, percentile and time-to-action quantile on every page and in every loader goes through here.
 * A value halfway between two order statistics (every even-sized median) is computed as (a + b) / 2,
 * in one rounding, so that the median is the textbook one to the last bit.
 */

function checkP(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new Error(`invalid quantile: ${p} (expected a number in [0, 1])`);
}

/** The p-quantile of values already sorted ascending (no NaN); NaN when there are none. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  checkP(p);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo];
  if (h === lo || lo + 1 >= n) return a;
  const b = sorted[lo + 1];
  return h - lo === 0.5 ? (a + b) / 2 : a + (h - lo) * (b - a);
}

/** The finite numbers of values, sorted ascending (nulls, NaN and non-numbers skipped). */
export function sortedFinite(values: Iterable<unknown>): Float64Array {
  const out: number[] = [];
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  return Float64Array.from(out).sort();
}

/** The p-quantile of the finite numbers among values; NaN when there are none. */
export function quantile(values: Iterable<unknown>, p: number): number {
  checkP(p);
  return quantileSorted(sortedFinite(values), p);
}

/** The median (R-7 at p = 0.5: the middle value, or the mean of the two middle values). */
export function median(values: Iterable<unknown>): number {
  return quantile(values, 0.5);
}

/** A histogram bin: `n` values in [lo, hi). */
export interface Bin {
  lo: number;
  hi: number;
  n: number;
}

/**
 * The p-quantile of binned values, bins sorted by lo and not overlapping: the same R-7 as
 * quantileSorted, on the values each bin stands for, spread evenly inside it (the k-th of n at
 * lo + (k + ½)/n · (hi − lo)). Exact to the bins' width, and much closer when bins hold many values.
 */
export function quantileBinned(bins: readonly Bin[], p: number): number {
  checkP(p);
  let total = 0;
  for (const b of bins) total += b.n;
  if (total === 0) return NaN;
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const a = binnedValue(bins, lo);
  if (h === lo || lo + 1 >= total) return a;
  const b = binnedValue(bins, lo + 1);
  return h - lo === 0.5 ? (a + b) / 2 : a + (h - lo) * (b - a);
}

/** The k-th (0-based) of the values the bins stand for. */
function binnedValue(bins: readonly Bin[], k: number): number {
  let before = 0;
  for (const b of bins) {
    if (k < before + b.n) return b.lo + ((k - before + 0.5) / b.n) * (b.hi - b.lo);
    before += b.n;
  }
  return NaN;
}
