import * as Inputs from "@observablehq/inputs";
import {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
import type {LabelLeakRow} from "../lib/science/modelCard.js";

const three = (x: number) => formatNumber(x, 3);
const percent = (x: number) => formatPercent(x);
const count = (x: number) => formatCount(x);

/** The model's features: definition, coefficient with its 90% bootstrap band, and the training mean and sd. */
export function featureTable(features: readonly object[]) {
  return Inputs.table(features, {
    columns: ["label", "description", "coefficient", "lo", "hi", "mean", "scale"],
    header: {label: "Feature", description: "Definition", coefficient: "Coefficient", lo: "90% low", hi: "90% high", mean: "Training mean", scale: "Training sd"},
    format: {coefficient: three, lo: three, hi: three, mean: three, scale: three},
    width: {description: 320},
    layout: "auto",
    select: false
  });
}

/** Each label's positive share on days with and without a block, and both detectors' AP against it. */
export function labelLeakTable(rows: readonly LabelLeakRow[]) {
  return Inputs.table(rows, {
    columns: ["label", "withBlock", "withoutBlock", "apModel", "apHeuristic"],
    header: {label: "Label", withBlock: "Days with a block", withoutBlock: "Days without", apModel: "AP, model", apHeuristic: "AP, heuristic"},
    format: {withBlock: percent, withoutBlock: percent, apModel: three, apHeuristic: three},
    layout: "auto",
    select: false
  });
}

/** Performance per slice of accounts; precision and recall at the policy's warn threshold. */
export function sliceTable(slices: readonly object[], {threshold}: {threshold: number}) {
  return Inputs.table(slices, {
    columns: ["slice", "rows", "positives", "apModel", "apHeuristic", "precision", "recall", "falsePositiveRate"],
    header: {slice: "Slice", rows: "User-days", positives: "Abusive", apModel: "AP, model", apHeuristic: "AP, heuristic", precision: `Precision at ${threshold}`, recall: `Recall at ${threshold}`, falsePositiveRate: "False-positive rate"},
    format: {rows: count, positives: count, apModel: three, apHeuristic: three, precision: percent, recall: percent, falsePositiveRate: percent},
    layout: "auto",
    select: false
  });
}
