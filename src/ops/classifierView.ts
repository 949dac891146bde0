/**
 * The classifier health page's figures, section by section: drift of the score on true violations
 * (from score_outcomes, every flag), score distributions, calibration and auto-blocking (from
 * flag_scores, a fixed sample). Each function takes what one section's inputs change, so a page cell
 * recomputes only its section.
 */
import {addDays, dateRange} from "../core/calendar.js";
import {CATEGORIES, CATEGORY_LABELS, SEVERITIES} from "../core/constants.js";
import {formatNumber} from "../core/format.js";
import {scoreSampleRate} from "../core/sampling.js";
import {detectionRates, rate, rateText, type DetectionRates, type Rate} from "../detect/detectionRates.js";
import {belowThreshold, dailyMean, trailingMean} from "../detect/drift.js";
import {calibrationError, reliabilityBins, type ReliabilityBin} from "../detect/reliability.js";
import {precisionRecallCurve, thresholdMetrics, type ThresholdMetrics} from "../detect/threshold.js";
import {measureKpi, type KpiFigure} from "../metrics/kpiFigure.js";
import type {Period} from "../metrics/periods.js";
import {percentilesBy, type GroupPercentiles} from "./percentiles.js";
import {WORLD_RANGE, clampRange, rangeDates, toDay, type DateRange} from "./range.js";

type Row = Record<string, any>;

/** The category input's choice that filters nothing. */
export const ALL_CATEGORIES = "All categories";

export interface ClassifierData {
  /** A fixed sample of flags with their scores (every flag up to 100,000), dates as days. */
  flags: Row[];
  /** Every flag counted by day, category, source, severity, route and outcome, with its scores summed. */
  outcomes: Row[];
  /** The share of flags the sample holds. */
  scoreRate: number;
  /** The routing policy's auto-block threshold: the lowest score that was auto-blocked. */
  policyThreshold: number;
}

/** The files, with dates as days, and what the page reads of them before any input. */
export function classifierData(files: {flag_scores: Row[]; score_outcomes: Row[]}, catalog: {flagsSimulated: number}): ClassifierData {
  const days = (rows: Row[]): Row[] => rows.map((r) => ({...r, date: toDay(r.date)}));
  const flags = days(files.flag_scores);
  return {
    flags,
    outcomes: days(files.score_outcomes),
    scoreRate: scoreSampleRate(catalog.flagsSimulated),
    policyThreshold: Math.min(...flags.filter((f) => f.route === "auto_block").map((f) => f.ml_score))
  };
}

/** "Spam" for a category, or the input's "All categories". */
export function categoryLabel(category: string): string {
  return category === ALL_CATEGORIES ? category : (CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS] ?? category);
}

export interface ClassifierScope {
  range: DateRange;
  dates: string[];
  /** The period the cards compare with (the control's choice), or null. */
  previous: Period | null;
  category: string;
  /** The sampled flags in range and category. */
  rows: Row[];
  /** What the period note says the page covers. */
  scopeText: string;
}

const inCategory = (category: string) => (f: Row) => category === ALL_CATEGORIES || f.category === category;

/** The range the period control picked, inside the calendar, and the sampled flags in it and in the category. */
export function classifierScope(data: ClassifierData, picked: {from: string | Date; to: string | Date; previous: Period | null}, category: string): ClassifierScope {
  const range = clampRange(picked.from, picked.to);
  const keep = inCategory(category);
  return {
    range,
    dates: rangeDates(range),
    previous: picked.previous,
    category,
    rows: data.flags.filter((f) => f.date >= range.from && f.date <= range.to && keep(f)),
    scopeText: category === ALL_CATEGORIES ? "all regions, all categories" : `all regions, ${categoryLabel(category)}`
  };
}

/**
 * The dictionary's detection precision over a window; under a category filter, the same definition on
 * that category's flags, and its place says so.
 */
export function precisionFigure(data: ClassifierData, category: string, window: DateRange): KpiFigure {
  const figure = measureKpi("detection_precision", {flags: category === ALL_CATEGORIES ? data.outcomes : data.outcomes.filter(inCategory(category))}, window);
  return category === ALL_CATEGORIES ? figure : {...figure, place: `all; categories: ${category}`};
}

/** Days in the drift's rolling mean. */
export const ROLL_WINDOW = 7;

export interface DriftSeries {
  /** Each day's mean score on true violations, from the 6 days before the range (inside the calendar) on. */
  means: {date: string; mean: number; n: number}[];
  rolling: Float64Array;
  from: string;
}

/** The daily and 7-day rolling mean score of true violations in the category; the threshold is applied apart. */
export function driftSeries(data: ClassifierData, {range, category}: Pick<ClassifierScope, "range" | "category">): DriftSeries {
  // The rolling mean needs the 6 days before the range, so the series starts earlier and is cut after.
  const seriesStart = addDays(range.from, -(ROLL_WINDOW - 1));
  const seriesDates = dateRange(seriesStart < WORLD_RANGE.from ? WORLD_RANGE.from : seriesStart, range.to);
  const keep = inCategory(category);
  const violations = data.outcomes.filter((f) => f.is_violation && keep(f));
  const means = dailyMean(violations, seriesDates, (f) => f.date, (f) => f.score_sum, (f) => f.n);
  return {means, rolling: trailingMean(means.map((d) => d.mean), ROLL_WINDOW), from: range.from};
}

