import {max, min} from "d3";
import {median, quantile} from "../core/quantile.js";
import type {DailySignals} from "./dailySignals.js";
import {evaluateDays, type DayEvaluation} from "./evaluateDays.js";
import {LAYERED_DEFAULTS, layerBaselines, layeredFlags, type LayerBaselines, type LayeredOptions} from "./layered.js";

/**
 * The baseline (the T&S ops dashboard's volume rule) against the layered detector over many simulated worlds.
 * Each world's score is its precision, recall and F1 on attack days in the evaluation range; the
 * summary is the median, the worst and the best world of each, and the interquartile range of F1.
 */

/** Worlds in the build-time comparison (seeds 1 to SEED_COUNT). */
export const SEED_COUNT = 20;

export interface SeedSeries {
  seed: number;
  signals: DailySignals;
  truth: boolean[];
}

export const DETECTORS = ["baseline", "layered"] as const;
export type Detector = (typeof DETECTORS)[number];
export const DETECTOR_LABELS: Record<Detector, string> = {baseline: "Baseline: volume (ops dashboard)", layered: "Layered: volume + secondary signals"};

export interface SeedScore {
  seed: number;
  detector: Detector;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface DetectorSummary {
  detector: Detector;
  worlds: number;
  median: {precision: number; recall: number; f1: number};
  worst: {precision: number; recall: number; f1: number};
  best: {precision: number; recall: number; f1: number};
  /** F1's first and third quartiles over the worlds (R-7). */
  f1Quartiles: [number, number];
}

export interface Comparison {
  options: Required<LayeredOptions>;
  scores: SeedScore[];
  summary: DetectorSummary[];
}

/**
 * Both detectors' flagged days on one world's series. The volume rule is the layered detector's first
 * layer. `baselines` are the series' layerBaselines at options.window, when the caller keeps them.
 */
export function detectBoth(signals: DailySignals, options: LayeredOptions = {}, baselines?: LayerBaselines): Record<Detector, boolean[]> {
  const o = {...LAYERED_DEFAULTS, ...options};
  if (baselines && baselines.window !== o.window) throw new Error(`baselines for window ${baselines.window}, not ${o.window}`);
  const layered = layeredFlags(baselines ?? layerBaselines(signals, o.window), o);
  return {baseline: layered.volume, layered: layered.flagged};
}

/**
 * Scores both detectors on every world, over day indexes [from, to] (default: from `from` to the end).
 * Precision is NaN for a world where a detector flags nothing; medians and worst values skip NaN.
 * `baselines` (one per world, at options.window) spare a page recomputing them when only a
 * threshold changes.
 */
export function compareDetectors(series: readonly SeedSeries[], {from = 0, to, baselines, ...options}: LayeredOptions & {from?: number; to?: number; baselines?: readonly LayerBaselines[]} = {}): Comparison {
  const o = {...LAYERED_DEFAULTS, ...options};
  if (baselines && baselines.length !== series.length) throw new Error(`baselines for ${baselines.length} worlds, not ${series.length}`);
  const scores: SeedScore[] = [];
  series.forEach(({seed, signals, truth}, w) => {
    const flagged = detectBoth(signals, o, baselines?.[w]);
    for (const detector of DETECTORS) {
      const e: DayEvaluation = evaluateDays(flagged[detector], truth, from, to ?? truth.length - 1);
      scores.push({seed, detector, precision: e.precision, recall: e.recall, f1: e.f1, tp: e.tp, fp: e.fp, fn: e.fn});
    }
  });
  const summary = DETECTORS.map((detector) => {
    const rows = scores.filter((s) => s.detector === detector);
    const stat = (f: (x: number[]) => number | undefined) => ({
      precision: f(rows.map((r) => r.precision)) ?? NaN,
      recall: f(rows.map((r) => r.recall)) ?? NaN,
      f1: f(rows.map((r) => r.f1)) ?? NaN
    });
    const f1 = rows.map((r) => r.f1);
    return {detector, worlds: rows.length, median: stat((x) => median(x)), worst: stat((x) => min(x)), best: stat((x) => max(x)), f1Quartiles: [quantile(f1, 0.25), quantile(f1, 0.75)] as [number, number]};
  });
  return {options: o, scores, summary};
}
