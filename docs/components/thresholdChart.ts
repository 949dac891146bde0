import * as Plot from "@observablehq/plot";
import {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;
/** Threshold at which the lines are labelled. */
const LABEL_AT = 0.35;

function nearest<T extends {threshold: number}>(points: T[], at: number): T | undefined {
  let best: T | undefined;
  for (const p of points) if (!best || Math.abs(p.threshold - at) < Math.abs(best.threshold - at)) best = p;
  return best;
}

export interface CurvePoint {
  threshold: number;
  precision: number;
  recall: number;
  selected: number;
}

/**
 * What a score threshold gives against ground truth: precision (solid) and recall (dashed) of acting
 * on every flag scored at or above it, with the chosen threshold and the routing policy's current
 * auto-block threshold as rules.
 */
export function thresholdChart(curve: readonly CurvePoint[], {width, height = 280, threshold, current}: {width?: number; height?: number; threshold: number; current?: number}) {
  // A few hundred points draw the same curve as every distinct score.
  const step = Math.max(1, Math.floor(curve.length / 400));
  const points = curve.filter((_, i) => i % step === 0 || i === curve.length - 1);
  const long = points.flatMap((p) => [
    {threshold: p.threshold, metric: "Precision", value: p.precision, selected: p.selected},
    {threshold: p.threshold, metric: "Recall", value: p.recall, selected: p.selected}
  ]);
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: {domain: [0, 1], grid: true, label: "Auto-block threshold (classifier score) →"},
    y: {domain: [0, 100], grid: true, label: "Precision / recall (%)", percent: true},
    marks: [
      Plot.line(long.filter((d) => d.metric === "Precision"), {x: "threshold", y: "value", stroke: "var(--theme-foreground-focus)", strokeWidth: 2}),
      Plot.line(long.filter((d) => d.metric === "Recall"), {x: "threshold", y: "value", stroke: "var(--theme-foreground-focus)", strokeDasharray: "5,4", strokeWidth: 2}),
      // Each line is named where the two are apart and clear of the axis label and the rules.
      Plot.text(["Precision", "Recall"].flatMap((metric) => nearest(long.filter((d) => d.metric === metric), LABEL_AT) ?? []), {x: "threshold", y: "value", text: "metric", dy: -8, textAnchor: "middle", fill: "var(--theme-foreground)"}),
      current === undefined ? null : Plot.ruleX([current], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "2,3"}),
      current === undefined ? null : Plot.text([current], {x: (t: number) => t, frameAnchor: "bottom", text: (t: number) => `policy ${formatNumber(t, 3)}`, dy: -4, dx: -4, textAnchor: "end", fill: "var(--theme-foreground-muted)"}),
      Plot.ruleX([threshold], {stroke: "#b2182b", strokeWidth: 2}),
      Plot.text([threshold], {x: (t: number) => t, frameAnchor: "top", text: (t: number) => `chosen ${formatNumber(t, 3)}`, dy: 4, dx: threshold > 0.7 ? -4 : 4, textAnchor: threshold > 0.7 ? "end" : "start", fill: "currentColor"}),
      Plot.tip(long, Plot.pointerX({x: "threshold", y: "value", z: "metric", title: (d: (typeof long)[number]) => `${d.metric} at score >= ${formatNumber(d.threshold, 3)}: ${formatPercent(d.value)}\n${formatCount(d.selected)} flags at or above`}))
    ]
  }), {name: "threshold", rows: curve});
}
