/**
 * The detection page's figures (pages/science/detection.md), from the build's scored user-days and
 * model.json: both detectors' precision-recall curves and average precision, and what a threshold
 * catches, misses and sends to humans. Each user-day weighs its account's cohort weight (the cohort
 * over-samples rings and new accounts), so the curves and headline figures are the population's; the
 * cohort's, as sampled, stand beside them. With a sample of accounts published, each row also counts
 * as `sample_weight` cohort user-days and the cohort's counts are estimates.
 */
import {averagePrecision, averagePrecisionOfCurve} from "../detect/averagePrecision.js";
import {precisionRecallCurve, thresholdMetrics, weightedRates, type ThresholdMetrics} from "../detect/threshold.js";
import {countedShare, shareText} from "../stats/compareShares.js";

export const DETECTORS = ["Logistic regression", "Heuristic"] as const;
export type Detector = (typeof DETECTORS)[number];
export type ByDetector<T> = Record<Detector, T>;

/** A row of scored_user_day.arrow, as far as the page reads it. */
export interface ScoredUserDay {
  date: Date;
  risk: number;
  risk_lo: number;
  risk_hi: number;
  heuristic: number;
  truth_abusive: boolean;
  weight: number;
  sample_weight: number;
}

/** What the page reads of model.json. */
export interface DetectionModel {
  test: {rows: number; positives: number};
  sample: {sampled: boolean};
  averagePrecision: {model: number; heuristic: number};
  averagePrecisionCohort: {model: number; heuristic: number};
}

export type CurvePoint = {detector: Detector; threshold: number; precision: number; recall: number; selected: number};

/** The scored rows as columns: each detector's scores, the labels, the population and the sample weights. */
export function detectionColumns(scored: readonly ScoredUserDay[]) {
  return {
    truth: scored.map((d) => d.truth_abusive),
    scores: {"Logistic regression": Float64Array.from(scored, (d) => d.risk), Heuristic: Float64Array.from(scored, (d) => d.heuristic)} as ByDetector<Float64Array>,
    weight: Float64Array.from(scored, (d) => d.weight),
    sampleWeight: Float64Array.from(scored, (d) => d.sample_weight)
  };
}
export type DetectionColumns = ReturnType<typeof detectionColumns>;

/** A curve thinned for drawing, a point per 0.1% of recall (and both ends); average precision uses every point. */
export function thinCurve(detector: Detector, curve: readonly {threshold: number; precision: number; recall: number; selected: number}[]): CurvePoint[] {
  return curve.filter((p, i) => i === 0 || i === curve.length - 1 || Math.floor(p.recall * 1000) !== Math.floor(curve[i - 1].recall * 1000)).map((p) => ({detector, ...p}));
}

/**
 * The figures that no input moves: prevalence (a random ranking's average precision), the curves and
 * their average precision, weighted and as sampled. The cards show the build's average precision, from
 * every user-day, where the page reads a sample (`model.sample.sampled`).
 */
export function detectionSummary(scored: readonly ScoredUserDay[], model: DetectionModel, columns: DetectionColumns = detectionColumns(scored)) {
  const {truth, scores, weight, sampleWeight} = columns;
  const sampled = model.sample.sampled;
  const curves = {} as ByDetector<ReturnType<typeof precisionRecallCurve>>;
  const ap = {} as ByDetector<number>;
  const apCohort = {} as ByDetector<number>;
  for (const detector of DETECTORS) {
    curves[detector] = precisionRecallCurve(scores[detector], truth, weight);
    ap[detector] = averagePrecisionOfCurve(curves[detector]);
    apCohort[detector] = averagePrecision(scores[detector], truth, sampleWeight);
  }
  const fromBuild = (ap: {model: number; heuristic: number}): ByDetector<number> => ({"Logistic regression": ap.model, Heuristic: ap.heuristic});
  return {
    sampled,
    /** Marks the cohort's counts as estimates when the page reads a sample. */
    approx: sampled ? "≈ " : "",
    prevalence: model.test.positives / model.test.rows,
    populationPrevalence: scored.reduce((s, d, i) => s + (d.truth_abusive ? weight[i] : 0), 0) / weight.reduce((a, b) => a + b, 0),
    evalDays: new Set(scored.map((d) => d.date.getTime())).size,
    cohortRows: sampleWeight.reduce((a, b) => a + b, 0),
    ap,
    apCard: sampled ? fromBuild(model.averagePrecision) : ap,
    apCohortCard: sampled ? fromBuild(model.averagePrecisionCohort) : apCohort,
    curvePoints: DETECTORS.flatMap((detector) => thinCurve(detector, curves[detector]))
  };
}

/**
 * Both detectors at `threshold`: weighted to the population and counted on the cohort; the shown
 * detector's confusion matrix over `cohortRows` cohort user-days; and the user-days whose bootstrap
 * band straddles the threshold (the model's), which go to a human.
 */
export function thresholdView(scored: readonly ScoredUserDay[], columns: DetectionColumns, threshold: number, shown: Detector, cohortRows: number) {
  const {truth, scores, weight, sampleWeight} = columns;
  const at = {} as ByDetector<ThresholdMetrics>;
  const population = {} as ByDetector<{precision: number; recall: number}>;
  for (const detector of DETECTORS) {
    at[detector] = thresholdMetrics(scores[detector], truth, threshold, sampleWeight);
    population[detector] = weightedRates(scores[detector], truth, weight, threshold);
  }
  const current = DETECTORS.map((detector) => ({detector, threshold, precision: population[detector].precision, recall: population[detector].recall, selected: at[detector].selected}));
  const m = at[shown];
  let uncertain = 0;
  let uncertainAbusive = 0;
  scored.forEach((d, i) => {
    if (!(d.risk_lo < threshold && d.risk_hi >= threshold)) return;
    uncertain += sampleWeight[i];
    if (d.truth_abusive) uncertainAbusive += sampleWeight[i];
  });
  const confusion = {tp: m.truePositives, fp: m.falsePositives, fn: m.falseNegatives, tn: cohortRows - m.selected - m.falseNegatives};
  return {population, current, m, pop: population[shown], confusion, uncertain, uncertainAbusive};
}

/** "(1,234 of 1,690; 95% CI 70.7–75.0%)" for a cohort count; a count estimated from a sample has no interval. */
export function cohortIntervalText(hits: number, of: number, sampled: boolean): string {
  return sampled ? "(estimated from the sample)" : shareText(countedShare(hits, of)).replace(/^[^(]*\(/, "(");
}

/** The harmonic mean of precision and recall; NaN when both are 0 or either is undefined. */
export function f1Score({precision, recall}: {precision: number; recall: number}): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : NaN;
}

/** The user-days the shown detector flags at the threshold (the heuristic's score or the model's risk). */
export function flaggedUserDays<T extends ScoredUserDay>(scored: readonly T[], shown: Detector, threshold: number): T[] {
  return scored.filter((d) => (shown === "Heuristic" ? d.heuristic : d.risk) >= threshold);
}

/** The most points a user-day can earn from the heuristic's rules: its scores are points over this. */
export function heuristicMaxPoints(rules: readonly {max: number}[]): number {
  return rules.reduce((s, r) => s + r.max, 0);
}
