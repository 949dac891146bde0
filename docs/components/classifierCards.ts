/**
 * The classifier health page's controls and card grids (docs/ops/classifier.md), over the figures of
 * src/ops/classifierView.ts, and the charts it draws, so that the page imports one module of components.
 */
import * as Inputs from "@observablehq/inputs";
import {CATEGORIES} from "../lib/core/constants.js";
import {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
import {rateBasis, rateText} from "../lib/detect/detectionRates.js";
import {FLAG_SCORES} from "../lib/io/contracts.js";
import {ALL_CATEGORIES, categoryLabel, precisionFigure, type BlockingResult, type ClassifierData, type ClassifierScope, type DriftAlerts} from "../lib/ops/classifierView.js";
import {ALERT_LEVELS} from "../lib/ops/targets.js";
import {downloadButtons} from "./download.js";
import {kpiCard, statCard} from "./kpiCard.js";
import {linked} from "./urlState.js";

export {periodControl} from "./periodControl.js";
export {periodNote} from "./periodNote.js";
export {sampleNote} from "./sampleNote.js";
export {categoryColor, severityColor} from "./palette.js";
export {scoreDriftChart} from "./scoreDriftChart.js";
export {scoreBoxChart} from "./scoreBoxChart.js";
export {calibrationChart} from "./calibrationChart.js";
export {thresholdChart} from "./thresholdChart.js";
export {needsCard, needsPointer} from "./needsCard.js";
export {lacking, VIOLATION_TRUTH_NEED} from "../lib/io/import/needs.js";

const score = (x: number) => formatNumber(x, 3);

/** The policy category, in the URL as `category`. */
export function categoryInput(): HTMLElement & {value: string} {
  return linked("category", Inputs.select([ALL_CATEGORIES, ...CATEGORIES], {label: "Category", format: categoryLabel}));
}

/** The drift alert threshold, in the URL as `drift`. */
export function driftInput(): HTMLElement & {value: number} {
  return linked("drift", Inputs.range([0.6, 0.95], {label: "Drift alert threshold", step: 0.005, value: ALERT_LEVELS.driftScore}));
}

/** The auto-blocking threshold, in the URL as `block`, starting on the policy's to the slider's step. */
export function blockInput(policyThreshold: number): HTMLElement & {value: number} {
  return linked("block", Inputs.range([0.5, 1], {label: "Auto-block at score ≥", step: 0.005, value: Math.round(policyThreshold * 200) / 200}));
}

/** The drift section's cards: the last and lowest 7-day means, days under the threshold, violations scored. */
export function driftCards({firstWeek, lastWeek, alertDays, violations, lowest}: DriftAlerts, threshold: number, to: string): HTMLElement[] {
  const first = firstWeek as number, last = lastWeek as number;
  return [
    statCard({title: "Score on true violations, last 7 days", value: last, format: score, kind: "level", note: `7-day mean to ${to}; first 7 days of the range: ${score(first)} (${last >= first ? "+" : "−"}${formatNumber(Math.abs(last - first), 3)})`}),
    statCard({title: "Days under the alert threshold", value: alertDays.length, format: formatCount, note: alertDays.length ? `First on ${alertDays[0].date}, threshold ${score(threshold)}` : `Threshold ${score(threshold)}`}),
    statCard({title: "True violations scored", value: violations, format: formatCount, note: "Flags in range that violate policy (ground truth)"}),
    statCard({title: "Lowest 7-day mean", value: lowest, format: score, kind: "level", note: "Over the range"})
  ];
}

/** The dictionary's detection precision over the range, in the category, against the chosen period. */
export function precisionCard(data: ClassifierData, {range, previous, category}: Pick<ClassifierScope, "range" | "previous" | "category">): HTMLElement {
  const note = category === ALL_CATEGORIES ? "Flags raised by the AI classifier that are true violations (ground truth)" : `Flags raised by the AI classifier in ${categoryLabel(category)} only`;
  return kpiCard(precisionFigure(data, category, range), {previous: previous ? precisionFigure(data, category, previous) : null, note});
}

/** Auto-blocking at the chosen threshold against the policy's: precision, recall, blocks per day, benign content blocked. */
export function blockingCards({metrics: at, rates}: BlockingResult, policy: BlockingResult, policyThreshold: number, days: number): HTMLElement[] {
  return [
    statCard({title: "Precision at the threshold", value: at.precision, format: formatPercent, kind: "share", note: `${rateBasis(rates.precision, 1)}. Blocked flags that are true violations (policy threshold ${score(policyThreshold)}: ${rateText(policy.rates.precision, 1)})`}),
    statCard({title: "Recall at the threshold", value: at.recall, format: formatPercent, kind: "share", note: `${rateBasis(rates.recall, 1)}. True violations in range that would be blocked (policy: ${rateText(policy.rates.recall, 1)})`}),
    statCard({title: "Blocked per day", value: at.selected / days, format: formatCount, note: `${formatCount(at.selected)} flags in ${days} days (policy: ${formatCount(policy.metrics.selected)})`}),
    statCard({title: "Benign content blocked", value: at.falsePositives, format: formatCount, note: `False positives that appeals would have to undo (policy: ${formatCount(policy.metrics.falsePositives)})`})
  ];
}

/** CSV and Arrow buttons for the sampled flags in scope. */
export function flagsDownload({rows, range}: Pick<ClassifierScope, "rows" | "range">): HTMLElement {
  return downloadButtons(rows, FLAG_SCORES, {filename: `flag_scores_${range.from}_${range.to}`, label: "flags"});
}
