import * as Plot from "@observablehq/plot";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** A 2×2 confusion matrix: flagged or not against the ground truth, with counts and shares. */
export function confusionChart({tp, fp, fn, tn}: Confusion, {width = 320, height = 220}: {width?: number; height?: number} = {}) {
  const total = tp + fp + fn + tn;
  const cells = [
    {predicted: "Flagged", actual: "Abusive", n: tp, name: "True positives"},
    {predicted: "Flagged", actual: "Benign", n: fp, name: "False positives"},
    {predicted: "Not flagged", actual: "Abusive", n: fn, name: "False negatives"},
    {predicted: "Not flagged", actual: "Benign", n: tn, name: "True negatives"}
  ];
  return saveable(Plot.plot({
    width,
    height,
    marginLeft: 80,
    x: {domain: ["Abusive", "Benign"], label: "Ground truth", axis: "top"},
    y: {domain: ["Flagged", "Not flagged"], label: "Detector"},
    color: {domain: [true, false], range: ["#3ca951", "#b2182b"]},
    marks: [
      Plot.cell(cells, {x: "actual", y: "predicted", fill: (d) => (d.predicted === "Flagged") === (d.actual === "Abusive"), fillOpacity: 0.25, inset: 1}),
      Plot.text(cells, {x: "actual", y: "predicted", text: (d) => `${formatCount(d.n)}\n${formatPercent(total ? d.n / total : 0)}`, fontSize: 15, fill: "currentColor"}),
      Plot.tip(cells, Plot.pointer({x: "actual", y: "predicted", title: (d) => `${d.name}: ${formatCount(d.n)} user-days`}))
    ]
  }), {name: "confusion", rows: cells});
}
