import {rollingZ} from "./rollingZ.js";

/**
 * Day-of-week-aware trailing z-score for a contiguous daily series. Each day gets a weekday factor
 * from the past only: the mean of the same weekday in the previous `weeks` weeks over the mean of all
 * days in those weeks. The series divided by its factors has no weekly cycle; the plain trailing
 * rolling z (window days, current day excluded, sample sd) runs on it, and the baseline is mapped back
 * to the day's units by multiplying by its factor. A day needs at least one week of history.
 */
export interface WeekdayZ {
  /** Expected value of the day in its own units: the adjusted trailing mean times the weekday factor. */
  baseline: Float64Array;
  /** The adjusted trailing sample sd times the weekday factor. */
  spread: Float64Array;
  factor: Float64Array;
  z: Float64Array;
}

export interface WeekdayZOptions {
  /** Days in the cycle. */
  period?: number;
  /** Weeks of history for the weekday factors. */
  weeks?: number;
}

export function weekdayZ(values: ArrayLike<number>, window: number, {period = 7, weeks = 4}: WeekdayZOptions = {}): WeekdayZ {
  if (!Number.isInteger(period) || period < 2) throw new Error(`invalid period: ${period}`);
  if (!Number.isInteger(weeks) || weeks < 1) throw new Error(`invalid weeks: ${weeks}`);
  const n = values.length;
  const factor = new Float64Array(n).fill(NaN);
  for (let i = period; i < n; i++) {
    let same = 0;
    let sameCount = 0;
    let all = 0;
    let allCount = 0;
    const span = Math.min(weeks, Math.floor(i / period));
    for (let j = i - span * period; j < i; j++) {
      const v = values[j];
      if (!Number.isFinite(v)) continue;
      all += v;
      allCount++;
      if ((i - j) % period === 0) {
        same += v;
        sameCount++;
      }
    }
    if (sameCount > 0 && allCount > 0 && all > 0) factor[i] = same / sameCount / (all / allCount);
  }
  const adjusted = Float64Array.from({length: n}, (_, i) => (factor[i] > 0 ? values[i] / factor[i] : NaN));
  const {mean, sd, z} = rollingZ(adjusted, window);
  const baseline = mean.map((m, i) => m * factor[i]);
  const spread = sd.map((s, i) => s * factor[i]);
  return {baseline, spread, factor, z};
}
