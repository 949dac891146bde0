/**
 * Trailing robust z-score. For each index i, the baseline is the median of the `window` values before
 * i (the current value is excluded) and the spread is their median absolute deviation scaled by
 * 1.4826, which matches the standard deviation on normal data. One earlier spike in the window barely
 * moves a median, so a surge's second and third days still stand out, where a mean and standard
 * deviation inflated by day one would hide them. NaN values are skipped; a baseline needs at least
 * three values, otherwise baseline, spread and z are NaN.
 *
 * Counts of rare events (zero on most days) have a MAD of zero, which would make any single event an
 * alarm. With `poissonFloor`, the spread is at least √max(median, 1), the standard deviation of a
 * Poisson count with that mean.
 */
export interface RobustZ {
  median: Float64Array;
  spread: Float64Array;
  z: Float64Array;
}

export interface RobustZOptions {
  poissonFloor?: boolean;
}

/** Makes the median absolute deviation a consistent estimator of the standard deviation for normal data. */
export const MAD_SCALE = 1.4826;

/** Sorts the first `len` values ascending in place: windows are short, so insertion sort is fastest. */
function insertionSort(a: Float64Array, len: number): Float64Array {
  for (let i = 1; i < len; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) a[j + 1] = a[j--];
    a[j + 1] = v;
  }
  return a;
}

/** The median of the first `len` sorted values, with simple-statistics' arithmetic (its type-7 quantile at 0.5). */
function sortedMedian(sorted: Float64Array, len: number): number {
  const idx = (len - 1) / 2;
  if (idx % 1 === 0) return sorted[idx];
  const lower = Math.floor(idx);
  return sorted[lower] + 0.5 * (sorted[lower + 1] - sorted[lower]);
}

export function robustZ(values: ArrayLike<number>, window: number, {poissonFloor = false}: RobustZOptions = {}): RobustZ {
  if (!Number.isInteger(window) || window < 3) throw new Error(`invalid window: ${window} (expected an integer >= 3)`);
  const n = values.length;
  const center = new Float64Array(n).fill(NaN);
  const spread = new Float64Array(n).fill(NaN);
  const z = new Float64Array(n).fill(NaN);
  // Two buffers reused for every day and sorted in place: no arrays per day (a page reruns this on
  // every window change, for several signals and worlds).
  const past = new Float64Array(window);
  const deviations = new Float64Array(window);
  for (let i = 0; i < n; i++) {
    let len = 0;
    for (let j = Math.max(0, i - window); j < i; j++) if (Number.isFinite(values[j])) past[len++] = values[j];
    if (len < 3) continue;
    const m = sortedMedian(insertionSort(past, len), len);
    for (let j = 0; j < len; j++) deviations[j] = Math.abs(past[j] - m);
    let s = MAD_SCALE * sortedMedian(insertionSort(deviations, len), len);
    if (poissonFloor) s = Math.max(s, Math.sqrt(Math.max(m, 1)));
    center[i] = m;
    spread[i] = s;
    const v = values[i];
    if (Number.isFinite(v)) z[i] = s > 0 ? (v - m) / s : v === m ? 0 : v > m ? Infinity : -Infinity;
  }
  return {median: center, spread, z};
}

/** Indexes whose value exceeds the trailing median by more than k robust spreads. */
export function robustSpikes(values: ArrayLike<number>, window: number, k: number, options: RobustZOptions = {}): boolean[] {
  if (!Number.isFinite(k)) throw new Error(`invalid threshold: ${k}`);
  const {z} = robustZ(values, window, options);
  return Array.from(z, (x) => x > k);
}
