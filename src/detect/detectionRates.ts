import {formatCount, formatNumber, formatPercent, NONE} from "../core/format.js";
import {SMALL_SAMPLE} from "../metrics/kpiFigure.js";
import {wilsonInterval} from "../stats/wilsonInterval.js";

/**
 * Recall and precision of a detector as shares with what they rest on: successes of n, and a 95%
 * Wilson interval. Attack detection works on a handful of days (9 attack days in the half-year), so a
 * bare "67%" hides that the data cannot tell it from 35% or 88%.
 */
export interface Rate {
  /** successes / n; NaN when n is 0. */
  value: number;
  successes: number;
  n: number;
  /** 95% Wilson interval; NaN when n is 0. */
  lower: number;
  upper: number;
}

export function rate(successes: number, n: number): Rate {
  const {estimate, lower, upper} = wilsonInterval(successes, n);
  return {value: estimate, successes, n, lower, upper};
}

export interface DetectionRates {
  /** Attack days found: tp of tp + fn. */
  recall: Rate;
  /** Flagged days that are attack days: tp of tp + fp. */
  precision: Rate;
}

export function detectionRates({tp, fp, fn}: {tp: number; fp: number; fn: number}): DetectionRates {
  return {recall: rate(tp, tp + fn), precision: rate(tp, tp + fp)};
}

/** Counts summed over several evaluations (e.g. worlds), so the rates pool every day. */
export function pooledRates(scores: readonly {tp: number; fp: number; fn: number}[]): DetectionRates {
  const sum = (k: "tp" | "fp" | "fn") => scores.reduce((s, d) => s + d[k], 0);
  return detectionRates({tp: sum("tp"), fp: sum("fp"), fn: sum("fn")});
}

/** "6 of 9; 95% CI 35–88%", with a small-sample mark under 30 cases. */
export function rateBasis(r: Rate, digits = 0): string {
  if (r.n === 0) return "0 of 0";
  const interval = `95% CI ${formatNumber(100 * r.lower, digits)}–${formatPercent(r.upper, digits)}`;
  return `${formatCount(r.successes)} of ${formatCount(r.n)}; ${interval}${r.n < SMALL_SAMPLE ? `; fewer than ${SMALL_SAMPLE} cases` : ""}`;
}

/** A rate in a sentence or a table cell: "67% (6 of 9; 95% CI 35–88%; fewer than 30 cases)". */
export function rateText(r: Rate, digits = 0): string {
  return r.n === 0 ? `${NONE} (0 of 0)` : `${formatPercent(r.value, digits)} (${rateBasis(r, digits)})`;
}

/** Whether two rates' intervals overlap (or either has none): then the data cannot tell them apart. */
export function intervalsOverlap(a: Rate, b: Rate): boolean {
  if (!(a.n > 0 && b.n > 0)) return true;
  return a.lower <= b.upper && b.lower <= a.upper;
}
