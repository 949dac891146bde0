/**
 * Trailing rolling z-score. For each index i, the baseline is the `window` values before i (the
 * current value is excluded), its mean and its sample standard deviation (n - 1). NaN values in the
 * window are skipped; a baseline needs at least two values, otherwise mean, sd and z are NaN. Running
 * sums make it O(n) in the series length, whatever the window.
 */
export interface RollingZ {
  mean: Float64Array;
  sd: Float64Array;
  z: Float64Array;
}

export function rollingZ(values: ArrayLike<number>, window: number): RollingZ {
  if (!Number.isInteger(window) || window < 2) throw new Error(`invalid window: ${window} (expected an integer >= 2)`);
  const n = values.length;
  const mean = new Float64Array(n).fill(NaN);
  const sd = new Float64Array(n).fill(NaN);
  const z = new Float64Array(n).fill(NaN);
  let sum = 0;
  let sumSq = 0;
  let count = 0;
  // Shifting by the first finite value keeps the running sum of squares numerically stable.
  let shift = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) {
    shift = values[i];
    break;
  }
  for (let i = 0; i < n; i++) {
    if (count >= 2) {
      const m = sum / count;
      const variance = Math.max(0, (sumSq - count * m * m) / (count - 1));
      mean[i] = m + shift;
      sd[i] = Math.sqrt(variance);
      const v = values[i];
      if (Number.isFinite(v)) z[i] = sd[i] > 0 ? (v - mean[i]) / sd[i] : v === mean[i] ? 0 : v > mean[i] ? Infinity : -Infinity;
    }
    const incoming = values[i];
    if (Number.isFinite(incoming)) {
      sum += incoming - shift;
      sumSq += (incoming - shift) ** 2;
      count++;
    }
    const outgoing = i - window >= 0 ? values[i - window] : NaN;
    if (Number.isFinite(outgoing)) {
      sum -= outgoing - shift;
      sumSq -= (outgoing - shift) ** 2;
      count--;
    }
  }
  return {mean, sd, z};
}

/** Indexes whose value exceeds the trailing mean by more than k trailing standard deviations. */
export function spikes(values: ArrayLike<number>, window: number, k: number): boolean[] {
  if (!Number.isFinite(k)) throw new Error(`invalid threshold: ${k}`);
  return spikesAbove(values, rollingZ(values, window), k);
}

/** spikes() against the values' rollingZ computed once, for an input that only moves k. */
export function spikesAbove(values: ArrayLike<number>, {mean, sd}: RollingZ, k: number): boolean[] {
  if (!Number.isFinite(k)) throw new Error(`invalid threshold: ${k}`);
  return Array.from(values, (v, i) => Number.isFinite(mean[i]) && v > mean[i] + k * sd[i]);
}
