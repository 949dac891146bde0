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
import {quantileSorted} from "../core/quantile.js";

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

/** The median of the first `len` sorted values: the workbook's one quantile at 0.5. */
const sortedMedian = (sorted: Float64Array, len: number): number => quantileSorted(sorted.subarray(0, len), 0.5);

/**
 * The median of |sorted[j] - m| over the first `len` sorted values, with src/core/quantile.ts's
 * arithmetic at 0.5 ((a + b) / 2 of the two middle deviations for an even count).
 * The deviations of the values below m grow leftwards and those at or above m rightwards, so merging
 * the two runs from m outwards yields them in order: no sort.
 */
function medianDeviation(sorted: Float64Array, len: number, m: number): number {
  const idx = (len - 1) / 2;
  const lower = Math.floor(idx);
  const last = idx % 1 === 0 ? lower : lower + 1;
  // The first value at or above m: m lies between the middle values, so search down from there.
  let above = last;
  while (above > 0 && sorted[above - 1] >= m) above--;
  let below = above - 1;
  let a = NaN;
  let b = NaN;
  for (let rank = 0; rank <= last; rank++) {
    const d = below >= 0 && (above >= len || Math.abs(sorted[below] - m) <= Math.abs(sorted[above] - m)) ? Math.abs(sorted[below--] - m) : Math.abs(sorted[above++] - m);
    if (rank === lower) a = d;
    else if (rank === lower + 1) b = d;
  }
  return last === lower ? a : (a + b) / 2;
}

export function robustZ(values: ArrayLike<number>, window: number, {poissonFloor = false}: RobustZOptions = {}): RobustZ {
  if (!Number.isInteger(window) || window < 3) throw new Error(`invalid window: ${window} (expected an integer >= 3)`);
  const n = values.length;
  const center = new Float64Array(n).fill(NaN);
  const spread = new Float64Array(n).fill(NaN);
  const z = new Float64Array(n).fill(NaN);
  // The finite values of the trailing window, kept sorted as it slides (one removal and one insertion
  // a day rather than a sort of every day's window: a page reruns this on every window change, for
  // several signals and worlds). Equal values stay in arrival order, as a stable sort leaves them.
  const sorted = new Float64Array(window);
  let len = 0;
  for (let i = 0; i < n; i++) {
    if (len >= 3) {
      const m = sortedMedian(sorted, len);
      let s = MAD_SCALE * medianDeviation(sorted, len, m);
      if (poissonFloor) s = Math.max(s, Math.sqrt(Math.max(m, 1)));
      center[i] = m;
      spread[i] = s;
      const v = values[i];
      if (Number.isFinite(v)) z[i] = s > 0 ? (v - m) / s : v === m ? 0 : v > m ? Infinity : -Infinity;
    }
    const outgoing = i - window >= 0 ? values[i - window] : NaN;
    if (Number.isFinite(outgoing)) {
      // The oldest value leaves: the first of its equals.
      let j = 0;
      while (sorted[j] < outgoing) j++;
      for (len--; j < len; j++) sorted[j] = sorted[j + 1];
    }
    const incoming = values[i];
    if (Number.isFinite(incoming)) {
      // The newest value enters after its equals.
      let j = len++;
      while (j > 0 && sorted[j - 1] > incoming) sorted[j] = sorted[--j];
      sorted[j] = incoming;
    }
  }
  return {median: center, spread, z};
}
