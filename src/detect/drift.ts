/**
 * Classifier drift: the daily mean score, its trailing rolling mean, and the days the rolling mean
 * falls below an alert threshold. Unlike the anomaly baselines of rollingZ, the rolling mean here
 * includes the current day: it smooths the series the alert reads, as the T&S ops dashboard's 7-day average does.
 */

/**
 * Mean of each day's values (NaN on a day without values), for every date of `dates`. A row of a cube
 * stands for `count(row)` items and `value(row)` is then the sum of their values.
 */
export function dailyMean<T>(rows: Iterable<T>, dates: readonly string[], day: (row: T) => string, value: (row: T) => number, count: (row: T) => number = () => 1): {date: string; mean: number; n: number}[] {
  const index = new Map(dates.map((d, i) => [d, i]));
  const sum = new Float64Array(dates.length);
  const n = new Float64Array(dates.length);
  for (const row of rows) {
    const i = index.get(day(row));
    const v = value(row);
    if (i === undefined || !Number.isFinite(v)) continue;
    sum[i] += v;
    n[i] += count(row);
  }
  return dates.map((date, i) => ({date, mean: n[i] > 0 ? sum[i] / n[i] : NaN, n: n[i]}));
}

/**
 * Mean of the `window` values ending at each index (NaN values skipped); NaN until the window holds
 * `minValues` values (default: the whole window).
 */
export function trailingMean(values: ArrayLike<number>, window: number, minValues = window): Float64Array {
  if (!Number.isInteger(window) || window < 1) throw new Error(`invalid window: ${window} (expected an integer >= 1)`);
  const out = new Float64Array(values.length).fill(NaN);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      sum += values[i];
      count++;
    }
    const j = i - window;
    if (j >= 0 && Number.isFinite(values[j])) {
      sum -= values[j];
      count--;
    }
    if (count >= minValues && count > 0) out[i] = sum / count;
  }
  return out;
}

/** Indexes where the series is below the threshold (the drift alert days); NaN never alerts. */
export function belowThreshold(values: ArrayLike<number>, threshold: number): boolean[] {
  if (!Number.isFinite(threshold)) throw new Error(`invalid threshold: ${threshold}`);
  return Array.from(values, (v) => Number.isFinite(v) && v < threshold);
}
