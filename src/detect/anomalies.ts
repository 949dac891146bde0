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
  /** "both" flags |z| > threshold (the APAC KPI dashboard's rule); "up" only spikes, "down" only drops. */
  direction?: Direction;
}

export interface Scored {
  baseline: Float64Array;
  spread: Float64Array;
  z: Float64Array;
  /** Days whose trailing window is not full yet (see warmUpDays): scored for the chart, never flagged. */
  warmup: boolean[];
  flagged: boolean[];
}

/** The weekday-aware detector's weekday factors need one full week before its window starts. */
const WEEK = 7;

/**
 * How many leading days a detector needs before its trailing window is full. rollingZ gives a z from
 * two days of history and robustZ from three, but a baseline of two or three days is not the window
 * the reader chose: at the series' start a z of −11 (2025-03-03) says more about a two-day sd than about
 * the day. Those days are shown but not flagged.
 */
export function warmUpDays(method: Method, window: number): number {
  return method === "weekday_z" ? WEEK + window : window;
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
  const warm = warmUpDays(method, window);
  const warmup = Array.from(z, (_, i) => i < warm);
  const passes = (v: number) => (direction === "up" ? v > threshold : direction === "down" ? v < -threshold : Math.abs(v) > threshold);
  const flagged = Array.from(z, (v, i) => !warmup[i] && passes(v));
  return {baseline, spread, z, warmup, flagged};
}

/** Flagged days scored against the days the world knows something happened on (ground truth). */
export interface AnomalyScore {
  flagged: number;
  /** Flagged rises on a scenario day: a scenario adds activity, so it explains a rise. */
  explained: number;
  /** Flagged drops on a scenario day: the scenario does not explain them. */
  dropsOnScenarioDays: number;
  /** flagged − explained: drops, and rises on days with no known scenario. */
  unexplained: number;
  /** Scenario days after the warm-up, and those flagged as a rise. */
  events: number;
  caught: number;
  /** explained / flagged; NaN when nothing is flagged. */
  precision: number;
  /** caught / events; NaN when there is no scenario day. */
  recall: number;
  /** The flagged days and the explained ones, in date order. */
  flaggedDays: string[];
  explainedDays: string[];
}

/**
 * Scores a detector's flags against known scenarios. Only a rise counts as explained or caught: every
 * scenario of the world (attacks, surges, a launch, an incident) adds reports, none removes them.
 * Warm-up days count neither as flags nor as events the detector could have caught.
 */
export function scoreAnomalies(dates: readonly string[], scored: Pick<Scored, "z" | "flagged" | "warmup">, isEvent: (date: string) => boolean): AnomalyScore {
  if (dates.length !== scored.flagged.length) throw new Error(`length mismatch: ${dates.length} dates, ${scored.flagged.length} flags`);
  const flaggedDays: string[] = [];
  const explainedDays: string[] = [];
  let drops = 0;
  let events = 0;
  dates.forEach((d, i) => {
    if (scored.warmup[i]) return;
    const event = isEvent(d);
    if (event) events++;
    if (!scored.flagged[i]) return;
    flaggedDays.push(d);
    if (event && scored.z[i] > 0) explainedDays.push(d);
    else if (event) drops++;
  });
  const flagged = flaggedDays.length;
  const explained = explainedDays.length;
  return {flagged, explained, dropsOnScenarioDays: drops, unexplained: flagged - explained, events, caught: explained, precision: flagged ? explained / flagged : NaN, recall: events ? explained / events : NaN, flaggedDays, explainedDays};
}
