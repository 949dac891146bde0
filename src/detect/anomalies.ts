import {robustZ} from "./robustZ.js";
import {rollingZ} from "./rollingZ.js";
import {weekdayZ} from "./weekdayZ.js";

/** The anomaly detectors a page or loader can choose from, all trailing (the current day is excluded). */
export const METHODS = ["rolling_z", "robust_z", "weekday_z"] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_LABELS: Record<Method, string> = {
  rolling_z: "Rolling z (mean, sample sd)",
  robust_z: "Robust z (median, MAD)",
  weekday_z: "Day-of-week-aware z"
};

export type Direction = "both" | "up" | "down";

export interface FlagOptions {
  method?: Method;
  /** Trailing days in the baseline. */
  window?: number;
  /** Flag when z passes this many spreads. */
  threshold?: number;
  /** "both" flags |z| > threshold (seed 000's rule); "up" only spikes, "down" only drops. */
  direction?: Direction;
}

export interface Scored {
  baseline: Float64Array;
  spread: Float64Array;
  z: Float64Array;
  flagged: boolean[];
}

export const DEFAULT_FLAG_OPTIONS = {method: "rolling_z", window: 7, threshold: 2, direction: "both"} as const;

/** Scores every day of a contiguous daily series with the chosen detector and flags the anomalous ones. */
export function flagAnomalies(values: ArrayLike<number>, options: FlagOptions = {}): Scored {
  const {method, window, threshold, direction} = {...DEFAULT_FLAG_OPTIONS, ...options};
  if (!Number.isFinite(threshold) || threshold <= 0) throw new Error(`invalid threshold: ${threshold}`);
  let baseline: Float64Array;
  let spread: Float64Array;
  let z: Float64Array;
  if (method === "rolling_z") ({mean: baseline, sd: spread, z} = rollingZ(values, window));
  else if (method === "robust_z") ({median: baseline, spread, z} = robustZ(values, window));
  else if (method === "weekday_z") ({baseline, spread, z} = weekdayZ(values, window));
  else throw new Error(`invalid method: ${String(method)}`);
  const flagged = Array.from(z, (v) => (direction === "up" ? v > threshold : direction === "down" ? v < -threshold : Math.abs(v) > threshold));
  return {baseline, spread, z, flagged};
}