export interface DriftDay {
  date: string;
  mean: number;
  n: number;
  rolling: number;
  alert: boolean;
}

export interface DriftAlerts {
  /** The range's days with their rolling mean and whether it is under the threshold. */
  days: DriftDay[];
  firstWeek: number | undefined;
  lastWeek: number | undefined;
  alertDays: DriftDay[];
  /** True violations scored in the range. */
  violations: number;
  lowest: number;
}

/** The drift series against an alert threshold. */
export function driftAlerts({means, rolling, from}: DriftSeries, threshold: number): DriftAlerts {
  const alerts = belowThreshold(rolling, threshold);
  const days = means.map((d, i) => ({...d, rolling: rolling[i], alert: alerts[i]})).filter((d) => d.date >= from);
  return {
    days,
    firstWeek: days[Math.min(days.length - 1, ROLL_WINDOW - 1)]?.rolling,
    lastWeek: days[days.length - 1]?.rolling,
    alertDays: days.filter((d) => d.alert),
    violations: days.reduce((s, d) => s + d.n, 0),
    lowest: Math.min(...days.map((d) => d.rolling).filter(Number.isFinite))
  };
}

/** Score percentiles (5, 25, 50, 75, 95) by category and by severity. */
export function scoreBoxes(rows: readonly Row[]): {byCategory: GroupPercentiles[]; bySeverity: GroupPercentiles[]} {
  const ps = [0.05, 0.25, 0.5, 0.75, 0.95];
  return {
    byCategory: percentilesBy(rows, (f) => f.category, (f) => f.ml_score, ps, CATEGORIES),
    bySeverity: percentilesBy(rows, (f) => f.severity, (f) => f.ml_score, ps, SEVERITIES)
  };
}

export interface Calibration {
  scores: Float64Array;
  truth: boolean[];
  bins: ReliabilityBin[];
  /** Expected calibration error. */
  ece: number;
  /** The bin whose mean score is furthest from its share of true violations, that share with its 95% Wilson interval, and whether the score lies inside. */
  worstBin: ReliabilityBin;
  worstRate: Rate;
  scoreInside: boolean;
}

/** The flags' scores cut into ten bins against the share of true violations in each. */
export function calibration(rows: readonly Row[]): Calibration {
  const scores = Float64Array.from(rows, (f) => f.ml_score);
  const truth = rows.map((f) => f.is_violation);
  const bins = reliabilityBins(scores, truth, 10);
  const worstBin = bins.filter((b) => b.n > 0).reduce((a, b) => (Math.abs(b.predicted - b.observed) > Math.abs(a.predicted - a.observed) ? b : a));
  const worstRate = rate(Math.round(worstBin.observed * worstBin.n), worstBin.n);
  return {scores, truth, bins, ece: calibrationError(bins), worstBin, worstRate, scoreInside: worstBin.predicted >= worstRate.lower && worstBin.predicted <= worstRate.upper};
}

/** What the largest calibration gap says. */
export function calibrationGapText({worstBin, worstRate, scoreInside}: Pick<Calibration, "worstBin" | "worstRate" | "scoreInside">): string {
  const verdict = scoreInside
    ? "The mean score lies inside the interval of the observed rate: this gap is within sampling noise."
    : worstBin.observed > worstBin.predicted
      ? "The score is under the interval of the observed rate: there it understates the risk."
      : "The score is over the interval of the observed rate: there it overstates the risk.";
  return `The largest gap is in the ${formatNumber(worstBin.lo, 1)}–${formatNumber(worstBin.hi, 1)} bin: a mean score of ${formatNumber(worstBin.predicted, 3)} against ${rateText(worstRate, 1)} true violations. ${verdict}`;
}

export interface BlockingResult {
  metrics: ThresholdMetrics;
  rates: DetectionRates;
}

/** Auto-blocking every sampled flag in scope at or above `threshold`, against ground truth. */
export function blockingAt({scores, truth}: Pick<Calibration, "scores" | "truth">, threshold: number): BlockingResult {
  const metrics = thresholdMetrics(scores, truth, threshold);
  return {metrics, rates: detectionRates({tp: metrics.truePositives, fp: metrics.falsePositives, fn: metrics.falseNegatives})};
}

/** The precision-recall curve over every threshold, and the routing policy's own threshold on it. */
export function blockingCurve(cal: Pick<Calibration, "scores" | "truth">, policyThreshold: number): {curve: ReturnType<typeof precisionRecallCurve>; policy: BlockingResult} {
  return {curve: precisionRecallCurve(cal.scores, cal.truth), policy: blockingAt(cal, policyThreshold)};
}
